#!/usr/bin/env bash
# Instructions per Ledger append with the extension, counted by callgrind (stable on noisy
# machines, unlike timings): only inside the earn/grant/spend methods (what they call
# included, the benchmark's loop and set-up left out), over the appends of
# bench/ledger_backdated.php, per expiry setting and order.
#   bash bench/callgrind_ledger.sh                 20,000 appends
#   BENCH_ENTRIES=2000 LEDGER_EXT_DIR=/path/to/modules bash bench/callgrind_ledger.sh   another build
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f modules/loyalty.so ] || bash scripts/build.sh
n=${BENCH_ENTRIES:-20000}
ext_dir=${LEDGER_EXT_DIR:-$PWD/modules}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for settings in ${BENCH_SETTINGS:-rolling rolling_pending per_lot per_lot_pending none}; do
	for order in ${BENCH_ORDERS:-time random}; do
		BENCH_NO_POLYFILL=1 BENCH_ENTRIES=$n BENCH_ORDERS=$order BENCH_SETTINGS=$settings USE_ZEND_ALLOC=1 \
			valgrind --tool=callgrind --callgrind-out-file="$work/cg" --toggle-collect='zim_Loyalty_Ledger_earn' \
			--toggle-collect='zim_Loyalty_Ledger_grant' --toggle-collect='zim_Loyalty_Ledger_spend' \
			php -n -d extension_dir="$ext_dir" -d extension=loyalty.so -d memory_limit=4G bench/ledger_backdated.php >/dev/null 2>&1
		ir=$(callgrind_annotate "$work/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
		printf '{"settings": "%s", "order": "%s", "appends": %d, "instructions_per_append": %d}\n' "$settings" "$order" "$n" $((ir / n))
	done
done
