"""Opens an XLSX file with openpyxl, as another program would, and prints every sheet as JSON:
its name, frozen pane, set column widths, and each cell's value and openpyxl data type.

Any warning openpyxl raises while reading (a part it had to repair or ignore) is an error here.
Usage: .venv/bin/python Tests/ReportsTests/Scripts/xlsx_cells.py FILE.xlsx
"""
import json
import sys
import warnings

warnings.simplefilter("error")

from openpyxl import load_workbook  # noqa: E402  (after the warnings filter on purpose)


def main(path):
    workbook = load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        rows = list(sheet.iter_rows())
        sheets.append(
            {
                "name": sheet.title,
                "frozen": sheet.freeze_panes,
                "widths": {
                    key: dimension.width
                    for key, dimension in sorted(sheet.column_dimensions.items())
                    if dimension.customWidth
                },
                "values": [[cell.value for cell in row] for row in rows],
                "types": [[cell.data_type for cell in row] for row in rows],
            }
        )
    json.dump(sheets, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
