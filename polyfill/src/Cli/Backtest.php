<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

use Loyalty\Engine;
use Loyalty\Program;

/** @internal `loyalty backtest`: the program (and a draft) over past orders, side by side. */
final class Backtest
{
    private const FIGURES = [
        'discount' => 'discount', 'shipping_saved' => 'shipping saved', 'loyalty_discount' => 'loyalty discount',
        'points_earned' => 'points earned', 'points_spent' => 'points spent', 'orders_discounted' => 'orders discounted',
    ];
    private const MONEY = ['discount', 'shipping_saved', 'loyalty_discount'];

    /** @param resource $out @param resource $err */
    public function __construct(private $out, private $err)
    {
    }

    public function run(string $settings, ?string $draftFile, string $orders, bool $json, bool $quiet): int
    {
        $engine = new Engine(Input::contents($settings));
        $draft = $draftFile === null ? null : Program::fromJson(Input::contents($draftFile));
        $progress = new Progress($this->err, $quiet ? null : Input::countRows($orders), $quiet);
        $report = $engine->backtest(Input::rows($orders), $draft, static fn(int $done) => $progress->tick($done));
        $progress->tick($report->orders);
        $progress->done();
        if ($json) {
            fwrite($this->out, json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
            return 0;
        }
        fwrite($this->out, $this->summary($report, $orders));
        return 0;
    }

    private function summary(\Loyalty\Report $r, string $orders): string
    {
        $o = sprintf("%s orders, %s failed\n\n", number_format($r->orders), number_format($r->failed['count']));
        $head = $r->draft === null ? ['', 'current'] : ['', 'current', 'draft', 'delta'];
        $rows = [$head];
        foreach (self::FIGURES as $key => $label) {
            $rows[] = $this->row($label, $key, $r->current, $r->draft, $r->delta, in_array($key, self::MONEY, true));
        }
        $o .= Text::table($rows);
        $rows = [$r->draft === null ? ['advantage', 'applied', 'discount'] : ['advantage', 'applied', 'discount', 'draft applied', 'draft discount', 'delta']];
        $ids = array_keys($r->current['advantages'] + ($r->draft['advantages'] ?? []));
        foreach ($ids as $id) {
            $c = $r->current['advantages'][$id] ?? null;
            $d = $r->draft['advantages'][$id] ?? null;
            $row = [(string) $id, $c === null ? '-' : number_format($c['applied']), $c === null ? '-' : Text::money($c['discount'])];
            if ($r->draft !== null) {
                array_push($row, $d === null ? '-' : number_format($d['applied']), $d === null ? '-' : Text::money($d['discount']),
                    Text::money($r->delta['advantages'][$id]['discount']));
            }
            $rows[] = $row;
        }
        if (count($rows) > 1) {
            $o .= "\n" . Text::table($rows);
        }
        foreach ($r->failed['messages'] as $m) {
            $o .= sprintf("\n%s:%d: %s: %s", $orders, Input::lineOf($orders, $m['row']), $m['class'], $m['message']);
        }
        return $r->failed['messages'] === [] ? $o : $o . "\n";
    }

    private function row(string $label, string $key, array $current, ?array $draft, ?array $delta, bool $money): array
    {
        $f = $money ? Text::money(...) : static fn(int $n): string => number_format($n);
        $row = [$label, $f($current[$key])];
        if ($draft !== null) {
            array_push($row, $f($draft[$key]), ($delta[$key] > 0 ? '+' : '') . $f($delta[$key]));
        }
        return $row;
    }
}
