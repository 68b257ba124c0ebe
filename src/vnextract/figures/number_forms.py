"""How a number is written, and its exact value: ``2.957.000``, ``81,62``, ``1 000 000``."""

from __future__ import annotations

from decimal import Decimal

import regex

# a number as written: thousands grouped by spaces, dots or (US style, two groups or more)
# commas, with optional decimals; or plain digits with decimals
NUMBER_BODY = (
    r"(?<![\p{L}\d.,])"
    r"(?:[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![.,]?\d)"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}|\d+(?:,\d+)?)"
)


_US_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DOT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_SPACES = regex.compile(r"[ \u00a0\u202f]")


def parse_number(text: str) -> Decimal:
    """The exact value of one written number: '2.957.000' -> 2957000, '81,62' -> 81.62,
    '1 000 000' -> 1000000.

    A single '.' with one or two digits after it is read as a decimal point (callers
    only pass such numbers when a percent or scale word makes that reading certain).
    """
    text = _SPACES.sub("", text)
    if _US_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _DOT_DECIMAL.fullmatch(text):
        return Decimal(text)
    return Decimal(text.replace(".", "").replace(",", "."))


def plain(value: Decimal) -> Decimal:
    """Drop float-looking exponents and trailing zeros: Decimal('4.670E+12') -> 4670000000000."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal
