#!/usr/bin/env bash
# Builds modules/loyalty.so with phpize. LOYALTY_DEV=0 builds without the developer flags
# (strict warnings, -Werror, lexer regeneration), as pecl install does.
set -euo pipefail
cd "$(dirname "$0")/.."

dev_flag="--enable-loyalty-dev"
[ "${LOYALTY_DEV:-1}" = 0 ] && dev_flag=""
stamp="modules/.configured${dev_flag:+-dev}"
if [ ! -f Makefile ] || [ ! -f "$stamp" ] || [ config.m4 -nt "$stamp" ]; then
	phpize >/dev/null 2>&1
	./configure --enable-loyalty $dev_flag ${LOYALTY_CONFIGURE_FLAGS:-} >/dev/null
	mkdir -p modules
	rm -f modules/.configured*
	touch "$stamp"
fi
make -s -j"$(nproc)" >/dev/null
