"""What leaves the dashboard: slide decks (as data and as PowerPoint) and CSV/Excel exports."""
