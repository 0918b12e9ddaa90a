#!/usr/bin/python3
"""Dumps a legacy .xls sheet for hand auditing: one line per non-empty row, 1-based row numbers,
column letters, the stored value, the number format, hidden rows/columns and merges.
Usage: /usr/bin/python3 scripts/audit/dump.py FILE.xls [SHEET_NAME_OR_INDEX]"""
import sys
import xlrd


def col_letter(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def main():
    path = sys.argv[1]
    book = xlrd.open_workbook(path, formatting_info=True)
    names = book.sheet_names()
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    for i, name in enumerate(names):
        if wanted is not None and wanted not in (name, str(i + 1)):
            continue
        sh = book.sheet_by_index(i)
        print(f'=== sheet {i + 1} "{name}" rows={sh.nrows} cols={sh.ncols}')
        hidden_cols = [col_letter(c) for c, info in sh.colinfo_map.items() if info.hidden]
        if hidden_cols:
            print('hidden columns:', ' '.join(hidden_cols))
        if sh.merged_cells:
            print('merges:', ' '.join(f'{col_letter(c0)}{r0 + 1}:{col_letter(c1 - 1)}{r1}' for r0, r1, c0, c1 in sh.merged_cells[:80]))
        for r in range(sh.nrows):
            cells = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                v = cell.value
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    fmt = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
                    f = '' if fmt in ('General',) else f' fmt={fmt!r}'
                    cells.append(f'{col_letter(c)}={v!r}{f}')
                else:
                    t = str(v).replace('\n', ' / ')
                    cells.append(f'{col_letter(c)}="{t}"')
            if not cells:
                continue
            ri = sh.rowinfo_map.get(r)
            hid = ' HIDDEN' if ri is not None and ri.hidden else ''
            print(f'{r + 1}{hid}: ' + ' | '.join(cells))


main()
