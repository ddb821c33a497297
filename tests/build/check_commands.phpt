--TEST--
scripts/check-commands.php finds the commands the scripts run (command words, wrappers, $(...), bash -c, trap, command -v) and nothing else
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../scripts/check-commands.php')) die('skip a full checkout only (the PECL tarball ships no scripts/)');
// A check of the tree, not of memory: it starts another PHP, which valgrind runs cannot follow.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind or ASan');
?>
--FILE--
<?php
exec(PHP_BINARY . ' -n ' . escapeshellarg(__DIR__ . '/../../scripts/check-commands.php') . ' --list', $lines, $rc);
$found = [];
foreach ($lines as $line) {
    [$name, $where] = explode(' ', preg_replace('/\s+/', ' ', $line), 2);
    $found[$name] = $where;
}
echo "exit $rc\n";
// one of each way a command is run
foreach ([
    'git' => 'scripts/pecl-check.sh',          // the first word of a pipeline
    'make' => 'scripts/build.sh',              // with options
    'nproc' => 'scripts/build.sh',             // inside "$(...)" inside a word
    'phpize' => 'scripts/build.sh',            // after `if [ ... ]; then`
    'clang' => 'scripts/fuzz.sh',              // `command -v X`
    'pecl' => 'scripts/pecl-check.sh',         // inside bash -c '...'
    'rm' => 'scripts/stack.sh',                // inside a trap
    'valgrind' => 'bench/callgrind.sh',        // after VAR=value
    'xargs' => 'scripts/sanitize.sh',          // a wrapper ...
    'cp' => 'scripts/sanitize.sh',             // ... and what it runs
    'php-config' => 'scripts/phpt-lib.sh',     // in an assignment's $(...)
    'nm' => 'tests/build/globals.phpt',        // a test that shells out
    'tee' => '.ci/run',
] as $command => $file) {
    if (!str_contains($found[$command] ?? '', $file)) {
        echo "$command not found in $file\n";
    }
}
// nothing that is not a command: options, variables, builtins, functions, case patterns, arrays
foreach ($found as $name => $where) {
    if (!preg_match('/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/', $name) || in_array($name, ['cd', 'echo', 'set', 'exit', 'step',
            'check', 'phpt_count', 'max_len', 'fuzz_expression', 'passed', 'failed', 'package', 'then', 'do'], true)) {
        echo "not a command: $name ($where)\n";
    }
}
echo count($found) > 30 ? "many commands\n" : "only " . count($found) . " commands\n";
?>
--EXPECT--
exit 0
many commands
