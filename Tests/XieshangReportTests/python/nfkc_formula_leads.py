"""Prints, one per line in hex, every Unicode scalar whose NFKC normalisation starts with '=', '+', '-' or '@'
(what a spreadsheet would read as the start of a formula), from Python's unicodedata."""
import unicodedata

for c in range(0x110000):
    if 0xD800 <= c < 0xE000:
        continue
    if unicodedata.normalize("NFKC", chr(c))[:1] in ("=", "+", "-", "@"):
        print(f"{c:X}")
