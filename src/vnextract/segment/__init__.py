"""Stage 2: sentences with document offsets, and underthesea's words (its CRF model's weights
read directly: the same words as ``word_tokenize``, faster), as a spaCy tokenizer.
"""
