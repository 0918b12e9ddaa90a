#!/usr/bin/python3
"""Comparison pairs written by other hands than Planbook's (fixtures/compare, issue #13).

Run from the repository root: /usr/bin/python3 scripts/make-compare-pairs.py

Each pair is a file `a` and a file `b` made from it by scripted changes, written by openpyxl (or the
text of the seed's appendix edited line by line, or re-saved by LibreOffice), never by Planbook: no
row ids, no hidden plan sheet. `cases.json` lists, for every pair, exactly the changes the script
made — what `planbook compare --json` must report:

  added / removed      project names
  renamed              [before, after, confirm]   (confirm: the names differ beyond spelling and
                                                   abbreviations, so the user is asked)
  moved                [name, from section, to section]
  split / merged       [[names of a], [names of b]]
  changes              [project, year, source, before, after] (other cells: year and source null,
                                                   the column label instead)
  toConfirm            [kind, [names of a], [names of b]] besides the renames marked confirm

Sources: the seed's appendix (fixtures/quang-tri-2011-2015-appendix.tsv, lines 351-391 of
../shared/seeds/004_*.txt) read as fixtures/README.md describes, and a table of the Ministry of
Finance corpus (fixtures/mof/Plan_2010.xls: provinces under regions) read with xlrd.
"""
import copy
import json
import os
import shutil
import subprocess
import tempfile

import openpyxl
import xlrd
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

OUT = 'fixtures/compare'
SEED = 'fixtures/quang-tri-2011-2015-appendix.tsv'
YEARS = [2011, 2012, 2013, 2014, 2015]
SOURCES = ['ĐTPT', 'SN']
COLS = [(y, s) for y in YEARS for s in SOURCES]


def vn_number(text):
    """`3.500` → 3500 (Vietnamese thousands); None when the field is not a number."""
    t = text.strip().replace('.', '').replace(',', '.')
    try:
        return float(t) if '.' in t else int(t)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# The seed's appendix as a plan: sections of projects, and the stated total rows


def read_seed():
    lines = open(SEED, encoding='utf-8').read().split('\n')
    sections, totals = [], []
    header_left = 0
    for line in lines:
        f = line.split('\t')
        if f[0] in ('T T', 'T'):  # a header band (repeated at each page break): 3 lines
            header_left = 3
        if header_left:
            header_left -= 1
            continue
        if len(f) < 3 or not any(x.strip() for x in f):
            continue
        tt, name = f[0].strip(), f[1].strip()
        nums = {i: vn_number(x) for i, x in enumerate(f) if i >= 4 and vn_number(x) is not None}
        if tt.startswith('Tổng'):
            # the label stands in the TT column; per-year totals under the year's first source
            totals.append({'name': tt, 'amt': {COLS[i - 4]: v for i, v in nums.items() if i < 14},
                           'stated': nums.get(14)})
            continue
        if tt.isdigit():
            sections.append({'tt': tt, 'name': name, 'stated': max(nums.items())[1] if nums else None,
                             'projects': []})
            continue
        lead, coord = f[2].strip(), f[3].strip()
        if not nums and not lead and name[:1].islower():  # a name split by a page break: joined
            sections[-1]['projects'][-1]['name'] += ' ' + name
            continue
        last = max(nums) if nums else None
        amt = {COLS[i - 4]: v for i, v in nums.items() if i < 14}
        for i, v in nums.items():
            if 14 <= i < last:  # the 141 communes' 3.000, pushed right by the extraction: 2015 ĐTPT
                amt[(2015, 'ĐTPT')] = v
        sections[-1]['projects'].append({'name': name, 'lead': lead, 'coord': coord, 'amt': amt,
                                         'stated': nums[last] if last is not None and last >= 14 else None})
    return {'sections': sections, 'totals': totals}


THIN = Side(style='thin')
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_plan_xlsx(plan, path, source_labels=('Vốn DTPT', 'Vốn SN')):
    """The plan as a department would type it in Excel: title block, 3 header rows, the table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Phụ lục'
    last = 4 + len(COLS) + 1  # TT, name, lead, coord, amounts, Tổng mức đầu tư
    ws.cell(1, 1, 'Phụ lục. Danh mục các dự án ứng dụng CNTT thuộc kế hoạch').font = Font(bold=True)
    ws.cell(2, 1, 'Ứng dụng CNTT trong hoạt động của cơ quan nhà nước tỉnh Quảng Trị, giai đoạn 2011-2015')
    ws.cell(3, 1, '(Kèm theo Kế hoạch số: 1024 /KH-UBND ngày 06 /5/2011 của UBND tỉnh Quảng Trị)')
    ws.cell(4, last, 'ĐVT: Triệu đồng')
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last)
        ws.cell(r, 1).alignment = Alignment(horizontal='center')
    h = 6
    for c, label in enumerate(['TT', 'Tên dự án', 'Đơn vị thực hiện', 'Đơn vị phối hợp'], start=1):
        ws.cell(h, c, label)
        ws.merge_cells(start_row=h, start_column=c, end_row=h + 2, end_column=c)
    ws.cell(h, 5, 'Nhu cầu vốn đầu tư các năm')
    ws.merge_cells(start_row=h, start_column=5, end_row=h, end_column=4 + len(COLS))
    for k, y in enumerate(YEARS):
        ws.cell(h + 1, 5 + 2 * k, y)
        ws.merge_cells(start_row=h + 1, start_column=5 + 2 * k, end_row=h + 1, end_column=6 + 2 * k)
        ws.cell(h + 2, 5 + 2 * k, source_labels[0])
        ws.cell(h + 2, 6 + 2 * k, source_labels[1])
    ws.cell(h, last, 'Tổng mức đầu tư')
    ws.merge_cells(start_row=h, start_column=last, end_row=h + 2, end_column=last)
    r = h + 3

    def put(row, values, bold=False):
        for c, v in values.items():
            cell = ws.cell(row, c, v)
            if isinstance(v, (int, float)):
                cell.number_format = '#,##0'
            if bold:
                cell.font = Font(bold=True)

    for s in plan['sections']:
        put(r, {1: s['tt'], 2: s['name'], **({last: s['stated']} if s.get('stated') else {})}, True)
        r += 1
        for p in s['projects']:
            vals = {1: '-', 2: p['name'], 3: p['lead'] or None, 4: p['coord'] or None}
            for (y, src), v in p['amt'].items():
                vals[5 + COLS.index((y, src))] = v
            if p.get('stated') is not None:
                vals[last] = p['stated']
            put(r, vals)
            r += 1
    for t in plan['totals']:
        vals = {2: t['name']}
        for (y, src), v in t['amt'].items():
            vals[5 + COLS.index((y, src))] = v
        if t['stated'] is not None:
            vals[last] = t['stated']
        put(r, vals, True)
        if t['name'] == 'Tổng cộng':  # one figure per year, over both sources
            for k in range(len(YEARS)):
                ws.merge_cells(start_row=r, start_column=5 + 2 * k, end_row=r, end_column=6 + 2 * k)
        r += 1
    for row in ws.iter_rows(min_row=h, max_row=r - 1, max_col=last):
        for cell in row:
            cell.border = BOX
    ws.column_dimensions['B'].width = 60
    for c in range(3, last + 1):
        ws.column_dimensions[get_column_letter(c)].width = 12
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# Scripted changes on a seed plan. Projects carry an `_id` (the same in a and b); the changes record
# ids, resolved into the names of a and b once every change is made.


def tag(plan):
    n = 0
    for s in plan['sections']:
        for p in s['projects']:
            n += 1
            p['_id'] = f'p{n}'


def project(plan, start):
    for s in plan['sections']:
        for p in s['projects']:
            if p['name'].startswith(start):
                return s, p
    raise KeyError(start)


def expect():
    return {'added': [], 'removed': [], 'renamed': [], 'moved': [], 'split': [], 'merged': [],
            'changes': [], 'confirm': []}


def rename(plan, e, start, new, confirm):
    _, p = project(plan, start)
    e['renamed'].append([p['_id'], confirm])
    p['name'] = new


def reorder(plan, e):
    s1, s2 = plan['sections']
    s1['projects'].reverse()
    s2['projects'] = s2['projects'][5:] + s2['projects'][:5]


def move(plan, e):
    s1, s2 = plan['sections']
    _, p = project(plan, 'Xây dựng hệ thống quản lý cán bộ công chức tỉnh')
    s2['projects'].remove(p)
    s1['projects'].append(p)
    e['moved'].append(p['_id'])
    _, q = project(plan, 'Nâng cấp hạ tầng CNTT cho Trung tâm CNTT và Truyền thông tỉnh')
    s1['projects'].remove(q)
    s2['projects'].insert(2, q)
    e['moved'].append(q['_id'])


def abbreviations(plan, e):
    # abbreviations expanded or introduced: the same name to anyone who reads Vietnamese plans
    rename(plan, e, 'XD và triển khai hệ thống gửi',
           'Xây dựng và triển khai hệ thống gửi, nhận văn bản qua mạng tin học giữa các sở, ban ngành, '
           'Ủy ban nhân dân các huyện, thị xã, thành phố với nhau và giữa đơn vị trực thuộc UBND các '
           'UBND huyện, thị xã, TP với nhau', False)
    rename(plan, e, 'Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp',
           'Nâng cấp hạ tầng công nghệ thông tin cho Trung tâm tích hợp dữ liệu tỉnh', False)
    rename(plan, e, 'Dự án GIS chuyên đề', 'Dự án GIS chuyên đề TT&TT', False)
    rename(plan, e, 'Xây dựng hệ thống quản lý cán bộ', 'XD hệ thống QL cán bộ công chức tỉnh', False)
    rename(plan, e, 'Xây dựng quy chế vận hành',
           'Xây dựng quy chế vận hành mạng tin học điện rộng, chia sẻ thông tin; trao đổi văn bản '
           'điện tử và hệ thống chi tiêu báo cáo KT-XH của tỉnh qua mạng tin học điện rộng', False)


def phase(plan, e):
    rename(plan, e, 'Dự án GIS cơ sở', 'Dự án GIS cơ sở GĐ2', False)


def reworded(plan, e):
    # words changed, not only spelled otherwise: the user confirms the pair
    rename(plan, e, 'Nâng cấp Trang thông tin điện tử tỉnh',
           'Nâng cấp Trang thông tin điện tử tỉnh (đã được XD theo công nghệ Portal) thành Cổng '
           'thông tin điện tử, tích hợp website các sở, ban, ngành và địa phương', True)


def unit_renamed(plan, e):
    # the provincial office was merged with the National Assembly delegation's office (2021)
    for s in plan['sections']:
        for p in s['projects']:
            if p['lead'] == 'VP UBND tỉnh':
                p['lead'] = 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh'
                e['changes'].append([p['_id'], None, None, 'Đơn vị thực hiện', 'VP UBND tỉnh',
                                     p['lead']])


def amounts(plan, e):
    for start, key, v in [('Hệ thống giao ban trực tuyến cho 04', (2011, 'ĐTPT'), 2500),
                          ('Triển khai hệ thống quản lý Hồ sơ', (2012, 'SN'), 800),
                          ('Dự án GIS chuyên đề', (2013, 'SN'), 1200)]:
        _, p = project(plan, start)
        e['changes'].append([p['_id'], key[0], key[1], None, p['amt'].get(key, 0), v])
        p['amt'][key] = v


def removed_added(plan, e):
    s, p = project(plan, 'Xây dựng các hệ thống, phần mềm chuyên ngành')
    s['projects'].remove(p)
    e['removed'].append(p['_id'])
    new = {'_id': 'new1', 'name': 'Triển khai chữ ký số cho các cơ quan nhà nước',
           'lead': 'Sở TT và TT', 'coord': 'Các đơn vị liên quan', 'amt': {(2014, 'ĐTPT'): 1200},
           'stated': 1200}
    plan['sections'][1]['projects'].insert(len(plan['sections'][1]['projects']) - 1, new)
    e['added'].append(new['_id'])


def split(plan, e):
    s, p = project(plan, 'Hệ thống giao ban trực tuyến cho 05')
    at = s['projects'].index(p)
    one = {**copy.deepcopy(p), '_id': 'split1', 'name': p['name'] + ' (giai đoạn 1)',
           'amt': {(2012, 'ĐTPT'): 2000, (2013, 'ĐTPT'): 1000}, 'stated': 3000}
    two = {**copy.deepcopy(p), '_id': 'split2', 'name': p['name'] + ' (giai đoạn 2)',
           'amt': {(2013, 'ĐTPT'): 1000, (2014, 'ĐTPT'): 1000}, 'stated': 2000}
    s['projects'][at:at + 1] = [one, two]
    e['split'].append([[p['_id']], [one['_id'], two['_id']]])


def merge(plan, e):
    s, p = project(plan, 'Tập huấn kỹ năng quản trị mạng')
    _, q = project(plan, 'Tập huấn CIO')
    amt = dict(p['amt'])
    for k, v in q['amt'].items():
        amt[k] = amt.get(k, 0) + v
    m = {**copy.deepcopy(p), '_id': 'merged1', 'amt': amt,
         'stated': (p['stated'] or 0) + (q['stated'] or 0),
         'name': 'Tập huấn kỹ năng quản trị mạng và CIO, lập và quản lý dự án ứng dụng CNTT '
                 '(khoảng 400 HV là cán bộ lãnh đạo và cán bộ chuyên trách CNTT)'}
    at = s['projects'].index(p)
    s['projects'].remove(q)
    s['projects'][at] = m
    e['merged'].append([[p['_id'], q['_id']], [m['_id']]])


def with_duplicates(plan):
    """Both versions of the duplicates pair: a training project of the same name in each section."""
    for k, s in enumerate(plan['sections']):
        s['projects'].insert(0 if k == 0 else len(s['projects']), {
            '_id': f'dup{k + 1}', 'name': 'Đào tạo, bồi dưỡng nguồn nhân lực CNTT',
            'lead': 'Sở TT và TT', 'coord': 'Các đơn vị liên quan',
            'amt': {(2012, 'SN'): 200 + 100 * k}, 'stated': 200 + 100 * k})


def duplicates(plan, e):
    s1, s2 = plan['sections']
    d1 = s1['projects'].pop(0)
    s1['projects'].append(d1)  # now last in section 1
    d2 = s2['projects'].pop()
    d2['amt'][(2012, 'SN')] = 350
    s2['projects'].insert(0, d2)  # now first in section 2, its 2012 amount changed
    e['changes'].append([d2['_id'], 2012, 'SN', None, 300, 350])


SEED_CASES = {
    'reorder': [reorder],
    'moved': [move],
    'abbreviations': [abbreviations],
    'phase': [phase],
    'reworded': [reworded],
    'unit': [unit_renamed],
    'amounts': [amounts],
    'removed-added': [removed_added],
    'split': [split],
    'merge': [merge],
    'duplicates': [duplicates],
    'all': [reorder, move, abbreviations, phase, reworded, unit_renamed, amounts, removed_added,
            split, merge],
}


def by_id(plan):
    out = {}
    for s in plan['sections']:
        for p in s['projects']:
            out[p['_id']] = (s, p)
    return out


def resolve(a, b, e):
    """The expectation in names (what `planbook compare --json` lists)."""
    pa, pb = by_id(a), by_id(b)
    grouped = {i for g in e['split'] + e['merged'] for side in g for i in side}
    name_a = lambda i: pa[i][1]['name']
    name_b = lambda i: pb[i][1]['name']
    out = {
        'added': [name_b(i) for i in e['added']],
        'removed': [name_a(i) for i in e['removed']],
        'renamed': [[name_a(i), name_b(i), c] for i, c in e['renamed']],
        'moved': [[name_b(i), pa[i][0]['name'], pb[i][0]['name']] for i in e['moved']],
        'split': [[[name_a(i) for i in x], [name_b(i) for i in y]] for x, y in e['split']],
        'merged': [[[name_a(i) for i in x], [name_b(i) for i in y]] for x, y in e['merged']],
        'changes': [[name_b(i), *rest] for i, *rest in e['changes'] if i not in grouped],
    }
    out['toConfirm'] = (
        [['pair', [a_], [b_]] for a_, b_, c in out['renamed'] if c]
        + [['split', x, y] for x, y in out['split']]
        + [['merge', x, y] for x, y in out['merged']]
        + e['confirm'])
    return out


# ---------------------------------------------------------------------------------------------
# The issue's own case: two revisions of the seed's appendix as tab-separated text


def issue_pair():
    text = open(SEED, encoding='utf-8').read()
    lines = text.split('\n')
    out = []
    for line in lines:
        f = line.split('\t')
        name = f[1] if len(f) > 1 else ''
        if name.startswith('XD hệ thống quản lý đơn thư'):
            continue  # one project removed
        if name == 'Dự án GIS cơ sở (Giai đoạn 2)':
            f[1] = 'Dự án GIS cơ sở giai đoạn 2'  # renamed: the phase without parentheses
        if name.startswith('Hệ thống giao ban trực tuyến cho 04'):
            f[4] = '2.500'  # one 2011 amount: 2.000 → 2.500
        out.append('\t'.join(f))
        if name.startswith('Tập huấn CIO'):  # one project added near the end
            out.append('\t'.join(['-', 'Triển khai chữ ký số cho các cơ quan nhà nước', 'Sở TT và TT',
                                  'Các đơn vị liên quan', '', '', '', '', '', '', '1.200', '', '',
                                  '', '', '', '', '1.200']))
    shutil.copy(SEED, f'{OUT}/issue-a.tsv')
    open(f'{OUT}/issue-b.tsv', 'w', encoding='utf-8').write('\n'.join(out))
    return {
        'added': ['Triển khai chữ ký số cho các cơ quan nhà nước'],
        'removed': ['XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh'],
        'renamed': [['Dự án GIS cơ sở (Giai đoạn 2)', 'Dự án GIS cơ sở giai đoạn 2', False]],
        'moved': [], 'split': [], 'merged': [], 'toConfirm': [],
        'changes': [['Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện', 2011, 'ĐTPT', None,
                     2000, 2500]],
    }


# ---------------------------------------------------------------------------------------------
# A table of the Ministry of Finance corpus: provinces under regions, numeric columns


MOF = 'fixtures/mof/Plan_2010.xls'


def read_mof():
    book = xlrd.open_workbook(MOF)
    sh = book.sheet_by_index(0)
    rows = [[sh.cell_value(r, c) for c in range(sh.ncols)] for r in range(sh.nrows)]
    head = rows[:12]  # title block, header lines, code row
    regions = []
    for r in rows[13:]:
        if not any(str(x).strip() for x in r):
            continue
        name = str(r[1]).replace('\xa0', ' ').strip()
        if isinstance(r[0], str) and r[0].strip():
            regions.append({'tt': r[0], 'name': name, 'values': r[2:], 'provinces': []})
        else:
            regions[-1]['provinces'].append({'_id': name, 'name': name, 'values': list(r[2:])})
    return head, rows[12], regions, sh.merged_cells


LABELS = ['TỔNG THU NSNN TRÊN ĐỊA BÀN', 'TỶ LỆ (%) PHÂN CHIA NGUỒN THU GIỮA NSTW VÀ NSĐP',
          'TỔNG CHI CÂN ĐỐI NGÂN SÁCH ĐỊA PHƯƠNG', 'TỔNG SỐ', 'BỔ SUNG CÂN ĐỐI',
          'BỔ SUNG T.LƯƠNG TỐI THIỂU 450.000Đ, 540.000 Đ VÀ 650.000 Đ/THÁNG', 'TỔNG SỐ',
          'TH CÁC DỰ ÁN, CÔNG TRÌNH QUAN TRỌNG (VỐN ĐẦU TƯ)',
          'TH CÁC NHIỆM VỤ, CHẾ ĐỘ CHÍNH SÁCH (VỐN SỰ NGHIỆP)',
          'CTMTQG, CHƯƠNG TRÌNH 135 VÀ DỰ ÁN 5 TRIỆU HA RỪNG']


def write_mof_xlsx(head, total, regions, merges, path):
    """The table re-typed: the same title block and header lines, then the edited rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    for r, row in enumerate(head, start=1):
        for c, v in enumerate(row, start=1):
            if v != '':
                ws.cell(r, c, v)
    for r0, r1, c0, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1, end_column=c1)
    r = len(head) + 1
    ws.cell(r, 2, total[1])
    for c, v in enumerate(total[2:], start=3):
        if v != '':
            ws.cell(r, c, v)
    r += 1
    n = 0
    for g in regions:
        ws.cell(r, 1, g['tt'])
        ws.cell(r, 2, g['name'])
        for c, v in enumerate(g['values'], start=3):
            if v != '':
                ws.cell(r, c, v)
        r += 1
        for p in g['provinces']:
            n += 1
            ws.cell(r, 1, n)
            ws.cell(r, 2, p['name'])
            for c, v in enumerate(p['values'], start=3):
                if v != '':
                    ws.cell(r, c, v).number_format = '#,##0'
            r += 1
    ws.column_dimensions['B'].width = 30
    wb.save(path)


def mof_pair():
    head, total, regions, merges = read_mof()
    a = copy.deepcopy(regions)
    find = lambda rs, name: next((g, p) for g in rs for p in g['provinces'] if p['name'] == name)
    # reordered: region I's first four provinces in reverse
    regions[0]['provinces'][:4] = regions[0]['provinces'][:4][::-1]
    # moved: Quảng Ninh from the Red River delta to the northern mountains
    g, p = find(regions, 'QUẢNG NINH')
    g['provinces'].remove(p)
    regions[0]['provinces'].append(p)
    # renamed: an abbreviation expanded, a spelling modernised, an accent added
    renamed = []
    for old, new, confirm in [('TP. HỒ CHÍ MINH', 'THÀNH PHỐ HỒ CHÍ MINH', False),
                              ('BẮC CẠN', 'BẮC KẠN', True), ('LAO CAI', 'LÀO CAI', False)]:
        find(regions, old)[1]['name'] = new
        renamed.append([old, new, confirm])
    # two figures changed (numeric columns: no year, no source)
    changes = []
    for name, col, v in [('ĐÀ NẴNG', 2, 4400000), ('CẦN THƠ', 8, 60000)]:
        _, p = find(regions, name)
        changes.append([name, None, None, LABELS[col], p['values'][col], v])
        p['values'][col] = v
    # merged: Hà Giang into Tuyên Quang (2025); the share stays Tuyên Quang's, the rest adds up
    _, hg = find(regions, 'HÀ GIANG')
    _, tq = find(regions, 'TUYÊN QUANG')
    regions[0]['provinces'].remove(hg)
    tq['values'] = [t if k == 1 else (t or 0) + (h or 0) for k, (t, h) in
                    enumerate(zip(tq['values'], hg['values']))]
    write_mof_xlsx(head, total, regions, merges, f'{OUT}/mof-provinces-b.xlsx')
    merged = [[['HÀ GIANG', 'TUYÊN QUANG'], ['TUYÊN QUANG']]]
    return {
        'added': [], 'removed': [], 'split': [], 'merged': merged,
        'renamed': renamed,
        'moved': [['QUẢNG NINH', 'ĐỒNG BẰNG SÔNG HỒNG', 'MIỀN NÚI PHÍA BẮC']],
        'changes': changes,
        'toConfirm': [['pair', [o], [n]] for o, n, c in renamed if c]
        + [['merge', x, y] for x, y in merged],
    }


# ---------------------------------------------------------------------------------------------


def libreoffice(src, fmt):
    """Re-saves a file with LibreOffice (another writer): src's name with the new extension."""
    profile = tempfile.mkdtemp()
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless',
                    '--convert-to', fmt, '--outdir', OUT, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    return os.path.splitext(os.path.basename(src))[0] + '.' + fmt


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = [{'name': 'issue', 'a': 'issue-a.tsv', 'b': 'issue-b.tsv', 'expect': issue_pair()}]
    seed = read_seed()
    tag(seed)
    write_plan_xlsx(seed, f'{OUT}/seed-a.xlsx')
    for name, changes in SEED_CASES.items():
        a = copy.deepcopy(seed)
        if name == 'duplicates':
            with_duplicates(a)
            write_plan_xlsx(a, f'{OUT}/duplicates-a.xlsx')
        b = copy.deepcopy(a)
        e = expect()
        for change in changes:
            change(b, e)
        # the department types its own headers: the sources spelled out
        write_plan_xlsx(b, f'{OUT}/{name}-b.xlsx', ('Vốn ĐTPT', 'Vốn SN'))
        cases.append({'name': name, 'a': 'duplicates-a.xlsx' if name == 'duplicates' else 'seed-a.xlsx',
                      'b': f'{name}-b.xlsx', 'expect': resolve(a, b, e)})
    everything = next(c for c in cases if c['name'] == 'all')
    for fmt in ('ods', 'xls'):
        cases.append({**everything, 'name': f'all ({fmt}, LibreOffice)',
                      'b': libreoffice(f'{OUT}/all-b.xlsx', fmt)})
    cases.append({'name': 'mof-provinces', 'a': '../mof/Plan_2010.xls', 'b': 'mof-provinces-b.xlsx',
                  'expect': mof_pair()})
    with open(f'{OUT}/cases.json', 'w', encoding='utf-8') as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
    print(f'{OUT}: {len(cases)} pairs written')


if __name__ == '__main__':
    main()
