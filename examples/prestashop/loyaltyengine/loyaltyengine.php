<?php
/*
 * PrestaShop module (1.7.6+ / 8.x): the loyalty engine applies the merchant's segments, tiered
 * advantages and points programme to carts (as cart rules), earns and spends points when an order
 * is validated, gives them back on cancellations and refunds, shows them on the customer's account
 * page and warns customers by mail before they expire. The settings are edited on the module's
 * configuration page, compiled by the engine before they are saved, and kept as versions in
 * ps_loyaltyengine_settings. The mapping lives in classes/ (plain PHP, tested in
 * tests/integrations/); this file only talks to PrestaShop.
 *
 * Install: upload the zip built by scripts/module-zips.sh (the polyfill is bundled in vendor/;
 * the extension, when loaded, takes over), then open the configuration page.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once __DIR__ . '/classes/LoyaltyEngineGlue.php';
require_once __DIR__ . '/classes/LoyaltyEnginePoints.php';
require_once __DIR__ . '/classes/LoyaltyEngineDbStorage.php';
// Without the extension, the polyfill bundled in the module's zip (composer require loyalty/polyfill).
if (!class_exists(Loyalty\Engine::class) && is_file(__DIR__ . '/vendor/loyalty/polyfill/bootstrap.php')) {
    require_once __DIR__ . '/vendor/loyalty/polyfill/bootstrap.php';
}

class LoyaltyEngine extends Module
{
    public const HOOKS = ['actionCartSave', 'displayShoppingCart', 'actionValidateOrder', 'actionOrderStatusPostUpdate',
        'actionObjectOrderSlipAddAfter', 'displayCustomerAccount'];
    /** The history's words for the kinds of rows. */
    public const KINDS = ['earn' => 'Earned', 'spend' => 'Spent', 'grant' => 'Granted', 'reverse' => 'Taken back (refund)',
        'restore' => 'Given back (refund)', 'unrecovered' => 'Not recovered (already spent)'];

    /** Adding our cart rules saves the cart again: the hook must not answer itself. */
    private static bool $syncing = false;
    /** The engine of this request, or the message of why there is none. */
    private ?Loyalty\Engine $engine = null;
    private ?string $engineError = null;

    public function __construct()
    {
        $this->name = 'loyaltyengine';
        $this->tab = 'pricing_promotion';
        $this->version = '0.2.0';
        $this->author = 'loyalty';
        $this->need_instance = 0;
        $this->bootstrap = true;
        $this->ps_versions_compliancy = ['min' => '1.7.6', 'max' => _PS_VERSION_];
        parent::__construct();
        $this->displayName = $this->l('Loyalty engine');
        $this->description = $this->l('Segments, tiered advantages and loyalty points computed by the loyalty PHP extension.');
    }

    public function install()
    {
        // the extension, or the pure-PHP polyfill (composer require loyalty/polyfill)
        if (!class_exists(Loyalty\Engine::class)) {
            $this->_errors[] = $this->l('The loyalty engine is missing: install the loyalty PHP extension (pecl install loyalty, then extension=loyalty in the php.ini of PHP-FPM) or put the loyalty/polyfill package in modules/loyaltyengine/vendor/.');
            return false;
        }
        if (!parent::install()) {
            return false;
        }
        foreach (LoyaltyEngineDbStorage::schema() as $sql) {
            if (!Db::getInstance()->execute($sql)) {
                $this->_errors[] = $this->l('Could not create the module\'s tables: ') . Db::getInstance()->getMsgError();
                return false;
            }
        }
        foreach (self::HOOKS as $hook) {
            if (!$this->registerHook($hook)) {
                return false;
            }
        }
        return $this->migrateJsonLedger()
            && Configuration::updateValue('LOYALTY_CRON_TOKEN', bin2hex(random_bytes(16)));
    }

    /** Removes the module's tables and settings; the points are kept only if the merchant set LOYALTY_KEEP_DATA. */
    public function uninstall()
    {
        $keep = (bool) Configuration::get('LOYALTY_KEEP_DATA');
        foreach ([LoyaltyEngineDbStorage::TABLE, LoyaltyEngineDbStorage::SETTINGS_TABLE, 'loyaltyengine_ledger'] as $table) {
            if (!$keep && !Db::getInstance()->execute('DROP TABLE IF EXISTS `' . _DB_PREFIX_ . $table . '`')) {
                return false;
            }
        }
        foreach (['LOYALTY_SETTINGS', 'LOYALTY_KEEP_DATA', 'LOYALTY_CRON_TOKEN', 'LOYALTY_CRON_LAST', 'LOYALTY_REVERSE_STATES'] as $key) {
            Configuration::deleteByName($key);
        }
        return parent::uninstall();
    }

    /**
     * 0.1 kept one JSON ledger per customer (ps_loyaltyengine_ledger): its entries become rows,
     * in one go, and the old table goes (upgrade/upgrade-0.2.0.php, and install() over kept data).
     * 0.1's settings (Configuration LOYALTY_SETTINGS) become the first version.
     */
    public function migrateJsonLedger(): bool
    {
        $db = Db::getInstance();
        $storage = new LoyaltyEngineDbStorage($db);
        $old = (string) Configuration::get('LOYALTY_SETTINGS');
        if ($old !== '' && $old !== '{}' && $storage->settings() === '') {
            $storage->saveSettings($old, 0);
        }
        if (!$db->executeS("SHOW TABLES LIKE '" . pSQL(_DB_PREFIX_ . 'loyaltyengine_ledger') . "'", true, false)) {
            return true;
        }
        foreach ((array) $db->executeS('SELECT `id_customer`, `entries` FROM `' . _DB_PREFIX_ . 'loyaltyengine_ledger`', true, false) as $row) {
            foreach ((array) json_decode((string) $row['entries'], true) as $i => $entry) {
                if (!in_array($entry['type'] ?? '', ['earn', 'grant', 'spend'], true)) {
                    continue;
                }
                // order 0, not NULL, and the customer in the ref: a second run (a DROP that failed) inserts nothing twice
                $storage->insertOnce(['id_customer' => (int) $row['id_customer'], 'id_order' => 0, 'kind' => $entry['type'],
                    'points' => (int) $entry['points'], 'at' => (int) $entry['at'],
                    'ref' => 'migrated-' . (int) $row['id_customer'] . "-$i-" . ($entry['ref'] ?? '')]);
            }
        }
        return $db->execute('DROP TABLE `' . _DB_PREFIX_ . 'loyaltyengine_ledger`');
    }

    /** Keeps the cart's loyalty cart rules in line with the engine's answer. */
    public function hookActionCartSave($params)
    {
        $cart = $params['cart'] ?? $this->context->cart;
        if (self::$syncing || !Validate::isLoadedObject($cart) || !$cart->id_customer || !$this->engine()) {
            return;
        }
        try {
            [$result] = $this->evaluate($cart);
            $this->syncCartRules($cart, $result);
        } catch (Throwable $e) {
            $this->log($e, 'Cart', (int) $cart->id);
        }
    }

    private function syncCartRules($cart, Loyalty\Result $result): void
    {
        $wanted = LoyaltyEngineGlue::cartRules($result, $cart, time(), $this->decimals());
        $plan = LoyaltyEngineGlue::syncPlan($cart->getCartRules(), $wanted);
        self::$syncing = true;
        try {
            foreach ($plan['remove'] as $idCartRule) {
                $cart->removeCartRule($idCartRule);
                (new CartRule($idCartRule))->delete();
            }
            foreach ($plan['add'] as $fields) {
                $rule = new CartRule();
                foreach ($fields as $field => $value) {
                    $rule->{$field} = $value;
                }
                $rule->name = array_fill_keys(Language::getIDs(false), $fields['name']);
                if ($rule->add()) {
                    $cart->addCartRule((int) $rule->id);
                }
            }
        } finally {
            self::$syncing = false;
        }
    }

    /** Tells the customer why the rules they could have had did not apply. */
    public function hookDisplayShoppingCart($params)
    {
        $cart = $this->context->cart;
        if (!Validate::isLoadedObject($cart) || !$cart->id_customer || !$this->engine()) {
            return '';
        }
        try {
            [$result, $program] = $this->evaluate($cart);
        } catch (Throwable $e) {
            $this->log($e, 'Cart', (int) $cart->id);
            return '';
        }
        $message = LoyaltyEngineGlue::rejectedMessage($result, LoyaltyEngineGlue::labels($program));
        return $message === '' ? '' : '<div class="alert alert-info">' . nl2br(self::e($message)) . '</div>';
    }

    /**
     * The order is placed: the cart is evaluated again (the balance read from the ledger under the
     * customer's lock, never a stored quote), its points spent, once per order; the points it earns
     * are due (pending) until the order reaches a paid or shipped state: here if it starts in one,
     * else in hookActionOrderStatusPostUpdate.
     */
    public function hookActionValidateOrder($params)
    {
        $order = $params['order'] ?? null;
        $cart = $params['cart'] ?? null;
        if (!Validate::isLoadedObject($order) || !$order->id_customer || !Validate::isLoadedObject($cart) || !$this->engine()) {
            return;
        }
        try {
            $points = $this->points();
            $split = $this->ordersOfCart($order, (int) $cart->id);
            if (count($split) > 1) {   // one order per carrier: the cart once, each order its part
                $points->validateCart((int) $order->id_customer, (int) $cart->id, time(),
                    fn(int $balance) => $this->evaluate($cart, $balance)[0],
                    fn(Loyalty\Result $result) => LoyaltyEngineGlue::orderShares($result->lines,
                        array_map(fn($o) => $o->getProducts(), $split)));
            } else {
                $points->validateOrder((int) $order->id_customer, (int) $order->id, time(),
                    fn(int $balance) => $this->evaluate($cart, $balance)[0], false);
            }
            $state = $params['orderStatus'] ?? null;
            if (is_object($state) && $this->isEarnState($state)) {
                $points->earnOrder((int) $order->id_customer, (int) $order->id, null, time());
            }
        } catch (Throwable $e) {
            $this->log($e, 'Order', (int) $order->id);   // never in the customer's way: the order stands
        }
    }

    /**
     * Cancelled or refunded: the order's earned points go (as far as they are left), its spent points
     * come back. Paid or shipped (and not a reversing state: PS_OS_REFUND is `paid` too): the points
     * due since its validation are earned, once.
     */
    public function hookActionOrderStatusPostUpdate($params)
    {
        $state = $params['newOrderStatus'] ?? null;
        $idOrder = (int) ($params['id_order'] ?? 0);
        if (!is_object($state) || !$this->engine()) {
            return;
        }
        $reverse = in_array((int) $state->id, $this->reverseStates(), true);
        if (!$reverse && !$this->isEarnState($state)) {
            return;
        }
        try {
            $order = new Order($idOrder);
            if (Validate::isLoadedObject($order) && $order->id_customer) {
                if ($reverse) {
                    $this->points()->reverseOrder((int) $order->id_customer, $idOrder, time());
                } else {
                    $this->points()->earnOrder((int) $order->id_customer, $idOrder, null, time());
                }
            }
        } catch (Throwable $e) {
            $this->log($e, 'Order', $idOrder);
        }
    }

    /** A credit slip (partial refund): the order's earned points in the share of its products refunded. */
    public function hookActionObjectOrderSlipAddAfter($params)
    {
        $slip = $params['object'] ?? null;
        if (!is_object($slip) || empty($slip->id_order) || !$this->engine()) {
            return;
        }
        try {
            $order = new Order((int) $slip->id_order);
            if (!Validate::isLoadedObject($order) || !$order->id_customer) {
                return;
            }
            $decimals = $this->decimals();
            $this->points()->reverseShare((int) $order->id_customer, (int) $order->id, time(),
                LoyaltyEngineGlue::toMinor((float) $slip->total_products_tax_incl, $decimals),
                LoyaltyEngineGlue::toMinor((float) $order->total_products_wt, $decimals), 'slip-' . (int) $slip->id);
        } catch (Throwable $e) {
            $this->log($e, 'OrderSlip', (int) ($slip->id ?? 0));
        }
    }

    /** The link to the points page on "My account". */
    public function hookDisplayCustomerAccount($params)
    {
        $url = $this->context->link->getModuleLink($this->name, 'account', [], true);
        return '<a class="col-lg-4 col-md-6 col-sm-6 col-xs-12" id="loyaltyengine-link" href="' . self::e($url) . '">'
            . '<span class="link-item"><i class="material-icons">loyalty</i>' . self::e($this->l('My loyalty points')) . '</span></a>';
    }

    /** What the account page shows (controllers/front/account.php): read from the ledger rows only. */
    public function accountData(int $customer, int $now): array
    {
        $engine = $this->engine();
        if (!$engine || $customer <= 0) {
            return ['available' => false];
        }
        $account = $this->points()->account($customer, $now);
        $warn = max([30, ...($engine->program()->toArray()['loyalty']['expiry']['warn_days'] ?? [])]);
        $expiring = [];
        foreach ($account['expiring'] as $lot) {
            $expiring[] = ['points' => $lot['points'], 'date' => date('Y-m-d', $lot['expires_at']),
                'soon' => $lot['expires_at'] - $now <= $warn * 86400];
        }
        $history = [];
        foreach ($account['history'] as $row) {
            if (isset(self::KINDS[$row['kind']]) && (int) $row['points'] > 0) {
                $history[] = ['date' => date('Y-m-d', (int) $row['at']), 'what' => $this->l(self::KINDS[$row['kind']]),
                    'points' => in_array($row['kind'], ['spend', 'reverse'], true) ? -(int) $row['points'] : (int) $row['points'],
                    'order' => (int) $row['id_order'], 'counted' => $row['kind'] !== 'unrecovered'];
            }
        }
        return ['available' => true, 'balance' => $account['balance'], 'pending' => $account['pending'], 'awaiting' => $account['awaiting'],
            'expiring' => $expiring, 'history' => $history];
    }

    /**
     * The expiry warnings due since the last run, by mail (mails/<iso>/loyalty_expiry.html|txt):
     * run by controllers/front/cron.php. Each run covers (last run, $now], so a warning goes once.
     * Returns the number of mails sent.
     */
    public function sendExpiryWarnings(int $now): int
    {
        if (!$this->engine()) {
            return 0;
        }
        $from = (int) Configuration::get('LOYALTY_CRON_LAST') ?: $now - 86400;
        $storage = new LoyaltyEngineDbStorage(Db::getInstance());
        $points = $this->points();
        $sent = 0;
        for ($after = 0; $ids = $storage->customers($after, 500); $after = end($ids)) {
            foreach ($ids as $id) {
                try {   // rows that do not replay (0.1 data under new settings): logged, the others still warned
                    $due = $points->ledger($id)->warningsDue($from, $now);
                } catch (Throwable $e) {
                    $this->log($e, 'Customer', $id);
                    continue;
                }
                foreach ($due as $warning) {
                    $sent += $this->mailWarning($id, $warning) ? 1 : 0;
                }
            }
        }
        Configuration::updateValue('LOYALTY_CRON_LAST', $now);
        return $sent;
    }

    private function mailWarning(int $idCustomer, array $warning): bool
    {
        $customer = new Customer($idCustomer);
        if (!Validate::isLoadedObject($customer) || !$customer->email) {
            return false;
        }
        return (bool) Mail::Send((int) $customer->id_lang, 'loyalty_expiry', $this->l('Your loyalty points expire soon'), [
            '{firstname}' => $customer->firstname, '{lastname}' => $customer->lastname, '{points}' => $warning['points'],
            '{expires}' => date('Y-m-d', $warning['expires_at']), '{days}' => $warning['days_before'],
        ], $customer->email, trim($customer->firstname . ' ' . $customer->lastname), null, null, null, null, __DIR__ . '/mails/');
    }

    /** The configuration page: the settings JSON, compiled by the engine before it is saved. */
    public function getContent()
    {
        require_once __DIR__ . '/classes/LoyaltyEngineAdmin.php';
        $admin = new LoyaltyEngineAdmin($this, new LoyaltyEngineDbStorage(Db::getInstance()));
        return $admin->page();
    }

    /** The engine of the saved settings, or null (the shop runs without loyalty; getContent() says why). */
    public function engine(): ?Loyalty\Engine
    {
        if ($this->engine === null && $this->engineError === null) {
            try {
                if (!class_exists(Loyalty\Engine::class)) {
                    throw new RuntimeException('the loyalty engine is missing (neither the extension nor the bundled polyfill loads)');
                }
                $json = (new LoyaltyEngineDbStorage(Db::getInstance()))->settings();
                if ($json === '') {
                    throw new RuntimeException('no settings saved yet');
                }
                // Same settings string, same compiled program: the extension caches it per process.
                $this->engine = new Loyalty\Engine($json);
            } catch (Throwable $e) {
                $this->engineError = $e->getMessage();
            }
        }
        return $this->engine;
    }

    public function engineError(): ?string
    {
        $this->engine();
        return $this->engineError;
    }

    /** Forgets the engine of this request (new settings saved). */
    public function resetEngine(): void
    {
        $this->engine = null;
        $this->engineError = null;
    }

    public function points(): LoyaltyEnginePoints
    {
        return new LoyaltyEnginePoints(new LoyaltyEngineDbStorage(Db::getInstance()), $this->engine()->program());
    }

    /** Order states that give the points back: PS_OS_CANCELED, PS_OS_REFUND and LOYALTY_REVERSE_STATES ("8,9"). */
    public function reverseStates(): array
    {
        $states = [(int) Configuration::get('PS_OS_CANCELED'), (int) Configuration::get('PS_OS_REFUND')];
        foreach (explode(',', (string) Configuration::get('LOYALTY_REVERSE_STATES')) as $state) {
            $states[] = (int) $state;
        }
        return array_values(array_unique(array_filter($states)));
    }

    /**
     * The orders PrestaShop made of this order's cart (a cart with products for several carriers
     * becomes one order per carrier, all with the same reference, made before actionValidateOrder
     * runs for the first of them): id_order => Order.
     */
    private function ordersOfCart($order, int $idCart): array
    {
        $orders = [(int) $order->id => $order];
        if ((string) $order->reference !== '') {
            foreach (Order::getByReference((string) $order->reference) as $other) {
                if ((int) $other->id_cart === $idCart && (int) $other->id_customer === (int) $order->id_customer) {
                    $orders[(int) $other->id] = $other;
                }
            }
        }
        ksort($orders);
        return $orders;
    }

    /**
     * A state in which the order's points are earned: its `paid` or `shipped` flag (OrderState), or
     * PS_OS_PAYMENT, PS_OS_WS_PAYMENT, PS_OS_SHIPPING, PS_OS_DELIVERED; never a reversing state.
     */
    public function isEarnState($state): bool
    {
        if (in_array((int) $state->id, $this->reverseStates(), true)) {
            return false;
        }
        $states = [];
        foreach (['PS_OS_PAYMENT', 'PS_OS_WS_PAYMENT', 'PS_OS_SHIPPING', 'PS_OS_DELIVERED'] as $key) {
            $states[] = (int) Configuration::get($key);
        }
        return !empty($state->paid) || !empty($state->shipped) || in_array((int) $state->id, array_filter($states), true);
    }

    /**
     * @return array{0: Loyalty\Result, 1: Loyalty\Program}
     * $balance: the points read under the customer's lock (order validation); else read here.
     */
    private function evaluate($cart, ?int $balance = null): array
    {
        $engine = $this->engine();
        $decimals = $this->decimals();
        $customer = new Customer((int) $cart->id_customer);
        $address = new Address((int) $cart->id_address_delivery);
        $groups = array_column(Group::getGroups((int) $this->context->language->id), 'name', 'id_group');
        $carriers = array_column(Carrier::getCarriers((int) $this->context->language->id, false, false, false, null, Carrier::ALL_CARRIERS), 'name', 'id_carrier');
        $balance ??= $this->points()->ledger((int) $customer->id)->balance();
        $engineCustomer = LoyaltyEngineGlue::customer($customer, $groups, Order::getCustomerOrders((int) $customer->id),
            Validate::isLoadedObject($address) ? $address : null, (string) Country::getIsoById((int) $address->id_country),
            $balance, $carriers, $decimals);
        $engineCart = LoyaltyEngineGlue::cart($cart, (string) (new Carrier((int) $cart->id_carrier))->name, $decimals);
        $engineCart['use_points'] = $this->usePoints();
        return [$engine->evaluate($engineCart, $engineCustomer), $engine->program()];
    }

    /**
     * How many points the customer asks to use (the request's loyalty_use_points, kept in the
     * cookie for the order's validation): an upper bound only, the engine spends at most the
     * balance read from the ledger. true: as many as the programme allows.
     */
    private function usePoints(): int|bool
    {
        $asked = Tools::getValue('loyalty_use_points', null);
        $cookie = $this->context->cookie ?? null;
        if ($asked !== null && is_object($cookie)) {
            $cookie->loyalty_use_points = (string) $asked;
        }
        $asked ??= is_object($cookie) && isset($cookie->loyalty_use_points) ? $cookie->loyalty_use_points : null;
        return $asked === null || !is_numeric($asked) ? true : max(0, (int) $asked);
    }

    private function decimals(): int
    {
        return isset($this->context->currency->precision) ? (int) $this->context->currency->precision : 2;
    }

    private function log(Throwable $e, string $type, int $id): void
    {
        PrestaShopLogger::addLog('loyaltyengine: ' . get_class($e) . ': ' . $e->getMessage(), 3, null, $type, $id, true);
    }

    /** HTML-escaped, as Smarty's |escape:'html':'UTF-8'. */
    public static function e($text): string
    {
        return htmlspecialchars((string) $text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }
}
