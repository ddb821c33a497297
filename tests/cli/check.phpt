--TEST--
bin/loyalty check: ok with counts and warnings (exit 0); a config error with its path, column and caret (exit 1); a missing file; usage errors (exit 2)
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (!is_file(__DIR__ . '/../../polyfill/bin/loyalty')) die('skip the command line ships with the polyfill, not in the PECL package'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$ex = 'examples';
show(cli('check', "$ex/cli/draft.json"));
$bad = tmp('bad.json', '{"segments": {"vip": "orders >= 5 and city = \'Paris\'"}}');
[$code, $out] = cli('check', $bad);
echo "exit $code\n", str_replace($bad, 'bad.json', $out);
$typo = tmp('typo.json', '{"advantages": [{"id": "a", "tiers": [{"discount": 5}], "combinabel": true}]}');
[$code, $out] = cli('check', $typo);
echo "exit $code\n", str_replace($typo, 'typo.json', $out);
$json = tmp('json.json', '{"advantages": [');
[$code, $out] = cli('check', $json);
echo "exit $code\n", str_replace($json, 'json.json', $out);
show(cli('check', '/no/such/file.json'));
show(cli('check'));
show(cli('frobnicate', 'x'));
show(cli('check', 'a', 'b'));
[$code, , $err] = cli();
echo "exit $code, ", strtok($err, "\n"), "\n";
unlink($bad); unlink($typo); unlink($json);
?>
--EXPECT--
exit 0
examples/cli/draft.json: ok: 1 segments, 2 advantages, 1 loyalty brackets, timezone UTC
exit 1
bad.json: error: segments.vip: unexpected character '=' at column 22
orders >= 5 and city = 'Paris'
                     ^
exit 1
typo.json: error: advantages[0].combinabel: unknown key
exit 1
json.json: error: settings: invalid JSON: Syntax error
exit 1
stderr: loyalty: /no/such/file.json: no such readable file
exit 2
stderr: loyalty: check: wrong number of arguments
usage: loyalty check SETTINGS.json
       loyalty explain SETTINGS.json CART.json CUSTOMER.json [--at DATE]
       loyalty backtest SETTINGS.json [DRAFT.json] ORDERS.jsonl|ORDERS.csv [--json] [--quiet]
       loyalty segment SETTINGS.json NAME CUSTOMERS.jsonl|CUSTOMERS.csv [--at DATE] [--quiet]
       loyalty segment SETTINGS.json NAME --columns MAP.json --sql [--dialect mysql|sqlite] [--at DATE] [--json]
       loyalty segment SETTINGS.json NAME --columns MAP.json --dsn DSN --from TABLE [--user U] [--password P] [--at DATE] [--quiet]
exit 2
stderr: loyalty: unknown command 'frobnicate'
usage: loyalty check SETTINGS.json
       loyalty explain SETTINGS.json CART.json CUSTOMER.json [--at DATE]
       loyalty backtest SETTINGS.json [DRAFT.json] ORDERS.jsonl|ORDERS.csv [--json] [--quiet]
       loyalty segment SETTINGS.json NAME CUSTOMERS.jsonl|CUSTOMERS.csv [--at DATE] [--quiet]
       loyalty segment SETTINGS.json NAME --columns MAP.json --sql [--dialect mysql|sqlite] [--at DATE] [--json]
       loyalty segment SETTINGS.json NAME --columns MAP.json --dsn DSN --from TABLE [--user U] [--password P] [--at DATE] [--quiet]
exit 2
stderr: loyalty: check: wrong number of arguments
usage: loyalty check SETTINGS.json
       loyalty explain SETTINGS.json CART.json CUSTOMER.json [--at DATE]
       loyalty backtest SETTINGS.json [DRAFT.json] ORDERS.jsonl|ORDERS.csv [--json] [--quiet]
       loyalty segment SETTINGS.json NAME CUSTOMERS.jsonl|CUSTOMERS.csv [--at DATE] [--quiet]
       loyalty segment SETTINGS.json NAME --columns MAP.json --sql [--dialect mysql|sqlite] [--at DATE] [--json]
       loyalty segment SETTINGS.json NAME --columns MAP.json --dsn DSN --from TABLE [--user U] [--password P] [--at DATE] [--quiet]
exit 2, usage: loyalty check SETTINGS.json
