#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (clang, ASan + UBSan, the C core only, no PHP)
# and runs each for FUZZ_SECONDS (60 by default) on a scratch copy of its seed corpus, so
# that CI never writes into the repository. tests/fuzz/README.md tells how to reproduce a crash.
#   bash scripts/fuzz.sh                        the four fuzzers, 60 s each
#   FUZZ_SECONDS=3600 bash scripts/fuzz.sh      a longer local run
#   bash scripts/fuzz.sh fuzz_evaluate          one of them
#   FUZZ_WORK=/tmp/fz bash scripts/fuzz.sh      keep binaries, corpus copies and logs there
# Prints each fuzzer's total executions and executions per second (libFuzzer's final stats),
# then "N passed, N failed" (a fuzzer passes when it found nothing); exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

seconds=${FUZZ_SECONDS:-60}
keep=${FUZZ_WORK:+1}
work=${FUZZ_WORK:-$(mktemp -d /tmp/loyalty-fuzz.XXXXXX)}
mkdir -p "$work"
cc=$(command -v clang || command -v clang-14)
flags=(-std=c11 -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer)

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_expression fuzz_settings fuzz_evaluate fuzz_json)

# Longest input per fuzzer: expressions a little past the 4 KiB source limit, settings larger.
max_len() {
	case $1 in
		fuzz_expression) echo 4200 ;;
		fuzz_settings) echo 8192 ;;
		fuzz_json) echo 8192 ;;
		*) echo 4096 ;;
	esac
}

passed=0
failed=0
for t in "${targets[@]}"; do
	log="$work/$t.log"
	if ! nice "$cc" "${flags[@]}" src/*/*.c "tests/fuzz/$t.c" -o "$work/$t" -lm >"$log" 2>&1; then
		echo "$t: FAILED to build"
		cat "$log"
		failed=$((failed + 1))
		continue
	fi
	rm -rf "$work/corpus/$t"
	mkdir -p "$work/corpus"
	cp -r "tests/fuzz/corpus/$t" "$work/corpus/$t"
	args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=25 -max_len="$(max_len "$t")"
		-artifact_prefix="$work/$t-")
	[ -f "tests/fuzz/$t.dict" ] && args+=(-dict="$root/tests/fuzz/$t.dict")
	(cd "$work" && nice "./$t" "${args[@]}" "corpus/$t") >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	crash=$(ls "$work/$t"-crash-* "$work/$t"-leak-* "$work/$t"-timeout-* "$work/$t"-oom-* 2>/dev/null | head -n 1)
	if [ "$rc" = 0 ] && [ -z "$crash" ]; then
		echo "$t: passed, ${execs:-?} executions, ${rate:-?} executions/s in ${seconds} s"
		passed=$((passed + 1))
	else
		keep=1
		echo "$t: FAILED (exit $rc), ${execs:-?} executions, ${rate:-?} executions/s"
		grep -v -E '^(#[0-9]+|")' "$log" | tail -n 40
		if [ -n "$crash" ]; then
			echo "$t: input kept in $crash; reproduce with: FUZZ_VERBOSE=1 $work/$t $crash"
		fi
		failed=$((failed + 1))
	fi
done

if [ -z "$keep" ]; then
	rm -rf "$work"
else
	echo "binaries, corpus copies and logs in $work"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
