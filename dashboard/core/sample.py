"""The bundled sample data (data/samples/): loaded into an empty store on first start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.core.catalogue import Catalogue
from dashboard.core.paths import SAMPLES_DIR
from dashboard.core.store import CommitResult, Store
from dashboard.core.validate import ValidationReport, validate_file

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
    results: list[CommitResult] = []
    for path, report in reports:
        content = path.read_bytes()
        results += store.commit(
            report.datasets,
            user=SAMPLE_USER,
            file_name=path.name,
            file_sha256=hashlib.sha256(content).hexdigest(),
            action="sample",
        )
    return results
