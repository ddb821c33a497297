#!/usr/bin/env bash
# The WooCommerce plugin's WordPress side on the WordPress that Debian packages (package `wordpress`,
# 6.1), with our own MariaDB, PHP-FPM and nginx (scripts/stack.sh: a temporary folder, private ports,
# stopped on exit). A throwaway site is copied from /usr/share/wordpress into the stack's folder with a
# wp-config.php of its own, installed with wp_install() from a PHP CLI bootstrap (tests/wordpress/wp.php),
# and the plugin copied in as its zip has it (the polyfill in vendor/). Checked, once with the extension
# and once with the polyfill (WORDPRESS_MODES="extension polyfill"):
#   1. activate_plugin() without WooCommerce: no fatal, the admin is told; dbDelta's table, its
#      columns and unique key; activating again changes nothing; a customer's 0.1 ledger (user meta
#      _loyalty_ledger, written before activation) is rows with the same balance, once; a merchant's
#      grant made twice is one row;
#   2. with tests/wordpress/woocommerce-stub.php as a mu-plugin (NOT WooCommerce, which is not a Debian
#      package: the few classes and functions the plugin touches, written from WooCommerce's reference)
#      the settings page through nginx as a logged-in admin, a `<script>` advantage label escaped;
#   3. settings POSTs to options.php without a nonce, with a forged one, by an editor with his own
#      valid nonce: refused, the option unchanged; by the admin with the page's nonce: saved;
#   4. WP-Cron: the expiry event run by wp-cron.php over HTTP, rescheduled, cleared on deactivation;
#   5. the ledger on the real $wpdb: earned once; two checkouts of one customer at the same moment in
#      two PHP processes (WORDPRESS_RACES rounds): one spends, the ledger sums to what was granted;
#      the plugin's GET_LOCK held from another connection makes a checkout wait;
#   6. uninstall.php: the table kept with loyalty_engine_keep_data, dropped without;
#   and no PHP error, warning or notice from the plugin in the logs. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
modes=${WORDPRESS_MODES:-extension polyfill}
races=${WORDPRESS_RACES:-8}

if [ ! -f modules/loyalty.so ]; then
	bash scripts/setup.sh
	bash scripts/build.sh
fi
source scripts/stack.sh
stack_install
stack_init
passed=0
failed=0
mode=""
check() { # message, command...
	local message=$1
	shift
	if "$@"; then passed=$((passed + 1)); echo "ok: [$mode] $message"; else failed=$((failed + 1)); echo "FAIL: [$mode] $message"; fi
}
wp="$STACK_DIR/wp"
url="http://127.0.0.1:$STACK_HTTP_PORT"
export WP_ROOT="$wp" WP_URL="$url"
wp_cli() { php -n -c "$STACK_DIR/cli.ini" "$root/tests/wordpress/wp.php" "$@"; }
wp_checks() { # wp.php command...: its "ok:"/"FAIL:" lines counted
	local out rc=0
	out=$(wp_cli "$@" 2>&1) || rc=$?
	[ -z "$out" ] || echo "$out" | sed "s/^\(ok\|FAIL\): /\1: [$mode] /"
	passed=$((passed + $(echo "$out" | grep -c '^ok:' || true)))
	failed=$((failed + $(echo "$out" | grep -c '^FAIL:' || true)))
	if [ "$rc" != 0 ]; then failed=$((failed + 1)); echo "FAIL: [$mode] wp.php $1 exited $rc"; fi
}
t_start=$(date +%s)

stack_mariadb
# the site: WordPress's files, less Debian's wp-config.php (it reads /etc/wordpress) and the translations
mkdir -p "$wp"
tar -C /usr/share/wordpress --exclude=./wp-content/languages --exclude=./wp-config.php --exclude=./.htaccess -cf - . | tar -C "$wp" -xf -
cat >"$wp/wp-config.php" <<EOF
<?php
// The throwaway site of scripts/wordpress.sh, on the stack's MariaDB.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$STACK_DIR/mysqld.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$(for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
	echo "define( '$k', '$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')' );"
done)
\$table_prefix = 'wp_';
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$STACK_DIR/wp-debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );          // no cron spawned by page loads: the test runs wp-cron.php itself
define( 'WP_HTTP_BLOCK_EXTERNAL', true );   // no update checks to the outside
define( 'AUTOMATIC_UPDATER_DISABLED', true );
defined( 'ABSPATH' ) || define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
EOF
stack_nginx "$wp"

# HTTP as a browser would: a cookie jar per user
jar() { echo "$STACK_DIR/cookies-$1"; }
login() { # user, password: 0 when WordPress set the logged-in cookie
	rm -f "$(jar "$1")"
	curl -sS -o /dev/null -c "$(jar "$1")" -b 'wordpress_test_cookie=WP%20Cookie%20check' --data-urlencode "log=$1" \
		--data-urlencode "pwd=$2" -d testcookie=1 --data-urlencode "redirect_to=$url/wp-admin/" "$url/wp-login.php"
	grep -q wordpress_logged_in_ "$(jar "$1")"
}
http() { # user, out file, curl arguments...: prints the status code
	local user=$1 out=$2
	shift 2
	curl -sS -b "$(jar "$user")" -o "$out" -D "$out.headers" -w '%{http_code}' "$@" || echo " (curl failed)"
}
option_md5() { wp_cli option loyalty_engine_settings | md5sum | cut -d' ' -f1; }
page="$url/wp-admin/admin.php?page=loyalty-engine"
post_settings() { # user, out, json file, extra curl arguments...: POST to options.php as the settings form does
	local user=$1 out=$2 json=$3
	shift 3
	http "$user" "$out" -d option_page=loyalty_engine -d action=update --data-urlencode "_wp_http_referer=/wp-admin/admin.php?page=loyalty-engine" \
		--data-urlencode "loyalty_engine_settings@$json" "$@" "$url/wp-admin/options.php"
}
# settings with a stored XSS attempt in an advantage's label (segments are expressions; labels are on advantages)
php -r '$s = json_decode(file_get_contents($argv[1]), true); $s["advantages"][0]["label"] = "<script>alert(1)</script>"; echo json_encode($s, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES);' \
	examples/shop.json >"$STACK_DIR/xss.json"
echo '{"segments": {"vip": "orders >"}}' >"$STACK_DIR/broken.json"
# a tier that never applies: saved, with a compile warning
echo '{"segments": {"everyone": "orders >= 0"}, "advantages": [{"id": "a", "label": "A", "segment": "everyone", "tiers": [{"from": 5000, "discount": 500}, {"from": 5000, "discount": 600}]}]}' >"$STACK_DIR/warn.json"

run_mode() {
	mode=$1
	local t0 code nonce out c o1 o2 start i
	t0=$(date +%s)
	# PHP: the stack's php.ini (the extension, or none with the polyfill) and mysqli for WordPress
	{ STACK_LOYALTY=$mode stack_php_ini; echo "extension = mysqli"; } >"$STACK_DIR/cli.ini"
	if [ -f "$STACK_DIR/fpm.pid" ]; then # the previous mode's FPM
		kill "$(cat "$STACK_DIR/fpm.pid")"
		while kill -0 "$(cat "$STACK_DIR/fpm.pid")" 2>/dev/null; do sleep 0.1; done
		rm -f "$STACK_DIR/fpm.sock" "$STACK_DIR/fpm.pid"
	fi
	STACK_LOYALTY=$mode stack_fpm 4 "extension = mysqli"
	stack_sql 'DROP DATABASE IF EXISTS wordpress; CREATE DATABASE wordpress'
	rm -rf "$wp/wp-content/plugins/loyalty-engine" "$wp/wp-content/mu-plugins"
	mkdir -p "$wp/wp-content/plugins/loyalty-engine/vendor/loyalty/polyfill" "$wp/wp-content/mu-plugins"
	cp -R examples/woocommerce/loyalty-engine/. "$wp/wp-content/plugins/loyalty-engine/"
	cp -R polyfill/bootstrap.php polyfill/src "$wp/wp-content/plugins/loyalty-engine/vendor/loyalty/polyfill/"
	cp tests/wordpress/loyalty-test-helper.php "$wp/wp-content/mu-plugins/"
	wp_checks install

	echo "-- 1. activation, without WooCommerce"
	wp_checks activate
	wp_checks migrate-check
	wp_checks grant-once


	check "admin logs in through nginx and FPM" login admin admin-password
	code=$(http admin "$STACK_DIR/dashboard.html" "$url/wp-admin/index.php")
	check "the dashboard renders with the plugin active and no WooCommerce (HTTP $code)" test "$code" = 200 -a -n "$(grep -l '</html>' "$STACK_DIR/dashboard.html")"
	check "an admin notice says that WooCommerce is needed" grep -q 'Loyalty Engine needs WooCommerce' "$STACK_DIR/dashboard.html"

	echo "-- 2. the settings page (WooCommerce stub from tests/wordpress/woocommerce-stub.php, a mu-plugin of this site only)"
	cp tests/wordpress/woocommerce-stub.php "$wp/wp-content/mu-plugins/"
	code=$(http admin "$STACK_DIR/page.html" "$page")
	nonce=$(sed -n 's/.*name="_wpnonce" value="\([0-9a-f]*\)".*/\1/p' "$STACK_DIR/page.html" | head -n 1)
	check "the page renders before any settings are saved (HTTP $code)" test "$code" = 200 -a -n "$nonce"
	code=$(post_settings admin "$STACK_DIR/post.html" "$STACK_DIR/warn.json" -d "_wpnonce=$nonce")
	out=$(sed -n 's/^Location: \(.*\)\r$/\1/p' "$STACK_DIR/post.html.headers")
	code=$(http admin "$STACK_DIR/page.html" "${out/#\//$url/}")
	check "a first save (no option yet, so WordPress sanitizes twice): saved, its compile warning shown once" \
		test "$(wp_cli option loyalty_engine_settings)" = "$(cat "$STACK_DIR/warn.json")" -a "$(grep -o 'advantages\[0\].tiers\[1\]: never applies' "$STACK_DIR/page.html" | wc -l)" = 1
	wp_cli set-option loyalty_engine_settings examples/shop.json
	code=$(http admin "$STACK_DIR/page.html" "$page")
	check "the settings page renders for the admin (HTTP $code)" test "$code" = 200
	check "no WooCommerce notice once WooCommerce is there" test -z "$(grep -l 'Loyalty Engine needs WooCommerce' "$STACK_DIR/page.html")"
	check "the page says which engine runs: $mode" grep -q "Engine: $mode " "$STACK_DIR/page.html"
	check "the saved settings are in the textarea, escaped" grep -q "&#039;VIP&#039; in groups or spent &gt;= 100000" "$STACK_DIR/page.html"
	nonce=$(sed -n 's/.*name="_wpnonce" value="\([0-9a-f]*\)".*/\1/p' "$STACK_DIR/page.html" | head -n 1)
	check "the form carries settings_fields()'s nonce" test -n "$nonce"

	echo "-- 3. settings POSTs"
	local before
	before=$(option_md5)
	code=$(post_settings admin "$STACK_DIR/post.html" "$STACK_DIR/xss.json")
	check "admin without a nonce: refused (HTTP $code), the settings unchanged" test "$code" = 403 -a "$(option_md5)" = "$before"
	code=$(post_settings admin "$STACK_DIR/post.html" "$STACK_DIR/xss.json" -d _wpnonce=0123456789)
	check "admin with a forged nonce: refused (HTTP $code), the settings unchanged" test "$code" = 403 -a "$(option_md5)" = "$before"
	check "an editor logs in" login editor editor-password
	out=$(curl -sS -b "$(jar editor)" "$url/wp-admin/index.php?loyalty_test_nonce=loyalty_engine-options")
	code=$(http editor "$STACK_DIR/editor-page.html" "$page")
	check "the editor (no manage_woocommerce) may not open the page (HTTP $code)" test "$code" = 403
	code=$(post_settings editor "$STACK_DIR/post.html" "$STACK_DIR/xss.json" -d "_wpnonce=${out#nonce:}")
	check "the editor with his own valid nonce: refused (HTTP $code), the settings unchanged" test "$code" = 403 -a "$(option_md5)" = "$before"
	code=$(post_settings admin "$STACK_DIR/post.html" "$STACK_DIR/xss.json" -d "_wpnonce=$nonce")
	check "admin with the page's nonce: saved (HTTP $code, back to the page)" grep -q '^Location: .*page=loyalty-engine.*settings-updated=true' "$STACK_DIR/post.html.headers"
	check "... byte for byte (quotes and < kept, no slashes added)" test "$(wp_cli option loyalty_engine_settings)" = "$(cat "$STACK_DIR/xss.json")"
	code=$(http admin "$STACK_DIR/page.html" "$page")
	check "the stored <script> label renders escaped, never raw (HTTP $code)" \
		test "$(grep -o '&lt;script&gt;alert(1)&lt;/script&gt;' "$STACK_DIR/page.html" | wc -l)" -ge 2 -a -z "$(grep -l '<script>alert(1)' "$STACK_DIR/page.html")"
	before=$(option_md5)
	code=$(post_settings admin "$STACK_DIR/post.html" "$STACK_DIR/broken.json" -d "_wpnonce=$nonce")
	out=$(sed -n 's/^Location: \(.*\)\r$/\1/p' "$STACK_DIR/post.html.headers")
	code=$(http admin "$STACK_DIR/page.html" "${out/#\//$url/}")
	check "settings that do not compile: not saved, the error shown with its path and column, the draft kept" \
		test "$(option_md5)" = "$before" -a -n "$(grep -l 'segments.vip: unexpected end of expression at column 9' "$STACK_DIR/page.html")" \
		-a -n "$(grep -l '{&quot;segments&quot;: {&quot;vip&quot;: &quot;orders &gt;&quot;}}' "$STACK_DIR/page.html")"
	code=$(post_settings admin "$STACK_DIR/post.html" examples/shop.json -d "_wpnonce=$nonce" -d loyalty_engine_keep_data=1)
	check "admin ticks 'keep the points when the plugin is deleted': saved with the settings" \
		test "$(wp_cli option loyalty_engine_keep_data)" = 1 -a "$(wp_cli option loyalty_engine_settings)" = "$(cat examples/shop.json)"
	code=$(http admin "$STACK_DIR/page.html" "$page")
	check "... and the box shows ticked" grep -q 'name="loyalty_engine_keep_data" value="1" checked' "$STACK_DIR/page.html"

	echo "-- 4. WP-Cron"
	wp_checks cron-prep
	code=$(curl -sS -o /dev/null -w '%{http_code}' "$url/wp-cron.php")
	for i in $(seq 100); do # wp-cron.php may answer before it runs the events
		[ "$(wp_cli option loyalty_test_mails)" = "" ] || break
		sleep 0.1
	done
	sleep 0.3
	wp_checks cron-check
	wp_checks cron-deactivate

	echo "-- 5. the ledger on \$wpdb: earned once; two checkouts of one customer at once"
	wp_checks earn-once
	for i in $(seq "$races"); do
		read -r c o1 o2 < <(wp_cli race-prep 100)
		start=$(awk -v t="$(date +%s.%N)" 'BEGIN { printf "%.3f", t + 0.8 }')
		LOYALTY_TEST_SLOW_CUSTOMER=200000 wp_cli race "$c" "$o1" "$start" "$o1" "$o2" >"$STACK_DIR/race1.txt" 2>&1 &
		local p1=$!
		LOYALTY_TEST_SLOW_CUSTOMER=200000 wp_cli race "$c" "$o2" "$start" "$o1" "$o2" >"$STACK_DIR/race2.txt" 2>&1 &
		local p2=$!
		wait "$p1" "$p2" || true
		echo "   round $i: $(tr '\n' ';' <"$STACK_DIR/race1.txt") $(tr '\n' ';' <"$STACK_DIR/race2.txt")"
		wp_checks race-verify "$c" 100 "$o1" "$o2"
	done
	read -r c o1 o2 < <(wp_cli race-prep 100)
	# another connection holds the customer's lock for 3 s; the checkout starts 0.8 s in: it waits about 2.2 s
	start=$(awk -v t="$(date +%s.%N)" 'BEGIN { printf "%.3f", t + 0.8 }')
	stack_sql "SELECT GET_LOCK('loyalty-engine-wp_$c', 0), SLEEP(3), RELEASE_LOCK('loyalty-engine-wp_$c')" >/dev/null &
	local holder=$!
	out=$(wp_cli race "$c" "$o1" "$start" "$o1" 2>&1)
	wait "$holder"
	check "a checkout waits for the customer's GET_LOCK held by another connection, then spends: $out" \
		awk -v s="$(echo "$out" | sed -n 's/.*checkout \([0-9.]*\) s.*/\1/p')" -v o="$out" 'BEGIN { exit !(s >= 1.5 && o ~ /spent 100,/) }'

	echo "-- 6. uninstall"
	wp_checks uninstall keep
	wp_checks uninstall drop

	local logged
	logged=$(cat "$STACK_DIR/wp-debug.log" "$STACK_DIR/php-errors.log" 2>/dev/null | grep -E 'loyalty-engine/|PHP Fatal' || true)
	check "no PHP error, warning or notice from the plugin in the logs" test -z "$logged"
	[ -z "$logged" ] || echo "$logged" | head -n 20
	rm -f "$STACK_DIR/wp-debug.log" "$STACK_DIR/php-errors.log"
	echo "-- $mode: $(($(date +%s) - t0)) s"
}

for m in $modes; do
	run_mode "$m"
done
mode=all
echo "wordpress: $(($(date +%s) - t_start)) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
