"""records: see docs/ARCHITECTURE.md."""
