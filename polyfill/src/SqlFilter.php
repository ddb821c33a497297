<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * A segment as an SQL condition for the shop's own query (SPEC 15), as the extension's
 * Loyalty\SqlFilter: built by Engine::sql() only, read-only.
 */
final class SqlFilter implements \Serializable
{
    use NotSerializable;

    /** a boolean SQL expression with ? placeholders; never empty ("1=1" for all) */
    public readonly string $where;
    /** @var list<int|string|null> the values of the placeholders, in order */
    public readonly array $params;
    /** true: selects exactly the rows filter() keeps */
    public readonly bool $exact;
    /** @var list<string> when not exact: the customer fields filter() must still be given */
    public readonly array $residual;
    private string $explanation = '';

    private function __construct()
    {
    }

    /** @internal */
    public static function make(string $where, array $params, bool $exact, array $residual, string $explain): self
    {
        $f = new self();
        $f->where = $where;
        $f->params = $params;
        $f->exact = $exact;
        $f->residual = $residual;
        $f->explanation = $explain;
        return $f;
    }

    /** Which parts went to SQL and which stayed in PHP, for a person. */
    public function explain(): string
    {
        Args::count('Loyalty\\SqlFilter::explain', func_num_args(), 0, 0);
        return $this->explanation;
    }

    public function __clone()
    {
        throw new \Error('Trying to clone an uncloneable object of class ' . self::class);
    }

    /** As the extension shows it: the public properties only. */
    public function __debugInfo(): array
    {
        return ['where' => $this->where, 'params' => $this->params, 'exact' => $this->exact, 'residual' => $this->residual];
    }

    /** No dynamic properties, as the extension's class. */
    public function __set(string $name, mixed $value): void
    {
        throw new \Error(sprintf('Cannot create dynamic property %s::$%s', self::class, $name));
    }
}
