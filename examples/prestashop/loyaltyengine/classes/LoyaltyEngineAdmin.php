<?php
/*
 * The module's configuration page (Module::getContent()): the merchant's settings JSON in a
 * textarea, compiled by the engine before anything is saved; a compile error is shown with its
 * path and column (and the caret line of an expression), the draft kept in the textarea; warnings
 * are listed after a save. Only an employee with the module's "configure" right, posting with the
 * AdminModules token, changes anything. Everything shown is HTML-escaped.
 */
declare(strict_types=1);

final class LoyaltyEngineAdmin
{
    public const SUBMIT = 'submitLoyaltyEngine';
    public const FIELD = 'LOYALTY_SETTINGS_JSON';

    public function __construct(private LoyaltyEngine $module, private LoyaltyEngineDbStorage $storage)
    {
    }

    public function page(): string
    {
        $out = '';
        $draft = null;
        if (Tools::isSubmit(self::SUBMIT)) {
            [$out, $draft] = $this->post();
        }
        $error = $this->module->engineError();
        if ($error !== null && $draft === null) {
            $out .= $this->alert('warning', $this->module->l('The shop runs without the loyalty programme until the settings compile:'), $error);
        }
        return $out . $this->status() . $this->form($draft ?? $this->storage->settings()) . $this->summary();
    }

    /** @return array{0: string, 1: ?string} the message and the draft to show again (null when saved) */
    private function post(): array
    {
        $employee = $this->module->context->employee ?? null;
        if (!hash_equals(Tools::getAdminTokenLite('AdminModules'), (string) Tools::getValue('token'))
                || !is_object($employee) || !$this->module->getPermission('configure', $employee)) {
            return [$this->alert('danger', $this->module->l('Invalid security token or no permission: nothing was saved.')), null];
        }
        $json = (string) Tools::getValue(self::FIELD);
        try {
            $engine = new Loyalty\Engine($json);
        } catch (Loyalty\ConfigException $e) {
            return [$this->alert('danger', $this->module->l('Not saved: the settings do not compile.'), $e->getMessage()), $json];
        }
        if (!$this->storage->saveSettings($json, (int) $employee->id)) {
            return [$this->alert('danger', $this->module->l('Not saved: the database refused the settings.')), $json];
        }
        $this->module->resetEngine();
        $out = $this->alert('success', $this->module->l('Settings saved.'));
        foreach ($engine->program()->warnings() as $warning) {
            $out .= $this->alert('warning', $this->module->l('Warning:'), $warning['path'] . ': ' . $warning['message']);
        }
        return [$out, null];
    }

    /** Which implementation runs, its version and cache figures, and the cron URL. */
    private function status(): string
    {
        $rows = [];
        if (function_exists('Loyalty\cache_status')) {
            $status = Loyalty\cache_status();
            $rows[] = [$this->module->l('Engine'), $status['implementation'] . ' ' . $status['version']];
            $rows[] = [$this->module->l('Compiled-program cache (this worker)'), sprintf('%d programs, %d hits, %d misses (size %d)',
                $status['programs'], $status['hits'], $status['misses'], $status['cache_size'])];
        }
        $rows[] = [$this->module->l('Expiry warnings cron'), $this->module->context->link->getModuleLink($this->module->name, 'cron',
            ['token' => (string) Configuration::get('LOYALTY_CRON_TOKEN')], true)];
        $html = '<div class="panel"><h3>' . LoyaltyEngine::e($this->module->l('Status')) . '</h3><table class="table">';
        foreach ($rows as [$label, $value]) {
            $html .= '<tr><th>' . LoyaltyEngine::e($label) . '</th><td>' . LoyaltyEngine::e($value) . '</td></tr>';
        }
        return $html . '</table></div>';
    }

    private function form(string $json): string
    {
        $action = $this->module->context->link->getAdminLink('AdminModules', true, [], ['configure' => $this->module->name]);
        return '<form method="post" action="' . LoyaltyEngine::e($action) . '" class="defaultForm form-horizontal">'
            . '<div class="panel"><h3>' . LoyaltyEngine::e($this->module->l('Settings (JSON)')) . '</h3>'
            . '<textarea name="' . self::FIELD . '" rows="30" class="textarea-autosize" style="font-family: monospace">'
            . LoyaltyEngine::e($json) . '</textarea>'
            . '<div class="panel-footer"><button type="submit" name="' . self::SUBMIT . '" class="btn btn-default pull-right">'
            . LoyaltyEngine::e($this->module->l('Save')) . '</button></div></div></form>';
    }

    /** The advantages of the running settings, as the merchant wrote them. */
    private function summary(): string
    {
        $engine = $this->module->engine();
        if ($engine === null) {
            return '';
        }
        $settings = $engine->program()->toArray();
        $html = '<div class="panel"><h3>' . LoyaltyEngine::e($this->module->l('Advantages')) . '</h3><table class="table">';
        foreach ($settings['advantages'] as $advantage) {
            $html .= '<tr><td>' . LoyaltyEngine::e($advantage['id']) . '</td><td>' . LoyaltyEngine::e($advantage['label'])
                . '</td><td>' . LoyaltyEngine::e(is_string($advantage['segment'] ?? null) ? $advantage['segment'] : '') . '</td></tr>';
        }
        $html .= '</table><p>' . LoyaltyEngine::e($this->module->l('Segments:') . ' ' . implode(', ', $engine->program()->segmentNames()))
            . '</p></div>';
        return $html;
    }

    private function alert(string $type, string $message, ?string $detail = null): string
    {
        return '<div class="alert alert-' . $type . '">' . LoyaltyEngine::e($message)
            . ($detail === null ? '' : '<pre>' . LoyaltyEngine::e($detail) . '</pre>') . '</div>';
    }
}
