#!/usr/bin/env bash
# Runs every check: formatting, lints, the model's tests (golden, property, codec, CLI), the
# release build, the component tests in headless Chromium and the whole-page browser tests with
# the accessibility audit. Installs what it needs first (scripts/setup.sh --tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
source scripts/path.sh

step() { printf '\n== %s\n' "$*"; }

# Every runner's output is kept, so the last line can total what all of them ran.
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

step "Formatting (cargo fmt --check)"
cargo fmt --check

step "Lints (cargo clippy --all-targets -- -D warnings)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Release build of the page (trunk build --release)"
trunk build --release --offline

if [ -d tests/browser ]; then
  step "Whole-page browser tests and accessibility audit (Playwright, headless Chromium)"
  node --test tests/browser/ | tee -a "$RESULTS"
fi

step "Benchmark, quick mode (proves scripts/bench.sh runs; its figures are not checked)"
node scripts/bench-page.mjs --quick

if [ -f tests/web.rs ]; then
  step "Component tests in headless Chromium (wasm-bindgen-test)"
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web | tee -a "$RESULTS"
fi

step "Model tests (cargo test)"
cargo test --all-targets 2>&1 | tee -a "$RESULTS"

# cargo: "test result: ok. 9 passed; 0 failed; ..."; node: "# pass 43" and "# fail 0".
passed=$(awk '/^test result:/ { n += $4 } /^# pass / { n += $3 } END { print n + 0 }' "$RESULTS")
failed=$(awk '/^test result:/ { n += $6 } /^# fail / { n += $3 } END { print n + 0 }' "$RESULTS")
step "All tests"
echo "Summary: $passed passed, $failed failed"
