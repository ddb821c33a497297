<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Settings;

/**
 * @internal When an advantage is active (SPEC 11, 13), as src/settings/lty_schedule.c: from starts_at
 * (included) to ends_at (excluded), on some days and hours read on the wall clock of the
 * program's timezone; a window wrapping midnight belongs to the day it opened.
 */
final class Schedule
{
    public const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    public const ACTIVE = 0;
    public const NOT_STARTED = 1;
    public const ENDED = 2;
    public const OFF_DAY = 3;
    public const OFF_HOURS = 4;

    public ?int $startsAt;
    public ?int $endsAt;
    /** @var array<int, true>|null weekday (monday 0) => true; null: every day */
    public ?array $days = null;
    /** @var array{int, int}|null minutes of the local day: open, close (may wrap) */
    public ?array $hours = null;

    public function __construct(array $a)
    {
        $this->startsAt = $a['starts_at'] ?? null;
        $this->endsAt = $a['ends_at'] ?? null;
        if (isset($a['days'])) {
            $this->days = array_fill_keys(array_map(static fn (string $d) => array_search($d, self::DAYS, true), $a['days']), true);
        }
        if (isset($a['hours'])) {
            $this->hours = self::parseHours($a['hours']);
        }
    }

    public static function of(array $a): ?self
    {
        return isset($a['starts_at']) || isset($a['ends_at']) || isset($a['days']) || isset($a['hours']) ? new self($a) : null;
    }

    /** "HH:MM-HH:MM" as [open, close] minutes; null when malformed (24:00 only as an end, equal ends refused). */
    public static function parseHours(string $s): ?array
    {
        if (!preg_match('/^([0-9]{2}):([0-5][0-9])-([0-9]{2}):([0-5][0-9])$/D', $s, $m)) {
            return null;
        }
        [$oh, $om, $ch, $cm] = [(int) $m[1], (int) $m[2], (int) $m[3], (int) $m[4]];
        if ($oh > 23 || $ch > 24 || ($ch === 24 && $cm !== 0)) {
            return null;
        }
        $open = $oh * 60 + $om;
        $close = $ch * 60 + $cm;
        return $open === $close ? null : [$open, $close];
    }

    public function usesClock(): bool
    {
        return $this->days !== null || $this->hours !== null;
    }

    /** One of the constants above; `$offset` is the timezone's UTC offset at `$now`. */
    public function check(int $now, int $offset): int
    {
        if ($this->startsAt !== null && $now < $this->startsAt) {
            return self::NOT_STARTED;
        }
        if ($this->endsAt !== null && $now >= $this->endsAt) {
            return self::ENDED;
        }
        if (!$this->usesClock()) {
            return self::ACTIVE;
        }
        $local = $now > PHP_INT_MAX - $offset || $now < PHP_INT_MIN - $offset ? $now : $now + $offset;
        $day = intdiv($local, 86400) - (($local % 86400 !== 0 && $local < 0) ? 1 : 0);
        $minute = intdiv($local - $day * 86400, 60);
        if ($this->hours === null) {
            return $this->dayOn($day) ? self::ACTIVE : self::OFF_DAY;
        }
        [$open, $close] = $this->hours;
        if ($open < $close) {
            if (!$this->dayOn($day)) {
                return self::OFF_DAY;
            }
            return $minute >= $open && $minute < $close ? self::ACTIVE : self::OFF_HOURS;
        }
        if ($minute >= $open) {
            return $this->dayOn($day) ? self::ACTIVE : self::OFF_DAY;
        }
        if ($minute < $close) {
            return $this->dayOn($day - 1) ? self::ACTIVE : self::OFF_DAY;
        }
        return $this->dayOn($day) || $this->dayOn($day - 1) ? self::OFF_HOURS : self::OFF_DAY;
    }

    private function dayOn(int $day): bool
    {
        $w = ($day + 3) % 7; // 1970-01-01, day 0, was a Thursday
        return $this->days === null || isset($this->days[$w < 0 ? $w + 7 : $w]);
    }

    /** The message of a rejection in state `$state`, `$seconds` from its start or end. */
    public function message(int $state, int $seconds): string
    {
        return match ($state) {
            self::NOT_STARTED => 'starts in ' . self::words($seconds),
            self::ENDED => $seconds < 1 ? 'ended' : 'ended ' . self::words($seconds) . ' ago',
            default => 'only ' . $this->window(),
        };
    }

    /** "2 days 3 hours", "45 minutes": the two largest units, stopping at a zero one. */
    private static function words(int $seconds): string
    {
        $parts = [];
        foreach ([86400 => 'day', 3600 => 'hour', 60 => 'minute', 1 => 'second'] as $size => $name) {
            $n = intdiv($seconds, $size);
            if ($n === 0) {
                if ($parts !== []) {
                    break;
                }
                continue;
            }
            $seconds -= $n * $size;
            $parts[] = $n . ' ' . $name . ($n === 1 ? '' : 's');
            if (count($parts) === 2) {
                break;
            }
        }
        return implode(' ', $parts);
    }

    /** "on mon, fri 22:00-02:00" */
    private function window(): string
    {
        $out = '';
        if ($this->days !== null) {
            $names = [];
            foreach (self::DAYS as $i => $name) {
                if (isset($this->days[$i])) {
                    $names[] = $name;
                }
            }
            $out = 'on ' . implode(', ', $names);
        }
        if ($this->hours !== null) {
            [$open, $close] = $this->hours;
            $out .= ($out === '' ? '' : ' ') . sprintf('%02d:%02d-%02d:%02d', intdiv($open, 60), $open % 60, intdiv($close, 60), $close % 60);
        }
        return $out;
    }
}
