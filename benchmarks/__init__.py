"""Benchmark scripts and their fixtures (a synthetic store generator)."""
