--TEST--
An attribute compared with an int literal (tested from its step alone: attr.band == 3) answers as the general evaluator does, for ints at the ends of the range, decimals just either side, strings, bools, null and absent attributes, for every comparison, on customers and on cart lines
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (PHP_INT_SIZE < 8) die('skip the ends of the 64-bit range (on 32 bits they are other values)'); ?>
--FILE--
<?php
$now = 1700000000;
$max = PHP_INT_MAX;
$min = PHP_INT_MIN;
$ops = ['<', '<=', '>', '>=', '==', '!='];
$mirror = ['<' => '>', '<=' => '>=', '>' => '<', '>=' => '<=', '==' => '==', '!=' => '!='];
// literals: the expression language has no unary minus, so the negative ones are 0 - n (no quick step)
$lits = ['0', '1', '3', "$max", (string) ($max - 1)];
$values = [0, 1, 2, 3, 4, -1, $min, $min + 1, $max - 1, $max, 2.999999, 3.0, 3.000001, 0.5, -0.5,
    '3', '0', '', true, false, null];

// `attr.x op lit` is the quick step; `lit op' attr.x` (its mirror) and `(attr.x op lit) == true`
// are not, so the general evaluator answers them
$segments = [];
foreach ($ops as $o => $op) {
    foreach ($lits as $l => $lit) {
        $segments["q_{$o}_{$l}"] = "attr.x $op $lit";
        $segments["m_{$o}_{$l}"] = "$lit {$mirror[$op]} attr.x";
        $segments["g_{$o}_{$l}"] = "(attr.x $op $lit) == true";
        $segments["a_{$o}_{$l}"] = "attr.y >= 0 and attr.x $op $lit"; // a second slot before it
    }
}
$engine = new Loyalty\Engine(['segments' => $segments]);

$checked = $bad = 0;
$customers = array_map(fn($v) => ['orders' => 1, 'attributes' => ['y' => 1, 'x' => $v]], $values);
$customers[] = ['orders' => 1, 'attributes' => ['y' => 1]];  // absent: null
$customers[] = ['orders' => 1];
foreach ($customers as $i => $c) {
    $in = array_flip($engine->segmentsOf($c, $now));
    $x = $c['attributes']['x'] ?? null;
    foreach ($ops as $o => $op) {
        foreach ($lits as $l => $lit) {
            $want = (is_int($x) || is_float($x)) && match ($op) {
                '<' => $x < (int) $lit, '<=' => $x <= (int) $lit, '>' => $x > (int) $lit,
                '>=' => $x >= (int) $lit, '==' => $x == (int) $lit, '!=' => $x != (int) $lit,
            };
            foreach (["q_{$o}_{$l}", "m_{$o}_{$l}", "g_{$o}_{$l}"] as $name) {
                $checked++;
                if (isset($in[$name]) !== $want) {
                    $bad++;
                    echo "customer $i (", var_export($x, true), "): {$segments[$name]}: ", isset($in[$name]) ? 'in' : 'out', "\n";
                }
            }
            $checked++;
            if (isset($in["a_{$o}_{$l}"]) !== ($want && isset($c['attributes']['y']))) {
                $bad++;
                echo "customer $i: {$segments["a_{$o}_{$l}"]}: ", isset($in["a_{$o}_{$l}"]) ? 'in' : 'out', "\n";
            }
        }
    }
}
echo "$checked checked, $bad wrong\n";

// cart lines: a line expression's attr.NAME is the line's (quick), the same as the general form
$answers = [];
foreach (['', ' == true'] as $tail) {
    $advantages = [];
    foreach (['attr.size >= 3', 'attr.size == 2', 'attr.size != 2', 'attr.size < 1'] as $k => $cond) {
        $advantages[] = ['id' => "a$k", 'segment' => 'all', 'combinable' => true, 'lines' => "($cond)$tail",
            'tiers' => [['discount_percent' => 5 + $k]]];
    }
    $e = new Loyalty\Engine(['advantages' => $advantages]);
    $lines = [];
    foreach ([3, 2, 0, 2.5, 3.5, '3', null, true] as $k => $size) {
        $lines[] = ['sku' => "S$k", 'qty' => 1, 'price' => 1000 * (1 << $k), 'attributes' => ['size' => $size]];
    }
    $lines[] = ['sku' => 'none', 'qty' => 1, 'price' => 7];
    $answers[] = $e->evaluate(['lines' => $lines], ['orders' => 1, 'attributes' => ['size' => 3]], $now)->toArray();
}
var_dump($answers[0] === $answers[1]);
foreach ($answers[0]['applied'] as $a) {
    echo $a['id'], ' ', $a['discount'], "\n";
}
?>
--EXPECT--
2760 checked, 0 wrong
bool(true)
a0 850
a1 120
a2 2030
a3 320
