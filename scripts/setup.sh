#!/usr/bin/env bash
# Set up zhjx in ./.venv: install the package (with the test and notebook extras when
# given --dev) and provision the pkuseg segmentation model into the user cache; with --dev
# also a CJK font for the notebooks' charts (scripts/cjk-font.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
extras=""
[ "${1:-}" = "--dev" ] && extras="[test]"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${extras}"
.venv/bin/zhjx setup
if [ -n "$extras" ]; then
  bash scripts/cjk-font.sh
fi
