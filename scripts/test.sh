#!/usr/bin/env bash
# Every check, installing what is missing: formatting, clippy, native tests,
# the Python samples, the release build and the browser tests (Chromium, then
# the engine smoke suite in WebKitGTK and Firefox ESR).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m (at %ds)\n' "$*" "$SECONDS"; }

step "setup"
scripts/setup.sh test
. .tools/env

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (warnings are errors)"
cargo clippy --all-targets --locked -- -D warnings
step "cargo test (native)"
cargo test --locked
step "python samples"
python3 scripts/test_run_samples.py
python3 scripts/run_samples.py  # every sample under every CPython >= 3.11 found
step "release build"
SETUP_PROFILE=test scripts/build.sh
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 --test-timeout=120000 e2e/specs/*.spec.mjs
step "engine smoke suite: WebKitGTK (under Xvfb), Firefox ESR (headless)"
ENGINES=webkit xvfb-run -a node --test --test-concurrency=1 --test-timeout=180000 e2e/engines/smoke-app.mjs e2e/engines/smoke-embed.mjs
ENGINES=firefox node --test --test-concurrency=1 --test-timeout=180000 e2e/engines/smoke-app.mjs e2e/engines/smoke-embed.mjs
step "done"
