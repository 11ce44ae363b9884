# Sourced by the scripts: the tools they install, in the order they must be found. scripts/tools
# comes first so that its wasm-opt (a guard around npm's) is the one Trunk runs.
# shellcheck shell=bash
export PATH="$PWD/scripts/tools:${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
