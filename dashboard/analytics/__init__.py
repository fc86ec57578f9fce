"""What the pages show, computed from a frame of facts: headline figures, channels, hotline, new
media, recruitment, the statutory tables, year summaries. Pure Polars; no store, no Streamlit."""
