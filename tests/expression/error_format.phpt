--TEST--
Expressions: exception class, code, path, column and caret format
--EXTENSIONS--
loyalty
--INI--
date.timezone=UTC
--FILE--
<?php
// SPEC 2 / SPEC 10: ExpressionException extends ConfigException, implements Loyalty\Exception;
// message `PATH: MESSAGE at column N` (1-based byte column), then the source and a caret line.
function show_error(callable $f): void {
    try {
        $f();
        echo "no error\n";
    } catch (Loyalty\Exception $e) {
        echo get_class($e), ' code=', $e->getCode(),
            ' config=', var_export($e instanceof Loyalty\ConfigException, true),
            ' marker=', var_export($e instanceof Loyalty\Exception, true), "\n";
        echo $e->getMessage(), "\n--\n";
    }
}
var_dump(is_subclass_of('Loyalty\ExpressionException', 'Loyalty\ConfigException'));
show_error(fn() => Loyalty\Program::fromArray(['segments' => ['vip_paris' => "'VIP' in groups and city = 'Paris'"]]));
show_error(fn() => Loyalty\Program::fromJson('{"segments": {"ok": "orders > 1", "Bad-Name_2": "orders >"}}'));
show_error(fn() => new Loyalty\Engine(['segments' => ['a' => 'orders > 1', 'b' => 'orders >> 1']]));
show_error(fn() => new Loyalty\Engine('{"segments": {"lapsed": "days_since_last_order > 180 and spent >= 5OOOO"}}'));
// the first failing segment in settings order is reported
show_error(fn() => Loyalty\Program::fromArray(['segments' => ['z' => 'orders >', 'a' => 'orders <']]));
// an advantage's inline expression
show_error(fn() => Loyalty\Program::fromArray(['advantages' => [
    ['id' => 'w', 'segment' => "'wholesale' in groups", 'tiers' => [['discount' => 100]]],
    ['id' => 'x', 'segment' => "'wholesale' in group", 'tiers' => [['discount' => 100]]],
]]));
// control bytes in the echoed source are shown as spaces so that the caret lines up
show_error(fn() => Loyalty\Program::fromArray(['segments' => ['s' => "orders > 1 and\n\tcity == 3"]]));
show_error(fn() => Loyalty\Program::fromArray(['segments' => ['s' => "city == 'a\tb'\r\nand orders > 'x'"]]));
// columns are bytes
show_error(fn() => Loyalty\Program::fromArray(['segments' => ['s' => "city == 'Île' and orders like 'x'"]]));
// the message has exactly three lines and no trailing newline
try {
    Loyalty\Program::fromArray(['segments' => ['s' => 'orders > 1 or']]);
} catch (Loyalty\ExpressionException $e) {
    $m = $e->getMessage();
    var_dump(count(explode("\n", $m)), str_ends_with($m, '^'));
}
?>
--EXPECT--
bool(true)
Loyalty\ExpressionException code=2 config=true marker=true
segments.vip_paris: unexpected character '=' at column 26
'VIP' in groups and city = 'Paris'
                         ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.Bad-Name_2: unexpected end of expression at column 9
orders >
        ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.b: unexpected '>' at column 9
orders >> 1
        ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.lapsed: unexpected name 'OOOO' at column 43
days_since_last_order > 180 and spent >= 5OOOO
                                          ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.z: unexpected end of expression at column 9
orders >
        ^
--
Loyalty\ExpressionException code=2 config=true marker=true
advantages[1].segment: unknown field 'group' at column 16
'wholesale' in group
               ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.s: cannot compare string with number at column 22
orders > 1 and  city == 3
                     ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.s: cannot compare number with string at column 27
city == 'a b'  and orders > 'x'
                          ^
--
Loyalty\ExpressionException code=2 config=true marker=true
segments.s: 'like' needs a string on the left, got number at column 27
city == 'Île' and orders like 'x'
                          ^
--
int(3)
bool(true)
