#!/usr/bin/env bash
# Soak test on the shop's real stack: nginx -> PHP-FPM 8.2 (pm static, opcache on, the extension)
# -> MariaDB, all three our own instances (scripts/stack.sh: own config, sockets and ports, stopped
# on exit). tests/soak/checkout.php reads the settings in force from a table, a customer row and
# the customer's ledger, evaluates a cart and writes the order and its ledger entries in one
# transaction. ab sends:
#   1. SOAK_REQUESTS (default 200000) checkouts of random customers, 8 at a time, after a warm-up;
#      the FPM workers' RSS at the start, the middle and the end (growth must stay under 1%);
#   2. SOAK_CHANGE_REQUESTS (default a tenth of them) during which a new settings version is
#      published and FPM is reloaded SOAK_RELOADS times (default 3): no request may fail;
#   3. SOAK_HOT_REQUESTS (default 1000) checkouts of one customer, 8 at a time, each asking for
#      1,000,000,000 points;
# then tests/soak/verify.php checks the database against the engine (ledgers replay, sums, spend
# bounded by the balance, answers evaluated again, the switch of settings version).
# Other knobs: SOAK_WORKERS (4), SOAK_CUSTOMERS (10000), SOAK_CONCURRENCY (8), STACK_HTTP_PORT (8089),
# STACK_DB_PORT (3408), STACK_FPM_CONTROL_TIMEOUT (10s; 0 shows the checkouts a reload drops).
# Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${SOAK_REQUESTS:-200000}
warmup=$(( requests / 20 > 2000 ? requests / 20 : 2000 ))
warmup=${SOAK_WARMUP:-$warmup}
change_requests=$(( requests / 10 > 10000 ? requests / 10 : 10000 ))
change_requests=${SOAK_CHANGE_REQUESTS:-$change_requests}
reloads=${SOAK_RELOADS:-3}
hot_requests=${SOAK_HOT_REQUESTS:-1000}
workers=${SOAK_WORKERS:-4}
customers=${SOAK_CUSTOMERS:-10000}
concurrency=${SOAK_CONCURRENCY:-8}

bash scripts/setup.sh
bash scripts/build.sh
source scripts/stack.sh
stack_install
stack_init
passed=0
failed=0
check() { # message, command...: one check passed when the command succeeds
	local message=$1
	shift
	if "$@"; then passed=$((passed + 1)); echo "ok: $message"; else failed=$((failed + 1)); echo "FAIL: $message"; fi
}

stack_mariadb
export STACK_DIR
php_cli() { PHP_INI_SCAN_DIR="$STACK_DIR/conf.d" php -c "$STACK_DIR/php.ini" "$@"; }
STACK_FPM_POOL="env[SOAK_CUSTOMERS] = $customers" stack_fpm "$workers"
php_cli tests/soak/admin.php setup "$customers" >/dev/null
stack_nginx "$PWD/tests/soak"
url="http://127.0.0.1:$STACK_HTTP_PORT"
for _ in $(seq 100); do
	curl -fsS "$url/checkout.php" >/dev/null 2>&1 && break
	sleep 0.1
done
echo "soak: nginx on 127.0.0.1:$STACK_HTTP_PORT, $workers FPM workers, MariaDB on 127.0.0.1:$STACK_DB_PORT, $customers customers"
orders() { stack_sql 'SELECT COUNT(*) FROM orders'; }

ab_run() { # output file, requests, url: ab in the background; sets ab_pid
	ab -k -q -n "$2" -c "$concurrency" -s 60 "$3" >"$1" 2>&1 &
	ab_pid=$!
}
ab_field() { # file, label awk pattern, field
	awk -v p="$2" -v f="$3" '$0 ~ p {print $f; exit}' "$1"
}
ab_check() { # file, requests, what: 0 failed, 0 non-2xx, all complete
	local complete failed_n non2xx
	complete=$(ab_field "$1" '^Complete requests' 3)
	failed_n=$(ab_field "$1" '^Failed requests' 3)
	non2xx=$(ab_field "$1" '^Non-2xx responses' 3)
	echo "soak: $3: ${complete:-0} requests, ${failed_n:-?} failed, ${non2xx:-0} non-2xx," \
		"$(ab_field "$1" '^Requests per second' 4) requests/s," \
		"p50 $(ab_field "$1" '^  50%' 2) ms, p99 $(ab_field "$1" '^  99%' 2) ms"
	[ "${ab_rc:-0}" = 0 ] && [ "${complete:-0}" = "$2" ] && [ "${failed_n:-1}" = 0 ] && [ "${non2xx:-0}" = 0 ]
}
ab_wait() { # ab's exit status lands in ab_rc (ab_check reads its output)
	ab_rc=0
	wait "$ab_pid" || ab_rc=$?
}
wait_orders() { # until the orders table holds this many rows, or ab ended
	while kill -0 "$ab_pid" 2>/dev/null && [ "$(orders)" -lt "$1" ]; do sleep 0.5; done
}

# 1. the soak
ab -k -q -n "$warmup" -c "$concurrency" "$url/checkout.php" >/dev/null
start=$(orders)
rss_start=$(stack_rss)
pids_before=$(stack_workers | sort | tr '\n' ' ')
ab_run "$STACK_DIR/ab-soak.txt" "$requests" "$url/checkout.php"
wait_orders $(( start + requests / 2 ))
rss_middle=$(stack_rss)
ab_wait
rss_end=$(stack_rss)
check "soak: $requests checkouts through nginx and PHP-FPM, none failed" ab_check "$STACK_DIR/ab-soak.txt" "$requests" "soak"
growth=$(awk -v b="$rss_start" -v a="$rss_end" 'BEGIN { printf "%.2f", (a - b) * 100 / b }')
echo "soak: FPM workers' RSS ${rss_start} KiB at the start, ${rss_middle} KiB in the middle, ${rss_end} KiB at the end (${growth}%)"
same_workers() { [ "$(stack_workers | sort | tr '\n' ' ')" = "$pids_before" ] && awk -v g="$growth" 'BEGIN { exit !(g < 1.0) }'; }
check "soak: the same $workers workers throughout, RSS growth ${growth}% < 1%" same_workers

cache_report() { # the cache figures of each worker, through status.php (requests land on any worker)
	for _ in $(seq $(( workers * 20 ))); do curl -fsS "$url/status.php"; done | sort -u |
		php -r '$w = []; while (($l = fgets(STDIN)) !== false) { $s = json_decode($l, true); $w[$s["pid"]] = $s; }
			ksort($w); foreach ($w as $pid => $s) printf("  worker %d: %s %s, %d programs cached, %d hits, %d misses\n",
				$pid, $s["implementation"], $s["version"], $s["programs"], $s["hits"], $s["misses"]);'
}
echo "soak: compiled-program cache per worker (Loyalty\\cache_status()):"
cache_report | tee "$STACK_DIR/cache-1.txt"
compiled_once() { [ "$(grep -c 'programs cached' "$1")" = "$workers" ] && ! grep -qv ', 1 misses$' "$1"; }
check "soak: each worker compiled the settings once, then its cache answered" compiled_once "$STACK_DIR/cache-1.txt"

# 2. a settings change and FPM reloads while checkouts go on
start=$(orders)
ab_run "$STACK_DIR/ab-change.txt" "$change_requests" "$url/checkout.php"
step=$(( change_requests / (reloads + 2) ))
wait_orders $(( start + step ))
version=$(php_cli tests/soak/admin.php publish)
echo "soak: settings version $version published after $(( $(orders) - start )) checkouts"
for i in $(seq "$reloads"); do
	wait_orders $(( start + step * (i + 1) ))
	stack_fpm_reload
	echo "soak: FPM reload $i after $(( $(orders) - start )) checkouts"
done
ab_wait
check "soak: a settings change and $reloads FPM reloads (process_control_timeout ${STACK_FPM_CONTROL_TIMEOUT:-10s}) under load, no checkout failed" \
	ab_check "$STACK_DIR/ab-change.txt" "$change_requests" "settings change and $reloads reloads"
answer=$(curl -fsS "$url/checkout.php" || true)
echo "soak: after the change, a checkout answers: $answer"
check "soak: the answers come from settings version $version" test "${answer:0:6}" = "$(printf 'v%05d' "$version")"
echo "soak: compiled-program cache per worker after the reloads:"
cache_report | tee "$STACK_DIR/cache-2.txt"

# 3. parallel checkouts of one customer, each asking for every point
ab_run "$STACK_DIR/ab-hot.txt" "$hot_requests" "$url/checkout.php?customer=1&use_points=1000000000"
ab_wait
check "soak: $hot_requests parallel checkouts of one customer, none failed" \
	ab_check "$STACK_DIR/ab-hot.txt" "$hot_requests" "one customer, $concurrency at a time"

# 4. the database against the engine, and the logs
php_cli tests/soak/verify.php | tee "$STACK_DIR/verify.txt" || true
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$STACK_DIR/verify.txt" || echo "0 passed, 1 failed")
passed=$(( passed + $(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p') ))
failed=$(( failed + $(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p') ))
errors=0
[ ! -f "$STACK_DIR/php-errors.log" ] || errors=$(wc -l <"$STACK_DIR/php-errors.log")
[ "$errors" = 0 ] || head -n 5 "$STACK_DIR/php-errors.log"
check "soak: PHP's error log is empty ($errors lines)" test "$errors" = 0
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
