#!/usr/bin/env bash
# Installable the current ways (issue 19), offline; ends with "N passed, N failed".
#   1. composer validate of the PIE package (composer.json, "type": "php-ext") and of the
#      polyfill's package (polyfill/composer.json), with Debian's composer; then the checks of
#      scripts/composer_check.php (php-ext against config.m4, license, PHP versions)
#   2. a throw-away shop project requiring loyalty/polyfill through a path repository
#      (Packagist off, no network): composer install, then examples/checkout.php on it with no
#      extension loaded, its output compared with tests/examples/checkout.phpt's
#   3. the same project requiring ext-loyalty too: the polyfill's `provide` satisfies it
#   4. the polyfill as it is published (docs/polyfill.md): `git subtree split --prefix=polyfill`
#      of this checkout, installed from that repository as Packagist would serve it
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh   # Debian's composer among the rest

passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COMPOSER_HOME="$work/composer-home" COMPOSER_CACHE_DIR="$work/composer-cache" COMPOSER_DISABLE_NETWORK=1 \
	COMPOSER_NO_INTERACTION=1 COMPOSER_ALLOW_SUPERUSER=1

check() { # name, command...: the command's output is shown when it fails
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAILED: $name"
		echo "$out" | sed 's/^/    /' | tail -n 30
	fi
}

# Composer 2.5 does not know PIE's "php-ext" section: a publish warning, not an error;
# scripts/composer_check.php checks that section instead.
check "composer validate: composer.json (PIE)" composer validate --no-check-publish
check "composer validate --strict: polyfill/composer.json" composer validate --strict -d polyfill
php_checks=$(php -n scripts/composer_check.php 2>&1)
php_rc=$?
echo "$php_checks"
passed=$((passed + $(echo "$php_checks" | grep -c '^ok: ')))
failed=$((failed + $(echo "$php_checks" | grep -c '^FAILED: ')))
[ "$php_rc" = 0 ] || [ "$(echo "$php_checks" | grep -c '^FAILED: ')" != 0 ] || failed=$((failed + 1))

version=$(sed -n "s/^ *const VERSION = '\([^']*\)';.*/\1/p" polyfill/src/functions.php)
expected="$work/expected.txt"
sed -n '/^--EXPECT--$/,$p' tests/examples/checkout.phpt | sed 1d | php -n -r 'echo rtrim(stream_get_contents(STDIN)), "\n";' > "$expected"

# project DIR REPOSITORY REQUIRE...: a shop's composer.json requiring REQUIRE (name:constraint)
project() {
	local dir=$1 repository=$2 require="" r
	shift 2
	for r in "$@"; do
		require="$require${require:+, }\"${r%%:*}\": \"${r#*:}\""
	done
	mkdir -p "$dir"
	cat > "$dir/composer.json" <<-JSON
	{
	    "name": "shop/checkout",
	    "description": "A shop's checkout on the loyalty polyfill",
	    "require": { $require },
	    "repositories": [ $repository, { "packagist.org": false } ]
	}
	JSON
	cp examples/checkout.php examples/shop.json "$dir/"
}

# demo DIR: examples/checkout.php on the project's vendor/, without any extension (php -n)
demo() {
	local dir=$1
	php -n -d date.timezone=UTC -r 'exit(extension_loaded("loyalty") ? 1 : 0);' || return 1
	(cd "$dir" && php -n -d date.timezone=UTC -d auto_prepend_file=vendor/autoload.php checkout.php) > "$dir/out.txt" 2>&1 || {
		cat "$dir/out.txt"
		return 1
	}
	# as run-tests compares: trailing newlines aside
	diff -u "$expected" <(php -n -r 'echo rtrim(file_get_contents($argv[1])), "\n";' "$dir/out.txt")
}

installed() { # DIR: composer installed loyalty/polyfill at $version, with its bootstrap
	local dir=$1
	(cd "$dir" && composer show loyalty/polyfill | grep -q "^versions : \* $version$") || return 1
	(cd "$dir" && php -n -r 'require "vendor/autoload.php"; exit(Loyalty\VERSION === Loyalty\Polyfill\VERSION && !extension_loaded("loyalty") ? 0 : 1);')
}

path_repo="{ \"type\": \"path\", \"url\": \"$root/polyfill\", \"options\": { \"symlink\": false, \"versions\": { \"loyalty/polyfill\": \"$version\" } } }"
project "$work/path" "$path_repo" "loyalty/polyfill:$version"
check "path repository: composer install, offline" composer install -d "$work/path" --no-progress
check "path repository: loyalty/polyfill $version installed, Loyalty\\VERSION from it" installed "$work/path"
check "path repository: examples/checkout.php without the extension gives the test's output" demo "$work/path"

project "$work/provide" "$path_repo" "loyalty/polyfill:$version" "ext-loyalty:*"
check "ext-loyalty required beside the polyfill: its provide satisfies it" composer install -d "$work/provide" --no-progress
project "$work/missing" "$path_repo" "ext-loyalty:*"
check "ext-loyalty required alone: refused without the extension (the requirement is real)" \
	bash -c '! composer install -d "$1" --no-progress' _ "$work/missing"

# As published: the subtree split of polyfill/, tagged with the version, as a Git repository.
if git rev-parse --git-dir >/dev/null 2>&1; then
	split() {
		local commit
		git clone -q --no-local "$root" "$work/clone" &&
			commit=$(cd "$work/clone" && git subtree split -q --prefix=polyfill HEAD) &&
			git init -q --bare "$work/polyfill.git" &&
			(cd "$work/clone" && git push -q "$work/polyfill.git" "$commit:refs/heads/main" "$commit:refs/tags/$version") &&
			git --git-dir="$work/polyfill.git" cat-file -e "$version:composer.json" &&
			git --git-dir="$work/polyfill.git" cat-file -e "$version:LICENSE"
	}
	check "git subtree split --prefix=polyfill: a repository with composer.json and LICENSE at its root" split
	project "$work/split" "{ \"type\": \"vcs\", \"url\": \"$work/polyfill.git\" }" "loyalty/polyfill:^$version"
	# Composer refuses any Git operation when COMPOSER_DISABLE_NETWORK is set, a local one too:
	# Packagist stays off and the only repository is the local one, so nothing leaves the machine.
	check "split repository: composer install of the tag (Packagist off, a local repository)" \
		env -u COMPOSER_DISABLE_NETWORK composer install -d "$work/split" --no-progress
	check "split repository: loyalty/polyfill $version installed" installed "$work/split"
	check "split repository: examples/checkout.php without the extension gives the test's output" demo "$work/split"
else
	echo "skipped: the subtree split (not a Git checkout)"
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
