"""The app's pages: each reads its widgets, calls the core, and renders the result."""
