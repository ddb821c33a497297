--TEST--
PrestaShop module: the configuration page refuses a POST without the token or the right, shows compile errors with path and column, escapes what it shows; the account page and the expiry cron
--EXTENSIONS--
loyalty
pdo_sqlite
--INI--
date.timezone=UTC
; the cron sets its HTTP status after the test has printed: buffered, headers are not sent yet (PHP 8.4 warns otherwise)
output_buffering=1048576
--FILE--
<?php
require __DIR__ . '/prestashop_fakes.inc';
$context = fake_context();
require __DIR__ . '/../../examples/prestashop/loyaltyengine/loyaltyengine.php';
$module = new LoyaltyEngine();
$module->install();
$db = Db::getInstance();
$versions = fn() => (int) $db->getValue('SELECT COUNT(*) FROM ps_loyaltyengine_settings');
$alerts = fn(string $html) => preg_match_all('/<div class="alert alert-(\w+)">(.*?)<\/div>/s', $html, $m) ? array_map(fn($t, $x) => "$t: $x", $m[1], $m[2]) : [];
$good = json_decode(file_get_contents(__DIR__ . '/../../examples/shop.json'), true);
$good['advantages'][0]['label'] = 'VIP <script>alert(1)</script>';
$good['segments']['small'] = "orders<5 and city == 'Paris'";   // a '<' PrestaShop's pSQL would strip without htmlOK
$good = json_encode($good, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES);
$context->employee = (object) ['id' => 3, 'rights' => ['view', 'configure']];

echo "-- nothing saved yet: the page says the shop runs without the programme\n";
print_r($alerts($module->getContent()));

echo "-- a POST without the token, with a wrong one, and by an employee without the configure right: refused, nothing saved\n";
$_POST = [LoyaltyEngineAdmin::SUBMIT => '1', LoyaltyEngineAdmin::FIELD => $good];
print_r($alerts($module->getContent())[0]);
$_POST['token'] = 'forged';
print_r($alerts($module->getContent())[0]);
$_POST['token'] = Tools::getAdminTokenLite('AdminModules');
$context->employee = (object) ['id' => 4, 'rights' => ['view']];
print_r($alerts($module->getContent())[0]);
echo "\nversions: {$versions()}\n";

echo "-- settings that do not compile: the error with its path and column, the draft kept (escaped), nothing saved\n";
$context->employee = (object) ['id' => 3, 'rights' => ['view', 'configure']];
$_POST[LoyaltyEngineAdmin::FIELD] = '{"segments": {"vip": "orders > </textarea><b>"}}';
$page = $module->getContent();
print_r($alerts($page));
var_dump(str_contains($page, '&lt;/textarea&gt;&lt;b&gt;'), str_contains($page, '</textarea><b>'), $versions());
$_POST[LoyaltyEngineAdmin::FIELD] = '{"advantages": [{"id": "x", "tiers": [{"discount": 1.5}]}]}';
print_r($alerts($module->getContent()));

echo "-- good settings: saved as version 1, warnings listed, the label rendered escaped, the '<' kept\n";
$_POST[LoyaltyEngineAdmin::FIELD] = $good;
$page = $module->getContent();
print_r($alerts($page));
var_dump($versions(), str_contains($page, '<script>'), str_contains($page, 'VIP &lt;script&gt;alert(1)&lt;/script&gt;'),
    $db->getValue('SELECT settings FROM ps_loyaltyengine_settings ORDER BY id_settings DESC') === $good, $module->engine()->inSegment('small', ['orders' => 2, 'city' => 'Paris']));
preg_match_all('/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/', $page, $m);
foreach ($m[1] as $i => $label) {
    $value = str_replace(Loyalty\cache_status()['implementation'] . ' ' . Loyalty\VERSION, 'IMPLEMENTATION VERSION', $m[2][$i]);
    echo "$label: ", preg_replace(['/\d+ (programs|hits|misses)/', '/size \d+/', '/token=\w+/'], ['N $1', 'size N', 'token=...'], $value), "\n";
}
$_POST = [];

echo "-- the account page: the logged-in customer's rows only\n";
$points = $module->points();
$points->grant(7, 200, time() - 300 * 86400, 'welcome');
$points->grant(8, 999, time(), 'someone else');
$points->grant(9, 340, time() - 340 * 86400, 'expires in 25 days');
Order::$table[301] = ['id' => 301, 'id_customer' => 7];
$points->validateOrder(7, 301, time() - 2 * 86400, fn(int $balance) => $module->engine()->evaluate(
    ['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 12000]], 'carrier' => 'Colissimo', 'shipping' => 0, 'use_points' => false],
    ['orders' => 3, 'points' => $balance]));
Order::$table[302] = ['id' => 302, 'id_customer' => 7];   // validated, not paid yet: its points shown as awaiting payment
$points->validateOrder(7, 302, time() - 86400, fn(int $balance) => $module->engine()->evaluate(
    ['lines' => [['sku' => 'A', 'qty' => 1, 'price' => 9000]], 'carrier' => 'Colissimo', 'shipping' => 0, 'use_points' => false],
    ['orders' => 4, 'points' => $balance]), false);
$context->customer = new Customer(7);
require __DIR__ . '/../../examples/prestashop/loyaltyengine/controllers/front/account.php';
$page = new LoyaltyEngineAccountModuleFrontController();
$page->initContent();
// dates as days from today
$today = strtotime(date('Y-m-d'));
echo $page->template, "\n", preg_replace_callback('/"(\d{4}-\d\d-\d\d)"/', fn($d) => sprintf('"today%+d"', round((strtotime($d[1]) - $today) / 86400)),
    json_encode($context->smarty->vars)), "\n";
echo $module->hookDisplayCustomerAccount([]), "\n";
// every value the template prints goes through |escape or |intval
$tpl = file_get_contents(__DIR__ . '/../../examples/prestashop/loyaltyengine/views/templates/front/account.tpl');
preg_match_all('/\{\$[^}]*\}/', $tpl, $m);
echo count($m[0]), " values printed, unescaped: ", json_encode(array_values(array_filter($m[0], fn($v) => !preg_match("/\|(escape:'html':'UTF-8'|intval)\}$/", $v)))), "\n";

echo "-- the expiry cron: refused without the token; with it, the warnings due, by mail, once\n";
require __DIR__ . '/../../examples/prestashop/loyaltyengine/controllers/front/cron.php';
$cron = new LoyaltyEngineCronModuleFrontController();
$_GET['token'] = 'guess';
$cron->initContent();
echo $cron->rendered, ' ', http_response_code(), ' ', count(Mail::$sent), "\n";
$_GET['token'] = Configuration::get('LOYALTY_CRON_TOKEN');
Configuration::updateValue('LOYALTY_CRON_LAST', time() - 40 * 86400);
// customer 5's rows do not replay (a spend of points never earned): logged, the others still warned
Db::getInstance()->insert('loyaltyengine_points', ['id_customer' => 5, 'id_order' => 0, 'kind' => 'spend', 'points' => 500, 'at' => time() - 86400, 'ref' => 'broken']);
PrestaShopLogger::$logs = [];
$cron->initContent();
echo $cron->rendered, "\n", preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', 'DATE', implode("\n", PrestaShopLogger::$logs)), "\n";
foreach (Mail::$sent as [$template, $to, $vars, $files]) {
    printf("%s to %s: %d points in %d days, templates %s\n", $template, $to, $vars['{points}'], $vars['{days}'], $files ? 'found' : 'missing');
}
$cron->initContent();
echo $cron->rendered, "\n";
?>
--EXPECT--
-- nothing saved yet: the page says the shop runs without the programme
Array
(
    [0] => warning: The shop runs without the loyalty programme until the settings compile:<pre>no settings saved yet</pre>
)
-- a POST without the token, with a wrong one, and by an employee without the configure right: refused, nothing saved
danger: Invalid security token or no permission: nothing was saved.danger: Invalid security token or no permission: nothing was saved.danger: Invalid security token or no permission: nothing was saved.
versions: 0
-- settings that do not compile: the error with its path and column, the draft kept (escaped), nothing saved
Array
(
    [0] => danger: Not saved: the settings do not compile.<pre>segments.vip: unexpected &#039;&lt;&#039; at column 10
orders &gt; &lt;/textarea&gt;&lt;b&gt;
         ^</pre>
)
bool(true)
bool(false)
int(0)
Array
(
    [0] => danger: Not saved: the settings do not compile.<pre>advantages[0].tiers[0].discount: expected int (minor units), got float</pre>
)
-- good settings: saved as version 1, warnings listed, the label rendered escaped, the '<' kept
Array
(
    [0] => success: Settings saved.
    [1] => warning: Warning:<pre>segments.vip_paris: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
    [2] => warning: Warning:<pre>segments.pro_paris: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
    [3] => warning: Warning:<pre>segments.colissimo_regulars: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
    [4] => warning: Warning:<pre>segments.ref42_buyers: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
    [5] => warning: Warning:<pre>segments.benelux: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
    [6] => warning: Warning:<pre>segments.small: is referenced nowhere: no advantage or segment uses it (filter() still can)</pre>
)
int(1)
bool(false)
bool(true)
bool(true)
bool(true)
Engine: IMPLEMENTATION VERSION
Compiled-program cache (this worker): N programs, N hits, N misses (size N)
Expiry warnings cron: https://shop.example/module/loyaltyengine/cron?token=...
-- the account page: the logged-in customer's rows only
module:loyaltyengine/views/templates/front/account.tpl
{"available":true,"balance":200,"pending":120,"awaiting":90,"expiring":[{"points":320,"date":"today+363","soon":false}],"history":[{"date":"today-2","what":"Earned","points":120,"order":301,"counted":true},{"date":"today-300","what":"Granted","points":200,"order":0,"counted":true}]}
<a class="col-lg-4 col-md-6 col-sm-6 col-xs-12" id="loyaltyengine-link" href="https://shop.example/module/loyaltyengine/account"><span class="link-item"><i class="material-icons">loyalty</i>My loyalty points</span></a>
9 values printed, unescaped: []
-- the expiry cron: refused without the token; with it, the warnings due, by mail, once
{"error":"invalid token"} 403 0
{"sent":2}
[3] Customer 5: loyaltyengine: Loyalty\LedgerException: entries[0]: 500 points to spend at DATE UTC, only 0 available
loyalty_expiry to customer9@example.com: 340 points in 60 days, templates found
loyalty_expiry to customer9@example.com: 340 points in 30 days, templates found
{"sent":0}
