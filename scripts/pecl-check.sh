#!/usr/bin/env bash
# Packs the PECL tarball with `pecl package` (it must not warn) and installs it with
# `pecl install` from the file, offline, into a scratch root, with re2c hidden from PATH as on
# a shop server; then loads the installed module and runs a smoke check.
# Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# safe.directory: the checkout may belong to another user than the one running CI (root in a container)
git -c safe.directory="$root" ls-files -z | xargs -0 -I{} cp --parents {} "$work"
cd "$work"

passed=0
failed=0
check() { # name, status
	if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

# The release date is the day the tarball is made.
sed -i "s#<date>[^<]*</date>#<date>$(date -u +%Y-%m-%d)</date>#" package.xml
out=$(pecl package package.xml 2>&1) || true
echo "$out" | tail -n 3
tarball=$(ls loyalty-*.tgz 2>/dev/null | head -n 1)
[ -n "$tarball" ]; check "pecl package builds $tarball" $?
! echo "$out" | grep -qi "warning"; check "pecl package gives no warning" $?

# A PATH without re2c, as on a shop server: the generated scanner in the tarball must do.
mkdir -p bin
for tool in /usr/bin/* /usr/sbin/*; do
	case "$(basename "$tool")" in re2c) ;; *) ln -sf "$tool" "bin/$(basename "$tool")" 2>/dev/null || true ;; esac
done
# Nothing goes into the system: a scratch PEAR configuration (registry, temp dirs), and a
# php-config whose --prefix and --extension-dir are scratch too (pecl installs the module
# where they say).
installroot="$work/root"
pear config-create "$installroot" "$work/pearrc" >/dev/null
mkdir -p "$installroot/ext"
rm -f bin/php-config
cat > bin/php-config <<WRAPPER
#!/bin/sh
case "\$1" in
	--extension-dir) echo "$installroot/ext" ;;
	--prefix) echo "$installroot" ;;
	*) exec /usr/bin/php-config "\$@" ;;
esac
WRAPPER
chmod +x bin/php-config
start=$(date +%s)
set +e
env PATH="$work/bin" bash -c 'command -v re2c >/dev/null && exit 3; pecl -c "$1" install --offline "$2"' _ \
	"$work/pearrc" "$work/$tarball" > pecl-install.log 2>&1
status=$?
set -e
[ "$status" = 0 ] || tail -n 30 pecl-install.log
check "pecl install --offline of the tarball without re2c on PATH ($(( $(date +%s) - start )) s)" $status
so=$(find "$installroot" -name loyalty.so | head -n 1)
[ -n "$so" ]; check "the module is installed ($so)" $?
smoke=$(php -n -d extension="$so" -r '
$e = new Loyalty\Engine(["segments" => ["vip" => "orders >= 5"]]);
echo phpversion("loyalty"), " ", json_encode($e->segmentsOf(["orders" => 6], 0)), "\n";' 2>&1)
echo "smoke: $smoke"
[ "$smoke" = "$(php -r 'preg_match("#<release>([^<]+)</release>#", file_get_contents("package.xml"), $m); echo $m[1];') [\"all\",\"customers\",\"loyal\",\"vip\"]" ]
check "the installed module loads and answers" $?
echo "tarball: $tarball, $(du -k "$tarball" | cut -f1) KiB"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
