<?php
/*
 * The points rows in PrestaShop's database (LoyaltyEngineStorage over Db):
 *   - insert-once: Db::insert(..., Db::INSERT_IGNORE) against the unique key (id_order, kind, ref),
 *     then Affected_Rows(): a hook fired twice, or by two workers, writes one row;
 *   - the lock: MySQL's GET_LOCK on a name per customer, held while an order spends or gives back
 *     points, so two checkouts of one customer cannot both spend the same points (the second waits,
 *     then reads the first one's rows);
 *   - reads bypass Db's query cache (a row written earlier in the request must be seen).
 * Every value is cast or goes through pSQL (Db::insert() does not escape by itself).
 */
declare(strict_types=1);

final class LoyaltyEngineDbStorage implements LoyaltyEngineStorage
{
    public const TABLE = 'loyaltyengine_points';
    public const SETTINGS_TABLE = 'loyaltyengine_settings';
    /** Seconds a checkout waits for another one of the same customer before giving up. */
    public const LOCK_WAIT = 10;

    public function __construct(private object $db)
    {
    }

    /** The CREATE TABLE statements of install(). */
    public static function schema(): array
    {
        return [
            'CREATE TABLE IF NOT EXISTS `' . _DB_PREFIX_ . self::TABLE . '` (
                `id_points` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                `id_customer` INT UNSIGNED NOT NULL,
                `id_order` INT UNSIGNED NULL,
                `kind` VARCHAR(16) NOT NULL,
                `points` INT NOT NULL,
                `at` INT NOT NULL,
                `ref` VARCHAR(64) NOT NULL,
                UNIQUE KEY `order_kind_ref` (`id_order`, `kind`, `ref`),
                KEY `customer` (`id_customer`, `at`)
            ) ENGINE=' . _MYSQL_ENGINE_ . ' DEFAULT CHARSET=utf8mb4',
            'CREATE TABLE IF NOT EXISTS `' . _DB_PREFIX_ . self::SETTINGS_TABLE . '` (
                `id_settings` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                `settings` MEDIUMTEXT NOT NULL,
                `id_employee` INT UNSIGNED NOT NULL,
                `date_add` DATETIME NOT NULL
            ) ENGINE=' . _MYSQL_ENGINE_ . ' DEFAULT CHARSET=utf8mb4',
        ];
    }

    public function rows(int $customer): array
    {
        $rows = $this->db->executeS('SELECT `kind`, `points`, `at`, `id_order`, `ref` FROM `' . _DB_PREFIX_ . self::TABLE
            . '` WHERE `id_customer` = ' . (int) $customer . ' ORDER BY `at`, `id_points`', true, false);
        return is_array($rows) ? $rows : [];
    }

    public function insertOnce(array $row): bool
    {
        $ok = $this->db->insert(self::TABLE, [
            'id_customer' => (int) $row['id_customer'],
            'id_order' => $row['id_order'] === null ? null : (int) $row['id_order'],
            'kind' => pSQL((string) $row['kind']),
            'points' => (int) $row['points'],
            'at' => (int) $row['at'],
            'ref' => pSQL(substr((string) $row['ref'], 0, 64)),
        ], true, false, Db::INSERT_IGNORE);
        return $ok && (int) $this->db->Affected_Rows() === 1;
    }

    public function locked(int $customer, callable $work): mixed
    {
        $name = "'" . pSQL('loyaltyengine-' . _DB_PREFIX_ . (int) $customer) . "'";
        if ((int) $this->db->getValue('SELECT GET_LOCK(' . $name . ', ' . self::LOCK_WAIT . ')', false) !== 1) {
            throw new RuntimeException("customer $customer: the points are locked by another checkout");
        }
        try {
            return $work();
        } finally {
            $this->db->getValue('SELECT RELEASE_LOCK(' . $name . ')', false);
        }
    }

    /** The settings the merchant saved last ('' when none). */
    public function settings(): string
    {
        $json = $this->db->getValue('SELECT `settings` FROM `' . _DB_PREFIX_ . self::SETTINGS_TABLE
            . '` ORDER BY `id_settings` DESC', false);
        return is_string($json) ? $json : '';
    }

    /**
     * A new version of the settings (the older ones stay, to see what changed and go back).
     * pSQL with $htmlOK: without it, PrestaShop strips tags, and `orders<5` would be cut.
     */
    public function saveSettings(string $json, int $employee): bool
    {
        return (bool) $this->db->insert(self::SETTINGS_TABLE, ['settings' => pSQL($json, true),
            'id_employee' => $employee, 'date_add' => date('Y-m-d H:i:s')]);
    }

    /** Customers with points rows, for the expiry cron (ids above $after, $limit at a time). */
    public function customers(int $after, int $limit): array
    {
        $rows = $this->db->executeS('SELECT DISTINCT `id_customer` FROM `' . _DB_PREFIX_ . self::TABLE
            . '` WHERE `id_customer` > ' . (int) $after . ' ORDER BY `id_customer` LIMIT ' . (int) $limit, true, false);
        return array_map('intval', array_column(is_array($rows) ? $rows : [], 'id_customer'));
    }
}
