<?php
/**
 * The points rows in WordPress's database (LoyaltyEngineStorage over $wpdb): the same rows and
 * unique key as the PrestaShop module; INSERT IGNORE for insert-once, GET_LOCK per customer
 * against double spending, every query through $wpdb->prepare().
 *
 * @package Loyalty_Engine
 */

defined( 'ABSPATH' ) || exit;

final class Loyalty_Engine_Wpdb_Storage implements LoyaltyEngineStorage {

	public const LOCK_WAIT = 10;

	public function __construct( private object $wpdb ) {}

	public function table(): string {
		return $this->wpdb->prefix . 'loyalty_engine_points';
	}

	/** For dbDelta() (two spaces after PRIMARY KEY, one key per line: dbDelta's own format). */
	public function schema(): string {
		return 'CREATE TABLE ' . $this->table() . " (
  id_points bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  id_customer bigint(20) unsigned NOT NULL,
  id_order bigint(20) unsigned NULL,
  kind varchar(16) NOT NULL,
  points int(11) NOT NULL,
  at int(11) NOT NULL,
  ref varchar(64) NOT NULL,
  PRIMARY KEY  (id_points),
  UNIQUE KEY order_kind_ref (id_order,kind,ref),
  KEY customer (id_customer,at)
) " . $this->wpdb->get_charset_collate() . ';';
	}

	public function rows( int $customer ): array {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare( 'SELECT kind, points, at, id_order, ref FROM ' . $this->table() . ' WHERE id_customer = %d ORDER BY at, id_points', $customer ),
			ARRAY_A
		);
		return is_array( $rows ) ? $rows : array();
	}

	public function insertOnce( array $row ): bool {
		$order = null === $row['id_order'] ? 'NULL' : (string) (int) $row['id_order'];
		$done  = $this->wpdb->query(
			$this->wpdb->prepare(
				'INSERT IGNORE INTO ' . $this->table() . " (id_customer, id_order, kind, points, at, ref) VALUES (%d, $order, %s, %d, %d, %s)",
				$row['id_customer'],
				$row['kind'],
				$row['points'],
				$row['at'],
				substr( (string) $row['ref'], 0, 64 )
			)
		);
		return 1 === $done;
	}

	public function locked( int $customer, callable $work ): mixed {
		$name = 'loyalty-engine-' . $this->wpdb->prefix . $customer;
		if ( 1 !== (int) $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $name, self::LOCK_WAIT ) ) ) {
			throw new RuntimeException( "customer $customer: the points are locked by another checkout" );
		}
		try {
			return $work();
		} finally {
			$this->wpdb->get_var( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $name ) );
		}
	}

	/** Customers with rows, for the expiry cron. */
	public function customers( int $after, int $limit ): array {
		return array_map(
			'intval',
			(array) $this->wpdb->get_col( $this->wpdb->prepare( 'SELECT DISTINCT id_customer FROM ' . $this->table() . ' WHERE id_customer > %d ORDER BY id_customer LIMIT %d', $after, $limit ) )
		);
	}
}
