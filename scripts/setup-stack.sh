#!/usr/bin/env bash
# Installs the shop's stack used by scripts/soak.sh, scripts/campaign-mariadb.sh and the WordPress
# tests (as root, or with sudo): nginx, PHP-FPM, MariaDB, PDO MySQL, WordPress. Services are not
# started by this script; scripts/stack.sh starts instances of its own.
set -euo pipefail

# scripts/check-commands.sh counts these with scripts/setup.sh's.
packages="nginx php8.2-fpm mariadb-server mariadb-client php8.2-mysql php8.2-curl wordpress curl"
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
