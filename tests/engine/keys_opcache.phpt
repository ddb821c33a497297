--TEST--
Under opcache, whose interned strings are not the ones the extension made at startup, arrays with the scripts' literal keys, JSON-decoded keys and mixed ones give the same answers as without opcache, over many calls of one request
--EXTENSIONS--
loyalty
--SKIPIF--
<?php
if (!extension_loaded('loyalty')) die('skip extension only: the keys of its glue');
if (!is_file(PHP_EXTENSION_DIR . '/opcache.so')) die('skip opcache.so not installed');
if (!function_exists('proc_open')) die('skip proc_open() unavailable');
?>
--FILE--
<?php
$script = <<<'PHP'
<?php
$engine = new Loyalty\Engine(['segments' => ['vip' => "'VIP' in groups or spent >= 100000", 'paris' => "city == 'Paris'"],
    'advantages' => [['id' => 'v', 'segment' => 'vip', 'tiers' => [['from' => 1000, 'discount' => 150]]],
                     ['id' => 'b', 'segment' => 'all', 'lines' => "category == 'books'", 'tiers' => [['discount_percent' => 10]]]],
    'loyalty' => ['earn' => ['per_amount' => 100, 'points' => 1], 'brackets' => [['from' => 10, 'rate' => ['points' => 10, 'value' => 100]]]]]);
$out = [];
for ($i = 0; $i < 50; $i++) {
    $literal = ['lines' => [['sku' => "A$i", 'qty' => 1 + $i % 3, 'price' => 1000 + $i], ['sku' => 'B', 'qty' => 1, 'price' => 500, 'category' => 'books']],
        'carrier' => 'Colissimo', 'shipping' => 490];
    $customer = ['id' => $i, 'orders' => $i % 4, 'spent' => $i * 5000, 'groups' => $i % 5 ? [] : ['VIP'], 'city' => $i % 2 ? 'Paris' : 'Lyon', 'points' => $i];
    foreach ([[$literal, $customer], json_decode(json_encode([$literal, $customer]), true), [$literal, json_decode(json_encode($customer), true)]] as [$cart, $c]) {
        $r = $engine->evaluate($cart, $c, 1700000000);
        $a = $r->toArray();
        $out[] = [$r->discount, $r->total, $a["points_earned"], $a['segments'], $a['lines'][0]['sku'], $a['lines'][1]['discount'], count($a['rejected'])];
    }
}
$out[] = $engine->filter('paris', [['id' => 1, 'city' => 'Paris'], ['id' => 2, 'city' => 'Lyon'], json_decode('{"id":3,"city":"Paris"}', true)], 1700000000);
echo md5(json_encode($out)), ' ', count($out), "\n";
PHP;
$file = tempnam(sys_get_temp_dir(), 'lty');
file_put_contents($file, $script);
$so = ini_get('extension_dir') . '/loyalty.so';
if (!is_file($so)) {
    $so = __DIR__ . '/../../modules/loyalty.so'; // a build run in place (the matrix's chroots)
}
$run = function (array $opcache) use ($file, $so) {
    $cmd = array_merge([PHP_BINARY, '-n'], $opcache, ['-d', 'extension=' . $so, $file]);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($p);
    return trim($out);
};
$without = $run([]);
$with = $run(['-d', 'zend_extension=' . PHP_EXTENSION_DIR . '/opcache.so', '-d', 'opcache.enable_cli=1']);
unlink($file);
echo preg_match('/^[0-9a-f]{32} 151$/', $without) ? "ran\n" : "without opcache: $without\n";
echo $with === $without ? "same\n" : "with opcache: $with\n";
?>
--EXPECT--
ran
same
