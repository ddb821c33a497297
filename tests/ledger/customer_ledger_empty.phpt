--TEST--
Engine: a new customer's empty stored ledger (`ledger` => []) is a balance of 0
--EXTENSIONS--
loyalty
--FILE--
<?php
use Loyalty\{Program, Engine};
$b = gmmktime(0, 0, 0, 1, 1, 2026);
$e = new Engine(['segments' => ['rich' => 'points >= 100'], 'loyalty' => [
    'earn' => ['per_amount' => 100], 'brackets' => [['from' => 10, 'discount' => 100]]]]);
echo implode(',', $e->segmentsOf(['ledger' => []], $b)), "\n";
$stored = json_decode('[]', true);
echo implode(',', $e->segmentsOf(['orders' => 1, 'ledger' => $stored], $b)), "\n";
$r = $e->evaluate(['subtotal' => 5000], ['orders' => 1, 'ledger' => []], $b);
echo $r->pointsSpent, ' ', $r->pointsEarned, ' ', $r->pointsBalance, ' ', $r->rejected[0]['reason'], ' ', $r->rejected[0]['missing'], "\n";
?>
--EXPECT--
all,no_orders
all,customers
0 50 50 no_points 10
