<?php
/**
 * Plugin Name:          Loyalty Engine
 * Description:          Segments, tiered advantages and loyalty points computed by the loyalty PHP extension: discounts as a cart fee, free shipping on the rates, points awarded when an order is completed.
 * Version:              0.1.0
 * Requires PHP:         8.1
 * Requires Plugins:     woocommerce
 * WC requires at least: 7.0
 * License:              PHP-3.01
 *
 * The merchant's settings are the JSON of the option loyalty_engine_settings
 * (wp option update loyalty_engine_settings "$(cat shop.json)"). The mapping lives in
 * includes/class-loyalty-engine-glue.php (plain PHP, tested in tests/integrations/);
 * this file only talks to WordPress and WooCommerce.
 *
 * @package Loyalty_Engine
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/class-loyalty-engine-glue.php';

/** The engine (extension or polyfill), or null when neither or the settings are missing (the shop keeps working). */
function loyalty_engine(): ?Loyalty\Engine {
	$settings = get_option( 'loyalty_engine_settings', '' );
	if ( ! class_exists( Loyalty\Engine::class ) || ! is_string( $settings ) || '' === $settings ) {
		return null;
	}
	// Same settings string, same compiled program: the extension caches it per process.
	return new Loyalty\Engine( $settings );
}

function loyalty_engine_ledgers(): Loyalty_Engine_Ledger_Store {
	return new Loyalty_Engine_Ledger_Store( loyalty_engine()->program() );
}

/** The quote of the current cart for a carrier and its shipping cost (minor units). */
function loyalty_engine_quote( WC_Cart $cart, array $shipping ): ?Loyalty\Result {
	$engine  = loyalty_engine();
	$user_id = get_current_user_id();
	if ( null === $engine ) {
		return null;
	}
	$decimals = wc_get_price_decimals();
	$points   = $user_id ? loyalty_engine_ledgers()->load( $user_id )->balance() : 0;
	$customer = Loyalty_Engine_Glue::customer_from_wc( new WC_Customer( $user_id ), wp_get_current_user()->roles, $points, $decimals );
	return $engine->evaluate( Loyalty_Engine_Glue::cart_from_wc( $cart, $shipping, $decimals ), $customer );
}

/** The chosen rate of the first package (carrier and cost as the engine wants them). */
function loyalty_engine_chosen_shipping(): array {
	$chosen   = WC()->session ? (array) WC()->session->get( 'chosen_shipping_methods', array() ) : array();
	$packages = WC()->shipping()->get_packages();
	$rate     = isset( $chosen[0], $packages[0]['rates'][ $chosen[0] ] ) ? $packages[0]['rates'][ $chosen[0] ] : null;
	return Loyalty_Engine_Glue::shipping_of( $rate, wc_get_price_decimals() );
}

// Discounts: WooCommerce computes items, coupons and shipping before the fees.
add_action(
	'woocommerce_cart_calculate_fees',
	function ( WC_Cart $cart ) {
		$result = loyalty_engine_quote( $cart, loyalty_engine_chosen_shipping() );
		if ( null !== $result ) {
			Loyalty_Engine_Glue::apply_fees( $cart, $result, wc_get_price_decimals() );
		}
	}
);

// Free shipping, rate by rate (a tier may offer it for some carriers only). WooCommerce
// caches rates per package contents in the session: a points balance that changes
// elsewhere shows on the rates at the next cart change.
add_filter(
	'woocommerce_package_rates',
	function ( array $rates ) {
		$cart = WC()->cart;
		if ( null === $cart || null === loyalty_engine() ) {
			return $rates;
		}
		return Loyalty_Engine_Glue::free_shipping_rates(
			$rates,
			fn( string $carrier, int $shipping ) => loyalty_engine_quote( $cart, array( 'carrier' => $carrier, 'shipping' => $shipping ) ),
			wc_get_price_decimals()
		);
	},
	100
);

// The points of the quote travel with the order until it is completed.
add_action(
	'woocommerce_checkout_create_order',
	function ( WC_Order $order ) {
		$result = WC()->cart ? loyalty_engine_quote( WC()->cart, loyalty_engine_chosen_shipping() ) : null;
		if ( null !== $result ) {
			Loyalty_Engine_Glue::record_quote( $order, $result );
		}
	}
);

add_action(
	'woocommerce_order_status_completed',
	function ( int $order_id, WC_Order $order ) {
		if ( null !== loyalty_engine() ) {
			Loyalty_Engine_Glue::award_points( $order, loyalty_engine_ledgers(), $order->get_date_completed() ?? time() );
		}
	},
	10,
	2
);
