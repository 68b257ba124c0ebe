"""Neutralise spreadsheet formulas in the text cells of ``records.csv``.

Analysts open ``records.csv`` in a spreadsheet, which runs a cell that begins with
``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) as a formula: a
subject or sentence scraped from a hostile page could then fetch URLs or run commands.
As OWASP's "CSV Injection" page advises, such a cell gets a leading single quote, which
spreadsheets read as "this is text". Only text columns are touched: a number such as
``-8.5`` in ``change_percent`` stays a number. JSONL, Parquet and the databases are
read by programs, not spreadsheets, and keep the true text.
"""

from __future__ import annotations

from collections.abc import Sequence

# OWASP's list of characters that start a formula or hide one
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """``cell`` with a leading ``'`` when it is text a spreadsheet would run; else as given.

    >>> neutralise("=1+2"), neutralise("-8,5 %"), neutralise(-8.5), neutralise("Huyện A")
    ("'=1+2", "'-8,5 %", -8.5, 'Huyện A')
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def text_columns(columns: Sequence[str], numeric: frozenset[str]) -> tuple[int, ...]:
    """Positions of the text columns: every column not named in ``numeric``."""
    return tuple(i for i, name in enumerate(columns) if name not in numeric)


def safe_row(row: tuple, text_at: tuple[int, ...]) -> tuple:
    """``row`` with its text cells (positions ``text_at``) neutralised."""
    if not any(isinstance(row[i], str) and row[i].startswith(FORMULA_START) for i in text_at):
        return row  # the common case: nothing to copy
    cells = list(row)
    for i in text_at:
        cells[i] = neutralise(cells[i])
    return tuple(cells)
