#!/usr/bin/env bash
# The benchmark: the model natively (criterion), the release page in headless Chromium (slider
# and number-box steps at 1x and 4x CPU throttling, a slider dragged, loading) and the download
# sizes, printed as one report. Record a full run, with its date and machine, in docs/benchmarks.md.
#
#   scripts/bench.sh           the full run (its page part 27 minutes on a 2-core machine: each step
#                              waits for the switching values too)
#   scripts/bench.sh --quick   proves it runs: criterion once unmeasured, 20 steps in the page
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
source scripts/path.sh
BENCH_STARTED=$(date +%s)
export BENCH_STARTED
if [ "${1:-}" = "--quick" ]; then
  cargo bench --bench model -- --test
  [ -f dist/index.html ] || trunk build --release --offline
  node scripts/bench-page.mjs --quick
else
  cargo bench --bench model
  trunk build --release --offline
  node scripts/bench-page.mjs
fi
