--TEST--
Loyalty\VERSION is package.xml's release in both implementations, and under the extension phpversion('loyalty') and the polyfill's version too (issue 19)
--EXTENSIONS--
loyalty
--FILE--
<?php
$root = __DIR__ . '/../..';
preg_match('#<version>\s*<release>([^<]+)</release>#', file_get_contents("$root/package.xml"), $m);
var_dump(is_string(Loyalty\VERSION) && Loyalty\VERSION === $m[1]);
// Shop code tells the implementations apart: phpversion('loyalty') is the extension's only
if (extension_loaded('loyalty')) {
    require_once "$root/polyfill/bootstrap.php";   // the polyfill beside it does not redefine Loyalty\VERSION
    var_dump(phpversion('loyalty') === Loyalty\VERSION && Loyalty\Polyfill\VERSION === Loyalty\VERSION);
} else {
    var_dump(phpversion('loyalty') === false && Loyalty\Polyfill\VERSION === Loyalty\VERSION);
}
// the IDE stub says the same
var_dump(str_contains(file_get_contents("$root/stubs/loyalty.php"), "const VERSION = '" . Loyalty\VERSION . "';"));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
