<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

/** @internal A progress line on stderr: rows done, rows/s, time left when the count is known. */
final class Progress
{
    private float $start;
    private float $shown = 0.0;
    private int $done = 0;

    /** @param resource $err */
    public function __construct(private $err, private ?int $total, private bool $quiet = false)
    {
        $this->start = microtime(true);
    }

    public function tick(int $done = -1): void
    {
        $this->done = $done >= 0 ? $done : $this->done + 1;
        $now = microtime(true);
        if ($this->quiet || $now - $this->shown < 0.2) {
            return;
        }
        $this->shown = $now;
        fwrite($this->err, "\r" . $this->line($now));
    }

    public function done(): void
    {
        if (!$this->quiet && $this->done > 0) {
            fwrite($this->err, "\r" . $this->line(microtime(true)) . "\n");
        }
    }

    private function line(float $now): string
    {
        $elapsed = max($now - $this->start, 1e-6);
        $rate = $this->done / $elapsed;
        $text = sprintf('%s rows, %s rows/s', number_format($this->done), number_format($rate));
        if ($this->total !== null && $this->total >= $this->done && $rate > 0) {
            $text .= sprintf(', %d%%, %s left', $this->total ? intdiv(100 * $this->done, $this->total) : 100,
                self::duration(($this->total - $this->done) / $rate));
        }
        return str_pad($text, 60);
    }

    private static function duration(float $seconds): string
    {
        $s = (int) ceil($seconds);
        return $s >= 3600 ? sprintf('%dh%02dm', intdiv($s, 3600), intdiv($s % 3600, 60))
            : ($s >= 60 ? sprintf('%dm%02ds', intdiv($s, 60), $s % 60) : "{$s}s");
    }
}
