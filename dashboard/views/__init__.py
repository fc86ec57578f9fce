"""The app's pages (one script each): read widgets, call the core, render the result."""
