--TEST--
Program: clone throws Error (programs are immutable, share them)
--EXTENSIONS--
loyalty
--FILE--
<?php
$p = Loyalty\Program::fromArray(['segments' => ['vip' => "'VIP' in groups"]]);
try {
    $q = clone $p;
    echo "cloned\n";
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// the original is untouched
echo implode(',', $p->segmentNames()), "\n";
--EXPECT--
Error: Trying to clone an uncloneable object of class Loyalty\Program
all,disabled,no_orders,first_order_recent,loyal,customers,vip
