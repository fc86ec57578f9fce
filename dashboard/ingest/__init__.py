"""From a file to a validation report: read CSV/Excel within limits, parse the written values,
check every row against the catalogue and the relations between figures."""
