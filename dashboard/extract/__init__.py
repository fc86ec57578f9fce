"""Reading annual reports: their text (document) and the figures in it (figures)."""
