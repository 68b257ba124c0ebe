"""Stage 1: bytes to text. Decoding (UTF-8, legacy code pages, TCVN3, VNI; HTML by content),
site furniture marked without deleting it, and the article's title, date, author and province.
"""
