<?php
// The engine of SPEC section 8 over a compiled Program: segments, filter and evaluate.
declare(strict_types=1);

namespace Loyalty\Plain;

final class Engine
{
    private const DISABLED = 'the customer account is disabled';

    private readonly Program $program;

    public function __construct(Program|array|string $program)
    {
        $this->program = match (true) {
            $program instanceof Program => $program,
            is_array($program) => Program::fromArray($program),
            default => Program::fromJson($program),
        };
    }

    public function program(): Program
    {
        return $this->program;
    }

    /** @return list<string> the names of the customer's segments, sorted */
    public function segmentsOf(array $customer, int|string|\DateTimeInterface|null $now = null): array
    {
        $now = Time::now($now);
        self::checkCustomer($customer);
        $names = [];
        foreach ($this->program->segments as $name => $test) {
            if ($test($customer, $now)) {
                $names[] = $name;
            }
        }
        sort($names, SORT_STRING);
        return $names;
    }

    public function inSegment(string $segment, array $customer, int|string|\DateTimeInterface|null $now = null): bool
    {
        return $this->test($segment)($customer, Time::now($now));
    }

    /** @return list<int|string> the ids (or keys, for rows without an id) of the customers in the segment */
    public function filter(string $segment, iterable $customers, int|string|\DateTimeInterface|null $now = null): array
    {
        $test = $this->test($segment);
        $now = Time::now($now);
        $ids = [];
        foreach ($customers as $key => $customer) {
            if ($test($customer, $now)) {
                $ids[] = $customer['id'] ?? $key;
            }
        }
        return $ids;
    }

    private function test(string $segment): \Closure
    {
        return $this->program->segments[$segment] ?? throw new ConfigException("unknown segment '$segment'");
    }

    public function evaluate(array $cart, array $customer, int|string|\DateTimeInterface|null $now = null): Result
    {
        $now = Time::now($now);
        $p = $this->program;
        self::checkCustomer($customer);

        // the cart
        [$subtotal, $lines] = self::readLines($cart);
        $shipping = self::money($cart, 'shipping', 'cart');
        $carrier = $cart['carrier'] ?? null;
        $voucherDiscount = self::money($cart, 'voucher_discount', 'cart');
        $hasVoucher = !empty($cart['vouchers']) || $voucherDiscount > 0;
        $payable = $subtotal - min($voucherDiscount, $subtotal);
        $usePoints = $cart['use_points'] ?? true;

        // the customer
        $active = ($customer['active'] ?? true) !== false;
        $points = $customer['points'] ?? 0;
        $in = [];
        $segments = [];
        foreach ($p->segments as $name => $test) {
            if ($in[$name] = $test($customer, $now)) {
                $segments[] = $name;
            }
        }
        sort($segments, SORT_STRING);

        $checkout = new Checkout($subtotal, $payable, $shipping, $carrier, $hasVoucher, $p->rounding);

        // segment advantages: check each, then the best-of, then apply with the running cap
        $noEarning = false;
        $candidates = [];
        foreach ($p->advantages as $i => $a) {
            if (!$active) {
                $checkout->reject($i, 'advantage', $a->id, 'disabled', self::DISABLED);
                continue;
            }
            $member = $a->named ? $in[$a->segment] : ($a->test)($customer, $now);
            if ($member && !$a->earnPoints) {
                $noEarning = true;
            }
            $candidate = $checkout->check($i, $a, $member);
            if ($candidate !== null) {
                $candidates[$i] = $candidate;
            }
        }
        $checkout->applyAdvantages($p->advantages, $candidates);

        // loyalty points: spend, then earn
        $spent = 0;
        $earned = 0;
        $balance = $points;
        if ($p->loyalty !== null) {
            if ($usePoints !== false && $usePoints !== 0 && $p->loyalty['brackets'] !== []) {
                $usable = is_int($usePoints) ? min($points, $usePoints) : $points;
                $spent = $checkout->spendPoints($p->loyalty, count($p->advantages), $customer, $active, $usable);
            }
            $l = $p->loyalty;
            if ($active && !$noEarning && (!$hasVoucher || $l['earn_with_voucher'])
                    && (!$checkout->loyaltyUsed || $l['earn_with_loyalty_discount'])) {
                if (isset($l['earn']['per_order'])) {
                    $earned = $l['earn']['per_order'];
                } else {
                    $earned = intdiv($payable - $checkout->discount, $l['earn']['per_amount']) * $l['earn']['points'];
                }
            }
            $balance = $points - $spent + $earned;
        }

        $shippingDiscount = $checkout->freeShipping ? $shipping : 0;
        return new Result(
            subtotal: $subtotal,
            discount: $checkout->discount,
            shipping: $shipping,
            shippingDiscount: $shippingDiscount,
            freeShipping: $checkout->freeShipping,
            total: $payable - $checkout->discount + $shipping - $shippingDiscount,
            pointsEarned: $earned,
            pointsSpent: $spent,
            pointsBalance: $balance,
            segments: $segments,
            applied: $checkout->applied,
            rejected: $checkout->rejections(),
            lines: self::allocate($lines, $subtotal, $checkout->discount),
        );
    }

    /** @return array{int, list<array{sku: mixed, amount: int}>} the subtotal and the lines */
    private static function readLines(array $cart): array
    {
        if (!isset($cart['lines'])) {
            return [self::money($cart, 'subtotal', 'cart'), []];
        }
        if (!is_array($cart['lines'])) {
            throw new InputException('cart.lines: expected a list');
        }
        $subtotal = 0;
        $lines = [];
        foreach ($cart['lines'] as $i => $line) {
            $qty = $line['qty'] ?? null;
            $price = $line['price'] ?? null;
            if (!is_int($qty) || $qty < 0) {
                throw new InputException("cart.lines[$i].qty: expected int >= 0, got " . get_debug_type($qty));
            }
            if (!is_int($price) || $price < 0) {
                throw new InputException("cart.lines[$i].price: expected int (minor units), got " . get_debug_type($price));
            }
            $amount = $qty * $price;
            $subtotal += $amount;
            if (!is_int($subtotal)) {
                throw new InputException("cart.lines[$i]: amount overflows 64 bits");
            }
            $lines[] = ['sku' => $line['sku'] ?? null, 'amount' => $amount];
        }
        return [$subtotal, $lines];
    }

    /**
     * Spreads $discount over the lines in proportion to their amounts, largest remainder first
     * (ties: the earlier line), so that the line discounts sum to it exactly.
     */
    private static function allocate(array $lines, int $subtotal, int $discount): array
    {
        if ($discount === 0 || $subtotal === 0) {
            foreach ($lines as &$line) {
                $line['discount'] = 0;
            }
            return $lines;
        }
        $given = 0;
        $remainders = [];
        foreach ($lines as $i => &$line) {
            $product = $line['amount'] * $discount;
            if (!is_int($product)) {
                throw new InputException('cart: line allocation overflows 64 bits in this baseline');
            }
            $line['discount'] = intdiv($product, $subtotal);
            $remainders[$i] = $product % $subtotal;
            $given += $line['discount'];
        }
        unset($line);
        arsort($remainders); // stable: equal remainders keep line order
        foreach (array_slice(array_keys($remainders), 0, $discount - $given) as $i) {
            $lines[$i]['discount']++;
        }
        return $lines;
    }

    private static function checkCustomer(array $customer): void
    {
        foreach (['orders', 'spent', 'points'] as $key) {
            if (isset($customer[$key]) && (!is_int($customer[$key]) || $customer[$key] < 0)) {
                throw new InputException("customer.$key: expected int >= 0, got " . get_debug_type($customer[$key]));
            }
        }
        if (isset($customer['active']) && !is_bool($customer['active'])) {
            throw new InputException('customer.active: expected bool, got ' . get_debug_type($customer['active']));
        }
    }

    private static function money(array $a, string $key, string $path): int
    {
        $v = $a[$key] ?? 0;
        if (!is_int($v) || $v < 0) {
            throw new InputException("$path.$key: expected int (minor units), got " . get_debug_type($v));
        }
        return $v;
    }
}
