#!/usr/bin/env bash
# Builds the zips a merchant uploads, each with the pure-PHP polyfill bundled (used when the
# extension is not loaded; the extension takes over when it is):
#   dist/loyaltyengine-<version>.zip   PrestaShop: Modules > Module Manager > Upload a module
#   dist/loyalty-engine-<version>.zip  WordPress: Plugins > Add New > Upload Plugin
# Then checks each zip: one top folder named as the shop expects, the polyfill's bootstrap inside,
# every PHP file lints; ends with "N passed, N failed".
#   bash scripts/module-zips.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-$root/dist}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # description, command...
	if "${@:2}" >/dev/null 2>&1; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
}

build() { # source folder, folder name in the zip, version
	local src=$1 name=$2 version=$3 zip="$out/$2-$3.zip"
	mkdir -p "$work/$name"
	cp -R "$src/." "$work/$name/"
	mkdir -p "$work/$name/vendor/loyalty/polyfill"
	cp -R polyfill/bootstrap.php polyfill/src polyfill/composer.json polyfill/LICENSE "$work/$name/vendor/loyalty/polyfill/"
	find "$work/$name" -name '.*' -prune -exec rm -rf {} +
	rm -f "$zip"
	(cd "$work" && zip -qr -X "$zip" "$name")
	echo "$zip: $(unzip -l "$zip" | tail -n 1 | awk '{print $2}') files"
	check "$name: one top folder" test "$(unzip -Z1 "$zip" | cut -d/ -f1 | sort -u)" = "$name"
	check "$name: polyfill bundled" unzip -l "$zip" "$name/vendor/loyalty/polyfill/bootstrap.php"
	local bad=0 f
	while IFS= read -r -d '' f; do php -n -l "$f" >/dev/null 2>&1 || { echo "lint: $f"; bad=1; }; done \
		< <(find "$work/$name" -name '*.php' -print0)
	check "$name: every PHP file lints" test "$bad" = 0
	# the bundled polyfill loads on a PHP without the extension
	check "$name: the polyfill runs" php -n -r "require '$work/$name/vendor/loyalty/polyfill/bootstrap.php'; exit(Loyalty\\cache_status()['implementation'] === 'polyfill' ? 0 : 1);"
}

ps_version=$(sed -n "s/.*this->version = '\([^']*\)'.*/\1/p" examples/prestashop/loyaltyengine/loyaltyengine.php)
wc_version=$(sed -n 's/^ \* Version: *\([^ ]*\)$/\1/p' examples/woocommerce/loyalty-engine/loyalty-engine.php)
build examples/prestashop/loyaltyengine loyaltyengine "$ps_version"
check "PrestaShop: the module file at the top of its folder" unzip -l "$out/loyaltyengine-$ps_version.zip" loyaltyengine/loyaltyengine.php
build examples/woocommerce/loyalty-engine loyalty-engine "$wc_version"
check "WordPress: plugin header" sh -c "unzip -p '$out/loyalty-engine-$wc_version.zip' loyalty-engine/loyalty-engine.php | grep -q '^ \* Plugin Name:'"
echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
