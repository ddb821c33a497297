--TEST--
Expressions: like / not like, case-insensitive glob with * and ?
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
const NOW = 1700000000; // 2023-11-14 22:13:20 UTC

function check(string $expr, array $customer = [], $now = NOW): bool {
    $p = Loyalty\Program::fromArray(['segments' => ['s' => $expr]]);
    return (new Loyalty\Engine($p))->inSegment('s', $customer, $now);
}
function show(string $expr, array $customer = []): void {
    echo $expr, ' => ', var_export(check($expr, $customer), true), "\n";
}
function err(string $expr): void {
    try {
        check($expr);
        echo "compiled: $expr\n";
    } catch (Loyalty\ExpressionException $e) {
        echo $e->getMessage(), "\n";
    }
}

function m(string $pattern, string $value): void {
    $r = check("city like '$pattern'", ['city' => $value]);
    $n = check("city not like '$pattern'", ['city' => $value]);
    printf("%-12s %-12s like=%s not_like=%s\n", "'$pattern'", "'$value'", var_export($r, true), var_export($n, true));
}
echo "--- '*' any run of bytes, '?' exactly one byte, anchored at both ends\n";
m('75*', '75011');
m('75*', '75');
m('75*', '7501');
m('75*', '69001');
m('75*', 'x75011');
m('*11', '75011');
m('*11', '75012');
m('*01*', '75011');
m('*', '');
m('*', 'anything');
m('', '');
m('', 'a');
m('?', '');
m('?', 'a');
m('?', 'ab');
m('??', 'ab');
m('7?0*', '75011');
m('7?0*', '7011');
m('a*b*c', 'aXbYbc');
m('a*b*c', 'aXbYbcd');
m('a**c', 'ac');
m('*a*a*', 'banana');
m('*ana', 'banana');
m('b*n?n*', 'banana');
m('?????', 'Paris');
m('????', 'Paris');
echo "--- case-insensitive\n";
m('paris', 'PARIS');
m('PA?IS', 'paris');
m('p*', 'Paris');
m('*IS', 'paris');
echo "--- no other special characters\n";
m('%', 'x');
m('%', '%');
m('_', 'x');
m('_', '_');
m('.*', 'x');
m('.*', '.x');
m('[ab]', 'a');
m('[ab]', '[AB]');
m('a+', 'aa');
m('a+', 'a+');
echo "--- quotes inside the pattern\n";
show("city like 'l\\'*'", ['city' => "L'Isle-Adam"]);
show("city like \"l'*\"", ['city' => "L'Isle-Adam"]);
echo "--- other string operands\n";
show("postcode like '75*'", ['postcode' => '75011']);
show("country like 'f?'", ['country' => 'FR']);
show("lower(city) like 'PAR*'", ['city' => 'Paris']);
show("attr.tier like 'g*'", ['attributes' => ['tier' => 'Gold']]);
show("attr.tier not like 'g*'", ['attributes' => ['tier' => 'Silver']]);
show("'Paris' like 'p*'", []);
show("postcode like '75*' and city not like 'lyon*'", ['postcode' => '75011', 'city' => 'Paris']);
echo "--- type errors\n";
err("orders like 'x'");
err("groups like 'x'");
err("active not like 'x'");
err("city like city");
err("city like 1");
err("city like lower('x')");
err("city like");
?>
--EXPECT--
--- '*' any run of bytes, '?' exactly one byte, anchored at both ends
'75*'        '75011'      like=true not_like=false
'75*'        '75'         like=true not_like=false
'75*'        '7501'       like=true not_like=false
'75*'        '69001'      like=false not_like=true
'75*'        'x75011'     like=false not_like=true
'*11'        '75011'      like=true not_like=false
'*11'        '75012'      like=false not_like=true
'*01*'       '75011'      like=true not_like=false
'*'          ''           like=true not_like=false
'*'          'anything'   like=true not_like=false
''           ''           like=true not_like=false
''           'a'          like=false not_like=true
'?'          ''           like=false not_like=true
'?'          'a'          like=true not_like=false
'?'          'ab'         like=false not_like=true
'??'         'ab'         like=true not_like=false
'7?0*'       '75011'      like=true not_like=false
'7?0*'       '7011'       like=false not_like=true
'a*b*c'      'aXbYbc'     like=true not_like=false
'a*b*c'      'aXbYbcd'    like=false not_like=true
'a**c'       'ac'         like=true not_like=false
'*a*a*'      'banana'     like=true not_like=false
'*ana'       'banana'     like=true not_like=false
'b*n?n*'     'banana'     like=true not_like=false
'?????'      'Paris'      like=true not_like=false
'????'       'Paris'      like=false not_like=true
--- case-insensitive
'paris'      'PARIS'      like=true not_like=false
'PA?IS'      'paris'      like=true not_like=false
'p*'         'Paris'      like=true not_like=false
'*IS'        'paris'      like=true not_like=false
--- no other special characters
'%'          'x'          like=false not_like=true
'%'          '%'          like=true not_like=false
'_'          'x'          like=false not_like=true
'_'          '_'          like=true not_like=false
'.*'         'x'          like=false not_like=true
'.*'         '.x'         like=true not_like=false
'[ab]'       'a'          like=false not_like=true
'[ab]'       '[AB]'       like=true not_like=false
'a+'         'aa'         like=false not_like=true
'a+'         'a+'         like=true not_like=false
--- quotes inside the pattern
city like 'l\'*' => true
city like "l'*" => true
--- other string operands
postcode like '75*' => true
country like 'f?' => true
lower(city) like 'PAR*' => true
attr.tier like 'g*' => true
attr.tier not like 'g*' => true
'Paris' like 'p*' => true
postcode like '75*' and city not like 'lyon*' => true
--- type errors
segments.s: 'like' needs a string on the left, got number at column 8
orders like 'x'
       ^
segments.s: 'like' needs a string on the left, got list of strings at column 8
groups like 'x'
       ^
segments.s: 'like' needs a string on the left, got bool at column 8
active not like 'x'
       ^
segments.s: 'like' needs a string literal pattern at column 11
city like city
          ^
segments.s: 'like' needs a string literal pattern at column 11
city like 1
          ^
segments.s: 'like' needs a string literal pattern at column 11
city like lower('x')
          ^
segments.s: 'like' needs a string literal pattern at column 10
city like
         ^
