#!/usr/bin/env bash
# The test matrix (issue 19): the suite on the PHP builds a shop may run besides the host's
# Debian PHP 8.2 NTS x86-64 (scripts/test.sh). One cell per argument, each ending with its own
# "N passed, N failed"; with no argument, every cell, then the sum. `--host-packages` installs
# what the cells need on the host, and nothing else.
#   php84      PHP 8.4 NTS: a Debian trixie chroot (debootstrap) with php8.4-dev; the whole suite,
#              on the extension and on the pure-PHP polyfill
#   i386       32-bit: a Debian bookworm i386 chroot with php8.2-dev; the whole suite, C tests included
#   zts        PHP 8.2 ZTS + debug, built from Debian's php8.2 source package; the whole suite,
#              any leak the debug allocator reports fails the cell
#   threads    tests/threads/host.c, a threaded host on that build's embed SAPI (as FrankenPHP runs
#              PHP): pthreads running requests that compile settings and evaluate, leaks fail
#   portable   the host's PHP, built with --enable-loyalty-portable-arith (no overflow builtins)
#   pedantic   every src/**/*.c through gcc -std=c11 -pedantic -Werror, native and -m32; no
#              __int128, no compiler builtin outside src/base/lty_checked.h
# Runs as root (debootstrap, chroot, mount). What it makes, the chroots and the PHP build, is kept
# under $LOYALTY_MATRIX_CACHE (/var/cache/loyalty-matrix) and made again when it is missing or its
# recipe changed; each cell tests a fresh copy of this tree (the files git knows or would add).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cache=${LOYALTY_MATRIX_CACHE:-/var/cache/loyalty-matrix}
mirror=${LOYALTY_MATRIX_MIRROR:-http://deb.debian.org/debian}

# What the cells need on the host besides scripts/setup.sh's packages (check-commands.php reads
# this line too).
packages="debootstrap xz-utils gcc-multilib pkg-config libsqlite3-dev"

# The packages of each chroot: PHP and what the suite runs (nm for tests/build/globals.phpt).
php84_packages="php8.4-dev php8.4-cli php8.4-sqlite3 gcc make libc6-dev binutils"
i386_packages="php8.2-dev php8.2-cli php8.2-sqlite3 gcc make libc6-dev binutils"

# The ZTS + debug PHP: the SAPIs and extensions the suite and the threaded host use.
zts_prefix=$cache/php-8.2-zts-debug
zts_configure="--enable-zts --enable-debug --disable-all --enable-cli --enable-embed --disable-cgi
	--disable-phpdbg --without-pear --enable-pdo --with-pdo-sqlite --enable-ctype --enable-tokenizer"

mounted=()
unmount_all() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
	done
	mounted=()
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

# Removes a directory this script made, never while something is mounted under it.
remove_tree() {
	if awk -v d="$1" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
		echo "$1: something is still mounted under it, not removed" >&2
		return 1
	fi
	rm -rf --one-file-system "$1"
}

# A fresh copy of this tree in $1: tracked files and untracked ones that are not ignored (no build outputs).
copy_tree() {
	remove_tree "$1"
	mkdir -p "$1"
	# (a file deleted but not yet committed is listed and skipped)
	git -C "$root" ls-files -z --cached --others --exclude-standard \
		| (cd "$root" && tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$1" -xf -
}

host_packages() {
	bash scripts/setup.sh
	# shellcheck disable=SC2086 # one word a package
	bash scripts/apt-install.sh $packages
}

# A command in chroot $1 (its /proc mounted), with a clean environment; setarch gives the
# chroot's own architecture to uname (configure asks it).
in_chroot() {
	local dir=$1 arch
	shift
	arch=$(cat "$dir/.arch")
	setarch "$arch" chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive LOYALTY_SETUP=0 "$@"
}

mount_proc() {
	mount -t proc proc "$1/proc"
	mounted+=("$1/proc")
}

# $cache/NAME: debootstrap SUITE for ARCH (i386 or amd64) with PACKAGES, unless it is there
# already with the same recipe. Made in NAME.new and renamed when complete.
make_chroot() {
	local name=$1 suite=$2 arch=$3 packages=$4
	local dir=$cache/$name recipe="debootstrap --variant=minbase --arch=$arch $suite; apt-get install $packages"
	if [ -f "$dir/.recipe" ] && [ "$(cat "$dir/.recipe")" = "$recipe" ]; then
		return 0
	fi
	echo "making $dir ($recipe), log in $cache/$name.log"
	mkdir -p "$cache"
	remove_tree "$dir.new"
	if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$dir.new" "$mirror" >"$cache/$name.log" 2>&1; then
		tail -n 20 "$cache/$name.log"
		return 1
	fi
	if [ "$arch" = i386 ]; then echo i686 >"$dir.new/.arch"; else echo x86_64 >"$dir.new/.arch"; fi
	cp /etc/resolv.conf "$dir.new/etc/resolv.conf"
	mount_proc "$dir.new"
	if ! { in_chroot "$dir.new" apt-get update -qq && in_chroot "$dir.new" apt-get install -y -qq --no-install-recommends $packages; } \
			>>"$cache/$name.log" 2>&1; then
		unmount_all
		tail -n 20 "$cache/$name.log"
		return 1
	fi
	in_chroot "$dir.new" apt-get clean
	unmount_all
	echo "$recipe" >"$dir.new/.recipe"
	remove_tree "$dir"
	mv "$dir.new" "$dir"
}

# The whole suite (scripts/test.sh) in chroot $cache/$1, on a fresh copy of the tree; then, with
# `polyfill`, the suite on the pure-PHP polyfill too (scripts/test.sh --polyfill), the counts added.
cell_chroot() {
	local dir=$cache/$1 rc=0 log line passed=0 failed=0 suite
	copy_tree "$dir/root/loyalty"
	mount_proc "$dir"
	log=$(mktemp)
	in_chroot "$dir" php -r 'echo "PHP ", PHP_VERSION, ", ", PHP_INT_SIZE * 8, "-bit, ", php_uname("m"), "\n";' || rc=$?
	for suite in "" ${2:+--polyfill}; do
		in_chroot "$dir" bash -c "cd /root/loyalty && bash scripts/test.sh $suite" 2>&1 | tee "$log" || rc=$?
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
		[ -n "$line" ] || line="0 passed, 1 failed"
		passed=$((passed + ${line%% passed*}))
		line=${line#* passed, }
		failed=$((failed + ${line%% failed*}))
	done
	rm -f "$log"
	unmount_all
	echo "$passed passed, $failed failed"
	[ "$rc" = 0 ] && [ "$failed" = 0 ]
}

cell_php84() {
	make_chroot trixie-amd64 trixie amd64 "$php84_packages"
	cell_chroot trixie-amd64 polyfill
}

cell_i386() {
	make_chroot bookworm-i386 bookworm i386 "$i386_packages"
	cell_chroot bookworm-i386
}

# $zts_prefix: PHP from Debian's php8.2 source package (the upstream tarball inside), ZTS +
# debug, unless it is there with the same recipe. The source comes through an apt
# configuration of our own (deb-src lines in $cache/apt), the host's sources untouched.
php_zts() {
	local recipe="$zts_configure" apt=$cache/apt src=$cache/php-8.2-src tarball
	recipe=$(echo $recipe)
	if [ -x "$zts_prefix/bin/php" ] && [ -f "$zts_prefix/.recipe" ] && [ "$(cat "$zts_prefix/.recipe")" = "$recipe" ]; then
		return 0
	fi
	echo "building $zts_prefix (./configure $recipe), log in $cache/php-8.2-zts-debug.log"
	mkdir -p "$apt/lists/partial" "$apt/archives/partial"
	printf 'deb-src %s bookworm main\n' "$mirror" >"$apt/sources.list"
	local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/none"
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache::Archives=$apt/archives" -o APT::Sandbox::User=root)
	apt-get "${opts[@]}" update -qq
	(cd "$apt" && apt-get "${opts[@]}" source --download-only -qq php8.2)
	tarball=$(ls -t "$apt"/php8.2_*.orig.tar.xz | head -n 1)
	remove_tree "$src"
	mkdir -p "$src"
	tar -C "$src" --strip-components=1 -xJf "$tarball"
	remove_tree "$zts_prefix"
	if ! (cd "$src" && ./configure --prefix="$zts_prefix" $zts_configure && make -j"$(nproc)" && make install) \
			>"$cache/php-8.2-zts-debug.log" 2>&1; then
		tail -n 30 "$cache/php-8.2-zts-debug.log"
		return 1
	fi
	echo "$recipe" >"$zts_prefix/.recipe"
	remove_tree "$src"
}

# Leak reports of the debug allocator in a log: the count of "memory leaks detected" totals
# (one per leaking request) and of single "Freeing" lines.
leak_lines() {
	grep -cE '=== Total [0-9]+ memory leaks detected ===|\) :  Freeing 0x' "$1" || true
}

cell_zts() {
	local work=$cache/work/zts log rc=0 leaks
	php_zts
	copy_tree "$work"
	log=$(mktemp)
	"$zts_prefix/bin/php" -r 'echo "PHP ", PHP_VERSION, ZEND_THREAD_SAFE ? " ZTS" : " NTS", ZEND_DEBUG_BUILD ? " debug" : "", "\n";'
	(cd "$work" && PATH="$zts_prefix/bin:$PATH" LOYALTY_SETUP=0 bash scripts/test.sh) 2>&1 | tee "$log" || rc=$?
	leaks=$(leak_lines "$log")
	rm -f "$log"
	if [ "$leaks" != 0 ]; then
		echo "the debug allocator reported leaks ($leaks lines above)"
		echo "0 passed, 1 failed"
		return 1
	fi
	return $rc
}

# tests/threads/host.c built in $1 (a copy of the tree with modules/loyalty.so) with the flags
# that follow, and run there; its output in $1/host.log.
run_host() {
	local dir=$1
	shift
	cc -std=gnu11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter -pthread "$@" \
		$("$zts_prefix/bin/php-config" --includes) "$dir/tests/threads/host.c" -o "$dir/tests/threads/host" \
		-L"$zts_prefix/lib" -lphp -ldl -Wl,-rpath,"$zts_prefix/lib"
	(cd "$dir" && TSAN_OPTIONS=halt_on_error=0 tests/threads/host --extension="$dir/modules/loyalty.so" \
		--threads=8 --requests=40 --cache-size=2 tests/threads/request.php) 2>&1 | tee "$dir/host.log"
}

# The threaded host, run twice: on the debug build, whose leak reports fail the cell; then with
# the extension and the host built with ThreadSanitizer (PHP itself is not instrumented, so TSan
# sees the extension's memory and the pthread locks), any report of which fails the cell.
cell_threads() {
	local work=$cache/work/threads rc=0 leaks races passed=0 failed=0 line
	php_zts
	copy_tree "$work"
	copy_tree "$work-tsan"
	(cd "$work" && PATH="$zts_prefix/bin:$PATH" bash scripts/build.sh)
	(cd "$work-tsan" && PATH="$zts_prefix/bin:$PATH" LOYALTY_DEV=0 CFLAGS="-fsanitize=thread -g -O1" \
		LDFLAGS=-fsanitize=thread bash scripts/build.sh)
	echo "-- debug allocator"
	run_host "$work" || rc=$?
	echo "-- ThreadSanitizer"
	run_host "$work-tsan" -fsanitize=thread -DLOYALTY_HOST_NO_DEEPBIND || rc=$?
	for line in $(cat "$work/host.log" "$work-tsan/host.log" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p'); do
		passed=$((passed + ${line%:*}))
		failed=$((failed + ${line#*:}))
	done
	leaks=$(leak_lines "$work/host.log")
	races=$(grep -c 'WARNING: ThreadSanitizer' "$work-tsan/host.log" || true)
	echo "debug allocator leak reports: $leaks, ThreadSanitizer reports: $races"
	[ "$leaks" = 0 ] && [ "$races" = 0 ] || failed=$((failed + 1))
	[ "$passed" -gt 0 ] && [ "$rc" = 0 ] || failed=$((failed + 1))
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

cell_portable() {
	local work=$cache/work/portable rc=0
	copy_tree "$work"
	(cd "$work" && LOYALTY_CONFIGURE_FLAGS=--enable-loyalty-portable-arith LOYALTY_CORE_CFLAGS=-DLTY_CHECKED_PORTABLE \
		bash scripts/test.sh) || rc=$?
	# the switch took: phpinfo() says which arithmetic the build has
	local info
	info=$(php -n -d extension="$work/modules/loyalty.so" -i)
	if ! grep -q '^Checked arithmetic => portable$' <<<"$info"; then
		echo "modules/loyalty.so was not built with the portable arithmetic"
		echo "0 passed, 1 failed"
		return 1
	fi
	return $rc
}

cell_pedantic() {
	local passed=0 failed=0 f flags
	for f in $(find src -name '*.c' | sort); do
		for flags in "-std=c11 -pedantic -Wall -Wextra -Werror" "-m32 -std=c11 -pedantic -Wall -Wextra -Werror" \
				"-m32 -std=c11 -pedantic -Wall -Wextra -Werror -DLTY_CHECKED_PORTABLE"; do
			if gcc $flags -c "$f" -o /dev/null; then
				passed=$((passed + 1))
			else
				failed=$((failed + 1))
				echo "FAILED: gcc $flags -c $f"
			fi
		done
	done
	if grep -rn --include='*.[ch]' --include='*.re' '__int128' src ext; then
		failed=$((failed + 1))
		echo "FAILED: __int128 above"
	else
		passed=$((passed + 1))
	fi
	if grep -rn --include='*.[ch]' --include='*.re' '__builtin_' src ext | grep -v '^src/\(.*/\)\?lty_checked.h:'; then
		failed=$((failed + 1))
		echo "FAILED: compiler builtins outside src/base/lty_checked.h above"
	else
		passed=$((passed + 1))
	fi
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

cells="php84 i386 zts threads portable pedantic"

# (a function, read whole before it runs: editing this file while it runs changes nothing)
main() {
	local cell log start rc line passed failed total_passed=0 total_failed=0 status=0
	if [ "${1:-}" = "--host-packages" ]; then # only what the cells need on the host (check-commands.sh)
		host_packages
		return
	fi
	[ $# -gt 0 ] || set -- $cells
	[ "$(id -u)" = 0 ] || { echo "scripts/matrix.sh runs as root (debootstrap, chroot, mount)" >&2; exit 1; }
	host_packages
	for cell in "$@"; do
		case " $cells " in
			*" $cell "*) ;;
			*) echo "unknown cell $cell (cells: $cells)" >&2; exit 1 ;;
		esac
		log=$(mktemp)
		start=$SECONDS
		echo "::: matrix $cell"
		set +e
		(set -e; trap unmount_all EXIT; "cell_$cell") 2>&1 | tee "$log"
		rc=${PIPESTATUS[0]}
		set -e
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
		rm -f "$log"
		passed=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
		failed=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p')
		[ -n "$line" ] || { passed=0; failed=1; }
		[ "$rc" = 0 ] || [ "$failed" != 0 ] || failed=1
		echo "::: matrix $cell: $((SECONDS - start)) s"
		total_passed=$((total_passed + passed))
		total_failed=$((total_failed + failed))
		[ "$failed" = 0 ] || status=1
	done
	echo "${total_passed} passed, ${total_failed} failed"
	exit $status
}

main "$@"
exit
