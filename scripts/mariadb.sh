#!/usr/bin/env bash
# Runs a command with a MariaDB server of its own, then stops that server:
#   bash scripts/mariadb.sh COMMAND [ARGS...]
# The server has its own temporary data directory, socket and port (LOYALTY_MYSQL_PORT, 3407 by
# default), so that it never meets the system's mariadb service nor another engineer's instance.
# The command sees LOYALTY_MYSQL_SOCKET (connect as root through it) and LOYALTY_MYSQL_PORT.
# Installs mariadb-server and php8.2-mysql when they are missing (as root, with network).
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: bash scripts/mariadb.sh COMMAND [ARGS...]" >&2
	exit 2
fi
if ! command -v mariadbd >/dev/null 2>&1 || ! php -m | grep -qi '^pdo_mysql$'; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server php8.2-mysql >/dev/null
fi

port=${LOYALTY_MYSQL_PORT:-3407}
dir=$(mktemp -d /tmp/loyalty-mariadb.XXXXXX)
socket="$dir/mysqld.sock"
pid=""

stop() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid"
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -rf "$dir"
}
trap stop EXIT

mariadb-install-db --no-defaults --datadir="$dir/data" --user=root --auth-root-authentication-method=socket \
	--skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
mariadbd --no-defaults --datadir="$dir/data" --socket="$socket" --port="$port" --bind-address=127.0.0.1 \
	--user=root --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --innodb-buffer-pool-size=64M \
	--skip-log-bin --sql-mode=STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_IN_DATE,ONLY_FULL_GROUP_BY &
pid=$!
for _ in $(seq 1 150); do
	[ -S "$socket" ] && break
	kill -0 "$pid" 2>/dev/null || { cat "$dir/error.log" >&2; exit 1; }
	sleep 0.2
done
[ -S "$socket" ] || { echo "mariadb.sh: the server did not start" >&2; cat "$dir/error.log" >&2; exit 1; }

export LOYALTY_MYSQL_SOCKET="$socket" LOYALTY_MYSQL_PORT="$port"
set +e
"$@"
rc=$?
set -e
exit $rc
