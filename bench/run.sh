#!/usr/bin/env bash
# Runs the benchmarks (not tests) with the extension built in modules/ and, when
# polyfill/ exists, the pure-PHP polyfill in the same process, under opcache with the
# tracing JIT as production shops run PHP. Prints one JSON document per benchmark.
#   bash bench/run.sh                     all of them
#   bash bench/run.sh typical scaling     some of them
#   BENCH_CUSTOMERS=100000 BENCH_SIZES=10,1000 bash bench/run.sh   smaller runs
#   bash bench/callgrind.sh               instructions per evaluate (stable on noisy machines)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f modules/loyalty.so ] || bash scripts/build.sh
php_args=(-n -d extension_dir="$PWD/modules" -d extension=loyalty.so -d memory_limit=4G
	-d zend_extension="$(php-config --extension-dir)/opcache.so" -d opcache.enable_cli=1 -d opcache.jit=tracing -d opcache.jit_buffer_size=128M)
for name in "${@:-typical filter compile scaling}"; do
	for script in $name; do
		php "${php_args[@]}" "bench/$script.php"
	done
done
