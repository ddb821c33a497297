<?php
/*
 * The exception classes of the extension (ext/loyalty.stub.php), declared only when the
 * extension is absent: with it loaded the polyfill throws the extension's own classes.
 * Codes: 1 config, 2 expression, 3 input, 4 ledger.
 */
declare(strict_types=1);

namespace Loyalty;

if (!interface_exists(Exception::class, false)) {
    /** Marker interface of every exception the loyalty engine throws. */
    interface Exception extends \Throwable
    {
    }

    /** Invalid settings; the message starts with the path of the bad value. */
    class ConfigException extends \InvalidArgumentException implements Exception
    {
    }

    /** A segment expression that does not compile; the message gives the column and a caret line. */
    final class ExpressionException extends ConfigException
    {
    }

    /** Invalid customer, cart or ledger input; the message starts with the path of the bad value. */
    final class InputException extends \InvalidArgumentException implements Exception
    {
    }

    /** A ledger operation that cannot be carried out (spending more points than available). */
    final class LedgerException extends \RuntimeException implements Exception
    {
    }
}
