"""Stage 5: indicator records from a sentence's figures: subject, bound, estimate, share of
plan, change, kind, period; placed into the document and matched to the catalogue.
"""
