<?php
// Checkout endpoint of scripts/soak.sh (nginx -> PHP-FPM -> MariaDB): the settings in force from
// the loyalty_settings table, a customer row, a cart; evaluate(); the order and its ledger entries
// in one transaction (lib.php). ?customer=ID picks the customer (default: one at random),
// ?use_points=N asks for at most N points (default: a mix of all, none, a few, and 1,000,000,000).
declare(strict_types=1);
require __DIR__ . '/lib.php';

$db = soak_db(true);   // one persistent connection per FPM worker, as shops configure PDO
$customers = (int) ($_SERVER['SOAK_CUSTOMERS'] ?? getenv('SOAK_CUSTOMERS') ?: 10000);
$seed = random_int(0, 0x7fffffff);
$customer = isset($_GET['customer']) ? (int) $_GET['customer'] : random_int(1, $customers);
$usePoints = isset($_GET['use_points']) ? (int) $_GET['use_points'] : [true, false, $seed % 300, 1000000000][$seed % 4];
try {
    $out = soak_checkout($db, $customer, $seed, $usePoints);
} catch (Throwable $e) {
    http_response_code(500);
    error_log('soak checkout: ' . get_class($e) . ': ' . $e->getMessage());
    exit;
}
// Fixed width: ab counts a response of another length as a failed request.
header('Content-Type: text/plain');
printf("v%05d o%09d t%012d e%08d s%08d\n", $out['version'], $out['order'], $out['result']->total,
    $out['result']->pointsEarned, $out['result']->pointsSpent);
