--TEST--
examples/checkout.php: the main job's checkout summaries
--EXTENSIONS--
loyalty
--FILE--
<?php
include __DIR__ . '/../../examples/checkout.php';
?>
--EXPECT--
== VIP customer, 160.00 cart, Colissimo
   segments: all, customers, loyal, vip
   TEA-01        50.00  discount   5.00
   POT-7        110.00  discount  11.00
   subtotal 160.00
   + VIP advantage: -16.00, free shipping
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 6.90 (offered)
   TOTAL 144.00
   points: +144 earned, -0 spent, balance 374

== VIP customer, 80.00 cart, Chronopost
   segments: all, customers, loyal, vip
   TEA-01        25.00  discount   1.56
   MUG-3         55.00  discount   3.44
   subtotal 80.00
   + VIP advantage: -5.00
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 12.90
   TOTAL 87.90
   points: +75 earned, -0 spent, balance 305

== Regular customer with 64 points (10 points = 1.00)
   segments: all, customers, loyal
   MUG-3         44.00  discount   6.00
   subtotal 44.00
   + Loyalty points: -6.00, 60 points used
   shipping 6.90
   TOTAL 44.90
   points: +0 earned, -60 spent, balance 4

== Same customer with a promo code
   segments: all, customers, loyal
   MUG-3         44.00  discount   0.00
   subtotal 44.00
   promo code WELCOME5: -5.00
   - books not applied: voucher: does not apply with a voucher
   - loyalty not applied: voucher: points cannot be used with a voucher
   shipping 6.90
   TOTAL 45.90
   points: +0 earned, -0 spent, balance 64

== Same customer redeeming only 5 points (a block is 10)
   segments: all, customers, loyal
   MUG-3         44.00  discount   0.00
   subtotal 44.00
   - loyalty not applied: zero_value: gives 0.00 on this cart
   shipping 6.90
   TOTAL 50.90
   points: +44 earned, -0 spent, balance 108

== First order, not yet allowed to use points
   segments: all, no_orders
   TEA-01        37.50  discount   0.00
   subtotal 37.50
   - loyalty not applied: order_number: points are usable from order 2, this is order 1
   shipping 6.90
   TOTAL 44.40
   points: +37 earned, -0 spent, balance 77

== Wholesaler, 620.00 cart (no points for wholesalers)
   segments: all, customers, loyal
   TEA-BULK     620.00  discount  31.00
   subtotal 620.00
   + Wholesale 5% from 500.00: -31.00
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 0.00
   TOTAL 589.00
   points: +0 earned, -0 spent, balance 0

== Regular customer buying a book (10% on books only)
   segments: all, customers, loyal
   BOOK-9        24.00  discount   2.40
   TEA-01        25.00  discount   0.00
   subtotal 49.00
   + 10% on books: -2.40
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 6.90
   TOTAL 53.50
   points: +46 earned, -0 spent, balance 110

== Friday evening order (free shipping from 30.00)
   segments: all, customers
   MUG-3         33.00  discount   0.00
   subtotal 33.00
   + Friday evening: free shipping: -0.00, free shipping
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 6.90 (offered)
   TOTAL 33.00
   points: +33 earned, -0 spent, balance 33

== Lapsed big spender back after 9 months
   segments: all, customers, lapsed_big_spenders, loyal
   subtotal 42.00
   + Welcome back: -3.00
   - loyalty not applied: advantage_wins: a segment advantage applied and points do not combine with it
   shipping 6.90
   TOTAL 45.90
   points: +39 earned, -0 spent, balance 54
