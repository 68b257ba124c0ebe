"""Shared by every stage: model types, numbered errors, the rule loader, text folding,
spans, word alternations, the compiled-rules cache and the optional extras.
"""
