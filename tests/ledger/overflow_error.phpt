--TEST--
Ledger: points that would overflow 64 bits are an error, never a wrap (the balance never goes negative)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
foreach (['earn', 'grant'] as $m) {
    $l = new Ledger(Program::fromArray([]));
    $l->$m(PHP_INT_MAX, $b);
    $before = $l->entries();
    try {
        $l->$m(5, $b + 1);
        $added = true;
    } catch (Loyalty\Exception $e) {
        $added = false;
        echo "$m refused: ", $l->entries() === $before ? 'unchanged' : 'CHANGED', ', balance ', $l->balance($b + 2) === PHP_INT_MAX ? 'max' : 'wrong', "\n";
    }
    if ($added) {
        // accepted: then asking the balance must be an error rather than a wrapped number
        try {
            $v = $l->balance($b + 2);
            echo "$m accepted, balance $v\n";
        } catch (Loyalty\Exception $e) {
            echo "$m refused: balance is an error\n";
        }
    }
}
// the same through the constructor
try {
    $l = new Ledger(Program::fromArray([]), [
        ['type' => 'earn', 'points' => PHP_INT_MAX, 'at' => $b],
        ['type' => 'grant', 'points' => PHP_INT_MAX, 'at' => $b + 1],
    ]);
    echo "constructor accepted, balance ", $l->balance($b + 2), "\n";
} catch (Loyalty\Exception $e) {
    echo "constructor refused\n";
}
?>
--EXPECTF--
earn refused: %s
grant refused: %s
constructor refused
