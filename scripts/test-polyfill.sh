#!/usr/bin/env bash
# The phpt suite on the pure-PHP polyfill, without the extension (called by
# `scripts/test.sh --polyfill [paths]`); ends with "N passed, N failed, N skipped".
# The tests are copied to a scratch tree (beside symlinks to the rest of the checkout, so that
# relative paths still work) with `loyalty` dropped from their --EXTENSIONS--, and run with
# auto_prepend_file=scripts/polyfill-prepend.php. Extension-only tests skip themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

[ $# -gt 0 ] || set -- tests
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for entry in "$root"/* "$root"/.[!.]*; do
	[ -e "$entry" ] || continue
	name=$(basename "$entry")
	[ "$name" = tests ] || [ "$name" = .git ] || ln -s "$entry" "$scratch/$name"
done
mkdir "$scratch/tests"
(cd "$root/tests" && find . -type f \( -name '*.phpt' -o -name '*.inc' -o -name '*.php' -o -name '*.json' \) -print0 \
	| while IFS= read -r -d '' f; do
		mkdir -p "$scratch/tests/$(dirname "$f")"
		case "$f" in
			*.phpt)
				# drop `loyalty` from --EXTENSIONS--, and the section when nothing is left in it
				awk '
					{ lines[NR] = $0 }
					END {
						for (i = 1; i <= NR; i++) {
							if (lines[i] ~ /^--[A-Z_]+--$/) section = lines[i]
							if (section == "--EXTENSIONS--" && lines[i] == "loyalty") continue
							if (lines[i] == "--EXTENSIONS--" && (i == NR || lines[i + 1] ~ /^--[A-Z_]+--$/ \
									|| (lines[i + 1] == "loyalty" && (i + 1 == NR || lines[i + 2] ~ /^--[A-Z_]+--$/)))) continue
							print lines[i]
						}
					}
				' "$f" > "$scratch/tests/$f"
				;;
			*) cp "$f" "$scratch/tests/$f" ;;
		esac
	done)

source "$root/scripts/phpt-lib.sh"   # $sqlite, phpt_count

paths=()
for p in "$@"; do
	p=${p#"$root"/}
	paths+=("$scratch/${p#./}")
done

log=$(mktemp)
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1
set +e
php "$root/run-tests.php" -n -d auto_prepend_file="$root/scripts/polyfill-prepend.php" "${sqlite[@]}" \
	-p "$(command -v php)" -q --show-diff "${paths[@]}" 2>&1 | sed "s#$scratch/#$root/#g" | tee "$log"
set -e
passed=$(phpt_count passed "$log")
failed=$(phpt_count failed "$log")
leaked=$(phpt_count leaked "$log")
skipped=$(phpt_count skipped "$log")
rm -f "$log"
passed=${passed:-0}
failed=$(( ${failed:-0} + ${leaked:-0} ))
echo "${passed} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed}" -gt 0 ] && [ "$failed" = 0 ]
