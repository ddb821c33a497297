<?php
/*
 * The PrestaShop side of the loyalty engine without PrestaShop: maps a cart, a customer and
 * the cart's rules (PrestaShop objects, or anything with the same methods and properties) to
 * the engine's arrays, and a Loyalty\Result back to cart rule fields and a message. Plain
 * PHP, no PrestaShop class is referenced, so tests/integrations/ runs it on stub objects.
 *
 * Money: PrestaShop hands prices over as floats (Cart::getProducts() 'price_wt' is 19.99 or
 * 23.988 after tax) and the engine takes int minor units. (int) ($price * 100) is wrong
 * (19.99 * 100 = 1998.9999999999998 -> 1998): toMinor() prints the float with 6 digits more
 * than the currency has (19.99 -> "19.99000000"), then rounds that decimal string half up
 * (PrestaShop's default rounding mode) in integers. Back to PrestaShop, toDecimal() gives an
 * exact decimal string ("12.50") for CartRule::$reduction_amount.
 */
declare(strict_types=1);

final class LoyaltyEngineGlue
{
    /** Code prefix of the cart rules this module creates (they are not the customer's vouchers). */
    public const RULE_PREFIX = 'LTY-';
    /** Cart::ONLY_SHIPPING (the constant is PrestaShop's; its value is stable since 1.5). */
    public const ONLY_SHIPPING = 5;
    /** Label of the loyalty entry of a Result (advantages take theirs from the settings). */
    public const LOYALTY_LABEL = 'Loyalty points';

    /** A non-negative amount (float, int or decimal string) to int minor units, half up. */
    public static function toMinor(float|int|string $amount, int $decimals = 2): int
    {
        $text = trim((string) $amount);
        if (is_float($amount)) {
            if (!is_finite($amount)) {
                throw new InvalidArgumentException('amount is not finite');
            }
            $text = $amount == 0.0 ? '0' : sprintf('%.' . ($decimals + 6) . 'F', $amount);
        }
        if (!preg_match('/^(\d+)(?:\.(\d*))?$/', $text, $m)) {
            throw new InvalidArgumentException('not a non-negative amount: ' . var_export($amount, true));
        }
        $fraction = str_pad($m[2] ?? '', $decimals + 1, '0');
        $digits = ltrim($m[1] . substr($fraction, 0, $decimals), '0');
        if (strlen($digits) > 18) {
            throw new InvalidArgumentException('amount too large: ' . var_export($amount, true));
        }
        return (int) $digits + ($fraction[$decimals] >= '5' ? 1 : 0);
    }

    /** Int minor units to an exact decimal string: 1250 -> "12.50" (2 decimals), "1250" (0). */
    public static function toDecimal(int $minor, int $decimals = 2): string
    {
        if ($decimals === 0) {
            return (string) $minor;
        }
        $unit = 10 ** $decimals;
        return sprintf('%s%d.%0' . $decimals . 'd', $minor < 0 ? '-' : '', intdiv(abs($minor), $unit), abs($minor) % $unit);
    }

    /**
     * The engine's cart from a PrestaShop Cart: lines from getProducts(), the customer's own
     * vouchers from getCartRules() (ours excluded: they are the engine's previous answer),
     * shipping from getOrderTotal(). $carrier is the carrier's name (Carrier::$name).
     */
    public static function cart(object $cart, string $carrier, int $decimals = 2, bool $withTax = true): array
    {
        $lines = [];
        foreach ($cart->getProducts() as $p) {
            $line = [
                'sku' => (string) ($p['reference'] ?? '') !== '' ? (string) $p['reference']
                    : $p['id_product'] . '-' . (int) ($p['id_product_attribute'] ?? 0),
                'qty' => (int) $p['cart_quantity'],
                'price' => self::toMinor($withTax ? $p['price_wt'] : $p['price'], $decimals),
            ];
            if (!empty($p['id_category_default'])) {
                $line['category'] = (string) $p['id_category_default'];
            }
            $lines[] = $line;
        }
        $vouchers = [];
        $voucherDiscount = 0;
        foreach ($cart->getCartRules() as $rule) {
            if (str_starts_with((string) $rule['code'], self::RULE_PREFIX)) {
                continue;
            }
            // Automatic cart rules have no code: name them by id so they still count as vouchers.
            $vouchers[] = (string) $rule['code'] !== '' ? (string) $rule['code'] : '#' . $rule['id_cart_rule'];
            $voucherDiscount += self::toMinor($withTax ? $rule['value_real'] : $rule['value_tax_exc'], $decimals);
        }
        return [
            'lines' => $lines,
            'carrier' => $carrier,
            'shipping' => self::toMinor($cart->getOrderTotal($withTax, self::ONLY_SHIPPING), $decimals),
            'vouchers' => $vouchers,
            'voucher_discount' => $voucherDiscount,
        ];
    }

    /**
     * A cart split into several orders: each order's part of what the cart's points are earned on,
     * from the Result's lines (amount less discount, by sku) and each order's products
     * ($orderProducts: id_order => Order::getProducts() rows, named as cart() names them:
     * product_reference, or product_id-product_attribute_id). A line no order claims goes to the
     * first order. Returns id_order => minor units.
     */
    public static function orderShares(array $resultLines, array $orderProducts): array
    {
        ksort($orderProducts);
        $shares = array_fill_keys(array_keys($orderProducts), 0);
        $owner = [];
        foreach ($orderProducts as $idOrder => $products) {
            foreach ($products as $p) {
                $sku = (string) ($p['product_reference'] ?? '') !== '' ? (string) $p['product_reference']
                    : $p['product_id'] . '-' . (int) ($p['product_attribute_id'] ?? 0);
                $owner[$sku] ??= $idOrder;
            }
        }
        foreach ($resultLines as $line) {
            $idOrder = $owner[(string) $line['sku']] ?? array_key_first($shares);
            if ($idOrder !== null) {
                $shares[$idOrder] += max(0, (int) $line['amount'] - (int) $line['discount']);
            }
        }
        return $shares;
    }

    /**
     * The engine's customer from a PrestaShop Customer: $groupNames maps id_group => name
     * (Group::getGroups() rows), $orders are Order::getCustomerOrders() rows (only valid
     * ones count), $carrierNames maps id_carrier => name, $address is the delivery Address.
     */
    public static function customer(object $customer, array $groupNames, array $orders, ?object $address,
        string $countryIso, int $points, array $carrierNames = [], int $decimals = 2): array
    {
        $groups = [];
        foreach ($customer->getGroups() as $id) {
            if (isset($groupNames[(int) $id])) {
                $groups[] = (string) $groupNames[(int) $id];
            }
        }
        $count = $spent = 0;
        $first = $last = null;
        $carriers = [];
        foreach ($orders as $order) {
            if (!(int) $order['valid']) {
                continue;
            }
            $count++;
            $spent += self::toMinor($order['total_paid_tax_incl'], $decimals);
            // 'Y-m-d H:i:s' strings sort as dates, and the engine reads them as they are.
            $first = $first === null || $order['date_add'] < $first ? $order['date_add'] : $first;
            $last = $last === null || $order['date_add'] > $last ? $order['date_add'] : $last;
            if (isset($carrierNames[(int) $order['id_carrier']])) {
                $carriers[$carrierNames[(int) $order['id_carrier']]] = true;
            }
        }
        return [
            'id' => (int) $customer->id, 'active' => (bool) $customer->active, 'groups' => $groups,
            'orders' => $count, 'spent' => $spent, 'first_order' => $first, 'last_order' => $last,
            'city' => $address?->city, 'postcode' => $address?->postcode, 'country' => $countryIso,
            'carriers' => array_keys($carriers), 'points' => $points,
        ];
    }

    /** Display labels by entry id: advantages from the settings, loyalty as LOYALTY_LABEL. */
    public static function labels(Loyalty\Program $program): array
    {
        $labels = ['loyalty' => self::LOYALTY_LABEL];
        foreach ($program->toArray()['advantages'] as $advantage) {
            $labels[$advantage['id']] = $advantage['label'];
        }
        return $labels;
    }

    /**
     * One CartRule (as field => value) per applied entry of $result, for this cart only.
     * The code carries the amount, so a changed answer is a new code (see syncPlan()).
     */
    public static function cartRules(Loyalty\Result $result, object $cart, int $now, int $decimals = 2): array
    {
        $rules = [];
        foreach ($result->applied as $entry) {
            if ($entry['discount'] === 0 && !$entry['free_shipping']) {
                continue;
            }
            $id = strtoupper(preg_replace('/[^A-Za-z0-9]+/', '_', $entry['id']));
            $rules[] = [
                'code' => self::RULE_PREFIX . $cart->id . "-$id-" . $entry['discount'] . ($entry['free_shipping'] ? '-FS' : ''),
                'name' => $entry['label'],
                'description' => "loyalty engine: {$entry['source']} {$entry['id']}",
                'id_customer' => (int) $cart->id_customer,
                'date_from' => date('Y-m-d H:i:s', $now),
                'date_to' => date('Y-m-d H:i:s', $now + 86400),
                'quantity' => 1,
                'quantity_per_user' => 1,
                'priority' => 1,
                'partial_use' => 0,
                'highlight' => 0,
                'active' => 1,
                'reduction_amount' => self::toDecimal($entry['discount'], $decimals),
                'reduction_tax' => 1,
                'reduction_currency' => (int) $cart->id_currency,
                'free_shipping' => $entry['free_shipping'] ? 1 : 0,
            ];
        }
        return $rules;
    }

    /**
     * What to change on the cart: $onCart are getCartRules() rows, $wanted cartRules().
     * Our rules already there with the same code stay; others of ours go; the rest is added.
     * @return array{remove: list<int>, add: list<array>}
     */
    public static function syncPlan(array $onCart, array $wanted): array
    {
        $present = [];
        $remove = [];
        $codes = array_column($wanted, 'code');
        foreach ($onCart as $rule) {
            if (!str_starts_with((string) $rule['code'], self::RULE_PREFIX)) {
                continue;
            }
            if (in_array($rule['code'], $codes, true)) {
                $present[$rule['code']] = true;
            } else {
                $remove[] = (int) $rule['id_cart_rule'];
            }
        }
        $add = array_values(array_filter($wanted, fn($rule) => !isset($present[$rule['code']])));
        return ['remove' => $remove, 'add' => $add];
    }

    /**
     * Why each rule the customer could have had did not apply, one line each (rules of
     * segments the customer is not in, disabled customers, rules on products the cart does not
     * hold, and offers not running now are not worth telling; one that has yet to start is).
     */
    public static function rejectedMessage(Loyalty\Result $result, array $labels): string
    {
        $lines = [];
        foreach ($result->rejected as $rejected) {
            if (in_array($rejected['reason'], ['not_in_segment', 'disabled', 'no_line'], true)
                    || ($rejected['reason'] === 'schedule' && !isset($rejected['missing']))) {
                continue;
            }
            // Messages start with their reason code ("below_tier: ..."): the customer needs only the rest.
            $text = preg_replace('/^' . preg_quote($rejected['reason'], '/') . ': /', '', $rejected['message']);
            $lines[] = ($labels[$rejected['id']] ?? $rejected['id']) . ': ' . $text;
        }
        return implode("\n", $lines);
    }
}
