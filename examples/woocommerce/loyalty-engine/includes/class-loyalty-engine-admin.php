<?php
/**
 * WooCommerce > Loyalty engine: the settings JSON through the Settings API (options.php checks
 * the nonce of settings_fields(); the option page's capability is manage_woocommerce). The JSON
 * is compiled by the engine in the option's sanitize callback: a compile error is shown with its
 * path and column and the previous settings stay. Bad settings in the database never break the
 * shop: an admin notice says why the programme is off. Everything shown is escaped.
 *
 * @package Loyalty_Engine
 */

defined( 'ABSPATH' ) || exit;

final class Loyalty_Engine_Admin {

	public const GROUP = 'loyalty_engine';
	public const OPTION = 'loyalty_engine_settings';
	public const CAPABILITY = 'manage_woocommerce';
	public const KEEP = 'loyalty_engine_keep_data';

	public static function register(): void {
		add_action( 'admin_init', array( self::class, 'settings' ) );
		add_action( 'admin_menu', array( self::class, 'menu' ) );
		add_action( 'admin_notices', array( self::class, 'notice' ) );
		add_action( 'admin_notices', array( self::class, 'missing_woocommerce' ) );
		// options.php asks manage_options by default: the shop manager's own right instead
		add_filter( 'option_page_capability_' . self::GROUP, fn() => self::CAPABILITY );
	}

	public static function settings(): void {
		register_setting( self::GROUP, self::OPTION, array( 'type' => 'string', 'sanitize_callback' => array( self::class, 'sanitize' ), 'default' => '' ) );
		// read by uninstall.php: keep the points table and the settings when the plugin is deleted
		register_setting( self::GROUP, self::KEEP, array( 'type' => 'string', 'sanitize_callback' => array( self::class, 'sanitize_keep' ), 'default' => '' ) );
	}

	/** The "keep the data" checkbox: '1' when ticked, '' when not (an unticked box is not posted). */
	public static function sanitize_keep( $value ) {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return (string) get_option( self::KEEP, '' );
		}
		return empty( $value ) ? '' : '1';
	}

	public static function menu(): void {
		add_submenu_page( 'woocommerce', __( 'Loyalty engine', 'loyalty-engine' ), __( 'Loyalty engine', 'loyalty-engine' ), self::CAPABILITY, 'loyalty-engine', array( self::class, 'page' ) );
	}

	/**
	 * The sanitize callback: the new JSON if the engine compiles it, else the old one and the error.
	 * WordPress runs it twice when the option does not exist yet (update_option(), then add_option()
	 * with what the first call returned): a value this request already returned is taken as it is,
	 * or the first save's error would be shown twice and its draft replaced by the second call's ''.
	 */
	public static function sanitize( $value ) {
		static $returned = array();
		$old = (string) get_option( self::OPTION, '' );
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return $old;
		}
		$json = is_string( $value ) ? $value : '';
		if ( in_array( $json, $returned, true ) ) {
			return $json;
		}
		$returned[] = $old;
		$returned[] = $json;
		try {
			$engine = new Loyalty\Engine( $json );
		} catch ( Loyalty\ConfigException $e ) {
			add_settings_error( self::OPTION, 'compile', __( 'Not saved: the settings do not compile.', 'loyalty-engine' ) . "\n" . $e->getMessage() );
			set_transient( 'loyalty_engine_draft_' . get_current_user_id(), $json, 600 );
			return $old;
		}
		foreach ( $engine->program()->warnings() as $warning ) {
			add_settings_error( self::OPTION, 'warning', $warning['path'] . ': ' . $warning['message'], 'warning' );
		}
		return $json;
	}

	public static function page(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage the loyalty programme.', 'loyalty-engine' ), 403 );
		}
		$draft = get_transient( 'loyalty_engine_draft_' . get_current_user_id() );
		delete_transient( 'loyalty_engine_draft_' . get_current_user_id() );
		$json = is_string( $draft ) ? $draft : (string) get_option( self::OPTION, '' );
		echo '<div class="wrap"><h1>' . esc_html__( 'Loyalty engine', 'loyalty-engine' ) . '</h1>';
		foreach ( get_settings_errors( self::OPTION ) as $error ) {
			echo '<div class="notice notice-' . esc_attr( 'updated' === $error['type'] ? 'success' : $error['type'] ) . '"><pre>' . esc_html( $error['message'] ) . '</pre></div>';
		}
		$status = Loyalty\cache_status();
		echo '<p>' . esc_html( sprintf( 'Engine: %s %s; compiled-program cache of this worker: %d programs, %d hits, %d misses', $status['implementation'], $status['version'], $status['programs'], $status['hits'], $status['misses'] ) ) . '</p>';
		echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '">';
		settings_fields( self::GROUP );
		echo '<textarea name="' . esc_attr( self::OPTION ) . '" rows="30" class="large-text code">' . esc_textarea( $json ) . '</textarea>';
		echo '<p><label><input type="checkbox" name="' . esc_attr( self::KEEP ) . '" value="1"' . checked( '1', get_option( self::KEEP, '' ), false ) . '> '
			. esc_html__( 'Keep the customers\' points and these settings when the plugin is deleted', 'loyalty-engine' ) . '</label></p>';
		submit_button();
		echo '</form>';
		$engine = loyalty_engine();
		if ( null !== $engine ) {
			echo '<h2>' . esc_html__( 'Advantages', 'loyalty-engine' ) . '</h2><ul>';
			foreach ( $engine->program()->toArray()['advantages'] as $advantage ) {
				echo '<li>' . esc_html( $advantage['id'] . ': ' . $advantage['label'] ) . '</li>';
			}
			echo '</ul>';
		}
		echo '</div>';
	}

	/**
	 * WooCommerce not active (WordPress before 6.5 ignores the Requires Plugins header, so the plugin
	 * activates without it): said to whoever manages plugins; the plugin hooks into nothing that runs.
	 */
	public static function missing_woocommerce(): void {
		if ( ! class_exists( 'WooCommerce' ) && current_user_can( 'activate_plugins' ) ) {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'Loyalty Engine needs WooCommerce: install and activate WooCommerce 7.0 or later. Until then the loyalty programme does nothing; its points table and settings are kept.', 'loyalty-engine' ) . '</p></div>';
		}
	}

	/** The programme is off (missing engine, bad settings): the merchant is told, customers never see it. */
	public static function notice(): void {
		$error = loyalty_engine_error();
		if ( '' !== $error && current_user_can( self::CAPABILITY ) ) {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'Loyalty engine: the programme is off until the settings compile:', 'loyalty-engine' ) . '</p><pre>' . esc_html( $error ) . '</pre></div>';
		}
	}
}
