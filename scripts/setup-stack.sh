#!/usr/bin/env bash
# Installs the shop's stack used by scripts/soak.sh, scripts/campaign-mariadb.sh and the WordPress
# tests (as root, or with sudo): nginx, PHP-FPM, MariaDB, PDO MySQL, WordPress. Services are not
# started by this script; scripts/stack.sh starts instances of its own.
set -euo pipefail

# scripts/check-commands.sh counts these with scripts/setup.sh's.
packages="nginx php8.2-fpm mariadb-server mariadb-client php8.2-mysql php8.2-curl wordpress curl"
# shellcheck disable=SC2086 # one word a package
bash "$(dirname "$0")/apt-install.sh" $packages
