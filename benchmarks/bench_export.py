"""Benchmark: the whole-store CSV export (the 数据 page's download and `dashboard export`).

    .venv/bin/python benchmarks/bench_export.py [--sizes 1000x10,10000x10] [--runs 2]
        [--store-dir DIR]  # keep generated SQLite stores there and reuse them (bench_pages')

For each generated store (agencies × years, about 30 facts each: 1000x10 is 300,000 facts) it
times, streaming the store's current facts in download batches (`reads.iter_facts`):

- the read alone (the floor of any export);
- the read written row by row, as the export was written before: `csv.writer` on `fact_cells`
  of every fact (the reference the column-wise writer must equal byte for byte);
- the read written column-wise (`exporter.write_csv`, what the page and the command line use).

Each is the best of `--runs`, in this process; the two files' SHA-256 are compared and the
figures printed, never asserted (no timed tests). Stores are made as bench_pages.py makes them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_pages import build_store  # noqa: E402
from dashboard.domain.catalogue import Catalogue, default_catalogue  # noqa: E402
from dashboard.domain.facts import frame_facts  # noqa: E402
from dashboard.outputs.exporter import fact_cells, header, write_csv  # noqa: E402
from dashboard.store import reads  # noqa: E402
from dashboard.store.database import Store  # noqa: E402


class Digest(io.RawIOBase):
    """A binary sink that keeps only the SHA-256 and size of what is written to it."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.hash.update(data)
        self.size += len(data)
        return len(data)


def read_only(store: Store, _catalogue: Catalogue, _sink: Digest) -> None:
    for _ in reads.iter_facts(store, reads.FactFilter()):
        pass


def row_by_row(store: Store, catalogue: Catalogue, sink: Digest) -> None:
    text = io.TextIOWrapper(sink, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header())
    for batch in reads.iter_facts(store, reads.FactFilter()):
        writer.writerows(fact_cells(fact, catalogue) for fact in frame_facts(batch))
    text.flush()
    text.detach()


def column_wise(store: Store, catalogue: Catalogue, sink: Digest) -> None:
    write_csv(reads.iter_facts(store, reads.FactFilter()), catalogue, sink)


WAYS: tuple[tuple[str, Callable[[Store, Catalogue, Digest], None]], ...] = (
    ("read only", read_only),
    ("row by row (before)", row_by_row),
    ("column-wise (now)", column_wise),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000x10", help="agencies×years, comma-separated")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--store-dir", type=Path, help="keep and reuse generated stores here")
    args = parser.parse_args()
    catalogue = default_catalogue()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            agencies, years = (int(x) for x in size.lower().split("x"))
            path = (args.store_dir or Path(tmp)) / f"synthetic-{agencies}x{years}.sqlite"
            path.parent.mkdir(parents=True, exist_ok=True)
            built = build_store(path, agencies, years)
            if built:
                print(f"generated {agencies:,} agencies × {years} years in {built:.0f} s")
            store = Store(f"sqlite:///{path}")
            facts = reads.count_facts(store, reads.FactFilter())
            print(f"\n{agencies:,} × {years}: {facts:,} facts")
            digests: dict[str, str] = {}
            for name, way in WAYS:
                best = float("inf")
                for _ in range(args.runs):
                    sink = Digest()
                    start = time.perf_counter()
                    way(store, catalogue, sink)
                    best = min(best, time.perf_counter() - start)
                if sink.size:
                    digests[name] = sink.hash.hexdigest()
                size_text = f"{sink.size / 1e6:8.1f} MB" if sink.size else " " * 11
                print(f"  {name:<22}{best:8.2f} s {size_text}")
            same = len(set(digests.values())) == 1
            digest = digests.popitem()[1][:16]
            print(f"  files identical: {'yes' if same else 'NO'} (SHA-256 {digest}…)")
            store.close()


if __name__ == "__main__":
    main()
