--TEST--
Program: invalid loyalty.expiry (days 1..36500, mode, warn_days)
--EXTENSIONS--
loyalty
--FILE--
<?php
function check($settings): void {
    try {
        is_string($settings)
            ? Loyalty\Program::fromJson($settings)
            : Loyalty\Program::fromArray($settings);
        echo "accepted\n";
    } catch (Loyalty\ConfigException $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
function ex($e): array { return ['loyalty' => ['expiry' => $e]]; }

check(ex(365));
check(ex([365]));
// days: required, whole days 1..36500
check(ex([]));
check(ex(['mode' => 'rolling']));
check(ex(['days' => null]));
check(ex(['days' => 0]));
check(ex(['days' => -1]));
check(ex(['days' => 36501]));
check(ex(['days' => 365.0]));
check(ex(['days' => 365.5]));
check(ex(['days' => '365']));
// mode
check(ex(['days' => 365, 'mode' => 'fifo']));
check(ex(['days' => 365, 'mode' => 'Rolling']));
check(ex(['days' => 365, 'mode' => 1]));
// warn_days: list of whole days 1..36500
check(ex(['days' => 365, 'warn_days' => 30]));
check(ex(['days' => 365, 'warn_days' => ['a' => 30]]));
check(ex(['days' => 365, 'warn_days' => [30, 0]]));
check(ex(['days' => 365, 'warn_days' => [-7]]));
check(ex(['days' => 365, 'warn_days' => [36501]]));
check(ex(['days' => 365, 'warn_days' => [7.0]]));
check(ex(['days' => 365, 'warn_days' => ['7']]));
check(ex(['days' => 365, 'warn_days' => [null]]));
--EXPECT--
Loyalty\ConfigException (1): loyalty.expiry: expected an object (array with string keys), got int
Loyalty\ConfigException (1): loyalty.expiry: expected an object (array with string keys), got list
Loyalty\ConfigException (1): loyalty.expiry.days: is required
Loyalty\ConfigException (1): loyalty.expiry.days: is required
Loyalty\ConfigException (1): loyalty.expiry.days: is required
Loyalty\ConfigException (1): loyalty.expiry.days: must be >= 1, got 0
Loyalty\ConfigException (1): loyalty.expiry.days: must be >= 1, got -1
Loyalty\ConfigException (1): loyalty.expiry.days: must be <= 36500, got 36501
Loyalty\ConfigException (1): loyalty.expiry.days: expected int, got float
Loyalty\ConfigException (1): loyalty.expiry.days: expected int, got float
Loyalty\ConfigException (1): loyalty.expiry.days: expected int, got string
Loyalty\ConfigException (1): loyalty.expiry.mode: must be one of 'rolling', 'per_lot', got 'fifo'
Loyalty\ConfigException (1): loyalty.expiry.mode: must be one of 'rolling', 'per_lot', got 'Rolling'
Loyalty\ConfigException (1): loyalty.expiry.mode: expected string, got int
Loyalty\ConfigException (1): loyalty.expiry.warn_days: expected a list of days, got int
Loyalty\ConfigException (1): loyalty.expiry.warn_days: expected a list of days, got array
Loyalty\ConfigException (1): loyalty.expiry.warn_days[1]: must be between 1 and 36500 days
Loyalty\ConfigException (1): loyalty.expiry.warn_days[0]: must be between 1 and 36500 days
Loyalty\ConfigException (1): loyalty.expiry.warn_days[0]: must be between 1 and 36500 days
Loyalty\ConfigException (1): loyalty.expiry.warn_days[0]: expected int (days), got float
Loyalty\ConfigException (1): loyalty.expiry.warn_days[0]: expected int (days), got string
Loyalty\ConfigException (1): loyalty.expiry.warn_days[0]: expected int (days), got null
