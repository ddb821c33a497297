<?php
// Checkout endpoint of scripts/soak.sh: what a shop's cart hook does on every request.
// The settings JSON is the same string each time (the compiled-program cache answers);
// the cart and customer vary with ?n= and the request count, so every path is taken.
declare(strict_types=1);

$json = (string) file_get_contents(__DIR__ . '/../../examples/shop.json');
$n = (int) ($_GET['n'] ?? 1) + random_int(0, 999);

$engine = new Loyalty\Engine($json);
$lines = [];
for ($i = 0; $i < 1 + $n % 12; $i++) {
    $lines[] = ['sku' => "SKU-$i", 'qty' => 1 + ($n + $i) % 3, 'price' => 199 + (($n * 37 + $i * 101) % 9000)];
}
$cart = ['lines' => $lines, 'carrier' => ['Colissimo', 'Chronopost', 'Mondial Relay'][$n % 3], 'shipping' => 690];
if ($n % 9 === 0) {
    $cart['vouchers'] = ['WELCOME'];
    $cart['voucher_discount'] = 300;
}
$customer = [
    'id' => $n,
    'groups' => $n % 4 === 0 ? ['VIP'] : ($n % 5 === 0 ? ['wholesale'] : []),
    'orders' => $n % 15,
    'spent' => ($n % 15) * 4200,
    'city' => $n % 2 ? 'Paris' : 'Lyon',
    'postcode' => $n % 2 ? '75011' : '69002',
    'points' => ($n * 13) % 400,
    'last_order' => date('Y-m-d H:i:s', time() - ($n % 400) * 86400),
];
$result = $engine->evaluate($cart, $customer);
// Fixed width: ab counts a response of another length as a failed request.
header('Content-Type: text/plain');
printf("%012d %012d %04d %08x\n", $result->total, $result->pointsBalance, count($result->rejected),
    crc32(implode(',', $result->segments)));
