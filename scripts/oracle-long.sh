#!/usr/bin/env bash
# The long run of the independent-oracle differential: 1,000,000 cases against the extension and
# the polyfill (a few minutes on one core; nice'd). Extra arguments go to the script
# (e.g. --seed=7 --show=20 --against=polyfill). Without modules/loyalty.so, the polyfill alone.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=()
[ -f modules/loyalty.so ] && ext=(-d extension=modules/loyalty.so)
exec nice php "${ext[@]}" scripts/differential_oracle.php --cases=1000000 --quiet "$@"
