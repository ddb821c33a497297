#!/usr/bin/env bash
# Instructions per operation with the extension, counted by callgrind (stable on noisy
# machines, unlike timings), and the share spent in the glue (ext/), the core (src/),
# and the rest (PHP itself, libc). Two runs of N1 and N2 operations: the difference
# removes start-up and the workload's own set-up.
#   bash bench/callgrind.sh [evaluate|evaluate+read|segmentsOf|inSegment|backtest|filter]
#   bash bench/callgrind.sh evaluate@3000      many rules apply: 3,000 advantages over 100 segments
#   bash bench/callgrind.sh inline@100000     100,000 advantages, each with its own inline segment
#   CG_N1=1 CG_N2=3 bash bench/callgrind.sh compile@30000x10000   compile, 30,000 advantages, 10,000 segments
#   CG_OPCACHE=0 bash bench/callgrind.sh           without opcache (on by default, as in production)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f modules/loyalty.so ] || bash scripts/build.sh
op=${1:-evaluate}
n1=${CG_N1:-200} n2=${CG_N2:-1200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
collect=()
# opcache on, as shops run PHP (its interned strings are not the extension's: CG_OPCACHE=0 counts without it)
opcache=()
[ "${CG_OPCACHE:-1}" = 1 ] && opcache=(-d zend_extension="$(php-config --extension-dir)/opcache.so" -d opcache.enable_cli=1)
# filter: only inside Engine::filter() (making the rows costs far more than filtering them)
[ "$op" = filter ] && collect=(--toggle-collect=zim_Loyalty_Engine_filter)
run() { # N -> callgrind output file
	USE_ZEND_ALLOC=1 valgrind --tool=callgrind "${collect[@]}" --callgrind-out-file="$work/cg.$1" \
		php -n "${opcache[@]}" -d extension_dir="$PWD/modules" -d extension=loyalty.so -d loyalty.cache_size=0 -d memory_limit=2G bench/callgrind_evaluate.php "$1" "$op" >/dev/null 2>&1
}
run $n1
run $n2
# Ir per function, self cost, sorted into glue (functions of ext/*.c), core (src/*/*.c) and
# the rest (PHP itself, libc), by the symbol names of the built objects.
nm --defined-only ext/.libs/*.o | awk 'NF == 3 && $2 ~ /[tT]/ { print $3 }' | sort -u > "$work/glue"
nm --defined-only src/*/.libs/*.o | awk 'NF == 3 && $2 ~ /[tT]/ { print $3 }' | sort -u > "$work/core"
shares() {
	callgrind_annotate --inclusive=no --threshold=100 "$1" 2>/dev/null | awk -v gl="$work/glue" -v co="$work/core" '
		BEGIN { while ((getline s < gl) > 0) glue_fn[s] = 1; while ((getline s < co) > 0) core_fn[s] = 1 }
		/^ *[0-9,]+ .*:/ && !/PROGRAM TOTALS/ {
			n = $1; gsub(",", "", n)
			f = $0; sub(/^ *[0-9,]+ +(\([ 0-9.%]+\) +)?/, "", f); sub(/ \[.*$/, "", f)
			sub(/^.*:/, "", f); sub(/'"'"'[0-9]+$/, "", f)
			# by name: callgrind names some of loyalty.so'"'"'s functions without their object
			if (f in core_fn && ($0 ~ /loyalty\.so\]/ || $0 !~ /\]$/)) core += n
			else if ($0 ~ /loyalty\.so\]/ || (f in glue_fn && $0 !~ /\]$/)) glue += n
			else other += n
		}
		END { printf "%d %d %d\n", glue, core, other }'
}
read -r g1 c1 o1 < <(shares "$work/cg.$n1")
read -r g2 c2 o2 < <(shares "$work/cg.$n2")
per() { echo $(( ($2 - $1) / (n2 - n1) )); }
glue=$(per "$g1" "$g2"); core=$(per "$c1" "$c2"); other=$(per "$o1" "$o2")
total=$(( glue + core + other ))
printf '{"operation": "%s", "instructions_per_op": %d, "glue": %d, "core": %d, "php_and_libc": %d, "glue_share": %.2f, "core_share": %.2f}\n' \
	"$op" "$total" "$glue" "$core" "$other" "$(awk -v a="$glue" -v t="$total" 'BEGIN { print a / t }')" "$(awk -v a="$core" -v t="$total" 'BEGIN { print a / t }')"
