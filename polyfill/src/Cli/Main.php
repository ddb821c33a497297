<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

use Loyalty\Engine;
use Loyalty\Program;

/**
 * @internal `bin/loyalty` (docs/cli.md): check settings, explain a checkout, backtest a program
 * over past orders, list a segment's customers. Works with the extension or the polyfill
 * (the Loyalty\... classes either provides). Exit codes: 0 done, 1 failed, 2 bad usage.
 */
final class Main
{
    private const USAGE = <<<'TXT'
        usage: loyalty check SETTINGS.json
               loyalty explain SETTINGS.json CART.json CUSTOMER.json [--at DATE]
               loyalty backtest SETTINGS.json [DRAFT.json] ORDERS.jsonl|ORDERS.csv [--json] [--quiet]
               loyalty segment SETTINGS.json NAME CUSTOMERS.jsonl|CUSTOMERS.csv [--at DATE] [--quiet]
               loyalty segment SETTINGS.json NAME --columns MAP.json --sql [--dialect mysql|sqlite] [--at DATE] [--json]
               loyalty segment SETTINGS.json NAME --columns MAP.json --dsn DSN --from TABLE [--user U] [--password P] [--at DATE] [--quiet]
        TXT;

    /** @param resource $out @param resource $err */
    public function __construct(private $out, private $err)
    {
    }

    /** @param list<string> $argv without the program name */
    public static function run(array $argv, $out = STDOUT, $err = STDERR): int
    {
        $main = new self($out, $err);
        try {
            return $main->dispatch($argv);
        } catch (Failure $f) {
            fwrite($err, 'loyalty: ' . $f->getMessage() . "\n");
            return $f->getCode();
        } catch (\Loyalty\Exception $e) {
            fwrite($err, 'loyalty: ' . get_class($e) . ': ' . $e->getMessage() . "\n");
            return 1;
        }
    }

    private function dispatch(array $argv): int
    {
        [$args, $options] = self::parse($argv, ['at' => true, 'json' => false, 'quiet' => false, 'help' => false,
            'columns' => true, 'sql' => false, 'dialect' => true, 'dsn' => true, 'from' => true, 'user' => true, 'password' => true]);
        $command = array_shift($args);
        if ($command === null || isset($options['help']) || $command === 'help') {
            fwrite($command === null ? $this->err : $this->out, self::USAGE . "\n");
            return $command === null ? 2 : 0;
        }
        $need = ['check' => [1, 1], 'explain' => [3, 3], 'backtest' => [2, 3], 'segment' => [3, 3]][$command] ?? null;
        if ($need === null) {
            throw new Failure("unknown command '$command'\n" . self::USAGE, 2);
        }
        $database = $command === 'segment' && isset($options['columns']);
        if ($database) { // the customers are in the database: no file
            $need = [2, 2];
        }
        foreach (['columns' => 'segment', 'sql' => 'segment --columns', 'dsn' => 'segment --columns', 'dialect' => 'segment --sql',
            'from' => 'segment --dsn', 'user' => 'segment --dsn', 'password' => 'segment --dsn'] as $option => $with) {
            $ok = match ($option) {
                'columns' => $command === 'segment',
                'sql', 'dsn' => $database,
                'dialect' => isset($options['sql']),
                default => isset($options['dsn']),
            };
            if (isset($options[$option]) && !$ok) {
                throw new Failure("--$option goes with $with\n" . self::USAGE, 2);
            }
        }
        if ($database && isset($options['sql']) === isset($options['dsn'])) {
            throw new Failure("segment --columns: give --sql (print the condition) or --dsn (run it)\n" . self::USAGE, 2);
        }
        if (count($args) < $need[0] || count($args) > $need[1]) {
            throw new Failure("$command: wrong number of arguments\n" . self::USAGE, 2);
        }
        return match ($command) {
            'check' => (new Check($this->out))->run($args[0]),
            'explain' => (new Explain($this->out))->run($args[0], $args[1], $args[2], $options['at'] ?? null),
            'backtest' => (new Backtest($this->out, $this->err))->run($args[0], count($args) === 3 ? $args[1] : null,
                $args[count($args) - 1], isset($options['json']), isset($options['quiet'])),
            'segment' => match (true) {
                isset($options['sql']) => (new SqlSegment($this->out, $this->err))->show($args[0], $args[1], $options['columns'],
                    $options['dialect'] ?? 'mysql', $options['at'] ?? null, isset($options['json'])),
                isset($options['dsn']) => (new SqlSegment($this->out, $this->err))->run($args[0], $args[1], $options['columns'],
                    $options['dsn'], $options['from'] ?? null, array_intersect_key($options, ['user' => 1, 'password' => 1]),
                    $options['at'] ?? null, isset($options['quiet'])),
                default => $this->segment($args[0], $args[1], $args[2], $options['at'] ?? null, isset($options['quiet'])),
            },
        };
    }

    /**
     * Positional arguments, and `--name value` / `--name=value` / `--flag` options.
     * @param array<string, bool> $known name => takes a value
     * @return array{list<string>, array<string, string|true>}
     */
    private static function parse(array $argv, array $known): array
    {
        $args = [];
        $options = [];
        for ($i = 0; $i < count($argv); $i++) {
            $a = $argv[$i];
            if (!str_starts_with($a, '--') || $a === '--') {
                $args[] = $a;
                continue;
            }
            [$name, $value] = array_pad(explode('=', substr($a, 2), 2), 2, null);
            if (!isset($known[$name])) {
                throw new Failure("unknown option --$name\n" . self::USAGE, 2);
            }
            if ($known[$name] && $value === null) {
                $value = $argv[++$i] ?? throw new Failure("--$name needs a value", 2);
            }
            $options[$name] = $value ?? true;
        }
        return [$args, $options];
    }

    /** The campaign list: the ids of the segment's customers, one a line. */
    private function segment(string $settings, string $name, string $customers, ?string $at, bool $quiet): int
    {
        $engine = new Engine(Input::contents($settings));
        $progress = new Progress($this->err, $quiet ? null : Input::countRows($customers), $quiet);
        $rows = (function () use ($customers, $progress) {
            foreach (Input::rows($customers) as $line => $row) {
                yield $line => $row;
                $progress->tick();
            }
        })();
        try {
            $ids = $engine->filter($name, $rows, $at);
        } catch (\Loyalty\InputException $e) {
            // customers[LINE]: the row's line in the file
            throw new Failure(preg_replace('/^customers\[(\d+)\](\.?)/', $customers . ':$1: customer$2', $e->getMessage()));
        }
        $progress->done();
        foreach ($ids as $id) {
            fwrite($this->out, $id . "\n");
        }
        return 0;
    }
}
