#!/usr/bin/env bash
# Checks that every command the scripts run (scripts/*.sh, .ci/run, bench/*.sh, Makefile.frag,
# the tests that shell out) is in Debian's base system (debootstrap --variant=minbase) or in a
# package scripts/setup.sh or scripts/setup-stack.sh installs, so that the README's commands work on a
# bare Debian.
# Ends with "N passed, N failed" (one line per command); `--list` shows where each one is run.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "${1:-}" = "--list" ] || { bash scripts/setup.sh && bash scripts/setup-stack.sh; }
exec php -n scripts/check-commands.php "$@"
