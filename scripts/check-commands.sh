#!/usr/bin/env bash
# Checks that every command the scripts run (scripts/*.sh, .ci/run, bench/*.sh, Makefile.frag,
# the tests that shell out) is in Debian's base system (debootstrap --variant=minbase) or in a
# package scripts/setup.sh or scripts/setup-stack.sh installs, so that the README's commands work on a
# bare Debian.
# Ends with "N passed, N failed" (one line per command); `--list` shows where each one is run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs what it checks for first (a command is found, and its package known, once installed):
# setup.sh's and setup-stack.sh's packages, and the test matrix's host packages (debootstrap, ...),
# which on a fresh machine scripts/matrix.sh installs only later in CI.
if [ "${1:-}" != "--list" ]; then
	bash scripts/setup.sh
	bash scripts/setup-stack.sh
	bash scripts/matrix.sh --host-packages
fi
exec php -n scripts/check-commands.php "$@"
