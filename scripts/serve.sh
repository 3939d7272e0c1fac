#!/usr/bin/env bash
# Builds the release app and serves dist/ on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
echo "pyprep: serving dist/ on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
