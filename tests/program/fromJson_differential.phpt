--TEST--
Program::fromJson(): the extension's JSON reader against json_decode($j, true) + fromArray() over random and hostile texts (scripts/differential_json.php)
--EXTENSIONS--
loyalty
--FILE--
<?php
$differential_json_options = ['seed' => 7, 'cases' => 3000, 'show' => 5];
require __DIR__ . '/../../scripts/differential_json.php';
?>
--EXPECTF--
%A
3000 cases, 0 mismatches
1 passed, 0 failed
