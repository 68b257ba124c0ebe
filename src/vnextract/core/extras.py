"""Optional features and the extra that installs each: a clear error instead of an ImportError.

``pip install vnextract`` is enough for ``vnextract run`` and ``report``; databases,
PostgreSQL, Parquet and Dask come with the ``[db]``, ``[postgres]``, ``[parquet]`` and
``[dask]`` extras (``[all]`` has every one).
"""

from __future__ import annotations

from vnextract.core.errors import Errors, VnextractError


class MissingExtraError(VnextractError):
    """An optional feature was asked for whose packages are not installed."""


def missing_extra(exc: ImportError, extra: str, feature: str) -> MissingExtraError:
    """The error to raise when importing an optional feature's package failed.

    Args:
        exc: the ImportError; its ``name`` is the module that is missing.
        extra: the extra that installs it (``db``).
        feature: what the user asked for, as they would say it (``--db``).
    """
    module = exc.name or str(exc)
    return MissingExtraError(Errors.E043.format(feature=feature, extra=extra, module=module))
