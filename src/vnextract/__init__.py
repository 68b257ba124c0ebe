"""vnextract: Vietnamese press releases in, checkable indicator records out.

``vnextract.extract_text(text)`` and ``vnextract.extract(paths)`` return an
:class:`~vnextract.api.Extraction` whose ``.records``, ``.entities``, ``.officials`` and
``.documents`` are pandas DataFrames; ``vnextract.load()`` is the spaCy pipeline.
"""

__version__ = "0.1.0"

__all__ = ["Extraction", "extract", "extract_text", "load"]


def __getattr__(name: str):
    # heavy parts are imported only when asked, so that `import vnextract` stays cheap
    if name == "load":
        from vnextract.nlp import load

        return load
    if name in ("extract", "extract_text", "Extraction"):
        from vnextract import api

        return getattr(api, name)
    raise AttributeError(f"module 'vnextract' has no attribute {name!r}")
