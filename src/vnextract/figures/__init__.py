"""Stage 3: numbers (exact ``Decimal`` values, scale words, units, ranges, ratios, numbers in
words) and dates (ISO values with a precision), with the spans that are not figures.
"""
