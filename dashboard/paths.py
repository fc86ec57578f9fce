"""Where the project's bundled files live, independent of the working directory."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
CATALOGUE_DIR = DATA_DIR / "catalogue"
SAMPLES_DIR = DATA_DIR / "samples"
# The PowerPoint template of exported decks (16:9, Chinese-ready theme fonts), built and
# committed by scripts/make_deck_template.py.
DECK_TEMPLATE = DATA_DIR / "templates" / "deck.pptx"
DEFAULT_DATABASE_PATH = DATA_DIR / "dashboard.sqlite"
