"""Chart builders: pure functions from Polars frames to Plotly figures."""
