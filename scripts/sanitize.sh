#!/usr/bin/env bash
# Builds the extension with -fsanitize=address,undefined in a scratch copy of the tree and
# runs the phpt suite with it (USE_ZEND_ALLOC=0, ASan's runtime preloaded since PHP is not
# instrumented). Any ASan/UBSan report fails the run. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
source scripts/phpt-lib.sh   # phpt_count
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# safe.directory: the checkout may belong to another user than the one running CI (root in a container)
git -c safe.directory="$root" ls-files -z | xargs -0 -I{} cp --parents {} "$work"
cp -r tests "$work"   # tests not committed yet run too
cd "$work"
phpize >/dev/null 2>&1
CFLAGS="-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	LDFLAGS="-fsanitize=address,undefined" ./configure --enable-loyalty >/dev/null
make -s -j"$(nproc)" >/dev/null 2>&1
cc -shared -fPIC -o dlopen_shim.so tests/sanitize/dlopen_shim.c -ldl

export USE_ZEND_ALLOC=0 NO_INTERACTION=1
# PHP frees some memory only at exit: leaks are valgrind's job (scripts/test.sh --valgrind).
export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=0:abort_on_error=0:halt_on_error=1:log_path=$work/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$work/ubsan"
preload="$work/dlopen_shim.so $(cc -print-file-name=libasan.so) $(cc -print-file-name=libubsan.so)"
log="$work/run.log"
set +e
TEST_PHP_EXTRA_ARGS="" LD_PRELOAD="$preload" php run-tests.php -n -d extension_dir="$work/modules" \
	-d extension=loyalty.so "${sqlite[@]}" -p "$(command -v php)" -q --show-diff "${@:-tests}" >"$log" 2>&1
set -e
# The failed tests, with their diffs.
sed -n '/^FAILED TEST SUMMARY/,/^=====/p' "$log"
grep -E -A30 '^========DIFF========' "$log" | head -200 || true
passed=$(phpt_count passed "$log")
failed=$(phpt_count failed "$log")
reports=$(cat "$work"/asan.* "$work"/ubsan.* 2>/dev/null | grep -cE 'ERROR: AddressSanitizer|runtime error' || true)
if [ "$reports" != 0 ]; then
	for f in "$work"/asan.* "$work"/ubsan.*; do [ -f "$f" ] && head -30 "$f"; done
fi
echo "sanitizers: ${reports} report(s)"
echo "${passed:-0} passed, $(( ${failed:-0} + reports )) failed"
[ "${passed:-0}" -gt 0 ] && [ "${failed:-0}" = 0 ] && [ "$reports" = 0 ]
