# Sourced by the scripts that run the phpt suite (test.sh, test-polyfill.sh, sanitize.sh).

# pdo_sqlite for the examples that use a database (Debian builds it as a shared module):
# the run-tests arguments that load it, in the array `sqlite` (empty when it is built in).
ext_dir=$(php-config --extension-dir)
sqlite=()
if [ -f "$ext_dir/pdo_sqlite.so" ]; then
	sqlite=(-d "extension=$ext_dir/pdo.so" -d "extension=$ext_dir/pdo_sqlite.so")
	# pdo_mysql too, for the MariaDB tests of Engine::sql() (tests/sql, run under scripts/mariadb.sh)
	if [ -f "$ext_dir/pdo_mysql.so" ] && [ -f "$ext_dir/mysqlnd.so" ]; then
		sqlite+=(-d "extension=$ext_dir/mysqlnd.so" -d "extension=$ext_dir/pdo_mysql.so")
	fi
fi

# One count of run-tests' summary in a log: phpt_count passed|failed|leaked|skipped LOG (empty when absent).
phpt_count() {
	sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$2" | tail -n 1
}
