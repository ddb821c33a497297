<?php
/**
 * Plugin Name: WooCommerce (test stub)
 * Description: NOT WooCommerce. The few WooCommerce classes, functions and settings the Loyalty Engine
 *              plugin touches, for scripts/wordpress.sh only (a mu-plugin of the throwaway site): WooCommerce
 *              is not a Debian package and cannot be downloaded here. Written from WooCommerce's code
 *              reference (WC(), wc_get_order(), wc_get_price_decimals(), wc_get_logger(), WC_Order, WC_Cart,
 *              WC_Customer, WC_Product_Simple) with the same method names and signatures, and only these:
 *   - the `manage_woocommerce` capability of the administrator role (WC_Install::create_roles());
 *   - the top-level admin menu `woocommerce` (WC_Admin_Menus::admin_menu()), parent of the plugin's page;
 *   - orders as posts of type shop_order with their meta in post meta (WooCommerce's legacy order storage;
 *     under HPOS the plugin still reads orders through WC_Order only);
 *   - the customer's order count and total spent from the user meta `_order_count` and `_money_spent`
 *     (where WC_Customer_Data_Store caches them); billing fields from `billing_city`, ...;
 *   - a cart of WC_Product_Simple items, no coupons, no shipping packages; the session as an array.
 * Set LOYALTY_TEST_SLOW_CUSTOMER (microseconds) to make WC_Customer::get_order_count() slow, as a real data
 * store's query is: it widens the window between reading the balance and writing the spend at checkout.
 *
 * @package Loyalty_Engine_Tests
 */

defined( 'ABSPATH' ) || exit;

final class WooCommerce {
	public $version = '8.0.0-stub';
	public $cart    = null;
	public $session = null;
	public $customer = null;
	private static ?WooCommerce $instance = null;

	public static function instance(): WooCommerce {
		return self::$instance ??= new self();
	}

	public function shipping() {
		return new class() {
			public function get_packages() {
				return array();
			}
		};
	}
}

function WC() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName
	return WooCommerce::instance();
}

function wc_get_price_decimals() {
	return absint( get_option( 'woocommerce_price_num_decimals', 2 ) );
}

function wc_get_order( $the_order = false ) {
	$id = is_object( $the_order ) ? $the_order->get_id() : absint( $the_order );
	return $id && 'shop_order' === get_post_type( $id ) ? new WC_Order( $id ) : false;
}

/** WC_Logger's error() writes to a log file (wc-logs/); here to the option loyalty_test_wc_log. */
function wc_get_logger() {
	return new class() {
		public function error( $message, $context = array() ) {
			$log   = (array) get_option( 'loyalty_test_wc_log', array() );
			$log[] = ( $context['source'] ?? '' ) . ': ' . $message;
			update_option( 'loyalty_test_wc_log', $log, false );
		}
	};
}

class WC_DateTime extends DateTime {}

class WC_Product_Simple {
	public function __construct( private int $id, private string $sku, private string $price ) {}
	public function get_id() {
		return $this->id;
	}
	public function get_sku( $context = 'view' ) {
		return $this->sku;
	}
	public function get_price( $context = 'view' ) {
		return $this->price;
	}
	public function get_category_ids( $context = 'view' ) {
		return array();
	}
}

class WC_Cart {
	public array $fees = array();
	/** @param array $cart_contents cart item key => ['product_id', 'variation_id', 'quantity', 'data' => WC_Product] */
	public function __construct( private array $cart_contents = array() ) {}
	public function get_cart() {
		return $this->cart_contents;
	}
	public function get_applied_coupons() {
		return array();
	}
	public function get_discount_total() {
		return 0;
	}
	public function add_fee( $name, $amount, $taxable = false, $tax_class = '' ) {
		$this->fees[] = array( $name, $amount, $taxable );
	}
}

class WC_Customer {
	private int $id;
	public function __construct( $data = 0, $is_session = false ) {
		$this->id = absint( $data );
	}
	public function get_id() {
		return $this->id;
	}
	public function get_order_count() {
		$slow = (int) getenv( 'LOYALTY_TEST_SLOW_CUSTOMER' );
		if ( $slow > 0 ) {
			usleep( $slow );
		}
		return (int) get_user_meta( $this->id, '_order_count', true );
	}
	public function get_total_spent() {
		return (string) get_user_meta( $this->id, '_money_spent', true ) ?: '0';
	}
	public function get_last_order() {
		return false;
	}
	public function get_billing_city( $context = 'view' ) {
		return (string) get_user_meta( $this->id, 'billing_city', true );
	}
	public function get_billing_postcode( $context = 'view' ) {
		return (string) get_user_meta( $this->id, 'billing_postcode', true );
	}
	public function get_billing_country( $context = 'view' ) {
		return (string) get_user_meta( $this->id, 'billing_country', true );
	}
}

/** An order: a shop_order post, its data and meta in post meta, written by save(). */
class WC_Order {
	private int $id;
	private array $changes = array();

	public function __construct( $order = 0 ) {
		$this->id = absint( $order );
		if ( 0 === $this->id ) {
			$this->id = (int) wp_insert_post( array( 'post_type' => 'shop_order', 'post_status' => 'wc-pending', 'post_title' => 'Order' ) );
		}
	}
	public function get_id() {
		return $this->id;
	}
	public function get_customer_id( $context = 'view' ) {
		return (int) get_post_meta( $this->id, '_customer_user', true );
	}
	public function set_customer_id( $value ) {
		$this->changes['_customer_user'] = absint( $value );
	}
	public function get_total( $context = 'view' ) {
		return (string) get_post_meta( $this->id, '_order_total', true );
	}
	public function set_total( $value ) {
		$this->changes['_order_total'] = (string) $value;
	}
	public function get_total_refunded() {
		return 0;
	}
	public function get_date_created( $context = 'view' ) {
		return new WC_DateTime( get_post_field( 'post_date_gmt', $this->id ), new DateTimeZone( 'UTC' ) );
	}
	public function get_meta( $key = '', $single = true, $context = 'view' ) {
		return array_key_exists( $key, $this->changes ) ? $this->changes[ $key ] : get_post_meta( $this->id, $key, $single );
	}
	public function update_meta_data( $key, $value, $meta_id = 0 ) {
		$this->changes[ $key ] = $value;
	}
	public function save() {
		foreach ( $this->changes as $key => $value ) {
			update_post_meta( $this->id, $key, $value );
		}
		$this->changes = array();
		return $this->id;
	}
}

// WC_Install::create_roles() at install: administrators manage WooCommerce (stored in the roles option,
// so on plugins_loaded here: before WordPress reads the current user's capabilities).
add_action(
	'plugins_loaded',
	function () {
		$admin = get_role( 'administrator' );
		if ( $admin && ! $admin->has_cap( 'manage_woocommerce' ) ) {
			$admin->add_cap( 'manage_woocommerce' );
		}
	}
);

// WC_Admin_Menus::admin_menu(): the WooCommerce menu that extensions add their pages to.
add_action(
	'admin_menu',
	function () {
		add_menu_page( 'WooCommerce', 'WooCommerce', 'manage_woocommerce', 'woocommerce', '__return_null', '', '55.5' );
	},
	9
);

// WooCommerce::init(), on init at priority 0, starts with before_woocommerce_init.
add_action(
	'init',
	function () {
		do_action( 'before_woocommerce_init' );
	},
	0
);
