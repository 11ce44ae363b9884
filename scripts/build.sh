#!/usr/bin/env bash
# Builds the site to publish into dist/, from a site file (default: site.toml).
#   scripts/build.sh                      the site that site.toml describes
#   scripts/build.sh ../my-council/site.toml
# Every proposal the site file names is checked; a problem stops the build with its reason.
set -euo pipefail
config=$(realpath "${1:-site.toml}")
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/path.sh
SITE_CONFIG="$config" trunk build --release --offline
echo "The site is in $PWD/dist/: copy every file in it to a folder of your web server, index.html"
echo "last, and set the cache headers the README gives (\"Publish it on your website\", step 5)."
