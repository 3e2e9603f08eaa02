"""SQLite storage: tables, database files, unit of work, migrations and backups."""
