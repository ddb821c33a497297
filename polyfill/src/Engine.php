<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\ConfigException;
use Loyalty\InputException;
use Loyalty\Polyfill\Settings\CompiledProgram;

/**
 * Answers questions about customers with one Program (SPEC 8), as the extension's
 * Loyalty\Engine. Required parameters have defaults only so that a missing argument reports
 * the extension's ArgumentCountError text; their types are declared, so that the caller's
 * strict_types mode applies as it does to the extension's methods. The settings and $now are
 * `mixed`, as PHP would coerce a float to a string for their union types: they are read as the
 * extension's ZPP reads them, with the caller's mode from Args::callerStrict().
 */
final class Engine implements \Serializable
{
    use NotSerializable;
    use NoDynamicProperties;

    private ?Program $program = null;
    private ?CompiledProgram $compiled = null;

    public function __construct(mixed $program = [])
    {
        Args::count('Loyalty\\Engine::__construct', func_num_args(), 1, 1);
        $this->assertNotRefused();
        if ($this->compiled !== null) {
            throw new \Error('Loyalty\\Engine is already constructed');
        }
        if (!$program instanceof Program && !is_array($program) && !is_string($program)) {
            $program = self::jsonArg($program);
        }
        if (is_array($program)) {
            $program = Program::fromArray($program);
        } elseif (is_string($program)) {
            $program = Program::fromJson($program);
        }
        $compiled = $program->compiled();
        if ($this->compiled !== null) { // __toString() of the argument constructed this engine
            throw new \Error('Loyalty\\Engine is already constructed');
        }
        $this->compiled = $compiled;
        $this->program = $program;
    }

    /** Another value for the JSON string, as an internal function's string parameter takes it. */
    private static function jsonArg(mixed $v): string
    {
        if ($v === null) {
            if (!Args::callerStrict()) {
                trigger_error('Loyalty\\Engine::__construct(): Passing null to parameter #1 ($program) of type '
                    . 'Loyalty\\Program|array|string is deprecated', E_USER_DEPRECATED);
                return '';
            }
        } elseif ((is_scalar($v) || (is_object($v) && method_exists($v, '__toString'))) && !Args::callerStrict()) {
            return (string) $v;
        }
        throw new \TypeError('Loyalty\\Engine::__construct(): Argument #1 ($program) must be of type Loyalty\\Program|array|string, '
            . Args::typeName($v) . ' given');
    }

    private function compiled(): CompiledProgram
    {
        return $this->compiled ?? throw new \Error('Loyalty\\Engine is not initialized');
    }

    public function program(): Program
    {
        Args::count('Loyalty\\Engine::program', func_num_args(), 0, 0);
        $this->compiled();
        return $this->program;
    }

    /** @return list<string> sorted names */
    public function segmentsOf(array $customer = [], mixed $now = null): array
    {
        Args::count('Loyalty\\Engine::segmentsOf', func_num_args(), 1, 2);
        $compiled = $this->compiled();
        $now = Time::now($now, 2, 'Loyalty\\Engine::segmentsOf');
        return Customer::fromArray($compiled, $this->program, $customer, $now, 'customer', Customer::ALL_FIELDS)->segmentNames();
    }

    public function inSegment(string $segment = '', array $customer = [], mixed $now = null): bool
    {
        Args::count('Loyalty\\Engine::inSegment', func_num_args(), 2, 3);
        $compiled = $this->compiled();
        $index = self::segmentArg($compiled, $segment);
        $now = Time::now($now, 3, 'Loyalty\\Engine::inSegment');
        return Customer::fromArray($compiled, $this->program, $customer, $now, 'customer', $compiled->segmentFields[$index])->test($index);
    }

    /** @return list<int|string> ids (or keys when a customer has no id), in input order */
    public function filter(string $segment = '', iterable $customers = [], mixed $now = null): array
    {
        Args::count('Loyalty\\Engine::filter', func_num_args(), 2, 3);
        $compiled = $this->compiled();
        $index = self::segmentArg($compiled, $segment);
        $now = Time::now($now, 3, 'Loyalty\\Engine::filter');
        $program = $this->program;
        $ids = [];
        // One customer in memory at a time, whatever the iterable (generators included).
        foreach ($customers as $key => $item) {
            $path = is_int($key) ? "customers[$key]"
                : (is_string($key) ? 'customers[' . Args::printable($key, 64) . ']' : 'customers[?]');
            if (!is_array($item)) {
                throw new InputException("$path: expected array, got " . Args::typeName($item), 3);
            }
            if (!Customer::fromArray($compiled, $program, $item, $now, $path, $compiled->segmentFields[$index])->test($index)) {
                continue;
            }
            $id = $item['id'] ?? null;
            if ($id !== null) {
                if (!is_int($id) && !is_string($id)) {
                    throw new InputException("$path.id: expected int or string, got " . Args::typeName($id), 3);
                }
                $ids[] = $id;
            } elseif (is_int($key) || is_string($key)) {
                $ids[] = $key;
            } else {
                throw new InputException("$path: a customer without id needs an int or string key, got " . Args::typeName($key), 3);
            }
        }
        return $ids;
    }

    public function evaluate(array $cart = [], array $customer = [], mixed $now = null): Result
    {
        Args::count('Loyalty\\Engine::evaluate', func_num_args(), 2, 3);
        $this->compiled();
        $now = Time::now($now, 3, 'Loyalty\\Engine::evaluate');
        return Checkout::evaluate($this->program, $cart, $customer, $now);
    }

    /** What the program (and a draft) would have given over past orders (SPEC 12). */
    public function backtest(iterable $orders = [], ?Program $draft = null, mixed $progress = null): Report
    {
        Args::count('Loyalty\\Engine::backtest', func_num_args(), 1, 3);
        if ($progress !== null && !is_callable($progress)) {
            // the extension's ZPP text for a callable parameter
            $why = match (true) {
                is_string($progress) && !str_contains($progress, '::') => sprintf('function "%s" not found or invalid function name', $progress),
                is_string($progress) || is_array($progress) || is_object($progress) => 'not a valid callback',
                default => 'no array or string given',
            };
            throw new \TypeError("Loyalty\\Engine::backtest(): Argument #3 (\$progress) must be a valid callback or null, $why");
        }
        $this->compiled();
        $draft?->compiled();
        return (new Backtest($this->program, $draft))->run($orders, $progress);
    }

    /**
     * The segment as an SQL condition for the shop's own customer query (SPEC 15).
     * @param array<string, mixed> $columns customer field => the SQL that gives it for the current row
     */
    public function sql(string $segment = '', array $columns = [], string $dialect = 'mysql', mixed $now = null): SqlFilter
    {
        Args::count('Loyalty\\Engine::sql', func_num_args(), 2, 4);
        $compiled = $this->compiled();
        $d = match ($dialect) {
            'mysql' => Expression\Sql::MYSQL,
            'sqlite' => Expression\Sql::SQLITE,
            default => throw new \ValueError('Loyalty\\Engine::sql(): Argument #3 ($dialect) must be "mysql" or "sqlite"'),
        };
        $now = Time::now($now, 4, 'Loyalty\\Engine::sql');
        $index = self::segmentArg($compiled, $segment);
        [$where, $params, $exact, $residual, $explain] = Expression\Sql::translate($compiled, $index, $columns, $d, $now, $segment);
        return SqlFilter::make($where, $params, $exact, $residual, $explain);
    }

    private static function segmentArg(CompiledProgram $compiled, string $name): int
    {
        return $compiled->segmentIndex[$name]
            ?? throw new ConfigException(sprintf("segment: unknown segment '%s'", Args::printable($name)), 1);
    }

    public function __clone()
    {
        throw new \Error('Trying to clone an uncloneable object of class ' . self::class);
    }

    /** As the extension shows it: no properties. */
    public function __debugInfo(): array
    {
        return [];
    }

}
