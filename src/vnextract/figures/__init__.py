"""figures: see docs/ARCHITECTURE.md."""
