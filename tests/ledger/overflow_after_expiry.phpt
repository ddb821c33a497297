--TEST--
Ledger: points that have expired no longer count toward the limit (64 bits, 32 with 32-bit PHP) (an earn after them is accepted)
--EXTENSIONS--
loyalty
--FILE--
<?php
foreach (['rolling', 'per_lot'] as $mode) {
    $p = Loyalty\Program::fromArray(['loyalty' => ['expiry' => ['days' => 10, 'mode' => $mode]]]);
    $l = new Loyalty\Ledger($p);
    $l->earn(PHP_INT_MAX, 0);
    try { $l->earn(5, 5 * 86400); } catch (Loyalty\LedgerException $e) { echo "$mode before expiry: ", $e->getMessage(), "\n"; }
    $l->earn(5, 20 * 86400);
    echo "$mode after expiry: ", $l->balance(21 * 86400), "\n";
}
?>
--EXPECTF--
rolling before expiry: earn: 5 more points would overflow the %d-bit balance
rolling after expiry: 5
per_lot before expiry: earn: 5 more points would overflow the %d-bit balance
per_lot after expiry: 5
