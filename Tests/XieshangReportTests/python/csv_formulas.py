"""Reads a CSV file with Python's csv module (as a spreadsheet importer would) and prints every cell a spreadsheet could
take for a formula: after the characters a reader does not see first (Unicode categories Cc, Cf, Zs, Zl, Zp, Mn, Mc,
Me and other whitespace), the first visible character under NFKC is one of = + - @, and the cell is not a plain
number. Independent of the Swift rule it checks: written from the Unicode database, not from CSVWriter.

usage: csv_formulas.py FILE   → prints "row,col: repr" per dangerous cell; exit 0 either way, 2 if unreadable."""
import csv
import re
import sys
import unicodedata

INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Mc", "Me"}
NUMBER = re.compile(r"^[+-]?[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?$")


def dangerous(cell: str) -> bool:
    for ch in cell:
        if unicodedata.category(ch) in INVISIBLE or ch.isspace():
            continue
        first = unicodedata.normalize("NFKC", ch)[:1]
        return first in "=+-@" and not NUMBER.match(cell)
    return False


def main() -> int:
    try:
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, csv.Error) as e:
        print(f"cannot read: {e}")
        return 2
    print(f"rows {len(rows)}")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if dangerous(cell):
                print(f"{r},{c}: {cell!r}")
    return 0


sys.exit(main())
