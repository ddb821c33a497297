#!/usr/bin/env bash
# The main job: builds the extension and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
php -n -d extension_dir="$PWD/modules" -d extension=loyalty.so examples/checkout.php
