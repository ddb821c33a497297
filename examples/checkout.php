<?php
/*
 * The checkout demo: a merchant's settings (shop.json) applied to a few customers and
 * carts, printed as a shop's checkout summary would show them. Run it with scripts/demo.sh.
 */
declare(strict_types=1);

$engine = new Loyalty\Engine(file_get_contents(__DIR__ . '/shop.json'));
$now = '2026-11-22 10:00:00';

function money(int $minor): string
{
    return sprintf('%s%d.%02d', $minor < 0 ? '-' : '', intdiv(abs($minor), 100), abs($minor) % 100);
}

$scenarios = [
    'VIP customer, 160.00 cart, Colissimo' => [
        ['id' => 1, 'groups' => ['VIP'], 'orders' => 12, 'spent' => 184000, 'points' => 230,
         'last_order' => '2026-11-01'],
        ['lines' => [['sku' => 'TEA-01', 'qty' => 4, 'price' => 1250], ['sku' => 'POT-7', 'qty' => 1, 'price' => 11000]],
         'carrier' => 'Colissimo', 'shipping' => 690],
    ],
    'VIP customer, 80.00 cart, Chronopost' => [
        ['id' => 1, 'groups' => ['VIP'], 'orders' => 12, 'points' => 230],
        ['lines' => [['sku' => 'TEA-01', 'qty' => 2, 'price' => 1250], ['sku' => 'MUG-3', 'qty' => 5, 'price' => 1100]],
         'carrier' => 'Chronopost', 'shipping' => 1290],
    ],
    'Regular customer with 64 points (10 points = 1.00)' => [
        ['id' => 2, 'orders' => 3, 'points' => 64, 'last_order' => '2026-10-02'],
        ['lines' => [['sku' => 'MUG-3', 'qty' => 4, 'price' => 1100]], 'carrier' => 'Colissimo', 'shipping' => 690],
    ],
    'Same customer with a promo code' => [
        ['id' => 2, 'orders' => 3, 'points' => 64],
        ['lines' => [['sku' => 'MUG-3', 'qty' => 4, 'price' => 1100]], 'vouchers' => ['WELCOME5'],
         'voucher_discount' => 500, 'shipping' => 690],
    ],
    'Same customer redeeming only 5 points (a block is 10)' => [
        ['id' => 2, 'orders' => 3, 'points' => 64],
        ['lines' => [['sku' => 'MUG-3', 'qty' => 4, 'price' => 1100]], 'use_points' => 5, 'shipping' => 690],
    ],
    'First order, not yet allowed to use points' => [
        ['id' => 3, 'orders' => 0, 'points' => 40],
        ['lines' => [['sku' => 'TEA-01', 'qty' => 3, 'price' => 1250]], 'shipping' => 690],
    ],
    'Wholesaler, 620.00 cart (no points for wholesalers)' => [
        ['id' => 4, 'groups' => ['wholesale'], 'orders' => 30, 'points' => 0],
        ['lines' => [['sku' => 'TEA-BULK', 'qty' => 10, 'price' => 6200]], 'carrier' => 'Colissimo', 'shipping' => 0],
    ],
    'Regular customer buying a book (10% on books only)' => [
        ['id' => 2, 'orders' => 3, 'points' => 64],
        ['lines' => [['sku' => 'BOOK-9', 'qty' => 1, 'price' => 2400, 'category' => 'books'],
                     ['sku' => 'TEA-01', 'qty' => 2, 'price' => 1250, 'category' => 'tea']], 'shipping' => 690],
    ],
    'Friday evening order (free shipping from 30.00)' => [
        ['id' => 6, 'orders' => 1, 'points' => 0],
        ['lines' => [['sku' => 'MUG-3', 'qty' => 3, 'price' => 1100]], 'carrier' => 'Colissimo', 'shipping' => 690],
        '2026-11-20 19:30:00',
    ],
    'Lapsed big spender back after 9 months' => [
        ['id' => 5, 'orders' => 6, 'spent' => 72000, 'points' => 15, 'last_order' => '2026-02-10'],
        ['subtotal' => 4200, 'shipping' => 690],
    ],
];

foreach ($scenarios as $title => $scenario) {
    [$customer, $cart] = $scenario;
    $r = $engine->evaluate($cart, $customer, $scenario[2] ?? $now);
    echo "== $title\n";
    echo "   segments: ", implode(', ', $r->segments), "\n";
    foreach ($r->lines as $line) {
        printf("   %-10s %8s  discount %6s\n", $line['sku'], money($line['amount']), money($line['discount']));
    }
    printf("   subtotal %s\n", money($r->subtotal));
    if (!empty($cart['voucher_discount'])) {
        printf("   promo code %s: -%s\n", implode(', ', $cart['vouchers'] ?? []), money($cart['voucher_discount']));
    }
    foreach ($r->applied as $a) {
        printf("   + %s: -%s%s%s\n", $a['label'], money($a['discount']),
            $a['free_shipping'] ? ', free shipping' : '',
            $a['points_spent'] ? ", {$a['points_spent']} points used" : '');
    }
    foreach ($r->rejected as $x) {
        if (in_array($x['reason'], ['not_in_segment', 'no_line'], true) || ($x['reason'] === 'schedule' && !isset($x['missing']))) {
            continue; // the demo keeps to rules this customer could have had on this cart, now
        }
        printf("   - %s not applied: %s\n", $x['id'], $x['message']);
    }
    printf("   shipping %s%s\n", money($r->shipping), $r->freeShipping ? ' (offered)' : '');
    printf("   TOTAL %s\n", money($r->total));
    printf("   points: +%d earned, -%d spent, balance %d\n\n", $r->pointsEarned, $r->pointsSpent, $r->pointsBalance);
}
