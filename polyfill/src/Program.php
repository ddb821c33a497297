<?php
declare(strict_types=1);

namespace Loyalty\Polyfill;

use Loyalty\ConfigException;
use Loyalty\Polyfill\Settings\CompiledProgram;
use Loyalty\Polyfill\Settings\Loader;
use Loyalty\Polyfill\Settings\Warnings;

/**
 * Immutable compiled settings (SPEC 8), the pure-PHP twin of the extension's Loyalty\Program.
 * Two programs are equal (==) when their normalized settings are: the only property is the
 * normalized settings; the compiled form lives beside the object, in a WeakMap.
 */
final class Program implements \Serializable
{
    use NoDynamicProperties;

    private const MAX_JSON_BYTES = 16 * 1024 * 1024;

    /** @var \WeakMap<Program, CompiledProgram>|null */
    private static ?\WeakMap $compiled = null;

    /** @var \WeakMap<Program, true>|null programs whose unserialization failed: unusable for good */
    private static ?\WeakMap $failed = null;

    /** @var array<string, mixed> normalized settings */
    private array $settings;

    private function __construct()
    {
    }

    public static function fromArray(array $settings = []): Program
    {
        Args::count('Loyalty\\Program::fromArray', func_num_args(), 1, 1);
        return self::wrap(Loader::load($settings));
    }

    public static function fromJson(string $json = ''): Program
    {
        Args::count('Loyalty\\Program::fromJson', func_num_args(), 1, 1);
        if (strlen($json) > self::MAX_JSON_BYTES) {
            throw new ConfigException(sprintf('settings: %d bytes of JSON, at most %d', strlen($json), self::MAX_JSON_BYTES), 1);
        }
        if (strlen($json) >= 64 * 1024) {
            self::checkSize($json);
        }
        try {
            $settings = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            $message = match ($e->getCode()) {
                JSON_ERROR_DEPTH => 'Maximum stack depth exceeded',
                JSON_ERROR_STATE_MISMATCH => 'State mismatch (invalid or malformed JSON)',
                JSON_ERROR_CTRL_CHAR => 'Control character error, possibly incorrectly encoded',
                JSON_ERROR_UTF8 => 'Malformed UTF-8 characters, possibly incorrectly encoded',
                JSON_ERROR_UTF16 => 'Single unpaired UTF-16 surrogate in unicode escape',
                default => 'Syntax error',
            };
            json_decode('0'); // the extension leaves json_last_error() at JSON_ERROR_NONE
            throw new ConfigException("settings: invalid JSON: $message", 1);
        }
        return self::wrap(Loader::load($settings));
    }

    /**
     * Large settings are refused before json_decode() runs out of memory_limit on them, with the
     * extension's estimate: one value more per `,`, `[` and `{` outside strings, 450 bytes each.
     */
    private static function checkSize(string $json): void
    {
        $values = 1;
        $len = strlen($json);
        for ($i = 0, $inString = false; $i < $len; $i++) {
            if ($inString) {
                $i += strcspn($json, '"\\', $i);
                if ($i < $len && $json[$i] === '\\') {
                    $i++; // the escaped character
                } else {
                    $inString = false;
                }
            } else {
                $i += strcspn($json, '",[{', $i);
                if ($i < $len) {
                    $json[$i] === '"' ? $inString = true : $values++;
                }
            }
        }
        if ($values > 4000000) {
            throw new ConfigException('settings: more than 4000000 values', 1);
        }
        $limit = self::bytes((string) ini_get('memory_limit'));
        if ($limit <= 0) {
            return;
        }
        $need = $values * 450;
        $left = max(0, $limit - memory_get_usage());
        if ($need > $left) {
            throw new ConfigException(sprintf('settings: up to %d values may need %d MiB to compile, memory_limit leaves %d MiB',
                $values, $need >> 20, $left >> 20), 1);
        }
    }

    /** memory_limit in bytes ("128M", "1G", "-1"), as PHP reads it. */
    private static function bytes(string $quantity): int
    {
        $n = (int) $quantity;
        return match (strtolower(substr(trim($quantity), -1))) {
            'k' => $n << 10,
            'm' => $n << 20,
            'g' => $n << 30,
            default => $n,
        };
    }

    private static function wrap(CompiledProgram $compiled): self
    {
        $p = new self();
        $p->attach($compiled);
        return $p;
    }

    private function attach(CompiledProgram $compiled): void
    {
        $this->settings = $compiled->settings;
        self::$compiled ??= new \WeakMap();
        self::$compiled[$this] = $compiled;
    }

    /** @internal the compiled form; an Error when the object was never initialized */
    public function compiled(): CompiledProgram
    {
        return self::$compiled[$this] ?? throw new \Error('Loyalty\\Program is not initialized');
    }

    public function toArray(): array
    {
        Args::count('Loyalty\\Program::toArray', func_num_args(), 0, 0);
        return $this->compiled()->settings;
    }

    /** @internal normalized settings, exactly what the extension's toArray() returns */
    public function settings(): array
    {
        return $this->compiled()->settings;
    }

    /**
     * @internal validated, converted customer, every documented key checked (as evaluate() does);
     * throws \Loyalty\InputException with paths like "customer.orders"
     */
    public function customer(array $customer, int $now, string $path = 'customer'): Customer
    {
        return Customer::fromArray($this->compiled(), $this, $customer, $now, $path, Customer::ALL_FIELDS);
    }

    /** @return list<string> built-in segments first, then custom ones in settings order */
    public function segmentNames(): array
    {
        Args::count('Loyalty\\Program::segmentNames', func_num_args(), 0, 0);
        return $this->compiled()->segmentNames;
    }

    /** @return list<array{path: string, message: string}> contradictions found at compile time */
    public function warnings(): array
    {
        Args::count('Loyalty\\Program::warnings', func_num_args(), 0, 0);
        return Warnings::of($this->compiled());
    }

    public function __serialize(): array
    {
        Args::count('Loyalty\\Program::__serialize', func_num_args(), 0, 0);
        return ['settings' => $this->compiled()->settings];
    }

    public function __unserialize(array $data = []): void
    {
        Args::count('Loyalty\\Program::__unserialize', func_num_args(), 1, 1);
        if (isset(self::$compiled[$this])) {
            throw new \Error('Loyalty\\Program is immutable: it cannot be unserialized again');
        }
        if (isset(self::$failed[$this])) {
            throw new \Error('Loyalty\\Program is unusable: its unserialization failed');
        }
        try {
            // exactly what __serialize() writes: one member, `settings`, an array
            if (count($data) !== 1 || !array_key_exists('settings', $data) || !is_array($data['settings'])) {
                throw self::invalidSerialized();
            }
            $this->attach(Loader::load($data['settings']));
        } catch (\Throwable $e) {
            $this->markFailed(); // caught by a destructor, the object stays dead
            throw $e;
        }
    }

    /** Serializable: never called by serialize() (__serialize() comes first). */
    public function serialize(): ?string
    {
        throw new \Error('Loyalty\\Program is serialized by __serialize()');
    }

    /**
     * Serializable, only so that the `C:` format is refused inside unserialize() (as the extension
     * does) rather than giving an object no method ever initialized.
     */
    public function unserialize(string $data): void
    {
        $this->markFailed();
        throw self::invalidSerialized();
    }

    private function markFailed(): void
    {
        self::$failed ??= new \WeakMap();
        self::$failed[$this] = true;
    }

    private static function invalidSerialized(): ConfigException
    {
        return new ConfigException('settings: invalid serialized Loyalty\\Program', 1);
    }

    public function __clone()
    {
        throw new \Error('Trying to clone an uncloneable object of class ' . self::class);
    }

    /** As the extension shows it: no properties. */
    public function __debugInfo(): array
    {
        return [];
    }
}
