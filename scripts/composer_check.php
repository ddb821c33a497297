<?php
/*
 * Checks of the two Composer packages that Composer 2.5 (Debian bookworm's) cannot make:
 * its schema predates PIE's "php-ext" section. Called by scripts/composer-check.sh; prints one
 * line per check and exits 1 when one fails.
 *   - composer.json (PIE, "type": "php-ext"): the extension name is config.m4's, and
 *     "configure-options" lists exactly the options config.m4 defines, flags without a value;
 *   - composer.json, polyfill/composer.json and package.xml name the same license, which
 *     LICENSE and polyfill/LICENSE (its published copy) hold;
 *   - both packages require the PHP versions the README claims, and provide/suggest ext-loyalty.
 */
declare(strict_types=1);

$root = dirname(__DIR__);
$failed = 0;
function check(string $what, bool $ok, string $detail = ''): void
{
    global $failed;
    echo $ok ? 'ok' : 'FAILED', ": $what", $ok || $detail === '' ? '' : " ($detail)", "\n";
    $failed += $ok ? 0 : 1;
}
function json(string $path): array
{
    $data = json_decode((string) file_get_contents($path), true);
    return is_array($data) ? $data : [];
}

$ext = json("$root/composer.json");
$poly = json("$root/polyfill/composer.json");
$m4 = (string) file_get_contents("$root/config.m4");

check('composer.json is a PIE extension package', ($ext['type'] ?? '') === 'php-ext' && isset($ext['php-ext']) && is_array($ext['php-ext']));
preg_match('/PHP_NEW_EXTENSION\(\s*(\w+)/', $m4, $name);
$extName = $ext['php-ext']['extension-name'] ?? '';
check("php-ext.extension-name is config.m4's extension", is_string($extName) && preg_match('/^[A-Za-z][A-Za-z0-9_]*$/', $extName) === 1
    && $extName === ($name[1] ?? null), "$extName");
preg_match_all('/PHP_ARG_(ENABLE|WITH)\(\s*\[?([\w-]+)\]?/', $m4, $args, PREG_SET_ORDER);
$defined = [];
foreach ($args as $a) {
    $defined[strtolower($a[1]) . '-' . $a[2]] = $a[1] === 'WITH';
}
$listed = [];
foreach ($ext['php-ext']['configure-options'] ?? [] as $o) {
    $ok = is_array($o) && is_string($o['name'] ?? null) && is_string($o['description'] ?? null) && $o['description'] !== ''
        && is_bool($o['needs-value'] ?? false);
    check('configure option ' . ($o['name'] ?? '?') . ' has a name, a description and a boolean needs-value', $ok);
    if ($ok) {
        $listed[$o['name']] = $o['needs-value'] ?? false;
    }
}
ksort($defined);
ksort($listed);
check('configure-options are the options config.m4 defines', array_keys($listed) === array_keys($defined),
    'listed ' . implode(', ', array_keys($listed)) . '; config.m4: ' . implode(', ', array_keys($defined)));
foreach ($listed as $option => $needsValue) {
    check("--$option needs a value only if it is a --with option", !$needsValue || ($defined[$option] ?? false));
}
check('the extension and the polyfill are two packages', ($ext['name'] ?? '') !== ($poly['name'] ?? '') && ($poly['name'] ?? '') === 'loyalty/polyfill');

preg_match('#<license[^>]*>([^<]+)</license>#', (string) file_get_contents("$root/package.xml"), $license);
check('composer.json, polyfill/composer.json and package.xml name one license',
    ($ext['license'] ?? '') === ($license[1] ?? null) && ($poly['license'] ?? '') === ($license[1] ?? null), $license[1] ?? 'none');
check('LICENSE holds it, and polyfill/LICENSE is the same file (the published package carries it)',
    is_file("$root/LICENSE") && str_contains((string) file_get_contents("$root/LICENSE"), 'The PHP License, version 3.01')
    && @file_get_contents("$root/polyfill/LICENSE") === file_get_contents("$root/LICENSE"));

$php = '>=8.2';
check("both packages require PHP $php", ($ext['require']['php'] ?? '') === $php && ($poly['require']['php'] ?? '') === $php,
    ($ext['require']['php'] ?? '?') . ' / ' . ($poly['require']['php'] ?? '?'));
$readme = (string) file_get_contents("$root/README.md");
check('README claims the same: tested on 8.2 and 8.4, 8.3 not tested, 8.1 not supported',
    str_contains($readme, 'PHP >= 8.2') && str_contains($readme, '8.3') && str_contains($readme, '8.1'));
check('the polyfill provides ext-loyalty and suggests it, as the symfony polyfills do',
    ($poly['provide']['ext-loyalty'] ?? null) === '*' && is_string($poly['suggest']['ext-loyalty'] ?? null));
check('the polyfill is autoloaded through bootstrap.php', in_array('bootstrap.php', $poly['autoload']['files'] ?? [], true)
    && is_file("$root/polyfill/bootstrap.php"));

exit($failed === 0 ? 0 : 1);
