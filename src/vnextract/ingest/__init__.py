"""ingest: see docs/ARCHITECTURE.md."""
