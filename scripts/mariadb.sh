#!/usr/bin/env bash
# Runs a command with a MariaDB server of its own, then stops that server:
#   bash scripts/mariadb.sh COMMAND [ARGS...]
# The server is scripts/stack.sh's (its own temporary data directory, socket and port:
# LOYALTY_MYSQL_PORT, 3407 by default), so that it never meets the system's mariadb service nor
# another instance; in strict SQL modes, as the SQL of Engine::sql() must run there.
# STACK_DB_POOL sets InnoDB's buffer pool (64M by default: enough for the tests; bench/sql.php's
# 1,000,000 customers want 1G, see bench/README.md#sql).
# The command sees LOYALTY_MYSQL_SOCKET (connect as root through it) and LOYALTY_MYSQL_PORT.
# Installs mariadb-server and php8.2-mysql when they are missing (as root, with network).
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: bash scripts/mariadb.sh COMMAND [ARGS...]" >&2
	exit 2
fi
bash "$(dirname "$0")/apt-install.sh" mariadb-server mariadb-client php8.2-mysql
source "$(dirname "$0")/stack.sh"
STACK_DB_PORT=${LOYALTY_MYSQL_PORT:-3407}
stack_init
STACK_DB_POOL=${STACK_DB_POOL:-64M} stack_mariadb --skip-log-bin \
	--sql-mode=STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_IN_DATE,ONLY_FULL_GROUP_BY

export LOYALTY_MYSQL_SOCKET="$STACK_DIR/mysqld.sock" LOYALTY_MYSQL_PORT="$STACK_DB_PORT"
set +e
"$@"
rc=$?
set -e
exit $rc
