#!/usr/bin/env bash
# Installs the Debian packages given as arguments that are not installed yet (as root, or with
# sudo); nothing when all are there. Used by setup.sh, setup-stack.sh and matrix.sh.
set -euo pipefail

missing=""
for p in "$@"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo"
	echo "Installing:$missing" >&2
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
