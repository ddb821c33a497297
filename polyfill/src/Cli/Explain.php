<?php

declare(strict_types=1);

namespace Loyalty\Polyfill\Cli;

use Loyalty\Engine;

/** @internal `loyalty explain`: one checkout in words, as the demo prints it. */
final class Explain
{
    /** @param resource $out */
    public function __construct(private $out)
    {
    }

    public function run(string $settings, string $cartFile, string $customerFile, ?string $at): int
    {
        $engine = new Engine(Input::contents($settings));
        $cart = Input::json($cartFile);
        $customer = Input::json($customerFile);
        if (!is_array($cart) || !is_array($customer)) {
            throw new Failure(!is_array($cart) ? "$cartFile: expected a JSON object" : "$customerFile: expected a JSON object");
        }
        $r = $engine->evaluate($cart, $customer, $at);
        $o = 'segments: ' . implode(', ', $r->segments) . "\n";
        $rows = [];
        foreach ($r->lines as $line) {
            $rows[] = ['  ' . (is_scalar($line['sku']) ? (string) $line['sku'] : '-'), Text::money($line['amount']),
                'discount ' . Text::money($line['discount']), isset($line['points']) ? $line['points'] . ' points' : ''];
        }
        $o .= Text::table($rows);
        $o .= 'subtotal ' . Text::money($r->subtotal) . "\n";
        foreach ($r->applied as $a) {
            $o .= sprintf("+ %s: -%s%s%s\n", $a['label'], Text::money($a['discount']), $a['free_shipping'] ? ', free shipping' : '',
                $a['points_spent'] ? ", {$a['points_spent']} points used" : '');
        }
        foreach ($r->rejected as $x) {
            $o .= sprintf("- %s not applied: %s\n", $x['id'], $x['message']);
        }
        $o .= sprintf("shipping %s%s\n", Text::money($r->shipping), $r->freeShipping ? ' (offered)' : '');
        $o .= 'TOTAL ' . Text::money($r->total) . "\n";
        $o .= sprintf("points: +%d earned, -%d spent, balance %d\n", $r->pointsEarned, $r->pointsSpent, $r->pointsBalance);
        fwrite($this->out, $o);
        return 0;
    }
}
