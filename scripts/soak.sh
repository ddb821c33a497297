#!/usr/bin/env bash
# Soak test (not part of the default suite): PHP's built-in server with several workers on
# 127.0.0.1 serves tests/soak/checkout.php with the extension; ab sends a bounded number of
# requests (SOAK_REQUESTS, default 200000). Reports requests/s, failed requests (must be 0)
# and the workers' resident memory before and after (growth must stay under 1%).
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${SOAK_REQUESTS:-200000}
warmup=${SOAK_WARMUP:-20000}
workers=${SOAK_WORKERS:-2}
port=${SOAK_PORT:-18080}

bash scripts/setup.sh
bash scripts/build.sh

log=$(mktemp)
PHP_CLI_SERVER_WORKERS=$workers php -n -d extension="$PWD/modules/loyalty.so" -d opcache.enable_cli=0 \
	-S 127.0.0.1:"$port" -t tests/soak >"$log" 2>&1 &
server=$!
trap 'pkill -P $server 2>/dev/null || true; kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do
	curl -fsS "http://127.0.0.1:$port/checkout.php?n=1" >/dev/null 2>&1 && break
	sleep 0.1
done

rss() { # resident KiB of the server's worker processes, summed
	local total=0 pid
	for pid in $(pgrep -P "$server"); do
		total=$(( total + $(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status) ))
	done
	echo "$total"
}

# Our server must be the one answering (a port left busy by another would fake the result).
if ! kill -0 "$server" 2>/dev/null || [ -z "$(pgrep -P "$server")" ]; then
	echo "soak: the server did not start on 127.0.0.1:$port"; cat "$log"
	echo "0 passed, 1 failed"; exit 1
fi
ab -q -n "$warmup" -c 8 "http://127.0.0.1:$port/checkout.php?n=7" >/dev/null
before=$(rss)
out=$(ab -n "$requests" -c 8 "http://127.0.0.1:$port/checkout.php?n=42")
after=$(rss)
rps=$(echo "$out" | awk '/^Requests per second/ {print $4}')
failed=$(echo "$out" | awk '/^Failed requests/ {print $3}')
non2xx=$(echo "$out" | awk '/^Non-2xx responses/ {print $3}')
complete=$(echo "$out" | awk '/^Complete requests/ {print $3}')
growth=$(awk -v b="$before" -v a="$after" 'BEGIN { printf "%.2f", (a - b) * 100 / b }')
echo "soak: $complete requests, ${rps} requests/s, ${failed} failed, ${non2xx:-0} non-2xx"
echo "soak: workers' RSS ${before} KiB before, ${after} KiB after (${growth}%)"
ok=1
[ "$complete" = "$requests" ] && [ "$failed" = 0 ] && [ "${non2xx:-0}" = 0 ] && [ "$before" -gt 0 ] || ok=0
awk -v g="$growth" 'BEGIN { exit !(g < 1.0) }' || ok=0
[ "$ok" = 1 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
