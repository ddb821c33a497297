#!/usr/bin/env bash
# The campaign export and the expiry cron over MariaDB, on a MariaDB of our own (scripts/stack.sh:
# its own datadir, socket and port 3408, stopped on exit):
#   - examples/campaign.php --dsn=... writes the same CSV from MariaDB as from SQLite, for the same
#     EXPORT_CUSTOMERS (default 1000000) seeded customers;
#   - bench/campaign_mariadb.php reads the customers streamed through filter(), streamed without
#     the engine (how much of the time is the database), and with PDO's buffered default: rows/s
#     and peak memory of each, the same ids found;
#   - examples/expiry-cron.php over MariaDB says what it says over SQLite (sample ledgers), then
#     runs over EXPORT_LEDGERS (default EXPORT_CUSTOMERS) generated ledgers: time and peak memory.
# CI runs it with EXPORT_CUSTOMERS=20000. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${EXPORT_CUSTOMERS:-1000000}
ledgers=${EXPORT_LEDGERS:-$customers}
now=2026-11-22

bash scripts/setup.sh
bash scripts/build.sh
source scripts/stack.sh
stack_install
stack_init
passed=0
failed=0
check() { # message, command...
	local message=$1
	shift
	if "$@"; then passed=$((passed + 1)); echo "ok: $message"; else failed=$((failed + 1)); echo "FAIL: $message"; fi
}
STACK_DB_POOL=${STACK_DB_POOL:-1G} stack_mariadb
stack_php_ini >"$STACK_DIR/php.ini"
echo "extension = pdo_sqlite" >>"$STACK_DIR/php.ini"
mkdir -p "$STACK_DIR/conf.d"
php_cli() { PHP_INI_SCAN_DIR="$STACK_DIR/conf.d" php -c "$STACK_DIR/php.ini" -d opcache.enable_cli=0 "$@"; }
# peak memory of a whole script, on stderr
echo '<?php fprintf(STDERR, "peak memory %.1f MB\n", memory_get_peak_usage() / 1048576);' >"$STACK_DIR/peak.php"
dsn="mysql:unix_socket=$STACK_DIR/mysqld.sock;dbname=shop"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# 1. the campaign's CSV, from SQLite and from MariaDB
t0=$(date +%s%N)
php_cli examples/campaign.php --customers="$customers" --db="$STACK_DIR/shop.sqlite" --out="$STACK_DIR/sqlite.csv" \
	--now="$now" --progress=0 2>"$STACK_DIR/sqlite.err"
t1=$(date +%s%N)
php_cli -d auto_append_file="$STACK_DIR/peak.php" examples/campaign.php --customers="$customers" --dsn="$dsn" \
	--out="$STACK_DIR/mariadb-create.csv" --now="$now" --progress=0 2>"$STACK_DIR/mariadb-create.err"
t2=$(date +%s%N)
php_cli -d auto_append_file="$STACK_DIR/peak.php" examples/campaign.php --dsn="$dsn" --out="$STACK_DIR/mariadb.csv" \
	--now="$now" --progress=0 2>"$STACK_DIR/mariadb.err"
t3=$(date +%s%N)
echo "exports: SQLite created and exported in $(seconds "$t0" "$t1") s: $(cat "$STACK_DIR/sqlite.err")"
echo "exports: MariaDB created and exported in $(seconds "$t1" "$t2") s"
echo "exports: MariaDB exported in $(seconds "$t2" "$t3") s: $(tr '\n' ' ' <"$STACK_DIR/mariadb.err")"
rows=$(( $(wc -l <"$STACK_DIR/mariadb.csv") - 1 ))
same_csv() { [ "$rows" -gt 0 ] && cmp -s "$STACK_DIR/sqlite.csv" "$STACK_DIR/mariadb.csv" && cmp -s "$STACK_DIR/sqlite.csv" "$STACK_DIR/mariadb-create.csv"; }
check "campaign: the same CSV from MariaDB as from SQLite ($rows customers of $customers)" same_csv

# 2. where the time goes, and the memory
for mode in iterate engine buffered; do
	php_cli bench/campaign_mariadb.php "$dsn" "$mode" "$now" | tee "$STACK_DIR/$mode.json"
done
field() { php -r 'echo json_decode(file_get_contents($argv[1]), true)[$argv[2]];' "$STACK_DIR/$1.json" "$2"; }
agree() {
	[ "$(field iterate rows)" = "$customers" ] && [ "$(field engine rows)" = "$customers" ] && [ "$(field buffered rows)" = "$customers" ] &&
		[ "$(field engine ids_crc)" = "$(field buffered ids_crc)" ] && [ "$(field engine found)" = "$rows" ]
}
check "campaign: streamed, iterated and buffered reads see every customer, and filter() finds the CSV's customers" agree
echo "exports: streamed through filter() $(field engine rows_per_s) rows/s, $(field engine peak_mb) MB;" \
	"streamed without the engine $(field iterate rows_per_s) rows/s, $(field iterate peak_mb) MB;" \
	"buffered through filter() $(field buffered rows_per_s) rows/s, $(field buffered peak_mb) MB"
flat() { awk -v s="$(field engine peak_mb)" -v b="$(field buffered peak_mb)" -v n="$customers" 'BEGIN { exit !(n < 100000 || s < b) }'; }
check "campaign: the streamed read peaks below the buffered one" flat

# 3. the expiry cron: the sample ledgers say the same on both databases, then many ledgers
php_cli examples/expiry-cron.php "$STACK_DIR/cron.sqlite" "$now" | tail -n +2 | sed 's/coupon LTY-[A-Z0-9-]*/coupon LTY-.../' >"$STACK_DIR/cron-sqlite.txt"
php_cli examples/expiry-cron.php "$dsn" "$now" | tail -n +2 | sed 's/coupon LTY-[A-Z0-9-]*/coupon LTY-.../' >"$STACK_DIR/cron-mariadb.txt"
same_cron() { [ -s "$STACK_DIR/cron-sqlite.txt" ] && cmp -s "$STACK_DIR/cron-sqlite.txt" "$STACK_DIR/cron-mariadb.txt"; }
check "cron: the same warnings, coupons and balances over MariaDB as over SQLite" same_cron
stack_sql 'DROP TABLE customer_ledger'
php_cli bench/cron_ledgers.php "$dsn" "$ledgers" "$now"
t0=$(date +%s%N)
php_cli -d auto_append_file="$STACK_DIR/peak.php" examples/expiry-cron.php "$dsn" "$now" >"$STACK_DIR/cron.txt" 2>"$STACK_DIR/cron.err"
t1=$(date +%s%N)
balances=$(grep -c '^  customer ' "$STACK_DIR/cron.txt")
echo "exports: cron over $ledgers ledgers in $(seconds "$t0" "$t1") s ($(awk -v n="$ledgers" -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", n / ((b - a) / 1e9) }') ledgers/s):" \
	"$(grep -c '^  mail .* expire' "$STACK_DIR/cron.txt") warnings, $(grep -c '^  mail .* coupon' "$STACK_DIR/cron.txt") coupons, $(cat "$STACK_DIR/cron.err")"
check "cron: every ledger read once ($balances of $ledgers)" test "$balances" = "$ledgers"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
