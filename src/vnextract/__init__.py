"""vnextract: Vietnamese press releases in, checkable indicator records out."""

__version__ = "0.1.0"
