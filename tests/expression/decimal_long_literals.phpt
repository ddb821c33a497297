--TEST--
Expressions: random 16-19 digit literals against float attributes (the literal's own float and its neighbours) and ints, compared with the exact rule; too many decimals or digits is the same compile error (issue 19)
--EXTENSIONS--
loyalty
--FILE--
<?php
// The rule (docs/expressions.md, Decimals): a literal is exact (at most 6 decimals, within
// +-9223372036854.775807; an int literal within PHP_INT_MAX); a float attribute is its
// shortest digits (var_export() with serialize_precision -1) cut toward zero to millionths,
// null beyond the range; comparisons are exact. The expected answers below come from that
// rule in decimal strings, so the extension and the polyfill are each held to the same
// answers (not to each other's).

// A decimal string (digits, '.', an optional '-') as millionths, a string of digits with a
// sign, cut toward zero; null when it has no exact value in range (the literal case: $exact).
function millionths(string $s, bool $exact): ?string {
    $neg = $s[0] === '-';
    [$int, $frac] = explode('.', ltrim($s, '-') . '.');
    $frac = rtrim($frac, '0');
    if ($exact && strlen($frac) > 6) {
        return null;
    }
    $m = ltrim($int . str_pad(substr($frac, 0, 6), 6, '0'), '0');
    if (strlen($m) > 19 || (strlen($m) === 19 && strcmp($m, '9223372036854775807') > 0)) {
        return null;
    }
    return $m === '' ? '0' : ($neg ? "-$m" : $m);
}
// -1, 0, 1 for two signed digit strings
function cmp(string $a, string $b): int {
    $na = $a[0] === '-';
    $nb = $b[0] === '-';
    if ($na !== $nb) {
        return $na ? -1 : 1;
    }
    $a = ltrim($a, '-');
    $b = ltrim($b, '-');
    $c = strlen($a) <=> strlen($b) ?: strcmp($a, $b) <=> 0;
    return $na ? -$c : $c;
}
// A float as the decimal string it prints as (1.0E+25 and 1.0E-7 written out)
function printed(float $x): string {
    $s = var_export($x, true);
    if (!preg_match('/^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/', $s, $p)) {
        exit("unexpected float text $s\n");
    }
    $digits = $p[2] . ($p[3] ?? '');
    $point = strlen($p[2]) + (int) ($p[4] ?? 0);
    if ($point <= 0) {
        $digits = str_repeat('0', 1 - $point) . $digits;
        $point = 1;
    } elseif ($point > strlen($digits)) {
        $digits .= str_repeat('0', $point - strlen($digits));
    }
    return $p[1] . substr($digits, 0, $point) . '.' . substr($digits, $point);
}
// The floats next to $x (positive, finite): its IEEE bits, big-endian, one up and one down
// (bytes, not a 64-bit int, so that 32-bit PHP runs it too).
function neighbours(float $x): array {
    $step = function (string $bits, int $d): float {
        for ($i = 7; $i >= 0; $i--) {
            $b = ord($bits[$i]) + $d;
            $bits[$i] = chr($b & 0xff);
            if ($b >= 0 && $b <= 0xff) {
                break;
            }
        }
        return unpack('E', $bits)[1];
    };
    $bits = pack('E', abs($x));
    $sign = $x < 0 ? -1 : 1;
    return [$sign * $step($bits, -1), $x, $sign * $step($bits, 1)];
}

mt_srand(19);
$ops = ['==' => [0], '!=' => [-1, 1], '<' => [-1], '<=' => [-1, 0], '>' => [1], '>=' => [0, 1]];
$cases = $differ = $errors = 0;
for ($i = 0; $i < 1500; $i++) {
    $n = mt_rand(16, 19);
    $digits = (string) mt_rand(1, 9);
    for ($k = 1; $k < $n; $k++) {
        $digits .= mt_rand(0, 9);
    }
    $decimals = mt_rand(0, 2) === 0 ? 0 : mt_rand(1, 9);   // 7 to 9 decimals cannot be held
    $literal = $decimals ? substr($digits, 0, $n - $decimals) . '.' . substr($digits, $n - $decimals) : $digits;
    $negative = mt_rand(0, 3) === 0;
    $text = $negative ? "0 - $literal" : $literal;
    $value = $decimals ? millionths($literal, true)
        : (strlen($literal) < 19 || strcmp($literal, '9223372036854775807') <= 0 ? $literal . '000000' : null);
    $segments = [];
    foreach (array_keys($ops) as $j => $op) {
        $segments["s$j"] = "attr.x $op $text";
    }
    try {
        $engine = new Loyalty\Engine(['segments' => $segments]);
    } catch (Loyalty\ExpressionException $e) {
        $errors++;
        $want = $decimals
            ? (strlen(rtrim(substr($literal, strpos($literal, '.') + 1), '0')) > 6 ? 'decimal literal has more than 6 digits after the point' : 'decimal literal exceeds 9223372036854.775807')
            : 'integer literal exceeds PHP_INT_MAX';
        if ($value !== null || !str_contains($e->getMessage(), $want)) {
            $differ++;
            echo "$text: ", $e->getMessage(), "\n";
        }
        continue;
    }
    if ($value === null) {
        $differ++;
        echo "$text: compiled\n";
        continue;
    }
    if ($negative) {
        $value = $value === '0' ? '0' : "-$value";
    }
    $xs = neighbours(($negative ? -1 : 1) * (float) $literal);
    if (!$decimals && (strlen($literal) < strlen((string) PHP_INT_MAX)
            || (strlen($literal) === strlen((string) PHP_INT_MAX) && strcmp($literal, (string) PHP_INT_MAX) <= 0))) {
        $xs[] = (int) (($negative ? '-' : '') . $literal);   // an int attribute: int against int
    }
    foreach ($xs as $x) {
        $in = array_flip($engine->segmentsOf(['attributes' => ['x' => $x]]));
        $m = is_int($x) ? $x . '000000' : millionths(printed($x), false);
        foreach (array_keys($ops) as $j => $op) {
            $cases++;
            $want = $m !== null && in_array(cmp($m, $value), $ops[$op], true);
            if (isset($in["s$j"]) !== $want) {
                if (++$differ <= 10) {
                    echo "attr.x $op $text with x = ", var_export($x, true), ': ', $want ? 'expected true' : 'expected false', "\n";
                }
            }
        }
    }
}
echo $cases > 10000 ? 'many' : "only $cases", ' comparisons, ', $errors > 300 ? 'many' : "only $errors", " literals refused, $differ differ from the rule\n";
?>
--EXPECT--
many comparisons, many literals refused, 0 differ from the rule
