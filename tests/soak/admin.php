<?php
/*
 * The merchant's side of scripts/soak.sh (CLI, on the soak's MariaDB through STACK_DIR):
 *   php admin.php setup CUSTOMERS   tables, sample customers with points, settings version 1: examples/shop.json
 *                                   with its first points bracket only (points bought at 10 per 1.00, with the
 *                                   advantages too), so that checkouts spend points
 *   php admin.php publish           a new settings version: the points programme earns twice as fast
 * Prints the version in force.
 */
declare(strict_types=1);
require __DIR__ . '/lib.php';

$db = soak_db();
$shop = json_decode((string) file_get_contents(__DIR__ . '/../../examples/shop.json'), true, 512, JSON_THROW_ON_ERROR);
switch ($argv[1] ?? '') {
    case 'setup':
        $shop['loyalty']['brackets'] = [$shop['loyalty']['brackets'][0]];
        $shop['loyalty']['spend']['with_advantage'] = true;
        soak_schema($db);
        soak_seed($db, (int) ($argv[2] ?? 10000), time());
        echo soak_publish_settings($db, json_encode($shop)), "\n";
        break;
    case 'publish':
        [$version, $json] = soak_settings($db);
        $settings = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        $settings['loyalty']['earn']['per_amount'] = max(1, intdiv($settings['loyalty']['earn']['per_amount'], 2));
        echo soak_publish_settings($db, json_encode($settings)), "\n";
        break;
    default:
        fwrite(STDERR, "usage: php admin.php setup CUSTOMERS | publish\n");
        exit(2);
}
