"""Kommunpolis: offline-first records for community police officers."""

__version__ = "0.1.0"
