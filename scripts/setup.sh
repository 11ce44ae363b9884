#!/usr/bin/env bash
# Installs what the build and the tests need, each pinned to an exact version, and only when it
# is missing. Sourced by serve.sh and test.sh; safe to run again.
#   scripts/setup.sh          the build tools (wasm32 target, Trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --tests  also Chromium and its driver, for the browser tests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen's CLI must match the library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)

say() { printf '\n== %s\n' "$*"; }

source scripts/path.sh

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 6 minutes the first time)"
  # --locked: Trunk 0.22 needs a newer rustc; a warning about a yanked crate is harmless.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes the first time)"
  # Not --locked: its lock asks for a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (binaryen 132), Playwright and axe come from npm, pinned in package-lock.json.
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json 2>/dev/null; then
  say "Installing the npm build and test tools"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-package-lock.json
fi

if [ "${1:-}" = "--tests" ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    say "Installing Chromium and ChromeDriver from Debian"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
  fi
fi
