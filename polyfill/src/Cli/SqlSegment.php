<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

use Loyalty\Engine;
use Loyalty\SqlFilter;

/**
 * @internal `loyalty segment ... --columns=MAP.json` (docs/cli.md, docs/sql.md): the segment as
 * Engine::sql()'s WHERE condition over the merchant's own tables. `--sql` prints it (the
 * parameters and explain() as SQL comments, or JSON); `--dsn` runs it and prints the ids, the
 * selected rows going through filter() when the condition is not exact.
 */
final class SqlSegment
{
    /** @param resource $out @param resource $err */
    public function __construct(private $out, private $err)
    {
    }

    /** --sql: the condition, for the developer's own query. */
    public function show(string $settings, string $name, string $columns, string $dialect, ?string $at, bool $json): int
    {
        $filter = $this->filter($settings, $name, $columns, $dialect, $at);
        if ($json) {
            fwrite($this->out, json_encode(['where' => $filter->where, 'params' => $filter->params, 'exact' => $filter->exact,
                'residual' => $filter->residual, 'explain' => $filter->explain()],
                JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE) . "\n");
            return 0;
        }
        foreach (explode("\n", rtrim($filter->explain(), "\n")) as $line) {
            fwrite($this->out, "-- $line\n");
        }
        fwrite($this->out, '-- params: ' . json_encode($filter->params, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_INVALID_UTF8_SUBSTITUTE) . "\nWHERE {$filter->where}\n");
        return 0;
    }

    /**
     * --dsn: the ids of the segment's customers in the database, one a line, in the order of the
     * map's `id`. A condition that is not exact reads its residual fields through the map and
     * passes the rows to filter(); a residual field the map cannot give (not mapped, or a list
     * mapped by `contains` only) is a Failure naming it: the list would be wrong without it.
     */
    public function run(string $settings, string $name, string $columns, string $dsn, ?string $from, array $login,
        ?string $at, bool $quiet): int
    {
        try {
            $db = new \PDO($dsn, $login['user'] ?? null, $login['password'] ?? null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
        } catch (\PDOException $e) {
            throw new Failure("--dsn: cannot connect: {$e->getMessage()}");
        }
        $driver = $db->getAttribute(\PDO::ATTR_DRIVER_NAME);
        if ($driver !== 'mysql' && $driver !== 'sqlite') {
            throw new Failure("--dsn: a $driver database: the SQL is written for mysql (MySQL, MariaDB) or sqlite");
        }
        $map = Input::json($columns);
        if (!is_array($map) || !isset($map['id']) || !is_string($map['id']) || $map['id'] === '') {
            throw new Failure("$columns: 'id' must give the customer's id to list customers from the database");
        }
        if ($from === null || trim($from) === '') {
            throw new Failure('--dsn needs --from=TABLE (the FROM clause the column map is written for: customer c)');
        }
        $filter = $this->filter($settings, $name, $columns, $driver, $at);
        $select = ["{$map['id']} AS id"];
        foreach ($filter->exact ? [] : $filter->residual as $i => $field) {
            $expr = $map[$field] ?? null;
            $expr = is_array($expr) ? ($expr['expr'] ?? null) : $expr;
            if (!is_string($expr)) {
                throw new Failure(sprintf("segment '%s' is not exact and filter() needs %s, which %s cannot give (%s);"
                    . ' map it as a column, or export the customers to a file', $name, $field, $columns,
                    isset($map[$field]) ? 'a list mapped by contains' : 'not in the column map'));
            }
            $select[] = "$expr AS f$i";
        }
        if ($driver === 'mysql') { // ints as ints, and the rows streamed rather than copied into PHP first
            $db->setAttribute(\PDO::ATTR_EMULATE_PREPARES, false);
            $db->setAttribute(\PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, false);
        }
        try {
            $rows = $db->prepare('SELECT ' . implode(', ', $select) . " FROM $from WHERE {$filter->where} ORDER BY 1");
            $rows->execute($filter->params);
        } catch (\PDOException $e) {
            throw new Failure("--dsn: the query failed: {$e->getMessage()}");
        }
        $progress = new Progress($this->err, null, $quiet);
        if ($filter->exact) {
            while (($id = $rows->fetchColumn()) !== false) {
                fwrite($this->out, $id . "\n");
                $progress->tick();
            }
        } else {
            $customers = (function () use ($rows, $filter, $progress) {
                while (($row = $rows->fetch(\PDO::FETCH_NUM)) !== false) {
                    yield self::customer($row, $filter->residual);
                    $progress->tick();
                }
            })();
            foreach ((new Engine(Input::contents($settings)))->filter($name, $customers, $at) as $id) {
                fwrite($this->out, $id . "\n");
            }
        }
        $progress->done();
        return 0;
    }

    private function filter(string $settings, string $name, string $columns, string $dialect, ?string $at): SqlFilter
    {
        $engine = new Engine(Input::contents($settings));
        $map = Input::json($columns);
        if (!is_array($map)) {
            throw new Failure("$columns: expected a JSON object (field => SQL)");
        }
        try {
            return $engine->sql($name, $map, $dialect, $at);
        } catch (\Loyalty\InputException $e) {
            throw new Failure("$columns: {$e->getMessage()}");
        } catch (\ValueError $e) {
            throw new Failure($e->getMessage(), 2);
        }
    }

    /** A selected row as the customer filter() reads: the id, then the residual fields (NULL: absent). */
    private static function customer(array $row, array $fields): array
    {
        $customer = ['id' => is_numeric($row[0]) && (string) (int) $row[0] === (string) $row[0] ? (int) $row[0] : $row[0]];
        foreach ($fields as $i => $field) {
            $value = $row[$i + 1];
            if ($value === null) {
                continue;
            }
            if ($field === 'active') {
                $value = (bool) $value;
            } elseif (is_string($value) && preg_match('/^-?[0-9]{1,19}$/D', $value) && !str_starts_with($field, 'attr.')
                && !in_array($field, ['city', 'postcode', 'country', 'first_order', 'last_order'], true)) {
                $value = (int) $value; // a BIGINT given as a string
            }
            if (str_starts_with($field, 'attr.')) {
                $customer['attributes'][substr($field, 5)] = $value;
            } else {
                $customer[$field] = $value;
            }
        }
        return $customer;
    }
}
