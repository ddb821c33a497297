<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

/** @internal A problem with the command line or its files: printed on stderr, exit code 1 or 2. */
final class Failure extends \RuntimeException
{
    public function __construct(string $message, int $code = 1)
    {
        parent::__construct($message, $code);
    }
}
