--TEST--
The conditions tested from their step alone (an int field against an int literal either side, days since an order against an int, a string field == or != a literal, a literal in a list field) give the same answers as the general evaluator, at the ends of the int range, for every comparison, with absent fields, on customers and on cart lines
--EXTENSIONS--
loyalty
--SKIPIF--
<?php if (PHP_INT_SIZE < 8) die('skip the ends of the 64-bit range (on 32 bits they are other values)'); ?>
--FILE--
<?php
$now = 1700000000;
$max = PHP_INT_MAX;
$ops = ['<', '<=', '>', '>=', '==', '!='];
$days = intdiv($max, 86400); // the most days a difference of times can count
$lits = [0, 1, 180, $days - 1, $days, $days + 1, $max - 1, $max];
$holds = fn($a, string $op, $b) => match ($op) {
    '<' => $a < $b, '<=' => $a <= $b, '>' => $a > $b, '>=' => $a >= $b, '==' => $a == $b, '!=' => $a != $b,
};
// segments: each comparison as `field op lit` and as `lit op field`; and as `(x) == true`, which is
// no quick step (a comparison of a condition), so that the general evaluator answers it too
$segments = [];
foreach (['orders', 'points', 'days_since_last_order'] as $field) {
    foreach ($ops as $o => $op) {
        foreach ($lits as $l => $lit) {
            $segments["q_{$field}_{$o}_{$l}"] = "$field $op $lit";
            $segments["r_{$field}_{$o}_{$l}"] = "$lit $op $field";
            $segments["g_{$field}_{$o}_{$l}"] = "($field $op $lit) == true";
        }
    }
}
foreach (['Paris', ''] as $k => $city) {
    $segments["s_eq_$k"] = "city == '$city'";
    $segments["s_ne_$k"] = "city != '$city'";
    $segments["g_eq_$k"] = "(city == '$city') == true";
    $segments["g_ne_$k"] = "(city != '$city') == true";
}
$segments['l_in'] = "'pro' in groups";
$segments['l_not_in'] = "'pro' not in groups";
$segments['gl_in'] = "('pro' in groups) == true";
$segments['gl_not_in'] = "('pro' not in groups) == true";
$engine = new Loyalty\Engine(['segments' => $segments]);

$customers = [];
foreach ([0, 1, 179, 180, 181, $max - 1, $max] as $v) {
    $customers[] = ['orders' => $v, 'points' => $v];
}
foreach ([-181 * 86400, -86400 - 1, -1, 0, 1, 179 * 86400, 180 * 86400, 180 * 86400 + 1, 181 * 86400, $now] as $ago) {
    $customers[] = ['orders' => 1, 'last_order' => $now - $ago];
}
foreach ([$days * 86400, $days * 86400 - 1, ($days - 1) * 86400, $max - $now] as $ago) {    // the most days there are
    $customers[] = ['orders' => 1, 'last_order' => $now - $ago];
}
$customers[] = ['orders' => 1, 'last_order' => PHP_INT_MIN]; // days since overflows: null
$customers[] = ['orders' => 2, 'city' => 'Paris', 'groups' => ['x', 'pro']];
$customers[] = ['orders' => 2, 'city' => '', 'groups' => []];
$customers[] = ['orders' => 2, 'city' => 'Pari', 'groups' => ['pr', 'prox']];
$customers[] = ['orders' => 2]; // no city, no groups

$bad = 0;
$checked = 0;
foreach ($customers as $i => $c) {
    $in = array_flip($engine->segmentsOf($c, $now));
    foreach ($ops as $o => $op) {
        foreach ($lits as $l => $lit) {
            foreach (['orders', 'points', 'days_since_last_order'] as $field) {
                if ($field === 'days_since_last_order') {
                    $value = isset($c['last_order']) && $c['last_order'] !== PHP_INT_MIN ? intdiv($now - $c['last_order'] - (($now - $c['last_order']) % 86400 < 0 ? 86400 : 0), 86400) : null;
                } else {
                    $value = $c[$field] ?? 0; // absent counts are 0
                }
                $want = $value !== null && $holds($value, $op, $lit);
                $wantTurned = $value !== null && $holds($lit, $op, $value);
                foreach (["q_{$field}_{$o}_{$l}" => $want, "r_{$field}_{$o}_{$l}" => $wantTurned, "g_{$field}_{$o}_{$l}" => $want] as $name => $expect) {
                    $checked++;
                    if (isset($in[$name]) !== $expect) {
                        $bad++;
                        echo "customer $i: {$segments[$name]}: ", isset($in[$name]) ? 'in' : 'out', "\n";
                    }
                }
            }
        }
    }
    foreach (['Paris', ''] as $k => $city) {
        $has = isset($c['city']);
        foreach (["s_eq_$k" => $has && $c['city'] === $city, "s_ne_$k" => $has && $c['city'] !== $city,
                "g_eq_$k" => $has && $c['city'] === $city, "g_ne_$k" => $has && $c['city'] !== $city] as $name => $expect) {
            $checked++;
            if (isset($in[$name]) !== $expect) {
                $bad++;
                echo "customer $i: {$segments[$name]}: ", isset($in[$name]) ? 'in' : 'out', "\n";
            }
        }
    }
    $pro = in_array('pro', $c['groups'] ?? [], true);
    foreach (['l_in' => $pro, 'l_not_in' => !$pro, 'gl_in' => $pro, 'gl_not_in' => !$pro] as $name => $expect) {
        $checked++;
        if (isset($in[$name]) !== $expect) {
            $bad++;
            echo "customer $i: {$segments[$name]}: ", isset($in[$name]) ? 'in' : 'out', "\n";
        }
    }
}
echo "$checked checked, $bad wrong\n";

// cart lines: `lines` conditions on qty, price and sku, quick and general (`(x) == true`)
$lines = ["qty >= 3 and price < $max", "sku == 'A' or 5 < qty", "sku != 'A'", "$max > price and qty != 6", "category == 'books'"];
$answers = [];
foreach (['', ' == true'] as $tail) {
    $advantages = [];
    foreach ($lines as $k => $cond) {
        $advantages[] = ['id' => "a$k", 'segment' => 'all', 'combinable' => true, 'lines' => "($cond)$tail",
            'tiers' => [['discount_percent' => 5 + $k]]];
    }
    $e = new Loyalty\Engine(['advantages' => $advantages]);
    $r = $e->evaluate(['lines' => [['sku' => 'A', 'qty' => 3, 'price' => 1000], ['sku' => 'B', 'qty' => 6, 'price' => 100],
        ['sku' => 'C', 'qty' => 1, 'price' => $max - 5000, 'category' => 'books'], ['sku' => 'D', 'qty' => 0, 'price' => 0]]], ['orders' => 1], $now);
    $answers[] = $r->toArray();
}
var_dump($answers[0] === $answers[1]);
foreach ($answers[0]['applied'] as $a) {
    echo $a['id'], ' ', $a['discount'], "\n";
}
?>
--EXPECTF--
%d checked, 0 wrong
bool(true)
a0 180
a1 216
a2 645636042579833998
a3 737869762948381905
a4 830103483316929373
