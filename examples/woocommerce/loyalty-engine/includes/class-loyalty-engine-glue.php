<?php
/**
 * The WooCommerce side of the loyalty engine, without WordPress loaded: maps WC_Cart,
 * WC_Customer and shipping rates to the engine's arrays, a Loyalty\Result to cart fees and
 * free shipping, and an order's points into a Loyalty\Ledger kept in user meta. Plain PHP
 * (it calls get_user_meta(), update_user_meta() and wp_slash() only when storing a ledger),
 * so tests/integrations/ runs it on stub objects.
 *
 * Money: WooCommerce prices are decimal strings ("19.99") or floats after its own
 * arithmetic; the engine takes int minor units. to_minor() reads the decimal string (a float
 * is first printed with 6 digits more than the currency has) and rounds half up in integers;
 * to_decimal() turns minor units back into an exact decimal string for WooCommerce.
 *
 * @package Loyalty_Engine
 */

declare(strict_types=1);

final class Loyalty_Engine_Glue {

	/** Order meta: the quote at checkout, and the mark that its points went into the ledger. */
	const META_EARNED  = '_loyalty_points_earned';
	const META_SPENT   = '_loyalty_points_spent';
	const META_AWARDED = '_loyalty_points_awarded';
	/** Shipping rate meta: its cost before the engine made it free. */
	const META_ORIGINAL_COST = 'loyalty_original_cost';
	const LOYALTY_LABEL      = 'Loyalty points';

	/** A non-negative amount (decimal string, float or int) to int minor units, half up. */
	public static function to_minor( float|int|string $amount, int $decimals = 2 ): int {
		$text = trim( (string) $amount );
		if ( is_float( $amount ) ) {
			if ( ! is_finite( $amount ) ) {
				throw new InvalidArgumentException( 'amount is not finite' );
			}
			$text = 0.0 == $amount ? '0' : sprintf( '%.' . ( $decimals + 6 ) . 'F', $amount );
		}
		if ( '' === $text ) {
			return 0; // WooCommerce leaves some totals as '' until computed.
		}
		if ( ! preg_match( '/^(\d+)(?:\.(\d*))?$/', $text, $m ) ) {
			throw new InvalidArgumentException( 'not a non-negative amount: ' . var_export( $amount, true ) );
		}
		$fraction = str_pad( $m[2] ?? '', $decimals + 1, '0' );
		$digits   = ltrim( $m[1] . substr( $fraction, 0, $decimals ), '0' );
		if ( strlen( $digits ) > 18 ) {
			throw new InvalidArgumentException( 'amount too large: ' . var_export( $amount, true ) );
		}
		return (int) $digits + ( $fraction[ $decimals ] >= '5' ? 1 : 0 );
	}

	/** Int minor units to an exact decimal string: -1250 -> "-12.50". */
	public static function to_decimal( int $minor, int $decimals = 2 ): string {
		if ( 0 === $decimals ) {
			return (string) $minor;
		}
		$unit = 10 ** $decimals;
		return sprintf( '%s%d.%0' . $decimals . 'd', $minor < 0 ? '-' : '', intdiv( abs( $minor ), $unit ), abs( $minor ) % $unit );
	}

	/**
	 * The chosen shipping rate (a WC_Shipping_Rate, or null before one is chosen) as the
	 * engine's carrier (the rate's label, as the merchant named it) and shipping cost (the
	 * cost before this plugin made it free, so the engine still sees what it saves).
	 */
	public static function shipping_of( ?object $rate, int $decimals = 2 ): array {
		if ( null === $rate ) {
			return array( 'carrier' => '', 'shipping' => 0 );
		}
		$meta = $rate->get_meta_data();
		$cost = $meta[ self::META_ORIGINAL_COST ] ?? $rate->get_cost();
		return array( 'carrier' => (string) $rate->get_label(), 'shipping' => self::to_minor( $cost, $decimals ) );
	}

	/** The engine's cart from a WC_Cart (items, applied coupons and their discount). */
	public static function cart_from_wc( object $wc_cart, array $shipping, int $decimals = 2 ): array {
		$lines = array();
		foreach ( $wc_cart->get_cart() as $item ) {
			$product = $item['data'];
			$sku     = (string) $product->get_sku();
			$line    = array(
				'sku'   => '' !== $sku ? $sku : 'product-' . ( $item['variation_id'] ?: $item['product_id'] ),
				'qty'   => (int) $item['quantity'],
				'price' => self::to_minor( $product->get_price(), $decimals ),
			);
			$categories = $product->get_category_ids();
			if ( $categories ) {
				$line['category'] = (string) reset( $categories );
			}
			$lines[] = $line;
		}
		return array(
			'lines'            => $lines,
			'carrier'          => $shipping['carrier'],
			'shipping'         => $shipping['shipping'],
			'vouchers'         => array_values( $wc_cart->get_applied_coupons() ),
			'voucher_discount' => self::to_minor( $wc_cart->get_discount_total(), $decimals ),
		);
	}

	/** The engine's customer from a WC_Customer; $groups are the user's roles or tags. */
	public static function customer_from_wc( object $wc_customer, array $groups, int $points, int $decimals = 2 ): array {
		$last = $wc_customer->get_last_order();
		return array(
			'id'         => (int) $wc_customer->get_id(),
			'groups'     => array_values( $groups ),
			'orders'     => (int) $wc_customer->get_order_count(),
			'spent'      => self::to_minor( $wc_customer->get_total_spent(), $decimals ),
			// A WC_DateTime is a DateTimeInterface: the engine takes it as it is.
			'last_order' => $last ? $last->get_date_created() : null,
			'city'       => $wc_customer->get_billing_city(),
			'postcode'   => $wc_customer->get_billing_postcode(),
			'country'    => $wc_customer->get_billing_country(),
			'points'     => $points,
		);
	}

	/**
	 * One negative, untaxed fee per applied entry with a discount (WC_Cart::add_fee(), from
	 * the woocommerce_cart_calculate_fees action). Returns the fees added as [name, amount].
	 */
	public static function apply_fees( object $wc_cart, Loyalty\Result $result, int $decimals = 2 ): array {
		$fees = array();
		foreach ( $result->applied as $entry ) {
			if ( $entry['discount'] > 0 ) {
				$amount = self::to_decimal( -$entry['discount'], $decimals );
				$wc_cart->add_fee( $entry['label'], (float) $amount, false );
				$fees[] = array( $entry['label'], $amount );
			}
		}
		return $fees;
	}

	/**
	 * The woocommerce_package_rates filter: every rate for which $quote (carrier, shipping in
	 * minor units => Loyalty\Result) says free shipping costs 0, taxes included; its original
	 * cost is kept in the rate's meta for shipping_of().
	 */
	public static function free_shipping_rates( array $rates, callable $quote, int $decimals = 2 ): array {
		foreach ( $rates as $rate ) {
			$shipping = self::shipping_of( $rate, $decimals );
			if ( 0 === $shipping['shipping'] || ! $quote( $shipping['carrier'], $shipping['shipping'] )->freeShipping ) {
				continue;
			}
			if ( ! isset( $rate->get_meta_data()[ self::META_ORIGINAL_COST ] ) ) {
				$rate->add_meta_data( self::META_ORIGINAL_COST, $rate->get_cost() );
			}
			$rate->set_cost( '0' );
			$rate->set_taxes( array_map( fn() => 0, $rate->get_taxes() ) );
		}
		return $rates;
	}

	/** woocommerce_checkout_create_order: keeps the points of the quote on the order. */
	public static function record_quote( object $order, Loyalty\Result $result ): void {
		$order->update_meta_data( self::META_EARNED, $result->pointsEarned );
		$order->update_meta_data( self::META_SPENT, $result->pointsSpent );
	}

	/**
	 * woocommerce_order_status_completed: the points spent and earned by the order go into
	 * the customer's ledger, once (an order can be completed again after a status change).
	 * Points that are no longer there to spend are noted on the order, not taken.
	 * Returns false for guests and orders already done.
	 */
	public static function award_points( object $order, Loyalty_Engine_Ledger_Store $store, int|string|DateTimeInterface $at ): bool {
		$user_id = (int) $order->get_customer_id();
		if ( 0 === $user_id || $order->get_meta( self::META_AWARDED ) ) {
			return false;
		}
		$ledger = $store->load( $user_id );
		$ref    = 'order-' . $order->get_id();
		$spent  = (int) $order->get_meta( self::META_SPENT );
		if ( $spent > 0 ) {
			try {
				$ledger->spend( $spent, $at, $ref );
			} catch ( Loyalty\LedgerException $e ) {
				$order->add_order_note( sprintf( 'Loyalty: %d points could not be spent (%s)', $spent, $e->getMessage() ) );
			}
		}
		$earned = (int) $order->get_meta( self::META_EARNED );
		if ( $earned > 0 ) {
			$ledger->earn( $earned, $at, $ref );
		}
		$store->save( $user_id, $ledger );
		$order->update_meta_data( self::META_AWARDED, 'yes' );
		$order->save();
		return true;
	}
}

/** A customer's Loyalty\Ledger in user meta, as the JSON of entries(). */
final class Loyalty_Engine_Ledger_Store {

	public function __construct( private Loyalty\Program $program, private string $meta_key = '_loyalty_ledger' ) {}

	public function load( int $user_id ): Loyalty\Ledger {
		$json = get_user_meta( $user_id, $this->meta_key, true );
		$entries = is_string( $json ) && '' !== $json ? json_decode( $json, true, 512, JSON_THROW_ON_ERROR ) : array();
		return new Loyalty\Ledger( $this->program, $entries );
	}

	public function save( int $user_id, Loyalty\Ledger $ledger ): void {
		// update_user_meta() unslashes what it is given: without wp_slash() every backslash
		// of the JSON (an escaped quote in a reference) would be lost.
		update_user_meta( $user_id, $this->meta_key, wp_slash( json_encode( $ledger->entries(), JSON_THROW_ON_ERROR ) ) );
	}
}
