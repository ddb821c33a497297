<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Checkout;

use Loyalty\InputException;

/**
 * @internal A cart array (SPEC 4) read and checked as ext/cart.c does: money is an int >= 0,
 * never converted; 64-bit overflow is an InputException naming the path; unknown keys ignored.
 */
final class Cart
{
    public const MAX_LINES = 100000;

    /** @var list<int>|null line amounts (qty * price); null when the cart gave a subtotal */
    public ?array $amounts = null;
    /** @var list<mixed> the lines' `sku` (null when absent) */
    public array $skus = [];
    /** @var list<Line>|null the lines as line expressions read them, made on first use (lines()) */
    private ?array $lines = null;
    /** @var array<mixed> the cart's `lines` as given (checked), for lines() */
    private array $given = [];
    /** @var list<string> attr.NAME read by line expressions */
    private array $lineAttrNames = [];
    /** lines, and their units (saturating at PHP_INT_MAX, as the extension) */
    public int $lineCount = 0;
    public int $units = 0;
    public int $subtotal = 0;
    public ?string $carrier = null;
    public int $shipping = 0;
    public int $vouchers = 0;
    public int $voucherDiscount = 0;
    /** false: skip loyalty */
    public bool $usePoints = true;
    /** at most this many points (an int `use_points`), or null for as many as allowed */
    public ?int $usePointsMax = null;

    /** @param list<string> $lineAttrNames attr.NAME read by the program's line expressions */
    public function __construct(array $cart, array $lineAttrNames = [])
    {
        $lines = $cart['lines'] ?? null;
        if ($lines !== null) {
            $this->readLines($lines, $lineAttrNames);
        } else {
            $this->subtotal = self::money($cart, 'subtotal');
        }
        $carrier = $cart['carrier'] ?? null;
        if ($carrier !== null) {
            if (!is_string($carrier)) {
                throw self::error('cart.carrier: expected string, got ' . Text::type($carrier));
            }
            $this->carrier = $carrier;
        }
        $this->shipping = self::money($cart, 'shipping');
        $this->voucherDiscount = self::money($cart, 'voucher_discount');
        $this->readVouchers($cart['vouchers'] ?? null);
        $this->readUsePoints($cart['use_points'] ?? null);
    }

    private function readLines(mixed $lines, array $lineAttrNames): void
    {
        if (!is_array($lines)) {
            throw self::error('cart.lines: expected list of lines, got ' . Text::type($lines));
        }
        if (count($lines) > self::MAX_LINES) {
            throw self::error(sprintf('cart.lines: too many lines (%d, at most %d)', count($lines), self::MAX_LINES));
        }
        $amounts = [];
        $skus = [];
        $subtotal = 0;
        $units = 0;
        $i = 0;
        foreach ($lines as $line) {
            if (!is_array($line)) {
                throw self::error("cart.lines[$i]: expected array, got " . Text::type($line));
            }
            $sku = $line['sku'] ?? null;
            $qty = $line['qty'] ?? null;
            $price = $line['price'] ?? null;
            // sku, qty and price given and nothing else: no category nor attributes to look up
            $plain = $sku !== null && count($line) === 3;
            if ($sku !== null && !is_string($sku) && !is_int($sku)) {
                throw self::error("cart.lines[$i].sku: expected string, got " . Text::type($sku));
            }
            if (!$plain) {
                $category = $line['category'] ?? null;
                if ($category !== null && !is_string($category) && !is_int($category)) {
                    throw self::error("cart.lines[$i].category: expected string, got " . Text::type($category));
                }
            }
            if (!is_int($qty) || $qty < 0) {
                self::nonNegative($qty, "cart.lines[$i].qty", 'int', true); // throws
            }
            if (!is_int($price) || $price < 0) {
                self::nonNegative($price, "cart.lines[$i].price", 'int (minor units)', true); // throws
            }
            $amount = $qty * $price; // a float when it overflows
            if (!is_int($amount)) {
                throw self::error("cart.lines[$i]: qty * price overflows 64-bit minor units");
            }
            if ($subtotal > PHP_INT_MAX - $amount) {
                throw self::error("cart.lines[$i]: subtotal overflows 64-bit minor units");
            }
            $subtotal += $amount;
            $amounts[] = $amount;
            $skus[] = $sku;
            $units = $units > PHP_INT_MAX - $qty ? PHP_INT_MAX : $units + $qty;
            if (!$plain && isset($line['attributes'])) { // checked now; read again by lines()
                \Loyalty\Polyfill\Attributes::read($line['attributes'], "cart.lines[$i]", $lineAttrNames, true);
            }
            $i++;
        }
        $this->amounts = $amounts;
        $this->skus = $skus;
        $this->subtotal = $subtotal;
        $this->lineCount = $i;
        $this->units = $units;
        $this->given = $lines;
        $this->lineAttrNames = $lineAttrNames;
    }

    /**
     * The lines as line expressions read them: made on first use, most programs never ask.
     * @return list<Line>
     */
    public function lines(): array
    {
        if ($this->lines === null) {
            $this->lines = [];
            $i = 0;
            foreach ($this->given as $line) {
                $sku = $line['sku'] ?? null;
                $category = $line['category'] ?? null;
                // an int sku or category reads as its digits in a line expression (SPEC 13)
                $this->lines[] = new Line($sku === null ? null : (string) $sku, $category === null ? null : (string) $category,
                    $line['qty'], $line['price'], $this->amounts[$i],
                    \Loyalty\Polyfill\Attributes::read($line['attributes'] ?? null, "cart.lines[$i]", $this->lineAttrNames, true));
                $i++;
            }
        }
        return $this->lines;
    }

    private function readVouchers(mixed $vouchers): void
    {
        if ($vouchers === null) {
            return;
        }
        if (!is_array($vouchers)) {
            throw self::error('cart.vouchers: expected list of strings, got ' . Text::type($vouchers));
        }
        $i = 0;
        foreach ($vouchers as $v) {
            if (!is_string($v)) {
                throw self::error("cart.vouchers[$i]: expected string, got " . Text::type($v));
            }
            $i++;
        }
        $this->vouchers = $i;
    }

    private function readUsePoints(mixed $use): void
    {
        if ($use === null || $use === true) {
            return;
        }
        if ($use === false) {
            $this->usePoints = false;
            return;
        }
        if (!is_int($use)) {
            throw self::error('cart.use_points: expected bool or int, got ' . Text::type($use));
        }
        $this->usePointsMax = self::nonNegative($use, 'cart.use_points', 'bool or int', false);
        $this->usePoints = $this->usePointsMax > 0;
    }

    /** The money at cart.KEY, 0 when absent. */
    private static function money(array $cart, string $key): int
    {
        $v = $cart[$key] ?? 0;
        return is_int($v) && $v >= 0 ? $v : self::nonNegative($v, "cart.$key", 'int (minor units)', false);
    }

    private static function nonNegative(mixed $v, string $path, string $what, bool $required): int
    {
        if ($v === null) {
            if ($required) {
                throw self::error("$path: is required");
            }
            return 0;
        }
        if (!is_int($v)) {
            throw self::error("$path: expected $what, got " . Text::type($v));
        }
        if ($v < 0) {
            throw self::error("$path: must be >= 0, got $v");
        }
        return $v;
    }

    public static function error(string $message): InputException
    {
        return new InputException($message, 3);
    }
}
