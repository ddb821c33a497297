--TEST--
Ledger::earn(): points add up, never expire without loyalty.expiry, entries keep type/points/at/ref
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
const D = 86400;
$b = gmmktime(0, 0, 0, 1, 1, 2026);

foreach ([Program::fromArray([]), Program::fromArray(['loyalty' => ['earn' => ['per_amount' => 100]]])] as $p) {
    $l = new Ledger($p);
    var_dump($l->earn(100, $b, 'order-1'));          // void
    $l->earn(50, $b + D);
    $l->earn(0, $b + 2 * D, 'order-0');              // an order that earned nothing is still an entry
    echo $l->balance($b - 1), ' ', $l->balance($b), ' ', $l->balance($b + D - 1), ' ', $l->balance($b + D), "\n";
    // no expiry: still there 100 years later (a 32-bit PHP's last second, in 2038, is as late as it gets)
    $later = min($b + 36500 * D, PHP_INT_MAX);
    echo $l->balance($later), ' ', $l->pending($later), "\n";
    var_dump($l->expiring($b + 3 * D));
    echo json_encode($l->entries()), "\n";
}
?>
--EXPECTF--
NULL
0 100 100 150
150 0
array(0) {
}
[{"type":"earn","points":100,"at":1767225600,"ref":"order-1"},{"type":"earn","points":50,"at":1767312000,"ref":""},{"type":"earn","points":0,"at":1767398400,"ref":"order-0"}]
NULL
0 100 100 150
150 0
array(0) {
}
[{"type":"earn","points":100,"at":1767225600,"ref":"order-1"},{"type":"earn","points":50,"at":1767312000,"ref":""},{"type":"earn","points":0,"at":1767398400,"ref":"order-0"}]
