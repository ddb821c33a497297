<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

use Loyalty\ConfigException;
use Loyalty\Program;

/** @internal `loyalty check SETTINGS.json`: compiles; the error with its path (and caret), and the warnings. */
final class Check
{
    /** @param resource $out */
    public function __construct(private $out)
    {
    }

    public function run(string $settings): int
    {
        try {
            $program = Program::fromJson(Input::contents($settings));
        } catch (ConfigException $e) {
            fwrite($this->out, "$settings: error: " . $e->getMessage() . "\n");
            return 1;
        }
        $a = $program->toArray();
        fwrite($this->out, sprintf("%s: ok: %d segments, %d advantages, %s, timezone %s\n", $settings,
            count($a['segments']), count($a['advantages']), $a['loyalty'] === null ? 'no loyalty points'
                : count($a['loyalty']['brackets']) . ' loyalty brackets', $a['timezone']));
        foreach ($program->warnings() as $w) {
            fwrite($this->out, "$settings: warning: {$w['path']}: {$w['message']}\n");
        }
        return 0;
    }
}
