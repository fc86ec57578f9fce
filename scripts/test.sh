#!/usr/bin/env bash
# Install everything the tests need (Python packages; Chromium and Chinese fonts for the
# browser tests) and run the whole suite: lint, unit, store, CLI, AppTest and Playwright tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
# pytest's own exit code is kept: 5 (no tests collected) fails the run like any other failure.
.venv/bin/python -m pytest "$@"
