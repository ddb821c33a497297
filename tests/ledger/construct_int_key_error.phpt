--TEST--
Ledger::__construct(): an unknown integer key in an entry is named in the path like any other key
--EXTENSIONS--
loyalty
--FILE--
<?php
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$p = Loyalty\Program::fromArray([]);
foreach ([[0 => 'earn', 'type' => 'earn', 'points' => 1, 'at' => $b], ['type' => 'earn', 'points' => 1, 'at' => $b, 7 => 'x']] as $entry) {
    try {
        new Loyalty\Ledger($p, [['type' => 'grant', 'points' => 1, 'at' => $b], $entry]);
    } catch (Loyalty\InputException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
entries[1].0: unknown key
entries[1].7: unknown key
