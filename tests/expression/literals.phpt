--TEST--
Expressions: number, string and boolean literals
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
// its customer fields are 64-bit PHP ints (spent = PHP_INT_MAX at the int64 edge); tests/expression/int64_edges.phpt reaches the same edges with literals on every platform
if (PHP_INT_SIZE === 4) die('skip 64-bit PHP only');
?>
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

$c = ['orders' => 7, 'spent' => PHP_INT_MAX, 'city' => "it's", 'postcode' => 'say "hi"', 'country' => 'a\\b',
      'attributes' => ['bs' => 'a\\nb', 'nl' => "a\nb", 'u' => 'Île-de-France']];
echo "--- numbers\n";
show('orders == 7', $c);
show('orders == 007', $c);
show('0 == 0', $c);
show('0.0 == 0', $c);
show('12.5 > 12', $c);
show('12.50 == 12.5', $c);
show('0.5 + 0.5 == 1', $c);
show('spent == 9223372036854775807', $c);
show('9223372036854775807 > 9223372036854775806', $c);
show('00000000000000000000000000001 == 1', $c);
show('1.000000000000000000 == 1', $c);      // trailing zeros do not count against the 6 decimals
show('1234567890.123456 > 1234567890', $c);
echo "--- strings\n";
show("city == 'it\\'s'", $c);
show('city == "it\'s"', $c);
show('postcode == "say \\"hi\\""', $c);
show("postcode == 'say \"hi\"'", $c);
show("country == 'a\\\\b'", $c);            // \\ is one backslash
show("attr.bs == 'a\\nb'", $c);             // \n is not an escape: backslash + n
show("attr.nl == 'a\\nb'", $c);
show("attr.nl == 'a\nb'", $c);              // a raw newline inside the literal
show("attr.u == 'Île-de-France'", $c);
show("'' == ''", $c);
show("\"\" == ''", $c);
show("'a' == \"a\"", $c);
show("'and' == 'and'", $c);
show("'*' == '*'", $c);
echo "--- booleans and keywords\n";
show('true', $c);
show('false', $c);
show('not false', $c);
show("orders>5and orders<9", $c);
show("orders > 5\n\tand\r\norders < 9", $c);
show("  orders > 5  ", $c);
echo "--- errors\n";
err('orders > 9223372036854775808');
err('orders > 99999999999999999999999');
err('orders > -1');
err('- orders < 0');
err('orders - -1 > 0');
err('orders > +1');
err('orders > 1e3');
err('orders > 1E3');
err('orders > 1.5e3');
err('orders > .5');
err('orders > 1.');
err('orders > 1..2');
err('orders > 0x10');
err("city == 'abc");
err('city == "abc');
err("city == 'abc\\'");
err('TRUE');
err('False == false');
err('1.12345678901234567890 > 0');
?>
--EXPECT--
--- numbers
orders == 7 => true
orders == 007 => true
0 == 0 => true
0.0 == 0 => true
12.5 > 12 => true
12.50 == 12.5 => true
0.5 + 0.5 == 1 => true
spent == 9223372036854775807 => true
9223372036854775807 > 9223372036854775806 => true
00000000000000000000000000001 == 1 => true
1.000000000000000000 == 1 => true
1234567890.123456 > 1234567890 => true
--- strings
city == 'it\'s' => true
city == "it's" => true
postcode == "say \"hi\"" => true
postcode == 'say "hi"' => true
country == 'a\\b' => true
attr.bs == 'a\nb' => true
attr.nl == 'a\nb' => false
attr.nl == 'a
b' => true
attr.u == 'Île-de-France' => true
'' == '' => true
"" == '' => true
'a' == "a" => true
'and' == 'and' => true
'*' == '*' => true
--- booleans and keywords
true => true
false => false
not false => true
orders>5and orders<9 => true
orders > 5
	and
orders < 9 => true
  orders > 5   => true
--- errors
segments.s: integer literal exceeds PHP_INT_MAX at column 10
orders > 9223372036854775808
         ^
segments.s: integer literal exceeds PHP_INT_MAX at column 10
orders > 99999999999999999999999
         ^
segments.s: unary minus is not supported at column 10
orders > -1
         ^
segments.s: unary minus is not supported at column 1
- orders < 0
^
segments.s: unary minus is not supported at column 10
orders - -1 > 0
         ^
segments.s: unexpected '+' at column 10
orders > +1
         ^
segments.s: unexpected name 'e3' at column 11
orders > 1e3
          ^
segments.s: unexpected name 'E3' at column 11
orders > 1E3
          ^
segments.s: unexpected name 'e3' at column 13
orders > 1.5e3
            ^
segments.s: unexpected character '.' at column 10
orders > .5
         ^
segments.s: unexpected character '.' at column 11
orders > 1.
          ^
segments.s: unexpected character '.' at column 11
orders > 1..2
          ^
segments.s: unexpected name 'x10' at column 11
orders > 0x10
          ^
segments.s: unterminated string at column 9
city == 'abc
        ^
segments.s: unterminated string at column 9
city == "abc
        ^
segments.s: unterminated string at column 9
city == 'abc\'
        ^
segments.s: unknown field 'TRUE' at column 1
TRUE
^
segments.s: unknown field 'False' at column 1
False == false
^
segments.s: decimal literal has more than 6 digits after the point at column 1
1.12345678901234567890 > 0
^
