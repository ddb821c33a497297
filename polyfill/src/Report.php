<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * The answer of Engine::backtest() (SPEC 12, 13): the sums of what evaluate() would have
 * returned over past orders. A read-only record built by the engine only.
 */
final class Report implements \JsonSerializable
{
    use NotSerializable;

    /** rows read, bad ones included */
    public readonly int $orders;
    /** @var array{count: int, by_class: array<string, int>, messages: list<array{row: int, class: string, message: string}>} */
    public readonly array $failed;
    /** @var array<string, mixed> the engine's program */
    public readonly array $current;
    /** @var array<string, mixed>|null the same for the draft program, null without one */
    public readonly ?array $draft;
    /** @var array<string, mixed>|null draft - current, null without a draft */
    public readonly ?array $delta;

    private function __construct()
    {
    }

    /** @internal */
    public static function of(int $orders, array $failed, array $current, ?array $draft): self
    {
        $r = new self();
        $r->orders = $orders;
        $r->failed = $failed;
        $r->current = $current;
        $r->draft = $draft;
        $r->delta = $draft === null ? null : self::delta($current, $draft);
        return $r;
    }

    /** draft - current at every level; a key of one side only counts as 0 on the other. */
    private static function delta(array $current, array $draft): array
    {
        $out = [];
        foreach ($current + $draft as $key => $_) {
            $a = $current[$key] ?? null;
            $b = $draft[$key] ?? null;
            $out[$key] = is_array($a ?? $b) ? self::delta($a ?? [], $b ?? []) : ($b ?? 0) - ($a ?? 0);
        }
        return $out;
    }

    public function toArray(): array
    {
        Args::count('Loyalty\\Report::toArray', func_num_args(), 0, 0);
        return ['orders' => $this->orders, 'failed' => $this->failed, 'current' => $this->current,
            'draft' => $this->draft, 'delta' => $this->delta];
    }

    public function jsonSerialize(): array
    {
        Args::count('Loyalty\\Report::jsonSerialize', func_num_args(), 0, 0);
        return $this->toArray();
    }

    /** No dynamic properties, as the extension's class. */
    public function __set(string $name, mixed $value): void
    {
        throw new \Error(sprintf('Cannot create dynamic property %s::$%s', self::class, $name));
    }
}
