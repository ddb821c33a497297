#!/usr/bin/env bash
# Builds the extension and runs the phpt suite; ends with "N passed, N failed".
#   scripts/test.sh              the whole suite
#   scripts/test.sh --valgrind   the same under valgrind memcheck (USE_ZEND_ALLOC=0, run-tests -m)
#   scripts/test.sh tests/expr   one folder or file
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

args=(-q --show-diff)
if [ "${1:-}" = "--valgrind" ]; then
	args+=(-m)
	shift
fi
[ $# -gt 0 ] || set -- tests
log=$(mktemp)
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1
set +e
php run-tests.php -n -d extension_dir="$PWD/modules" -d extension=loyalty.so \
	-p "$(command -v php)" "${args[@]}" "$@" 2>&1 | tee "$log"
set -e
passed=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
leaked=$(sed -n 's/^Tests leaked *: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
skipped=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
rm -f "$log"
failed=$(( ${failed:-0} + ${leaked:-0} ))
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] && [ "$failed" = 0 ]
