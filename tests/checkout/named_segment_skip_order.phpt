--TEST--
Checkout: advantages whose named segment the customer is not in are still rejected in the order of the checks (disabled, schedule, used_up before not_in_segment), as one visited
--EXTENSIONS--
loyalty
--FILE--
<?php
// Advantages with a plain named segment (no schedule, no max_uses) are rejected from a table of
// their segments without reading them; the others are checked in order.
$advantages = $segments = [];
foreach (['Lyon', 'Paris', 'Nice'] as $city) {
    $segments["in_$city"] = "city == '$city'";
    $segments["in_{$city}_ordered"] = "city == '$city' and orders >= 0";
    $advantages[] = ['id' => "plain_$city", 'segment' => "in_$city", 'tiers' => [['discount' => 100]]];
    $advantages[] = ['id' => "later_$city", 'segment' => "in_$city", 'starts_at' => 1900000000, 'tiers' => [['discount' => 100]]];
    $advantages[] = ['id' => "once_$city", 'segment' => "in_{$city}_ordered", 'max_uses' => 1, 'tiers' => [['discount' => 100]]];
}
$engine = new Loyalty\Engine(['segments' => $segments, 'advantages' => $advantages]);
$cart = ['subtotal' => 10000];
$uses = ['once_Lyon' => 1, 'once_Paris' => 1, 'once_Nice' => 1];
foreach ([['city' => 'Paris', 'uses' => $uses], ['city' => 'Paris', 'active' => false, 'uses' => $uses], ['city' => 'Brest'], []] as $customer) {
    $r = $engine->evaluate($cart, $customer, 1800000000);
    echo json_encode($customer), ': applied ', implode(',', array_column($r->applied, 'id')), "\n";
    foreach ($r->rejected as $x) {
        echo '  ', $x['id'], ' ', $x['reason'], "\n";
    }
}
?>
--EXPECT--
{"city":"Paris","uses":{"once_Lyon":1,"once_Paris":1,"once_Nice":1}}: applied plain_Paris
  plain_Lyon not_in_segment
  later_Lyon schedule
  once_Lyon used_up
  later_Paris schedule
  once_Paris used_up
  plain_Nice not_in_segment
  later_Nice schedule
  once_Nice used_up
{"city":"Paris","active":false,"uses":{"once_Lyon":1,"once_Paris":1,"once_Nice":1}}: applied 
  plain_Lyon disabled
  later_Lyon disabled
  once_Lyon disabled
  plain_Paris disabled
  later_Paris disabled
  once_Paris disabled
  plain_Nice disabled
  later_Nice disabled
  once_Nice disabled
{"city":"Brest"}: applied 
  plain_Lyon not_in_segment
  later_Lyon schedule
  once_Lyon not_in_segment
  plain_Paris not_in_segment
  later_Paris schedule
  once_Paris not_in_segment
  plain_Nice not_in_segment
  later_Nice schedule
  once_Nice not_in_segment
[]: applied 
  plain_Lyon not_in_segment
  later_Lyon schedule
  once_Lyon not_in_segment
  plain_Paris not_in_segment
  later_Paris schedule
  once_Paris not_in_segment
  plain_Nice not_in_segment
  later_Nice schedule
  once_Nice not_in_segment
