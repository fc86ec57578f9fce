"""The shared vocabulary: figures and their qualifiers (values), facts and datasets, the metric
catalogue, and problem reports. Every other layer imports it; it imports no other layer."""
