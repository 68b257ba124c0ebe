"""vnextract: Vietnamese press releases in, checkable indicator records out."""

__version__ = "0.1.0"


def __getattr__(name: str):
    # vnextract.load() builds the spaCy pipeline; import it only when asked, so that
    # `import vnextract` stays cheap
    if name == "load":
        from .factories import load

        return load
    raise AttributeError(f"module 'vnextract' has no attribute {name!r}")
