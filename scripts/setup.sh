#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine (as root, or with sudo).
# Skips the install when everything is already there.
set -euo pipefail

# Every command the scripts run is in Debian's base system (debootstrap --variant=minbase) or in
# these packages (or what apt installs with them): scripts/check-commands.sh checks it.
packages="php8.2-dev php8.2-cli php8.2-sqlite3 re2c valgrind php-parser clang libclang-rt-14-dev binutils php-pear
	git procps apache2-utils composer zip unzip"
# shellcheck disable=SC2086 # one word a package
bash "$(dirname "$0")/apt-install.sh" $packages
