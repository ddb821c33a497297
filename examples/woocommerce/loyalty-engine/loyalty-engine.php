<?php
/**
 * Plugin Name:          Loyalty Engine
 * Description:          Segments, tiered advantages and loyalty points computed by the loyalty PHP extension: discounts as a cart fee, free shipping on the rates, points awarded when an order is completed.
 * Version:              0.2.0
 * Requires PHP:         8.1
 * Requires Plugins:     woocommerce
 * WC requires at least: 7.0
 * License:              PHP-3.01
 *
 * The merchant's settings are the JSON of the option loyalty_engine_settings, edited on
 * WooCommerce > Loyalty engine (compiled by the engine before it is saved). Points are ledger
 * rows in {prefix}loyalty_engine_points (as in the PrestaShop module): spent at checkout under
 * the customer's lock, earned when the order is processing or completed, given back on
 * cancellation and refunds. The mapping lives in
 * includes/class-loyalty-engine-glue.php (plain PHP, tested in tests/integrations/);
 * this file only talks to WordPress and WooCommerce.
 *
 * @package Loyalty_Engine
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/class-loyalty-engine-glue.php';
require_once __DIR__ . '/includes/LoyaltyEnginePoints.php';
require_once __DIR__ . '/includes/class-loyalty-engine-wpdb-storage.php';
// Without the extension, the polyfill bundled in the plugin's zip (scripts/module-zips.sh).
if ( ! class_exists( Loyalty\Engine::class ) && is_file( __DIR__ . '/vendor/loyalty/polyfill/bootstrap.php' ) ) {
	require_once __DIR__ . '/vendor/loyalty/polyfill/bootstrap.php';
}

/** Why there is no engine ('' when there is one): shown to the merchant, never to customers. */
function loyalty_engine_error(): string {
	loyalty_engine();
	return $GLOBALS['loyalty_engine_error'] ?? '';
}

/** The engine (extension or polyfill), or null when neither or the settings are missing or bad (the shop keeps working). */
function loyalty_engine(): ?Loyalty\Engine {
	static $engines = array();
	$settings = get_option( 'loyalty_engine_settings', '' );
	$settings = is_string( $settings ) ? $settings : '';
	if ( ! array_key_exists( $settings, $engines ) ) {
		$GLOBALS['loyalty_engine_error'] = '';
		try {
			if ( ! class_exists( Loyalty\Engine::class ) ) {
				throw new RuntimeException( 'the loyalty engine is missing (neither the extension nor the bundled polyfill loads)' );
			}
			if ( '' === $settings ) {
				throw new RuntimeException( 'no settings saved yet' );
			}
			// Same settings string, same compiled program: the extension caches it per process.
			$engines = array( $settings => new Loyalty\Engine( $settings ) );
		} catch ( Throwable $e ) {
			$engines = array( $settings => null );
			$GLOBALS['loyalty_engine_error'] = $e->getMessage();
		}
	}
	return $engines[ $settings ];
}

function loyalty_engine_storage(): Loyalty_Engine_Wpdb_Storage {
	return new Loyalty_Engine_Wpdb_Storage( $GLOBALS['wpdb'] );
}

function loyalty_engine_points(): LoyaltyEnginePoints {
	return new LoyaltyEnginePoints( loyalty_engine_storage(), loyalty_engine()->program() );
}

/** Logs what went wrong without getting in the customer's way. */
function loyalty_engine_log( Throwable $e, string $where ): void {
	if ( function_exists( 'wc_get_logger' ) ) {
		wc_get_logger()->error( "$where: " . get_class( $e ) . ': ' . $e->getMessage(), array( 'source' => 'loyalty-engine' ) );
	}
}

/**
 * The quote of a cart for a carrier and its shipping cost (minor units). $balance: the points read
 * under the customer's lock (checkout); else read here. The request's loyalty_use_points (kept
 * in the session) is an upper bound only: the engine spends at most the ledger's balance.
 */
function loyalty_engine_quote( WC_Cart $cart, array $shipping, ?int $balance = null ): ?Loyalty\Result {
	$engine  = loyalty_engine();
	$user_id = get_current_user_id();
	if ( null === $engine ) {
		return null;
	}
	$decimals = wc_get_price_decimals();
	$points   = $balance ?? ( $user_id ? loyalty_engine_points()->ledger( $user_id )->balance() : 0 );
	$customer = Loyalty_Engine_Glue::customer_from_wc( new WC_Customer( $user_id ), wp_get_current_user()->roles, $points, $decimals );
	$wc_cart  = Loyalty_Engine_Glue::cart_from_wc( $cart, $shipping, $decimals );
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a bound on the customer's own points, checked against the ledger
	$asked = isset( $_REQUEST['loyalty_use_points'] ) ? sanitize_text_field( wp_unslash( $_REQUEST['loyalty_use_points'] ) ) : null;
	if ( null !== $asked && WC()->session ) {
		WC()->session->set( 'loyalty_use_points', $asked );
	}
	$asked ??= WC()->session ? WC()->session->get( 'loyalty_use_points', null ) : null;
	$wc_cart['use_points'] = null === $asked || ! is_numeric( $asked ) ? true : max( 0, (int) $asked );
	return $engine->evaluate( $wc_cart, $customer );
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
		try {
			$result = loyalty_engine_quote( $cart, loyalty_engine_chosen_shipping() );
			if ( null !== $result ) {
				Loyalty_Engine_Glue::apply_fees( $cart, $result, wc_get_price_decimals() );
			}
		} catch ( Throwable $e ) {
			loyalty_engine_log( $e, 'cart' );
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
		try {
			return Loyalty_Engine_Glue::free_shipping_rates(
				$rates,
				fn( string $carrier, int $shipping ) => loyalty_engine_quote( $cart, array( 'carrier' => $carrier, 'shipping' => $shipping ) ),
				wc_get_price_decimals()
			);
		} catch ( Throwable $e ) {
			loyalty_engine_log( $e, 'rates' );
			return $rates;
		}
	},
	100
);

// The order is placed: the cart is evaluated again with the balance read under the customer's lock
// (never the quote shown earlier); its points are spent now, once; those it earns wait for payment.
add_action(
	'woocommerce_checkout_order_processed',
	function ( $order_id, $posted_data, $order ) {
		$user_id = (int) $order->get_customer_id();
		if ( 0 === $user_id || null === loyalty_engine() || null === WC()->cart ) {
			return;
		}
		try {
			[, $spent, $due] = loyalty_engine_points()->validateOrder(
				$user_id,
				(int) $order->get_id(),
				time(),
				fn( int $balance ) => loyalty_engine_quote( WC()->cart, loyalty_engine_chosen_shipping(), $balance ),
				false
			);
			$order->update_meta_data( Loyalty_Engine_Glue::META_EARNED, $due );
			$order->update_meta_data( Loyalty_Engine_Glue::META_SPENT, $spent );
			$order->save();
		} catch ( Throwable $e ) {
			loyalty_engine_log( $e, 'order ' . $order->get_id() );
		}
	},
	10,
	3
);

/** Paid (processing) or completed: the order's points, once, unless it was cancelled first. */
function loyalty_engine_earn( $order_id, $order = null ): void {
	$order = $order ?? wc_get_order( $order_id );
	if ( ! $order || ! $order->get_customer_id() || null === loyalty_engine() ) {
		return;
	}
	try {
		loyalty_engine_points()->earnOrder( (int) $order->get_customer_id(), (int) $order->get_id(), (int) $order->get_meta( Loyalty_Engine_Glue::META_EARNED ), time() );
	} catch ( Throwable $e ) {
		loyalty_engine_log( $e, "order $order_id" );
	}
}
add_action( 'woocommerce_order_status_processing', 'loyalty_engine_earn', 10, 2 );
add_action( 'woocommerce_order_status_completed', 'loyalty_engine_earn', 10, 2 );

// Cancelled: spent points back, earned points taken back as far as they are left.
add_action(
	'woocommerce_order_status_cancelled',
	function ( $order_id, $order = null ) {
		$order = $order ?? wc_get_order( $order_id );
		if ( $order && $order->get_customer_id() && null !== loyalty_engine() ) {
			try {
				loyalty_engine_points()->reverseOrder( (int) $order->get_customer_id(), (int) $order->get_id(), time() );
			} catch ( Throwable $e ) {
				loyalty_engine_log( $e, "order $order_id" );
			}
		}
	},
	10,
	2
);

// A refund: its share of the order's earned points (all of them, and the spent points back, when
// the order is refunded in full).
add_action(
	'woocommerce_order_refunded',
	function ( $order_id, $refund_id ) {
		$order  = wc_get_order( $order_id );
		$refund = wc_get_order( $refund_id );
		if ( ! $order || ! $refund || ! $order->get_customer_id() || null === loyalty_engine() ) {
			return;
		}
		try {
			$decimals = wc_get_price_decimals();
			$paid     = Loyalty_Engine_Glue::to_minor( $order->get_total(), $decimals );
			$left     = $paid - Loyalty_Engine_Glue::to_minor( $order->get_total_refunded(), $decimals );
			$refunded = $left <= 0 ? $paid : Loyalty_Engine_Glue::to_minor( abs( (float) $refund->get_amount() ), $decimals );
			loyalty_engine_points()->reverseShare( (int) $order->get_customer_id(), (int) $order->get_id(), time(), $refunded, $paid, 'refund-' . (int) $refund_id );
		} catch ( Throwable $e ) {
			loyalty_engine_log( $e, "refund $refund_id" );
		}
	},
	10,
	2
);

// HPOS: the plugin reads orders through WC_Order only.
add_action(
	'before_woocommerce_init',
	function () {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
		}
	}
);

/** The version of the plugin's data (option loyalty_engine_db_version): an older one is upgraded once. */
const LOYALTY_ENGINE_DB_VERSION = '0.2.0';

/**
 * Activation, and an upgrade over an older version (a zip uploaded over it runs no activation: see
 * plugins_loaded below): the table (dbDelta), 0.1's user-meta ledgers moved into it, the account
 * endpoint, the daily expiry cron, then the data's version.
 */
function loyalty_engine_activate(): void {
	if ( ! function_exists( 'dbDelta' ) ) {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	}
	dbDelta( loyalty_engine_storage()->schema() );
	loyalty_engine_migrate_user_meta();
	add_rewrite_endpoint( 'loyalty-points', EP_ROOT | EP_PAGES );
	flush_rewrite_rules();
	if ( ! wp_next_scheduled( 'loyalty_engine_expiry_warnings' ) ) {
		wp_schedule_event( time(), 'daily', 'loyalty_engine_expiry_warnings' );
	}
	update_option( 'loyalty_engine_db_version', LOYALTY_ENGINE_DB_VERSION );
}
register_activation_hook( __FILE__, 'loyalty_engine_activate' );
add_action(
	'plugins_loaded',
	function () {
		if ( get_option( 'loyalty_engine_db_version' ) !== LOYALTY_ENGINE_DB_VERSION ) {
			try {
				loyalty_engine_activate();
			} catch ( Throwable $e ) {
				loyalty_engine_log( $e, 'upgrade' );
			}
		}
	}
);

/**
 * 0.1 kept each customer's ledger as the JSON of Loyalty\Ledger::entries() in the user meta
 * _loyalty_ledger. Each entry becomes a row (its order from a ref "order-<id>", else 0; the ref
 * "migrated-<user>-<n>-<ref>", so a second run inserts nothing), then the meta is renamed
 * _loyalty_ledger_0_1 (kept for the merchant, never read). A meta that is not a ledger is left as
 * it is and logged. Returns the customers moved.
 */
function loyalty_engine_migrate_user_meta(): int {
	global $wpdb;
	$storage = loyalty_engine_storage();
	$kinds   = array( 'earn' => 'earn', 'grant' => 'grant', 'spend' => 'spend', 'reward' => 'spend' );
	$moved   = 0;
	$after   = 0;
	do {
		$metas = $wpdb->get_results(
			$wpdb->prepare( "SELECT user_id, meta_value FROM {$wpdb->usermeta} WHERE meta_key = %s AND user_id > %d ORDER BY user_id LIMIT %d", '_loyalty_ledger', $after, 500 ),
			ARRAY_A
		);
		foreach ( (array) $metas as $meta ) {
			$user    = (int) $meta['user_id'];
			$after   = $user;
			$entries = json_decode( (string) $meta['meta_value'], true );
			if ( ! is_array( $entries ) || ! array_is_list( $entries ) ) {
				loyalty_engine_log( new UnexpectedValueException( 'the 0.1 ledger in _loyalty_ledger is not JSON entries: left as it is' ), "user $user" );
				continue;
			}
			foreach ( $entries as $i => $entry ) {
				$kind = $kinds[ $entry['type'] ?? '' ] ?? null;
				if ( null === $kind || (int) ( $entry['points'] ?? 0 ) <= 0 ) {
					continue;
				}
				$ref = (string) ( $entry['ref'] ?? '' );
				$storage->insertOnce(
					array(
						'id_customer' => $user,
						'id_order'    => preg_match( '/^order-(\d+)$/', $ref, $m ) ? (int) $m[1] : 0,
						'kind'        => $kind,
						'points'      => (int) $entry['points'],
						'at'          => is_numeric( $entry['at'] ?? null ) ? (int) $entry['at'] : (int) strtotime( (string) ( $entry['at'] ?? '' ) ),
						'ref'         => "migrated-$user-$i-$ref",
					)
				);
			}
			update_user_meta( $user, '_loyalty_ledger_0_1', wp_slash( (string) $meta['meta_value'] ) );
			delete_user_meta( $user, '_loyalty_ledger' );
			++$moved;
		}
	} while ( count( (array) $metas ) === 500 );
	return $moved;
}
register_deactivation_hook(
	__FILE__,
	function () {
		wp_clear_scheduled_hook( 'loyalty_engine_expiry_warnings' );
	}
);

// My Account > Loyalty points: balance, pending, expiring lots, from the ledger rows only.
add_action(
	'init',
	function () {
		add_rewrite_endpoint( 'loyalty-points', EP_ROOT | EP_PAGES );
	}
);
add_filter(
	'woocommerce_account_menu_items',
	function ( array $items ) {
		return array_slice( $items, 0, -1, true ) + array( 'loyalty-points' => __( 'Loyalty points', 'loyalty-engine' ) ) + array_slice( $items, -1, null, true );
	}
);
add_action(
	'woocommerce_account_loyalty-points_endpoint',
	function () {
		$user_id = get_current_user_id();
		if ( ! $user_id || null === loyalty_engine() ) {
			echo '<p>' . esc_html__( 'The loyalty programme is not available at the moment.', 'loyalty-engine' ) . '</p>';
			return;
		}
		$account = loyalty_engine_points()->account( $user_id, time() );
		echo '<p class="loyalty-balance">' . esc_html__( 'Points available:', 'loyalty-engine' ) . ' <strong>' . (int) $account['balance'] . '</strong></p>';
		if ( $account['pending'] > 0 ) {
			echo '<p class="loyalty-pending">' . esc_html__( 'Points pending (until the return period ends):', 'loyalty-engine' ) . ' ' . (int) $account['pending'] . '</p>';
		}
		if ( $account['awaiting'] > 0 ) {
			echo '<p class="loyalty-awaiting">' . esc_html__( 'Points pending (until your order is paid):', 'loyalty-engine' ) . ' ' . (int) $account['awaiting'] . '</p>';
		}
		echo '<ul class="loyalty-expiring">';
		foreach ( $account['expiring'] as $lot ) {
			echo '<li>' . (int) $lot['points'] . ' ' . esc_html__( 'points expire on', 'loyalty-engine' ) . ' ' . esc_html( wp_date( 'Y-m-d', $lot['expires_at'] ) ) . '</li>';
		}
		echo '</ul>';
	}
);

/** WP-Cron, daily: the expiry warnings due since the last run, by mail, once each. Returns the mails sent. */
function loyalty_engine_expiry_warnings( ?int $now = null ): int {
	$now = $now ?? time();
	if ( null === loyalty_engine() ) {
		return 0;
	}
	$from    = (int) get_option( 'loyalty_engine_cron_last', 0 ) ?: $now - DAY_IN_SECONDS;
	$storage = loyalty_engine_storage();
	$points  = loyalty_engine_points();
	$sent    = 0;
	for ( $after = 0; $ids = $storage->customers( $after, 500 ); $after = end( $ids ) ) {
		foreach ( $ids as $id ) {
			$user = get_userdata( $id );
			try {   // rows that do not replay (0.1 data under new settings): logged, the others still warned
				$due = $user ? $points->ledger( $id )->warningsDue( $from, $now ) : array();
			} catch ( Throwable $e ) {
				loyalty_engine_log( $e, "expiry warnings, user $id" );
				continue;
			}
			foreach ( $due as $warning ) {
				/* translators: 1: points, 2: date */
				$body  = sprintf( __( '%1$d of your loyalty points expire on %2$s. Use them on your next order before then.', 'loyalty-engine' ), $warning['points'], wp_date( 'Y-m-d', $warning['expires_at'] ) );
				$sent += wp_mail( $user->user_email, __( 'Your loyalty points expire soon', 'loyalty-engine' ), $body ) ? 1 : 0;
			}
		}
	}
	update_option( 'loyalty_engine_cron_last', $now, false );
	return $sent;
}
// No argument: do_action() with none passes '' (which a ?int refuses), WP-Cron passes the event's args.
add_action(
	'loyalty_engine_expiry_warnings',
	function () {
		loyalty_engine_expiry_warnings();
	},
	10,
	0
);

if ( is_admin() ) {
	require_once __DIR__ . '/includes/class-loyalty-engine-admin.php';
	Loyalty_Engine_Admin::register();
}
