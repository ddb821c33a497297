--TEST--
$now under strict_types: a float or a bool is a TypeError
--EXTENSIONS--
loyalty
--FILE--
<?php
declare(strict_types=1);
use Loyalty\Engine;

$e = new Engine([]);
foreach ([1.5, 1700000000.0, true] as $now) {
    try {
        $e->segmentsOf([], $now);
        echo "no exception\n";
    } catch (Throwable $t) {
        printf("%s: %s\n", get_class($t), $t->getMessage());
    }
}
// valid forms still work under strict_types
echo implode(',', $e->segmentsOf(['orders' => 1, 'first_order' => 1699999000], 1700000000)), "\n";
echo implode(',', $e->segmentsOf(['orders' => 1, 'first_order' => 1699999000], '@1700000000')), "\n";
echo implode(',', $e->segmentsOf(['orders' => 1, 'first_order' => 1699999000], new DateTimeImmutable('@1700000000'))), "\n";
?>
--EXPECTF--
TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type %s, float given
TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type %s, float given
TypeError: Loyalty\Engine::segmentsOf(): Argument #2 ($now) must be of type %s, bool given
all,customers,first_order_recent
all,customers,first_order_recent
all,customers,first_order_recent
