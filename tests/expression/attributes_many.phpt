--TEST--
A program reading more than 65,536 attribute names: each found by name at compile, and compared right whether its slot fits a quick step's 16 bits or not
--EXTENSIONS--
loyalty
--INI--
memory_limit=1G
--FILE--
<?php
// 330 segments of 200 attributes each: attr.a0 .. attr.a65999. A slot past 65,535 does not fit
// a quick step; its comparison is made by the general test, with the same answers. The names
// are found through a table once past a few (a scan of every earlier name took seconds here).
$segments = [];
for ($s = 0, $n = 0; $n < 66000; $s++) {
    $terms = [];
    for ($k = 0; $k < 200; $k++, $n++) {
        $terms[] = "attr.a$n == " . ($n % 7);
    }
    $segments["s$s"] = implode(' or ', $terms);
}
$engine = new Loyalty\Engine(json_encode(['segments' => $segments]));
$in = fn(string $segment, array $attributes) => $engine->inSegment($segment, ['attributes' => $attributes]) ? 'in' : 'out';
foreach ([0, 65535, 65536, 65999] as $i) {
    $segment = 's' . intdiv($i, 200);
    $want = $i % 7;
    printf("a%d in %s: %s %s %s %s %s %s\n", $i, $segment,
        $in($segment, ["a$i" => $want]),              // the int compared
        $in($segment, ["a$i" => $want + 1]),          // another int
        $in($segment, ["a$i" => (float) $want]),      // a float equal to it
        $in($segment, ["a$i" => $want + 0.5]),        // a float between
        $in($segment, ["a$i" => (string) $want]),     // a string: never equal to a number
        $in($segment, ["a" . ($i + 1) => $want]));    // another attribute (absent: null)
}
// its segments: the built-ins it is in, and those of the first names and of the last one
echo implode(" ", $engine->segmentsOf(['attributes' => ['a65999' => 65999 % 7, 'a0' => 0, 'a1' => 1]])), "\n";
?>
--EXPECT--
a0 in s0: in out in out out out
a65535 in s327: in out in out out out
a65536 in s327: in out in out out out
a65999 in s329: in out in out out out
all no_orders s0 s329
