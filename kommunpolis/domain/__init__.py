"""Plain-Python domain rules: vocabularies, statuses, transitions and known errors."""
