--TEST--
Ledger: cannot be serialized nor unserialized (store entries() instead)
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Ledger};
$l = new Ledger(Program::fromArray([]));
$l->earn(5, 1767225600);
try {
    serialize($l);
    echo "serialized\n";
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    serialize(['nested' => [$l]]);
    echo "serialized\n";
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    var_dump(unserialize('O:14:"Loyalty\Ledger":0:{}'));
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// what to store instead
echo serialize($l->entries()) === serialize([['type' => 'earn', 'points' => 5, 'at' => 1767225600, 'ref' => '']]) ? "entries serialize\n" : "?\n";
?>
--EXPECT--
Exception: Serialization of 'Loyalty\Ledger' is not allowed
Exception: Serialization of 'Loyalty\Ledger' is not allowed
Exception: Unserialization of 'Loyalty\Ledger' is not allowed
entries serialize
