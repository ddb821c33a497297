--TEST--
examples/segments.php: segments of sample customers and a campaign list
--EXTENSIONS--
loyalty
--FILE--
<?php
include __DIR__ . '/../../examples/segments.php';
?>
--EXPECT--
Segments of shop.json (at 2026-11-22 10:00:00)
  customer 1: all, colissimo_regulars, customers, loyal, vip, vip_paris
  customer 2: all, customers, first_order_recent, pro_paris
  customer 3: all, benelux, no_orders
  customer 4: all, benelux, colissimo_regulars, customers, lapsed_big_spenders, loyal, ref42_buyers
  customer 5: all, disabled
Campaign 'lapsed_big_spenders': customers 4
Is customer 2 in 'pro_paris'? yes
A merchant's typo is reported with its place:
segments.broken: 'like' needs a string literal pattern at column 27
orders >= 5 and city like 3
                          ^
