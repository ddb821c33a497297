<?php
/*
 * 0.1 -> 0.2: the points ledger as rows (the JSON ledgers are moved, then their table dropped),
 * the settings as versions, and the hooks of order validation, refunds and the account page.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_0_2_0($module)
{
    foreach (LoyaltyEngineDbStorage::schema() as $sql) {
        if (!Db::getInstance()->execute($sql)) {
            return false;
        }
    }
    foreach (LoyaltyEngine::HOOKS as $hook) {
        if (!$module->registerHook($hook)) {
            return false;
        }
    }
    if (!Configuration::get('LOYALTY_CRON_TOKEN')) {
        Configuration::updateValue('LOYALTY_CRON_TOKEN', bin2hex(random_bytes(16)));
    }
    return $module->migrateJsonLedger();
}
