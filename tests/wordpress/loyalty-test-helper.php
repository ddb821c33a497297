<?php
/**
 * Plugin Name: Loyalty Engine test helper
 * Description: For scripts/wordpress.sh only (a mu-plugin of the throwaway site): mails are recorded in the
 *              option loyalty_test_mails instead of sent; admin.php?loyalty_test_nonce=ACTION prints the
 *              logged-in user's nonce for ACTION (so that a user who may not open the settings page can
 *              still send a valid nonce: the capability, not the nonce, must refuse him).
 *
 * @package Loyalty_Engine_Tests
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'pre_wp_mail',
	function ( $short_circuit, $atts ) {
		$mails   = (array) get_option( 'loyalty_test_mails', array() );
		$mails[] = $atts['to'] . ': ' . $atts['message'];
		update_option( 'loyalty_test_mails', $mails, false );
		return true;
	},
	10,
	2
);

add_action(
	'admin_init',
	function () {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test's own endpoint
		if ( isset( $_GET['loyalty_test_nonce'] ) && is_user_logged_in() ) {
			echo 'nonce:' . esc_html( wp_create_nonce( sanitize_text_field( wp_unslash( $_GET['loyalty_test_nonce'] ) ) ) );
			exit;
		}
	},
	0
);
