#!/usr/bin/env bash
# Builds the release app into dist/ with Trunk, installing what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "${SETUP_PROFILE:-build}"
. .tools/env
RUSTUP_TOOLCHAIN=$WASM_TOOLCHAIN trunk build --release
