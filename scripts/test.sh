#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run them.
# Chromium comes from Debian (the browser test drives it with Playwright);
# PyTorch is pinned to the CPU build in pyproject.toml, so pip takes no CUDA packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wqy; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q chromium fonts-wqy-microhei
fi
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip
pip install -q -e '.[test]'
python -m pytest "$@"
