#!/usr/bin/env python3
"""Reads a workbook with openpyxl and prints, as JSON, what a spreadsheet user gets from it.

    scripts/read-xlsx.py results.xlsx

The end-to-end tests read cartsim's results.xlsx back with it. The output is one object:

    {"sheets": [{"name": "summary", "freeze_panes": "A2", "auto_filter": "A1:J103",
                 "header_bold": true, "rows": [[CELL, ...], ...]}, ...]}

with the sheets in the workbook's order and every row of a sheet, the header row first.
A CELL is null for a blank cell, else {"type": T, "value": V}, V always a string: T is
"number" (V is the number's repr, so that it reads back exactly), "text", "boolean" (V is
"true" or "false"), "date" (V is the ISO date) or "datetime" (a date with a time of day). Exit status 2, with a message, when openpyxl is missing (`make deps` installs
python3-openpyxl).
"""
import datetime
import json
import sys

try:
    import openpyxl
except ImportError:
    print("read-xlsx.py: needs the Python module openpyxl: `make deps` installs python3-openpyxl", file=sys.stderr)
    sys.exit(2)


def cell(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return {"type": "boolean", "value": "true" if value else "false"}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": repr(float(value))}
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return {"type": "datetime", "value": value.isoformat()}
        return {"type": "date", "value": value.date().isoformat()}
    return {"type": "text", "value": str(value)}


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    workbook = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for sheet in workbook.worksheets:
        header = next(sheet.iter_rows(min_row=1, max_row=1), ())
        sheets.append({
            "name": sheet.title,
            "freeze_panes": sheet.freeze_panes,
            "auto_filter": sheet.auto_filter.ref,
            "header_bold": bool(header) and all(c.font is not None and c.font.b for c in header),
            "rows": [[cell(value) for value in row] for row in sheet.iter_rows(values_only=True)],
        })
    json.dump({"sheets": sheets}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
