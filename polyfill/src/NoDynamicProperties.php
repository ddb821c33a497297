<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

/** No properties from outside, as the extension's objects (strict properties). */
trait NoDynamicProperties
{
    public function __set(string $name, mixed $value): void
    {
        throw new \Error('Cannot create dynamic property ' . self::class . '::$' . $name);
    }

    public function __get(string $name): mixed
    {
        trigger_error('Undefined property: ' . self::class . '::$' . $name, E_USER_WARNING);
        return null;
    }

    public function __isset(string $name): bool
    {
        return false;
    }
}
