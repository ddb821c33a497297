#!/usr/bin/env bash
# The shop's stack for the soak, the MariaDB exports and the WordPress tests: our own MariaDB,
# PHP-FPM and nginx, each with its config files, data and sockets in one temporary folder and
# on ports of our own, so that a system service or another engineer's MariaDB on this machine is
# neither used nor disturbed. Sourced by scripts (`source scripts/stack.sh`), then:
#
#   stack_install                  apt-get install what is missing (scripts/setup-stack.sh)
#   stack_init                     the temporary folder ($STACK_DIR) and a trap that stops
#                                  exactly what stack_* started and removes the folder
#                                  (kept with STACK_KEEP=1), on any exit
#   stack_mariadb [OPTION...]      mariadbd on 127.0.0.1:$STACK_DB_PORT (3408) and $STACK_DIR/mysqld.sock,
#                                  a fresh --datadir from mariadb-install-db, database `shop`;
#                                  extra mariadbd options may follow
#   stack_fpm WORKERS [INI...]     php-fpm8.2, pm static, opcache on, the extension from modules/
#                                  (or none with STACK_LOYALTY=polyfill), on $STACK_DIR/fpm.sock;
#                                  extra php.ini lines may follow; STACK_FPM_POOL: extra pool lines
#   stack_nginx ROOT               nginx on 127.0.0.1:$STACK_HTTP_PORT (8089), PHP files to FPM
#   stack_fpm_reload               SIGUSR2 to FPM's master (graceful with process_control_timeout)
#   stack_sql SQL                  the mariadb client on our socket, database shop
#   stack_workers                  the pids of FPM's workers
#   stack_rss                      their resident memory, KiB, summed
#
# Every server's pid is written to a file in $STACK_DIR; stack_stop sends TERM to those pids only.

STACK_DB_PORT=${STACK_DB_PORT:-3408}
STACK_HTTP_PORT=${STACK_HTTP_PORT:-8089}
STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

stack_install() {
	bash "$STACK_ROOT/scripts/setup-stack.sh"
}

stack_init() {
	STACK_DIR=$(mktemp -d /tmp/loyalty-stack.XXXXXX)
	chmod 755 "$STACK_DIR"
	trap 'stack_stop; [ -n "${STACK_KEEP:-}" ] || rm -rf "$STACK_DIR"' EXIT
}

stack_stop() {
	local name pid
	for name in nginx fpm mariadb; do
		[ -f "$STACK_DIR/$name.pid" ] || continue
		pid=$(cat "$STACK_DIR/$name.pid")
		kill "$pid" 2>/dev/null || continue
		for _ in $(seq 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
	done
}

stack_wait() { # what, command...: retries the command for up to 30 s
	local what=$1
	shift
	for _ in $(seq 300); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "stack: $what did not start" >&2
	return 1
}

stack_sql() {
	mariadb --no-defaults --socket="$STACK_DIR/mysqld.sock" -uroot --batch --skip-column-names shop -e "$1"
}

stack_mariadb() { # extra mariadbd options...
	local d=$STACK_DIR
	mariadb-install-db --no-defaults --datadir="$d/db" --user=root --auth-root-authentication-method=normal \
		--skip-test-db >"$d/mariadb-install.log" 2>&1 || { cat "$d/mariadb-install.log" >&2; return 1; }
	# InnoDB as a shop's server has it (flush at every commit); a buffer pool for 1M customers.
	mariadbd --no-defaults --datadir="$d/db" --socket="$d/mysqld.sock" --port="$STACK_DB_PORT" \
		--bind-address=127.0.0.1 --user=root --pid-file="$d/mysqld.pid" --log-error="$d/mysqld.log" \
		--innodb-buffer-pool-size="${STACK_DB_POOL:-512M}" --max-connections=200 --skip-name-resolve \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci "$@" >>"$d/mysqld.out" 2>&1 &
	echo $! >"$d/mariadb.pid"
	stack_wait MariaDB mariadb --no-defaults --socket="$d/mysqld.sock" -uroot -e 'SELECT 1' || { cat "$d/mysqld.log" >&2; return 1; }
	mariadb --no-defaults --socket="$d/mysqld.sock" -uroot -e 'CREATE DATABASE shop'
}

stack_php_ini() { # the php.ini of our FPM pool (and of the CLI scripts that talk to our stack)
	echo "date.timezone = UTC"
	echo "memory_limit = 256M"
	echo "extension = mysqlnd"
	echo "extension = pdo"
	echo "extension = pdo_mysql"
	echo "extension = curl"
	echo "zend_extension = opcache"
	echo "opcache.enable = 1"
	echo "opcache.enable_cli = 1"
	echo "opcache.validate_timestamps = 1"
	if [ "${STACK_LOYALTY:-extension}" = extension ]; then
		echo "extension = $STACK_ROOT/modules/loyalty.so"
	fi
	echo "pdo_mysql.default_socket = $STACK_DIR/mysqld.sock"
}

stack_fpm() { # workers, extra ini lines...
	local d=$STACK_DIR workers=$1 line
	shift
	mkdir -p "$d/conf.d"
	{
		stack_php_ini
		for line in "$@"; do echo "$line"; done
	} >"$d/php.ini"
	cat >"$d/php-fpm.conf" <<EOF
[global]
pid = $d/fpm.master.pid
error_log = $d/fpm.log
log_level = notice
; a reload (SIGUSR2) waits this long for the requests in flight; FPM's default, 0, kills them
process_control_timeout = ${STACK_FPM_CONTROL_TIMEOUT:-10s}
daemonize = no

[shop]
user = root
group = root
listen = $d/fpm.sock
listen.backlog = 511
pm = static
pm.max_children = $workers
pm.max_requests = 0
catch_workers_output = yes
decorate_workers_output = no
clear_env = yes
env[STACK_DIR] = $d
php_admin_value[error_log] = $d/php-errors.log
php_admin_flag[log_errors] = on
${STACK_FPM_POOL:-}
EOF
	PHP_INI_SCAN_DIR="$d/conf.d" php-fpm8.2 --allow-to-run-as-root -c "$d/php.ini" -y "$d/php-fpm.conf" >>"$d/fpm.out" 2>&1 &
	echo $! >"$d/fpm.pid"
	stack_wait PHP-FPM test -S "$d/fpm.sock" || { cat "$d/fpm.log" >&2; return 1; }
}

stack_nginx() { # document root
	local d=$STACK_DIR root=$1
	mkdir -p "$d/nginx"
	cat >"$d/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $d/nginx.master.pid;
error_log $d/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $d/nginx/body;
	fastcgi_temp_path $d/nginx/fastcgi;
	proxy_temp_path $d/nginx/proxy;
	uwsgi_temp_path $d/nginx/uwsgi;
	scgi_temp_path $d/nginx/scgi;
	types { text/plain txt; text/html html; }
	server {
		listen 127.0.0.1:$STACK_HTTP_PORT;
		root $root;
		location ~ \.php\$ {
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
			fastcgi_pass unix:$d/fpm.sock;
		}
	}
}
EOF
	nginx -e "$d/nginx-error.log" -c "$d/nginx.conf" -p "$d/nginx" &
	echo $! >"$d/nginx.pid"
	stack_wait nginx curl -sS -o /dev/null "http://127.0.0.1:$STACK_HTTP_PORT/" || { cat "$d/nginx-error.log" >&2; return 1; }
}

stack_fpm_reload() {
	kill -USR2 "$(cat "$STACK_DIR/fpm.pid")"
}

stack_workers() {
	pgrep -P "$(cat "$STACK_DIR/fpm.pid")" || true
}

stack_rss() {
	local total=0 pid
	for pid in $(stack_workers); do
		total=$(( total + $(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0) ))
	done
	echo "$total"
}
