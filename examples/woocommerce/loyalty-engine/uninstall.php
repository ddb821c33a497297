<?php
/**
 * Deleting the plugin: its table and options go, unless the merchant set the option
 * loyalty_engine_keep_data: then the points table, the settings and that choice stay for a later
 * install (a later uninstall keeps them again). The cron event goes in both cases.
 *
 * @package Loyalty_Engine
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( ! get_option( 'loyalty_engine_keep_data' ) ) {
	global $wpdb;
	$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . 'loyalty_engine_points' );   // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( array( 'loyalty_engine_settings', 'loyalty_engine_keep_data', 'loyalty_engine_cron_last', 'loyalty_engine_db_version' ) as $option ) {
		delete_option( $option );
	}
}
wp_clear_scheduled_hook( 'loyalty_engine_expiry_warnings' );
