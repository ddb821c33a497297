<?php
// The plain-PHP baseline: no Composer needed, the files are small.
declare(strict_types=1);

foreach (['exceptions', 'Time', 'Expression', 'Program', 'Result', 'Checkout', 'Engine'] as $file) {
    require_once __DIR__ . "/$file.php";
}
