#!/usr/bin/env bash
# Install everything the tests need (from this repository's own files), then lint and test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check src tests benchmarks notebooks
.venv/bin/python -m pytest "$@"
