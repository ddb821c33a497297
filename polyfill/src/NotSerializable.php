<?php

declare(strict_types=1);

namespace Loyalty\Polyfill;

/**
 * Refuses serialize()/unserialize() with the messages PHP gives for the extension's classes.
 * A PHP class cannot refuse before unserialize() makes the object, as the extension's classes do:
 * the object it made and refused may still be caught by a destructor, so it stays dead for good
 * (refusedByUnserialize()). The classes using this trait implement \Serializable, so that the
 * `C:` format is refused too rather than giving an object no method ever initialized.
 */
trait NotSerializable
{
    public function __serialize(): array
    {
        throw new \Exception("Serialization of '" . self::class . "' is not allowed");
    }

    public function __unserialize(array $data): void
    {
        $this->refuseUnserialize();
    }

    /** Serializable: never called by serialize() (__serialize() comes first). */
    public function serialize(): ?string
    {
        $this->__serialize(); // throws
        return null;
    }

    /** Serializable: the `C:` format. */
    public function unserialize(string $data): void
    {
        $this->refuseUnserialize();
    }

    private function refuseUnserialize(): void
    {
        self::refused()[$this] = true;
        throw new \Exception("Unserialization of '" . self::class . "' is not allowed");
    }

    /** For constructors: an object unserialize() made and refused cannot be constructed later. */
    private function assertNotRefused(): void
    {
        if (isset(self::refused()[$this])) {
            throw new \Error('Loyalty\\' . substr(strrchr(self::class, '\\'), 1) . ' is unusable: its unserialization failed');
        }
    }

    /**
     * The objects unserialize() made and this trait refused (a static variable, not a static
     * property: the class shows the extension's properties only).
     * @return \WeakMap<object, true>
     */
    private static function refused(): \WeakMap
    {
        static $refused = null;
        return $refused ??= new \WeakMap();
    }
}
