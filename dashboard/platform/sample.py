"""The bundled sample data (data/samples/): loaded into an empty store on first start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.domain.catalogue import Catalogue
from dashboard.ingest.validate import ValidationReport, validate_file
from dashboard.paths import SAMPLES_DIR
from dashboard.store.database import CommitResult, Store

SAMPLE_USER = "sample"


def sample_files(directory: Path = SAMPLES_DIR) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".csv", ".xlsx"))


def validate_samples(
    catalogue: Catalogue, directory: Path = SAMPLES_DIR
) -> list[tuple[Path, ValidationReport]]:
    return [(p, validate_file(p.read_bytes(), p.name, catalogue)) for p in sample_files(directory)]


def seed_if_empty(
    store: Store, catalogue: Catalogue, directory: Path = SAMPLES_DIR
) -> list[CommitResult]:
    """Fill an empty store with the samples; a store holding anything is left alone."""
    if not store.is_empty():
        return []
    reports = validate_samples(catalogue, directory)
    for path, report in reports:  # all checked before any is stored: no half-loaded store
        if not report.ok:
            raise ValueError(f"sample {path.name} does not validate: {report.flatten()}")
    # One transaction for every sample: a crash leaves the store empty (and seeded next time),
    # never half-filled; a second process seeding at the same moment finds it full and stops.
    return store.commit_files(
        [
            (report.datasets, path.name, hashlib.sha256(path.read_bytes()).hexdigest())
            for path, report in reports
        ],
        user=SAMPLE_USER,
        action="sample",
        only_if_empty=True,
    )
