<?php
/*
 * PrestaShop module skeleton (1.7.6+ / 8.x): on every cart save, the loyalty engine evaluates
 * the cart with the merchant's settings (Configuration LOYALTY_SETTINGS, JSON) and its answer
 * becomes cart rules (one per applied advantage or loyalty discount); the cart page says why
 * the other rules did not apply. The mapping lives in classes/LoyaltyEngineGlue.php (plain
 * PHP, tested in tests/integrations/); this file only talks to PrestaShop.
 *
 * Install: copy this folder to modules/loyaltyengine, `extension=loyalty` in php.ini, install
 * from the back office, then store the settings:
 *   Configuration::updateValue('LOYALTY_SETTINGS', file_get_contents('shop.json'));
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once __DIR__ . '/classes/LoyaltyEngineGlue.php';
// Without the extension, the polyfill bundled in the module's zip (composer require loyalty/polyfill).
if (!class_exists(Loyalty\Engine::class) && is_file(__DIR__ . '/vendor/loyalty/polyfill/bootstrap.php')) {
    require_once __DIR__ . '/vendor/loyalty/polyfill/bootstrap.php';
}

class LoyaltyEngine extends Module
{
    /** Adding our cart rules saves the cart again: the hook must not answer itself. */
    private static bool $syncing = false;

    public function __construct()
    {
        $this->name = 'loyaltyengine';
        $this->tab = 'pricing_promotion';
        $this->version = '0.1.0';
        $this->author = 'loyalty';
        $this->need_instance = 0;
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
        return parent::install()
            && Configuration::updateValue('LOYALTY_SETTINGS', '{}')
            && Db::getInstance()->execute('CREATE TABLE IF NOT EXISTS `' . _DB_PREFIX_ . 'loyaltyengine_ledger` (
                `id_customer` INT UNSIGNED NOT NULL PRIMARY KEY, `entries` MEDIUMTEXT NOT NULL) ENGINE=' . _MYSQL_ENGINE_)
            && $this->registerHook('actionCartSave')
            && $this->registerHook('displayShoppingCart');
    }

    /** Removes the module's table and settings; the points ledger is kept only if the merchant set LOYALTY_KEEP_DATA. */
    public function uninstall()
    {
        $keep = (bool) Configuration::get('LOYALTY_KEEP_DATA');
        return ($keep || Db::getInstance()->execute('DROP TABLE IF EXISTS `' . _DB_PREFIX_ . 'loyaltyengine_ledger`'))
            && Configuration::deleteByName('LOYALTY_SETTINGS')
            && Configuration::deleteByName('LOYALTY_KEEP_DATA')
            && parent::uninstall();
    }

    /** Keeps the cart's loyalty cart rules in line with the engine's answer. */
    public function hookActionCartSave($params)
    {
        $cart = $params['cart'] ?? $this->context->cart;
        if (self::$syncing || !Validate::isLoadedObject($cart) || !$cart->id_customer) {
            return;
        }
        [$result] = $this->evaluate($cart);
        $decimals = $this->decimals();
        $wanted = LoyaltyEngineGlue::cartRules($result, $cart, time(), $decimals);
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
        if (!Validate::isLoadedObject($cart) || !$cart->id_customer) {
            return '';
        }
        [$result, $program] = $this->evaluate($cart);
        $message = LoyaltyEngineGlue::rejectedMessage($result, LoyaltyEngineGlue::labels($program));
        return $message === '' ? '' : '<div class="alert alert-info">' . nl2br(htmlspecialchars($message)) . '</div>';
    }

    /** @return array{0: Loyalty\Result, 1: Loyalty\Program} */
    private function evaluate(Cart $cart): array
    {
        // Same settings string, same compiled program: the extension caches it per process.
        $engine = new Loyalty\Engine((string) Configuration::get('LOYALTY_SETTINGS'));
        $decimals = $this->decimals();
        $customer = new Customer((int) $cart->id_customer);
        $address = new Address((int) $cart->id_address_delivery);
        $groups = array_column(Group::getGroups((int) $this->context->language->id), 'name', 'id_group');
        $carriers = array_column(Carrier::getCarriers((int) $this->context->language->id, false, false, false, null, Carrier::ALL_CARRIERS), 'name', 'id_carrier');
        $entries = Db::getInstance()->getValue('SELECT entries FROM `' . _DB_PREFIX_ . 'loyaltyengine_ledger`
            WHERE id_customer = ' . (int) $customer->id);
        $ledger = new Loyalty\Ledger($engine->program(), $entries ? json_decode($entries, true) : []);
        $engineCustomer = LoyaltyEngineGlue::customer($customer, $groups, Order::getCustomerOrders((int) $customer->id),
            Validate::isLoadedObject($address) ? $address : null, (string) Country::getIsoById((int) $address->id_country),
            $ledger->balance(), $carriers, $decimals);
        $engineCart = LoyaltyEngineGlue::cart($cart, (string) (new Carrier((int) $cart->id_carrier))->name, $decimals);
        return [$engine->evaluate($engineCart, $engineCustomer), $engine->program()];
    }

    private function decimals(): int
    {
        return isset($this->context->currency->precision) ? (int) $this->context->currency->precision : 2;
    }
}
