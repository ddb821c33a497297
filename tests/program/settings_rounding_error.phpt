--TEST--
Program: rounding accepts half_up (default), half_even, down only
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

// accepted values, default half_up
foreach (['half_up', 'half_even', 'down'] as $r) {
    echo $r, ' -> ', Loyalty\Program::fromArray(['rounding' => $r])->toArray()['rounding'], "\n";
}
echo Loyalty\Program::fromArray([])->toArray()['rounding'], "\n";
// anything else is refused
check(['rounding' => 'up']);
check(['rounding' => 'HALF_UP']);
check(['rounding' => 'half-even']);
check(['rounding' => '']);
check(['rounding' => 1]);
check(['rounding' => ['down']]);
check('{"rounding": "ceil"}');
--EXPECT--
half_up -> half_up
half_even -> half_even
down -> down
half_up
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got 'up'
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got 'HALF_UP'
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got 'half-even'
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got ''
Loyalty\ConfigException (1): rounding: expected string, got int
Loyalty\ConfigException (1): rounding: expected string, got list
Loyalty\ConfigException (1): rounding: must be one of 'half_up', 'half_even', 'down', got 'ceil'
