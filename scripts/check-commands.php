<?php
/*
 * Every command our shell scripts run must exist on a fresh Debian machine once
 * scripts/setup.sh has run: in the base system of `debootstrap --variant=minbase` (the packages
 * of priority `required`, and apt), or in a package setup.sh installs (with what apt installs
 * along: its dependencies and recommendations), or one the test matrix installs besides
 * (scripts/matrix.sh, its own packages="..." line). Called by scripts/check-commands.sh, which runs
 * setup.sh first; ends with "N passed, N failed" (one check per command) and exits 1 on a miss.
 *
 *   php scripts/check-commands.php            check
 *   php scripts/check-commands.php --list     only list the commands found, with where they are run
 *
 * The commands are read from scripts/*.sh, .ci/run and bench/*.sh (command words, after
 * assignments and wrappers such as nice, env, exec, xargs; inside $(...), backticks, `bash -c
 * '...'` and `command -v X`), from Makefile.frag recipes (their first word), and from the phpt
 * tests that shell out (`command -v X` in a SKIPIF, exec('X ...')).
 */
declare(strict_types=1);

$root = dirname(__DIR__);
chdir($root);

const BUILTINS = ['.', ':', '[', '[[', ']]', 'alias', 'bg', 'break', 'builtin', 'caller', 'case', 'cd',
    'command', 'compgen', 'complete', 'continue', 'declare', 'do', 'done', 'echo', 'elif', 'else', 'enable',
    'esac', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'fi', 'for', 'function', 'getopts', 'hash', 'if',
    'in', 'jobs', 'kill', 'let', 'local', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readarray',
    'readonly', 'return', 'select', 'set', 'shift', 'shopt', 'source', 'test', 'then', 'time', 'times', 'trap',
    'true', 'type', 'typeset', 'ulimit', 'umask', 'unset', 'until', 'wait', 'while', '!', '{', '}'];
/* Commands that run the next word as a command; the options each skips, with how many values. */
const WRAPPERS = ['nice' => ['-n' => 1], 'env' => ['-u' => 1, '-i' => 0], 'exec' => ['-a' => 1],
    'xargs' => ['-0' => 0, '-I' => 0, '-n' => 1, '-P' => 1, '-r' => 0, '-d' => 1], 'nohup' => [],
    'timeout' => ['-s' => 1, '-k' => 1], 'sudo' => ['-u' => 1, '-E' => 0], 'time' => ['-p' => 0]];

/**
 * The command words of a shell text: [[word, line], ...]. A small scanner for the shell we
 * write: quotes, $(...), backticks, <(...), ${...}, $((...)), arrays, case patterns, heredocs,
 * comments, functions.
 */
function commands(string $src, array &$functions): array
{
    $found = [];
    $n = strlen($src);
    $line = 1;
    // contexts: each is a command list being read; 'array' contexts hold arguments only
    $stack = [['kind' => 'cmd', 'words' => [], 'dq' => false, 'line' => 1]];
    $word = null;
    $heredocs = [];
    $flushWord = function () use (&$word, &$stack, &$line) {
        if ($word !== null) {
            $top = &$stack[count($stack) - 1];
            $top['words'][] = [$word, $line];
            $word = null;
        }
    };
    $push = function (string $kind, bool $tick = false) use (&$stack, &$word) {
        // a substitution inside a word: the word goes on after it, as `$`
        $stack[] = ['kind' => $kind, 'words' => [], 'dq' => false, 'resume' => true, 'tick' => $tick, 'saved' => $word];
        $word = null;
    };
    $pop = function () use (&$stack, &$word) {
        $popped = array_pop($stack);
        if (!empty($popped['resume'])) {
            $word = ($popped['saved'] ?? '') . '$';
        }
        return $popped;
    };
    $flushCommand = function () use (&$stack, &$found, &$functions) {
        $top = &$stack[count($stack) - 1];
        if ($top['kind'] === 'cmd') {
            foreach (commandWords($top['words'], $functions) as $c) {
                $found[] = $c;
            }
        }
        $top['words'] = [];
    };
    for ($i = 0; $i < $n; $i++) {
        $c = $src[$i];
        $top = &$stack[count($stack) - 1];
        if ($c === "\n") {
            $line++;
        }
        if ($top['dq']) {               // inside "...": only substitutions matter
            if ($c === '\\') {
                $word .= $src[++$i] ?? '';
            } elseif ($c === '"') {
                $top['dq'] = false;
            } elseif ($c === '$' && ($src[$i + 1] ?? '') === '(' && ($src[$i + 2] ?? '') !== '(') {
                $push('cmd');
                $i++;
            } elseif ($c === '`') {
                $push('cmd', true);
            } else {
                $word .= $c;
            }
            unset($top);
            continue;
        }
        if ($c === '\\') {
            if (($src[$i + 1] ?? '') === "\n") {
                $line++;
            } else {
                $word .= $src[$i + 1] ?? '';
            }
            $i++;
        } elseif ($c === "'") {
            $end = strpos($src, "'", $i + 1);
            $end = $end === false ? $n : $end;
            $text = substr($src, $i + 1, $end - $i - 1);
            $word = ($word ?? '') . $text;
            $line += substr_count($text, "\n");
            $i = $end;
        } elseif ($c === '"') {
            $word = $word ?? '';
            $top['dq'] = true;
        } elseif ($c === '#' && $word === null) {
            $end = strpos($src, "\n", $i);
            $i = ($end === false ? $n : $end) - 1;
        } elseif ($c === '$' && ($src[$i + 1] ?? '') === '(' && ($src[$i + 2] ?? '') === '(') {
            $end = strpos($src, '))', $i);           // arithmetic: no commands
            $word = ($word ?? '') . '0';
            $i = $end === false ? $n : $end + 1;
        } elseif (($c === '$' || $c === '<') && ($src[$i + 1] ?? '') === '(') {
            $push('cmd');
            $i++;
        } elseif ($c === '$' && ($src[$i + 1] ?? '') === '{') {
            $depth = 0;                               // ${...}: a word, but its $(...) are commands
            for ($j = $i + 1; $j < $n; $j++) {
                if ($src[$j] === '{') {
                    $depth++;
                } elseif ($src[$j] === '}' && --$depth === 0) {
                    break;
                }
            }
            $inner = substr($src, $i + 2, $j - $i - 2);
            if (preg_match('/\$\((.*)\)/s', $inner, $m)) {
                foreach (commands($m[1], $functions) as [$w, $l]) {
                    $found[] = [$w, $line + $l - 1];
                }
            }
            $word = ($word ?? '') . '$';
            $i = $j;
        } elseif ($c === '`') {
            if (!empty($top['tick'])) {
                $flushWord();
                $flushCommand();
                $pop();
            } else {
                $push('cmd', true);
            }
        } elseif ($c === '(') {
            if ($word !== null && str_ends_with($word, '=')) {
                $push('array');
            } else {
                $flushWord();
                if (($src[$i + 1] ?? '') === '(') {   // (( arithmetic ))
                    $end = strpos($src, '))', $i);
                    $i = $end === false ? $n : $end + 1;
                } elseif ($word === null && count($top['words']) === 1 && ($src[$i + 1] ?? '') === ')') {
                    $functions[$top['words'][0][0]] = true;   // name() {
                    $top['words'] = [];
                    $i++;
                } else {
                    $flushCommand();
                    $stack[] = ['kind' => 'cmd', 'words' => [], 'dq' => false];
                }
            }
        } elseif ($c === ')') {
            $flushWord();
            if (count($stack) === 1) {
                $top['words'] = [];                   // a case pattern
            } else {
                $flushCommand();
                $pop();
            }
        } elseif ($c === ' ' || $c === "\t") {
            $flushWord();
        } elseif ($c === "\n" || $c === ';' || $c === '|' || $c === '&') {
            if ($c === '&' && $word !== null && preg_match('/[<>]$/', $word)) {
                $word .= $c;                          // 2>&1
                unset($top);
                continue;
            }
            $flushWord();
            $flushCommand();
            if ($c === "\n" && $heredocs !== []) {
                foreach ($heredocs as $tag) {         // skip the heredoc bodies
                    while ($i < $n) {
                        $end = strpos($src, "\n", $i + 1);
                        $end = $end === false ? $n : $end;
                        $body = substr($src, $i + 1, $end - $i - 1);
                        $line++;
                        $i = $end;
                        if (trim($body) === $tag) {
                            break;
                        }
                    }
                }
                $heredocs = [];
            }
        } elseif ($c === '<' && ($src[$i + 1] ?? '') === '<' && ($src[$i + 2] ?? '') !== '<'
                && preg_match('/\G<<-?\s*[\'"]?(\w+)[\'"]?/', $src, $m, 0, $i)) {
            $heredocs[] = $m[1];
            $flushWord();
            $i += strlen($m[0]) - 1;
        } else {
            $word = ($word ?? '') . $c;
        }
        unset($top);
    }
    $flushWord();
    while (count($stack) > 0) {
        $flushCommand();
        array_pop($stack);
    }
    return $found;
}

/** The commands of one simple command's words: its command word, what wrappers run, `command -v X`. */
function commandWords(array $words, array &$functions): array
{
    $out = [];
    $i = 0;
    $count = count($words);
    while ($i < $count) {
        [$w, $line] = $words[$i];
        if (preg_match('/^[A-Za-z_][A-Za-z0-9_]*\+?=/', $w) || preg_match('/^[0-9]*[<>]/', $w) || $w === '!') {
            $i++;                                     // assignment, redirection
            if (preg_match('/^[0-9]*[<>]+$/', $w)) {
                $i++;                                 // `> file`: the file too
            }
            continue;
        }
        if ($w === 'function' && isset($words[$i + 1])) {
            $functions[$words[$i + 1][0]] = true;
            return $out;
        }
        if ($w === 'command' && ($words[$i + 1][0] ?? '') === '-v') {
            for ($j = $i + 2; $j < $count && !preg_match('/^[0-9]*[<>]/', $words[$j][0]); $j++) {
                $out[] = [$words[$j][0], $words[$j][1]];
            }
            return $out;
        }
        if (in_array($w, ['if', 'then', 'else', 'elif', 'do', 'while', 'until', '{', 'time', '!', 'command', 'exec'], true)) {
            $i++;
            continue;
        }
        if (isset(WRAPPERS[$w])) {
            $out[] = [$w, $line];
            $skip = WRAPPERS[$w];
            for ($i++; $i < $count; $i++) {
                $o = $words[$i][0];
                $opt = preg_replace('/^(-[A-Za-z]).*/', '$1', $o);
                if ($w === 'env' && preg_match('/^[A-Za-z_][A-Za-z0-9_]*=/', $o)) {
                    continue;
                }
                if ($o === '--') {
                    $i++;
                    break;
                }
                if (!str_starts_with($o, '-')) {
                    break;
                }
                if (isset($skip[$opt]) && $skip[$opt] === 1 && $o === $opt) {
                    $i++;
                }
            }
            continue;
        }
        if ($w === 'for' || $w === 'case' || $w === 'select') {
            return $out;                              // `for x in words`: no command here
        }
        $script = ($w === 'bash' || $w === 'sh') && ($words[$i + 1][0] ?? '') === '-c' ? 2 : ($w === 'trap' ? 1 : 0);
        if ($script > 0 && isset($words[$i + $script])) {
            $out[] = [$w, $line];
            foreach (commands($words[$i + $script][0], $functions) as [$c, $l]) {
                $out[] = [$c, $line + $l - 1];
            }
            return $out;
        }
        $out[] = [$w, $line];
        return $out;
    }
    return $out;
}

/** Commands of the phpt tests that shell out: 'command -v X' strings, and exec()/shell_exec()/passthru('X ...'). */
function testCommands(string $src): array
{
    $out = [];
    preg_match_all('/[\'"]command -v ([A-Za-z0-9_.+-]+)|(?<![>:\w])(?:exec|shell_exec|passthru|system|popen)\(\s*[\'"](?!command )([A-Za-z0-9_.+-]+)[ \'"]/',
        $src, $m, PREG_OFFSET_CAPTURE | PREG_SET_ORDER);
    foreach ($m as $match) {
        $name = ($match[2][0] ?? '') !== '' ? $match[2] : $match[1];
        $out[] = [$name[0], substr_count($src, "\n", 0, $name[1]) + 1];
    }
    return $out;
}

/** name => [where, ...] for every command our scripts run. */
function collect(string $root): array
{
    $functions = [];
    $files = array_merge(glob("$root/scripts/*.sh"), ["$root/.ci/run"], glob("$root/bench/*.sh"));
    $uses = [];
    $raw = [];
    foreach ($files as $file) {
        $raw[$file] = commands((string) file_get_contents($file), $functions);
    }
    foreach (preg_split('/\R/', (string) file_get_contents("$root/Makefile.frag")) as $k => $l) {
        if (preg_match('/^\t\s*([^\s$]\S*)/', $l, $m)) {
            $raw["$root/Makefile.frag"][] = [$m[1], $k + 1];
        }
    }
    $tests = new RecursiveIteratorIterator(new RecursiveDirectoryIterator("$root/tests", FilesystemIterator::SKIP_DOTS));
    foreach ($tests as $test) {
        if (str_ends_with($test->getPathname(), '.phpt')) {
            $raw[$test->getPathname()] = testCommands((string) file_get_contents($test->getPathname()));
        }
    }
    foreach ($raw as $file => $commands) {
        foreach ($commands as [$name, $line]) {
            if ($name === '' || in_array($name, BUILTINS, true) || isset($functions[$name])
                    || str_contains($name, '$') || (str_contains($name, '/') && !str_starts_with($name, '/'))
                    || !preg_match('#^[A-Za-z0-9_./+-]+$#', $name)) {
                continue;                             // builtin, function, variable, script of ours
            }
            $uses[$name][] = substr($file, strlen($root) + 1) . ":$line";
        }
    }
    ksort($uses);
    return $uses;
}

function run(string $command): string
{
    return trim((string) shell_exec($command . ' 2>/dev/null'));
}

/** The paths a command may be registered under: its path, the /usr-merge twin, and so on along its symlinks. */
function chain(string $path): array
{
    $paths = [];
    for ($hops = 0; $path !== '' && $hops < 10; $hops++) {
        $paths[] = $path;
        if (preg_match('#^/usr/(s?bin|lib)/(.*)$#', $path, $m)) {
            $paths[] = "/$m[1]/$m[2]";              // files registered before the /usr merge
        } elseif (preg_match('#^/(s?bin|lib)/(.*)$#', $path, $m)) {
            $paths[] = "/usr/$m[1]/$m[2]";
        }
        if (!is_link($path)) {
            break;
        }
        $target = (string) readlink($path);
        $path = str_starts_with($target, '/') ? $target : dirname($path) . '/' . $target;
    }
    return $paths;
}

/** path => owning package, for all the paths at once (dpkg -S is slow per call). */
function owners(array $paths): array
{
    $owners = [];
    $out = run('dpkg -S ' . implode(' ', array_map('escapeshellarg', array_unique($paths))));
    foreach (preg_split('/\R/', $out) as $l) {
        if (!str_starts_with($l, 'diversion') && preg_match('/^([^:\s,]+)(?::[a-z0-9]+)?(?:, [^:]+)?: (\/\S*)$/', $l, $m)) {
            $owners[$m[2]] ??= $m[1];
        }
    }
    return $owners;
}

/** The packages apt would install from nothing for `apt-get install ARGS` (simulated, no root needed). */
function simulated(string $args): array
{
    $empty = tempnam(sys_get_temp_dir(), 'dpkg-status');
    $out = run('apt-get -s -o Dir::State::status=' . escapeshellarg($empty) . " install $args");
    unlink($empty);
    preg_match_all('/^Inst (\S+)/m', $out, $m);
    return array_fill_keys($m[1], true);
}

/**
 * [base, setup]: the packages of a `debootstrap --variant=minbase` system (priority required,
 * and apt, with their dependencies), and of that system once scripts/setup.sh has run.
 */
function packages(string $root): array
{
    // setup.sh's packages, those of the shop's stack (scripts/stack.sh installs them itself) and
    // those the test matrix installs besides (scripts/matrix.sh)
    $names = [];
    foreach (['setup.sh', 'setup-stack.sh', 'matrix.sh'] as $file) {
        if (!preg_match('/^packages="([^"]*)"/m', (string) file_get_contents("$root/scripts/$file"), $m)) {
            fwrite(STDERR, "scripts/$file: no packages=\"...\" line\n");
            exit(1);
        }
        array_push($names, ...preg_split('/\s+/', trim($m[1])));
    }
    $setup = implode(' ', array_map('escapeshellarg', $names));
    $required = [];
    foreach (preg_split('/\R/', run("dpkg-query -W -f='\${Package} \${Priority}\\n'")) as $l) {
        if (str_ends_with($l, ' required')) {
            $required[] = escapeshellarg(strtok($l, ' '));
        }
    }
    $base = implode(' ', $required) . ' apt';
    $baseSet = simulated("--no-install-recommends $base");
    if (count($baseSet) < 20) {
        fwrite(STDERR, "apt-get -s could not simulate the base system\n");
        exit(1);
    }
    return [$baseSet, simulated("$base $setup") + $baseSet];  // setup.sh installs recommendations too
}

$uses = collect($root);
if (in_array('--list', $argv, true)) {
    foreach ($uses as $name => $where) {
        printf("%-22s %s\n", $name, implode(' ', $where));
    }
    exit(0);
}

[$base, $setup] = packages($root);
$chains = [];
foreach ($uses as $name => $where) {
    $path = str_starts_with($name, '/') ? (is_executable($name) ? $name : '') : run('command -v ' . escapeshellarg($name));
    $chains[$name] = $path === '' ? [] : chain($path);
}
$owners = owners(array_merge(...array_values($chains)));
$passed = $failed = 0;
foreach ($uses as $name => $where) {
    $package = null;
    foreach ($chains[$name] as $path) {
        if (isset($owners[$path])) {
            $package = $owners[$path];
            break;
        }
    }
    $why = match (true) {
        $package === null => null,
        isset($base[$package]) => 'base system',
        isset($setup[$package]) => 'installed by setup.sh, setup-stack.sh or matrix.sh',
        default => null,
    };
    if ($why !== null) {
        $passed++;
        printf("ok: %s (%s, %s)\n", $name, $package, $why);
        continue;
    }
    $failed++;
    $reason = $chains[$name] === [] ? 'not installed here'
        : ($package === null ? "{$chains[$name][0]} belongs to no Debian package" : "package $package is neither in the base system nor installed by scripts/setup.sh, scripts/setup-stack.sh or scripts/matrix.sh");
    printf("FAILED: %s: %s; run by %s\n", $name, $reason, implode(' ', array_slice($where, 0, 4)) . (count($where) > 4 ? ' ...' : ''));
}
echo "$passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
