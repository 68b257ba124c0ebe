"""output: see docs/ARCHITECTURE.md."""
