<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

/** Refuses serialize()/unserialize() with the messages PHP gives for the extension's classes. */
trait NotSerializable
{
    public function __serialize(): array
    {
        throw new \Exception("Serialization of '" . self::class . "' is not allowed");
    }

    public function __unserialize(array $data): void
    {
        throw new \Exception("Unserialization of '" . self::class . "' is not allowed");
    }
}
