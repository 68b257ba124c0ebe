"""segment: see docs/ARCHITECTURE.md."""
