#!/usr/bin/env bash
# Builds the calculator and serves it at http://127.0.0.1:8080/ (Ctrl-C stops it).
# PORT=9000 scripts/serve.sh serves on another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/path.sh
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}"
