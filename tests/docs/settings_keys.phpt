--TEST--
Docs: every settings key, at every level, is in docs/settings.md, and every key documented there is accepted
--EXTENSIONS--
loyalty
--FILE--
<?php
/* docs/settings.md has one table per section: a heading whose first `backticked` text is the
 * section path (`advantages[].tiers[]`; no backticks: the root), then a table with columns
 * `key` (the key in backticks) and `example` (a JSON value accepted at that place). */

function documented(string $markdown): array
{
    $keys = [];
    $section = null;
    $columns = null;
    foreach (preg_split('/\R/', $markdown) as $line) {
        if (preg_match('/^#{1,6}\s/', $line)) {
            $section = preg_match('/`([^`]+)`/', $line, $m) ? $m[1] : '';
            $columns = null;
            continue;
        }
        if (!str_starts_with(trim($line), '|')) {
            $columns = null;
            continue;
        }
        $cells = array_map('trim', explode('|', trim(trim($line), '|')));
        if ($columns === null) {
            $columns = $cells;
            continue;
        }
        $k = array_search('key', $columns, true);
        $x = array_search('example', $columns, true);
        if ($k === false || $x === false || !preg_match('/^`([^`]+)`$/', $cells[$k] ?? '', $m)) {
            continue;   // another kind of table, or the |---| line
        }
        $example = preg_match('/^`(.*)`$/', $cells[$x] ?? '', $e) ? $e[1] : null;
        $keys[$section][$m[1]] = $example;
    }
    return $keys;
}

/* Section paths and keys of a normalized settings array; segment names are `<name>`. */
function collect($value, string $path, array &$out): void
{
    if (!is_array($value)) {
        return;
    }
    if (array_is_list($value)) {
        foreach ($value as $item) {
            collect($item, $path . '[]', $out);
        }
        return;
    }
    foreach ($value as $key => $child) {
        if ($path === 'segments') {
            $out['segments']['<name>'] = true;
            continue;
        }
        $out[$path][$key] = true;
        collect($child, $path === '' ? $key : "$path.$key", $out);
    }
}

// Every optional key set, in two programs (keys that exclude each other in the second).
$full = [
    'rounding' => 'half_even',
    'segments' => ['vip' => "'VIP' in groups"],
    'advantages' => [[
        'id' => 'vip', 'label' => 'VIP', 'segment' => 'vip', 'earn_points' => false,
        'with_voucher' => true, 'combinable' => true,
        'tiers' => [['from' => 5000, 'discount' => 500],
                    ['from' => 15000, 'discount_percent' => 2.5, 'free_shipping' => true, 'carriers' => ['Colissimo']]],
    ]],
    'loyalty' => [
        'earn' => ['per_amount' => 100, 'points' => 2],
        'earn_with_voucher' => true, 'earn_with_loyalty_discount' => true,
        'spend' => ['policy' => 'lose_all', 'from_order' => 2, 'min_cart' => 8000,
                    'with_voucher' => true, 'with_advantage' => true, 'max_percent' => 50],
        'rank_by' => 'points',
        'brackets' => [['from' => 10, 'discount' => 500, 'cost' => 10],
                       ['from' => 100, 'rate' => ['points' => 10, 'value' => 100]],
                       ['from' => 150, 'free_shipping' => true, 'carriers' => ['Colissimo']],
                       ['from' => 200, 'discount_percent' => 5]],
        'expiry' => ['days' => 365, 'mode' => 'per_lot', 'warn_days' => [30, 7]],
        'rewards' => ['threshold' => 5000, 'coupon' => ['discount_percent' => 10, 'min_cart' => 10000, 'valid_days' => 90]],
        'pending_days' => 14,
    ],
];
$alt = [
    'loyalty' => [
        'earn' => ['per_order' => 10],
        'rank_by' => 'orders',
        'brackets' => [['from' => 10, 'discount' => 500]],
        'rewards' => ['threshold' => 100, 'coupon' => ['discount' => 1000]],
    ],
];
$found = [];
foreach ([$full, $alt] as $settings) {
    collect(Loyalty\Program::fromArray($settings)->toArray(), '', $found);
}
// Keys only accepted as input (absent from toArray() unless set): listed again, to be sure.
$inputOnly = [
    'advantages[].tiers[]' => ['discount', 'discount_percent', 'carriers'],
    'loyalty.earn' => ['per_amount', 'points', 'per_order', 'exclude', 'bonus'],
    'loyalty.earn.bonus[]' => ['lines', 'multiplier'],
    'loyalty.spend' => ['max_percent'],
    'loyalty.brackets[]' => ['discount', 'discount_percent', 'rate', 'carriers', 'cost'],
    'loyalty.rewards.coupon' => ['discount', 'discount_percent', 'valid_days'],
];
foreach ($inputOnly as $section => $keys) {
    foreach ($keys as $key) {
        $found[$section][$key] = true;
    }
}

$docs = documented(file_get_contents(__DIR__ . '/../../docs/settings.md'));
$count = 0;
foreach ($found as $section => $keys) {
    foreach (array_keys($keys) as $key) {
        $count++;
        if (!array_key_exists($key, $docs[$section] ?? [])) {
            echo "not in docs/settings.md: ", $section === '' ? '(root)' : $section, " `$key`\n";
        }
    }
}
echo $count >= 50 ? "all keys collected\n" : "only $count keys collected\n";

// Each documented key, with its documented example, compiles where the docs put it;
// and the section is real: a misspelt key there is reported at the documented path.
$templates = [
    '' => [[]],
    'segments' => [[]],
    'advantages[]' => [['id' => 'a', 'tiers' => [['discount' => 100]]]],
    'advantages[].tiers[]' => [['free_shipping' => true], ['from' => 1]],
    'loyalty' => [[]],
    'loyalty.earn' => [['per_amount' => 100], ['per_order' => 10]],
    'loyalty.earn.bonus[]' => [['lines' => 'qty > 0', 'multiplier' => 2]],
    'loyalty.spend' => [[]],
    'loyalty.brackets[]' => [['free_shipping' => true]],
    'loyalty.brackets[].rate' => [['points' => 10, 'value' => 100]],
    'loyalty.expiry' => [['days' => 365]],
    'loyalty.rewards' => [['threshold' => 100, 'coupon' => ['discount' => 100]]],
    'loyalty.rewards.coupon' => [['discount' => 100], ['discount_percent' => 10]],
];

function place(string $section, array $map, array $templates): array
{
    if ($section === '') {
        return $map;
    }
    $parts = explode('.', $section);
    $last = array_pop($parts);
    $parent = implode('.', $parts);
    $list = str_ends_with($last, '[]');
    $name = $list ? substr($last, 0, -2) : $last;
    $outer = $templates[$parent][0];
    if (isset($map['free_units'])) {
        $outer['tiers_on'] = 'quantity'; // free units count units (SPEC 11)
    }
    $outer[$name] = $list ? [$map] : $map;
    return place($parent, $outer, $templates);
}

function error_of(array $settings): ?string
{
    try {
        Loyalty\Program::fromArray($settings);
        return null;
    } catch (Loyalty\ConfigException $e) {
        return $e->getMessage();
    }
}

foreach ($docs as $section => $keys) {
    if (!isset($templates[$section])) {
        echo "docs/settings.md: unknown section `$section`\n";
        continue;
    }
    foreach ($keys as $key => $example) {
        $value = $example === null ? null : json_decode($example, true);
        if ($example === null || ($value === null && $example !== 'null')) {
            echo "$section `$key`: example is not JSON: ", var_export($example, true), "\n";
            continue;
        }
        $name = $key === '<name>' ? 'vip' : $key;
        $errors = [];
        foreach ($templates[$section] as $template) {
            $map = $template;
            $map[$name] = $value;
            $error = error_of(place($section, $map, $templates));
            if ($error === null) {
                $errors = [];
                break;
            }
            $errors[] = $error;
        }
        if ($errors) {
            echo "$section `$key` = $example is refused: ", implode(' / ', $errors), "\n";
        }
        if ($key !== '<name>') {
            $map = $templates[$section][0];
            $map[$key . '_zz'] = $value;
            $path = str_replace('[]', '[0]', $section === '' ? "{$key}_zz" : "$section.{$key}_zz");
            $error = error_of(place($section, $map, $templates));
            if ($error !== "$path: unknown key") {
                echo "$section `{$key}_zz`: expected '$path: unknown key', got ", var_export($error, true), "\n";
            }
        }
    }
}
echo "done\n";
?>
--EXPECT--
all keys collected
done
