#!/usr/bin/env bash
# Builds the extension and runs the phpt suite; ends with "N passed, N failed".
#   scripts/test.sh              the whole suite
#   scripts/test.sh --valgrind   the same under valgrind memcheck (USE_ZEND_ALLOC=0, run-tests -m)
#   scripts/test.sh tests/expr   one folder or file
#   scripts/test.sh --polyfill [paths]   the phpt suite on the pure-PHP polyfill (no extension)
# The PHP is the first php/phpize/php-config on the PATH. LOYALTY_SETUP=0 skips scripts/setup.sh
# (the chroots of scripts/matrix.sh have their own packages); LOYALTY_CORE_CFLAGS is added to the
# C core tests' flags (the matrix's portable cell: -DLTY_CHECKED_PORTABLE).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--polyfill" ]; then
	shift
	exec bash scripts/test-polyfill.sh "$@"
fi

[ "${LOYALTY_SETUP:-1}" = 0 ] || bash scripts/setup.sh
bash scripts/build.sh

args=(-q --show-diff)
if [ "${1:-}" = "--valgrind" ]; then
	args+=(-m -d pcre.jit=0)
	shift
fi
[ $# -gt 0 ] || set -- tests
# C unit tests of the core, under ASan and UBSan (no PHP involved).
mkdir -p tests/c/.bin
cc -std=c11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer ${LOYALTY_CORE_CFLAGS:-} src/*/*.c tests/c/test_core.c -o tests/c/.bin/test_core -lm
c_line=$(tests/c/.bin/test_core | tail -n 1) || true
echo "C core tests: $c_line"
c_passed=$(echo "$c_line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
c_failed=$(echo "$c_line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
[ -n "$c_passed" ] || { c_passed=0; c_failed=1; }

source scripts/phpt-lib.sh   # $sqlite, phpt_count

log=$(mktemp)
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1
set +e
php run-tests.php -n -d extension_dir="$PWD/modules" -d extension=loyalty.so "${sqlite[@]}" \
	-p "$(command -v php)" "${args[@]}" "$@" 2>&1 | tee "$log"
set -e
passed=$(phpt_count passed "$log")
failed=$(phpt_count failed "$log")
leaked=$(phpt_count leaked "$log")
skipped=$(phpt_count skipped "$log")
rm -f "$log"
passed=$(( ${passed:-0} + c_passed ))
failed=$(( ${failed:-0} + ${leaked:-0} + c_failed ))
echo "${passed} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed}" -gt 0 ] && [ "$failed" = 0 ]
