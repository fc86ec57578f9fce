#!/usr/bin/env bash
# Install everything the tests need (Python packages with the PostgreSQL driver; Chromium and
# Chinese fonts for the browser tests; PostgreSQL, whose throwaway server the store's tests start
# in a temporary folder, tests/pg.py) and run the whole suite: lint, unit, store (on SQLite and
# PostgreSQL), CLI, AppTest and Playwright tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,postgres

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  apt_install chromium fonts-noto-cjk
fi

# initdb and pg_ctl: on PATH, or where Debian's package puts them (not on PATH).
has_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
  done
  return 1
}
if ! has_postgres; then
  # Debian's package; the tests start a throwaway cluster of their own, never the package's.
  apt_install postgresql
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
# pytest's own exit code is kept: 5 (no tests collected) fails the run like any other failure.
.venv/bin/python -m pytest "$@"
