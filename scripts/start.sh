#!/usr/bin/env bash
# Install what the dashboard needs and start it on http://localhost:8501 (the bundled sample
# data is loaded into the store on first start). Extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run dashboard/app.py "$@"
