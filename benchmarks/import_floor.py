"""The least any `import` of an upload CSV into SQLite can do, as a whole process: read the file
with Polars and insert its rows, unchecked, into a table shaped and indexed like the store's facts
(`python benchmarks/import_floor.py FILE.csv STORE.sqlite`). bench_import.py times it beside the
real `import`: how far the real one is from the floor, and how far the floor itself is from a bare
`polars.read_csv`. It writes a scratch file, never a store."""

from __future__ import annotations

import sqlite3
import sys

import polars as pl

_COLUMNS = ("指标", "渠道", "类别", "数值", "备注")


def main(upload: str, target: str) -> None:
    frame = pl.read_csv(upload, infer_schema_length=0).select(_COLUMNS)
    connection = sqlite3.connect(target)
    connection.execute(
        "CREATE TABLE facts (id INTEGER PRIMARY KEY, version_id INTEGER, metric TEXT,"
        " channel TEXT, category TEXT, value TEXT, qualifier TEXT, as_written TEXT, note TEXT)"
    )
    # the store's two indexes on facts (by version; the compare index)
    connection.execute("CREATE INDEX facts_version ON facts (version_id)")
    connection.execute(
        "CREATE INDEX facts_compare ON facts (metric, channel, category, version_id, value)"
    )
    rows = frame.select(
        pl.lit(1).alias("version_id"),
        "指标",
        "渠道",
        "类别",
        "数值",
        pl.lit("exact").alias("qualifier"),
        pl.col("数值").alias("as_written"),
        "备注",
    ).iter_rows()
    with connection:
        connection.executemany(
            "INSERT INTO facts (version_id, metric, channel, category, value, qualifier,"
            " as_written, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
