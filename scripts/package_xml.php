<?php
/*
 * Rewrites the <contents> of package.xml from the files pecl must ship:
 *   php scripts/package_xml.php          update package.xml
 *   php scripts/package_xml.php --check  exit 1 when package.xml is out of date
 * tests/build/package.phpt runs the check.
 */
declare(strict_types=1);

$root = dirname(__DIR__);
$patterns = [
    'config.m4', 'config.w32', 'Makefile.frag', 'sources.list', 'README.md', 'LICENSE',
    'docs/*.md', 'stubs/*.php', 'ext/*.c', 'ext/*.h', 'ext/*.stub.php', 'src/*/*.c', 'src/*/*.h', 'src/*/*.re',
    'tests/*/*.phpt', 'tests/*/*.inc', 'examples/*.php', 'examples/*.json',
    'examples/*/*/*.php', 'examples/*/*/*/*.php', 'examples/*/*/*/*/*.php',
    'examples/prestashop/*/views/templates/*/*.tpl', 'examples/prestashop/*/mails/*/*',
];
$files = [];
foreach ($patterns as $pattern) {
    foreach (glob("$root/$pattern") as $path) {
        $files[] = substr($path, strlen($root) + 1);
    }
}
sort($files);

$roles = ['phpt' => 'test', 'inc' => 'test', 'md' => 'doc', 'php' => 'src', 'json' => 'doc'];
$lines = [];
foreach ($files as $file) {
    $ext = pathinfo($file, PATHINFO_EXTENSION);
    $role = str_starts_with($file, 'tests/') ? 'test'
        : (str_starts_with($file, 'examples/') || $ext === 'md' || $file === 'LICENSE' ? 'doc' : 'src');
    $lines[] = sprintf('   <file name="%s" role="%s"/>', $file, $role);
}
$contents = "<contents>\n  <dir name=\"/\">\n" . implode("\n", $lines) . "\n  </dir>\n </contents>";

$xml = file_get_contents("$root/package.xml");
$updated = preg_replace('#<contents>.*</contents>#s', $contents, $xml, 1);
if (in_array('--check', $argv, true)) {
    if ($updated !== $xml) {
        fwrite(STDERR, "package.xml is out of date: run php scripts/package_xml.php\n");
        exit(1);
    }
    echo "package.xml lists ", count($files), " files\n";
    exit(0);
}
file_put_contents("$root/package.xml", $updated);
echo "package.xml lists ", count($files), " files\n";
