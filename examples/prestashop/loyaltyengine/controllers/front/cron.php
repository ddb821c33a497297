<?php
/*
 * The expiry warnings cron, called by the shop's crontab with the module's secret token (shown on
 * the configuration page):
 *   0 8 * * * curl -s 'https://shop.example/index.php?fc=module&module=loyaltyengine&controller=cron&token=...'
 * Answers JSON: {"sent": N}; a wrong token gets 403 and sends nothing.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class LoyaltyEngineCronModuleFrontController extends ModuleFrontController
{
    public $ajax = true;

    public function initContent()
    {
        $token = (string) Configuration::get('LOYALTY_CRON_TOKEN');
        if ($token === '' || !hash_equals($token, (string) Tools::getValue('token'))) {
            http_response_code(403);
            $this->ajaxRender(json_encode(['error' => 'invalid token']));
            return;
        }
        $this->ajaxRender(json_encode(['sent' => $this->module->sendExpiryWarnings(time())]));
    }
}
