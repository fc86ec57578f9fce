"""Where committed datasets live: the versioned database (SQLite or PostgreSQL), its tables and
migrations. Knows nothing about files, charts or pages."""
