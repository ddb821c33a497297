--TEST--
bench/plain: the independent plain-PHP baseline of issue 13 gives the extension's answers (evaluate toArray(), segmentsOf, inSegment, filter, compile toArray() and segmentNames) on small typical and many-rules workloads, so the benchmark cannot compare against a baseline that rotted
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../bench/plain/autoload.php')) die('skip a full checkout only (the PECL tarball ships no bench/)');
if (PHP_INT_SIZE < 8) die('skip the baseline is a benchmark tool for 64-bit PHP (its money math assumes 64-bit ints)');
?>
--FILE--
<?php
namespace Loyalty\Bench;

require __DIR__ . '/../../bench/lib.php';
require __DIR__ . '/../../bench/plain/autoload.php';

function answers(string $engineClass, string $programClass, string $json, array $pairs, array $rows): array
{
    $engine = new $engineClass($json);
    $p = $programClass::fromJson($json);
    $out = [$p->segmentNames(), $p->toArray(), $engine->filter('lapsed', $rows, NOW)];
    foreach ($pairs as [$cart, $customer]) {
        $out[] = [$engine->evaluate($cart, $customer, NOW)->toArray(), $engine->segmentsOf($customer, NOW),
            $engine->inSegment('vip_paris', $customer, NOW)];
    }
    return $out;
}

ini_set('loyalty.cache_size', '0');
$rows = iterator_to_array(customers(2000, 7), false);
$cases = [
    'typical' => [json_encode(typical_settings()), pairs(300, 42)],
    'many rules' => [json_encode(many_rules_settings(300)), many_rules_pairs(10, 99)],
    'many segments' => [json_encode(many_rules_settings(200, 200)), many_rules_pairs(10, 99)],
];
foreach ($cases as $name => [$json, $pairs]) {
    $caseRows = $name === 'typical' ? $rows : [];
    if ($name !== 'typical') { // no 'lapsed' segment: filter a segment both have
        $settings = json_decode($json, true);
        $settings['segments']['lapsed'] = 'days_since_last_order > 180 and spent >= 50000';
        $settings['segments']['vip_paris'] = "attr.band == 1 and orders > 10";
        $json = json_encode($settings);
        $caseRows = array_slice($rows, 0, 200);
    }
    $ext = checksum(answers(\Loyalty\Engine::class, \Loyalty\Program::class, $json, $pairs, $caseRows));
    $plain = checksum(answers(\Loyalty\Plain\Engine::class, \Loyalty\Plain\Program::class, $json, $pairs, $caseRows));
    echo $name, ': ', $ext === $plain ? 'same checksum' : "extension $ext, plain $plain", "\n";
}
?>
--EXPECT--
typical: same checksum
many rules: same checksum
many segments: same checksum
