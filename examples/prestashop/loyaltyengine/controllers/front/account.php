<?php
/*
 * "My loyalty points" (index.php?fc=module&module=loyaltyengine&controller=account): the balance,
 * the points still pending, the lots that expire and the history, all read from the ledger rows
 * of the customer who is logged in ($auth: guests are sent to the login page).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class LoyaltyEngineAccountModuleFrontController extends ModuleFrontController
{
    public $auth = true;
    public $authRedirection = 'my-account';

    public function initContent()
    {
        parent::initContent();
        $this->context->smarty->assign($this->module->accountData((int) $this->context->customer->id, time()));
        $this->setTemplate('module:loyaltyengine/views/templates/front/account.tpl');
    }
}
