<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\InputException;

/**
 * @internal Engine::backtest() (SPEC 12, 13), as ext/loyalty_backtest.c: every row evaluated
 * under the engine's program and the draft, the answers summed with 64-bit checks; a bad row
 * is counted (under either program it counts in neither) and the run goes on.
 */
final class Backtest
{
    private const MESSAGES_KEPT = 10;
    private const PROGRESS_EVERY = 10000;

    /** @var list<Program> */
    private array $programs;
    /** @var list<array> one tally per program */
    private array $tallies = [];
    private int $rows = 0;
    private int $failed = 0;
    private array $byClass = [];
    private array $messages = [];

    public function __construct(Program $program, ?Program $draft)
    {
        $this->programs = $draft === null ? [$program] : [$program, $draft];
        foreach ($this->programs as $p) {
            $advantages = [];
            foreach ($p->settings()['advantages'] as $a) {
                $advantages[$a['id']] = ['applied' => 0, 'discount' => 0, 'shipping_saved' => 0];
            }
            $this->tallies[] = ['discount' => 0, 'shipping_saved' => 0, 'points_earned' => 0, 'points_spent' => 0,
                'loyalty_discount' => 0, 'orders_discounted' => 0, 'advantages' => $advantages,
                'segments' => array_fill_keys($p->segmentNames(), 0)];
        }
    }

    public function run(iterable $orders, ?callable $progress): Report
    {
        $current = time();
        foreach ($orders as $row) {
            $n = $this->rows++;
            try {
                $results = $this->evaluate($row, $n, $current);
            } catch (\Loyalty\Exception $e) {
                $this->failed($e, $n);
                $results = [];
            }
            foreach ($results as $i => $r) {
                $this->add($i, $r, $n); // an overflow of the totals is no row's fault: it stops the run
            }
            if ($progress !== null && $this->rows % self::PROGRESS_EVERY === 0) {
                $progress($this->rows);
            }
        }
        return Report::of($this->rows, ['count' => $this->failed, 'by_class' => $this->byClass, 'messages' => $this->messages],
            $this->tallies[0], $this->tallies[1] ?? null);
    }

    /** @return list<Result> the row's answer under each program */
    private function evaluate(mixed $row, int $n, int $current): array
    {
        if (!is_array($row)) {
            throw new InputException("orders[$n]: expected array, got " . Args::typeName($row), 3);
        }
        foreach (['cart', 'customer'] as $key) {
            if (($row[$key] ?? null) === null) {
                throw new InputException("orders[$n].$key: is required", 3);
            }
            if (!is_array($row[$key])) {
                throw new InputException("orders[$n].$key: expected array, got " . Args::typeName($row[$key]), 3);
            }
        }
        $at = $row['at'] ?? null;
        $now = $at === null ? $current : Time::at($at, $current, "orders[$n].at");
        $results = [];
        foreach ($this->programs as $p) {
            $results[] = Checkout::evaluate($p, $row['cart'], $row['customer'], $now);
        }
        return $results;
    }

    private function add(int $i, Result $r, int $n): void
    {
        $t = &$this->tallies[$i];
        $this->sum($t['discount'], $r->discount, $n);
        $this->sum($t['shipping_saved'], $r->shippingDiscount, $n);
        $this->sum($t['points_earned'], $r->pointsEarned, $n);
        $this->sum($t['points_spent'], $r->pointsSpent, $n);
        $this->sum($t['orders_discounted'], $r->discount > 0 || $r->freeShipping ? 1 : 0, $n);
        $shipGiven = false;
        foreach ($r->applied as $a) {
            // the shipping saved goes to the first rule that gave free shipping, as the result counts it once
            $shipping = $a['free_shipping'] && !$shipGiven ? $r->shippingDiscount : 0;
            $shipGiven = $shipGiven || $a['free_shipping'];
            if ($a['source'] === 'loyalty') {
                $this->sum($t['loyalty_discount'], $a['discount'], $n);
                continue;
            }
            $this->sum($t['advantages'][$a['id']]['applied'], 1, $n);
            $this->sum($t['advantages'][$a['id']]['discount'], $a['discount'], $n);
            $this->sum($t['advantages'][$a['id']]['shipping_saved'], $shipping, $n);
        }
        foreach ($r->segments as $name) {
            $this->sum($t['segments'][$name], 1, $n);
        }
    }

    private function sum(int &$total, int $value, int $n): void
    {
        if ($value > PHP_INT_MAX - $total) {
            throw new InputException("backtest: totals overflow at row $n", 3);
        }
        $total += $value;
    }

    private function failed(\Throwable $e, int $n): void
    {
        $class = get_class($e);
        $this->byClass[$class] = ($this->byClass[$class] ?? 0) + 1;
        if ($this->failed++ < self::MESSAGES_KEPT) {
            $this->messages[] = ['row' => $n, 'class' => $class, 'message' => $e->getMessage()];
        }
    }
}
