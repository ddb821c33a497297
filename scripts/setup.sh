#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine (as root, or with sudo).
# Skips the install when everything is already there.
set -euo pipefail

# Every command the scripts run is in Debian's base system (debootstrap --variant=minbase) or in
# these packages (or what apt installs with them): scripts/check-commands.sh checks it.
packages="php8.2-dev php8.2-cli php8.2-sqlite3 re2c valgrind php-parser clang libclang-rt-14-dev binutils php-pear
	git procps apache2-utils composer zip unzip"
missing=""
for p in $packages; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo"
	echo "Installing:$missing" >&2
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
