"""Build data/templates/deck.pptx, the template every exported deck starts from.

    .venv/bin/python scripts/make_deck_template.py

python-pptx's own default template, 16:9, with the theme's heading and body fonts (`a:majorFont`,
`a:minorFont`) given a Latin and an East Asian typeface: text an editor adds later in PowerPoint or
WPS (a new text box, an edited chart title) is then in the deck's faces, and Chinese does not fall
back to a font without CJK glyphs. python-pptx has no API for theme fonts, so the theme part is
edited in the saved package (a zip of XML parts), once, here; the exporter only opens the result.

The file is committed: run this again only to change the template (and commit the new file). The
output is byte-for-byte reproducible (fixed zip timestamps), so an unchanged template shows no diff.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the project's packages first

from dashboard.outputs.pptx_export import (  # noqa: E402
    EAST_ASIAN_FONT,
    LATIN_FONT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
)
from dashboard.paths import DECK_TEMPLATE  # noqa: E402

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME_PART = "ppt/theme/theme1.xml"  # the slide master's theme in python-pptx's default template
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time in the file


def themed(theme_xml: bytes) -> bytes:
    """The theme with Latin and East Asian typefaces in its major and minor font schemes."""
    theme = etree.fromstring(theme_xml)
    schemes = list(theme.iter(f"{A}majorFont", f"{A}minorFont"))
    if len(schemes) != 2:
        raise ValueError(f"expected a major and a minor font scheme, found {len(schemes)}")
    for scheme in schemes:
        for tag, face in (("latin", LATIN_FONT), ("ea", EAST_ASIAN_FONT)):
            element = scheme.find(f"{A}{tag}")
            if element is None:
                raise ValueError(f"the theme's {scheme.tag} has no a:{tag}")
            element.set("typeface", face)
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def build() -> bytes:
    """The template's bytes: python-pptx's default deck, 16:9, with the theme fonts set."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    saved = io.BytesIO()
    prs.save(saved)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        if THEME_PART not in names:
            raise ValueError(f"no {THEME_PART} in python-pptx's default template")
        for name in names:
            data = source.read(name)
            if name == THEME_PART:
                data = themed(data)
            target.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    DECK_TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    DECK_TEMPLATE.write_bytes(build())
    print(f"wrote {DECK_TEMPLATE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
