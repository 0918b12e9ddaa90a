#!/usr/bin/python3
"""Writes the execution fixtures with openpyxl (and LibreOffice for one .xls): a provincial plan
with project codes (2022-2025 by source NSTW/NSĐP, cumulative allocation to the end of 2021) and
three monthly disbursement reports for 2024 in two layouts made by other software:
  - January and March: the Treasury's form (circular 15/2021/TT-BTC columns: codes, cumulative
    allocation and disbursement to the end of 2023, the 2023 plan carried over, the 2024 plan by
    source, disbursement from 01/01 split into the carried-over and the year's plan, rate), in
    triệu đồng; March adds a project that is not in the plan;
  - February: a unit's report saved as old Excel (.xls, converted by LibreOffice), in đồng, lines
    grouped under their investors, no codes, a renamed project, disbursement in the month and
    cumulative from the start of the year by source, of which the carried-over plan.
Also a June 2013 report for the sample plan (Quảng Trị 2011-2015), for the app's end-to-end test.
Usage: /usr/bin/python3 scripts/make-execution-fixtures.py"""
import os
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

OUT = 'fixtures/execution'
os.makedirs(OUT, exist_ok=True)
bold = Font(bold=True)
thin = Side(style='thin')
box = Border(left=thin, right=thin, top=thin, bottom=thin)
center = Alignment(horizontal='center', vertical='center', wrap_text=True)

# code, name, investor, cumulative to end 2021, {year: (NSTW, NSĐP)}, section path
PROJECTS = [
    ('7812301', 'Đường giao thông liên xã Hải Thượng - Hải Lâm', 'Ban QLDA ĐTXD công trình giao thông', 30000, {2022: (20000, 5000), 2023: (15000, 5000), 2024: (12000, 3000), 2025: (0, 0)}),
    ('7812302', 'Cầu Thạch Hãn 2', 'Ban QLDA ĐTXD công trình giao thông', 45000, {2022: (30000, 0), 2023: (25000, 0), 2024: (20000, 0), 2025: (10000, 0)}),
    ('7812303', 'Đường cứu hộ cứu nạn huyện Triệu Phong', 'UBND huyện Triệu Phong', 0, {2022: (0, 4000), 2023: (0, 6000), 2024: (0, 5000), 2025: (0, 3000)}),
    ('7812304', 'Nâng cấp đường tỉnh ĐT.585', 'Ban QLDA ĐTXD công trình giao thông', 0, {2022: (0, 0), 2023: (0, 0), 2024: (8000, 2000), 2025: (12000, 3000)}),
    ('7812305', 'Bệnh viện đa khoa tuyến huyện Gio Linh', 'Ban QLDA ĐTXD công trình dân dụng và công nghiệp', 12000, {2022: (10000, 2000), 2023: (10000, 2000), 2024: (6000, 1500), 2025: (0, 0)}),
    ('7812306', 'Trung tâm y tế huyện Hải Lăng', 'Sở Y tế', 0, {2022: (0, 3000), 2023: (0, 3000), 2024: (0, 4000), 2025: (0, 2000)}),
    ('7812307', 'Trung tâm dữ liệu tỉnh', 'Sở Thông tin và Truyền thông', 5000, {2022: (8000, 2000), 2023: (6000, 2000), 2024: (5000, 1000), 2025: (0, 0)}),
    ('7812308', 'Chính quyền điện tử tỉnh Quảng Trị', 'Sở Thông tin và Truyền thông', 0, {2022: (0, 2000), 2023: (0, 3000), 2024: (0, 3000), 2025: (0, 2000)}),
    ('7812309', 'Hệ thống camera giám sát giao thông thành phố Đông Hà', 'Công an tỉnh', 0, {2022: (0, 0), 2023: (0, 1500), 2024: (0, 2500), 2025: (0, 1000)}),
    ('7812310', 'Trường THPT Chế Lan Viên', 'Sở Giáo dục và Đào tạo', 8000, {2022: (0, 4000), 2023: (0, 4000), 2024: (0, 3000), 2025: (0, 0)}),
    ('7812311', 'Trường Tiểu học Hải Thượng', 'UBND huyện Hải Lăng', 0, {2022: (0, 1000), 2023: (0, 2000), 2024: (0, 2000), 2025: (0, 1000)}),
    ('7812312', 'Ký túc xá Trường Cao đẳng Sư phạm Quảng Trị', 'Sở Giáo dục và Đào tạo', 0, {2022: (0, 0), 2023: (0, 0), 2024: (0, 1500), 2025: (0, 2500)}),
]
SECTIONS = [
    ('A', 'GIAO THÔNG', [0, 1, 2, 3]),
    ('B', 'Y TẾ', [4, 5]),
    ('C', 'CÔNG NGHỆ THÔNG TIN', [6, 7, 8]),
    ('D', 'GIÁO DỤC - ĐÀO TẠO', [9, 10, 11]),
]
YEARS = [2022, 2023, 2024, 2025]
# the 2023 plan carried over into 2024 (kéo dài), and disbursement to 31/12/2023
CARRY = {0: 2500, 4: 1200, 9: 800}
PRIOR_DISBURSED = {0: 62000, 1: 95000, 2: 9500, 4: 34000, 5: 2800, 6: 20500, 7: 4600, 8: 1200, 9: 15200, 10: 2900}
# cumulative disbursement from 01/01/2024, per month: (of the 2024 plan, of the carried-over plan)
DISB = {
    1: {0: (1500, 500), 1: (2000, 0), 2: (0, 0), 4: (700, 300), 6: (600, 0), 7: (300, 0), 9: (0, 200), 10: (200, 0)},
    2: {0: (3000, 1200), 1: (4500, 0), 2: (800, 0), 3: (500, 0), 4: (1500, 600), 5: (400, 0), 6: (1200, 0), 7: (900, 0), 8: (250, 0), 9: (300, 400), 10: (500, 0)},
    3: {0: (5200, 2000), 1: (7000, 0), 2: (1500, 0), 3: (1000, 0), 4: (2600, 1000), 5: (900, 0), 6: (2100, 0), 7: (1400, 0), 8: (500, 0), 9: (700, 800), 10: (900, 0), 11: (150, 0)},
}


def plan_2024(i):
    return PROJECTS[i][4][2024]


def prior_alloc(i):
    p = PROJECTS[i]
    return p[3] + sum(sum(p[4][y]) for y in (2022, 2023))


def style_header(ws, r0, r1, c1):
    for r in range(r0, r1 + 1):
        for c in range(1, c1 + 1):
            cell = ws.cell(r, c)
            cell.font = bold
            cell.alignment = center
            cell.border = box


def write_plan():
    wb = Workbook()
    ws = wb.active
    ws.title = 'Biểu 01'
    ws['A1'] = 'ỦY BAN NHÂN DÂN'
    ws['H1'] = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    ws['A2'] = 'TỈNH QUẢNG TRỊ'
    ws['H2'] = 'Độc lập - Tự do - Hạnh phúc'
    ws['A4'] = 'KẾ HOẠCH ĐẦU TƯ CÔNG GIAI ĐOẠN 2022-2025 (ĐIỀU CHỈNH)'
    ws['A5'] = '(Kèm theo Quyết định số 2150/QĐ-UBND ngày 15/12/2023 của UBND tỉnh)'
    ws['M6'] = 'Đơn vị: triệu đồng'
    ws.cell(7, 1, 'TT')
    ws.cell(7, 2, 'Danh mục dự án')
    ws.cell(7, 3, 'Mã dự án')
    ws.cell(7, 4, 'Chủ đầu tư')
    ws.cell(7, 5, 'Lũy kế vốn đã bố trí đến hết năm 2021')
    ws.cell(7, 6, 'Kế hoạch vốn các năm')
    for k, y in enumerate(YEARS):
        ws.cell(8, 6 + 2 * k, f'Năm {y}')
        ws.cell(9, 6 + 2 * k, 'Vốn NSTW')
        ws.cell(9, 7 + 2 * k, 'Vốn NSĐP')
        ws.merge_cells(start_row=8, start_column=6 + 2 * k, end_row=8, end_column=7 + 2 * k)
    ws.cell(7, 14, 'Ghi chú')
    for rng in ['A7:A9', 'B7:B9', 'C7:C9', 'D7:D9', 'E7:E9', 'F7:M7', 'N7:N9']:
        ws.merge_cells(rng)
    style_header(ws, 7, 9, 14)
    r = 10
    for letter, title, idx in SECTIONS:
        ws.cell(r, 1, letter).font = bold
        ws.cell(r, 2, title).font = bold
        r += 1
        for n, i in enumerate(idx, 1):
            code, name, lead, cum, years = PROJECTS[i]
            row = [str(n), name, code, lead, cum or None]
            for y in YEARS:
                a, b = years[y]
                row += [a or None, b or None]
            for c, v in enumerate(row, 1):
                if v is not None:
                    cell = ws.cell(r, c, v)
                    if isinstance(v, int):
                        cell.number_format = '#,##0'
            r += 1
    ws.column_dimensions['B'].width = 46
    ws.column_dimensions['D'].width = 34
    wb.save(f'{OUT}/ke-hoach-dau-tu-cong-2022-2025.xlsx')


def treasury_report(month, extra=None):
    """The Treasury's form (triệu đồng), as of the month's end."""
    last = {1: 31, 2: 29, 3: 31}[month]
    wb = Workbook()
    ws = wb.active
    ws.title = f'T{month:02d}'
    ws['A1'] = 'KHO BẠC NHÀ NƯỚC QUẢNG TRỊ'
    ws['A3'] = 'BÁO CÁO TÌNH HÌNH THANH TOÁN, GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NGUỒN NGÂN SÁCH NHÀ NƯỚC'
    ws['A4'] = f'Tháng {month:02d} năm 2024 (số liệu đến hết ngày {last:02d}/{month:02d}/2024)'
    ws['O5'] = 'Đơn vị: triệu đồng'
    heads = {
        1: 'STT', 2: 'Danh mục dự án', 3: 'Mã dự án', 4: 'Chủ đầu tư',
        5: 'Lũy kế vốn đã bố trí đến hết năm 2023',
        6: 'Lũy kế giải ngân từ khởi công đến 31/12/2023',
        7: 'Kế hoạch vốn năm 2023 được kéo dài sang năm 2024',
        8: 'Kế hoạch vốn năm 2024',
        11: f'Giải ngân từ 01/01/2024 đến {last:02d}/{month:02d}/2024',
        14: 'Tỷ lệ giải ngân KH năm 2024 (%)', 15: 'Ghi chú',
    }
    for c, t in heads.items():
        ws.cell(6, c, t)
    for c, t in {8: 'Tổng số', 9: 'Vốn NSTW', 10: 'Vốn NSĐP', 11: 'Tổng số',
                 12: 'KH năm 2023 kéo dài', 13: 'KH năm 2024'}.items():
        ws.cell(7, c, t)
    for rng in ['A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:E7', 'F6:F7', 'G6:G7', 'H6:J6', 'K6:M6',
                'N6:N7', 'O6:O7']:
        ws.merge_cells(rng)
    for c in range(1, 16):
        ws.cell(8, c, str(c))
    style_header(ws, 6, 8, 15)
    lines = []
    figures = DISB[month]
    for i in range(len(PROJECTS)):
        if i not in figures:
            continue
        code, name, lead, _, years = PROJECTS[i]
        a, b = plan_2024(i)
        p, c = figures[i]
        lines.append([code, name, lead, prior_alloc(i), PRIOR_DISBURSED.get(i, 0), CARRY.get(i, 0),
                      a + b, a, b, p + c, c, p])
    if extra:
        lines.append(extra)
    tot = [sum(l[k] for l in lines) for k in range(3, 12)]
    r = 9
    ws.cell(r, 2, 'TỔNG CỘNG').font = bold
    for k, v in enumerate(tot):
        ws.cell(r, 5 + k, v).number_format = '#,##0'
    ws.cell(r, 14, round(100 * tot[8] / tot[4], 2))
    r += 1
    for n, l in enumerate(lines, 1):
        ws.cell(r, 1, n)
        ws.cell(r, 2, l[1])
        ws.cell(r, 3, l[0])
        ws.cell(r, 4, l[2])
        for k, v in enumerate(l[3:]):
            if v:
                ws.cell(r, 5 + k, v).number_format = '#,##0'
        if l[6]:
            ws.cell(r, 14, round(100 * l[11] / l[6], 2)).number_format = '0.00'
        r += 1
    ws.cell(r + 1, 2, 'NGƯỜI LẬP BIỂU')
    ws.cell(r + 1, 10, 'GIÁM ĐỐC')
    ws.column_dimensions['B'].width = 46
    ws.column_dimensions['D'].width = 34
    wb.save(f'{OUT}/kbnn-giai-ngan-2024-{month:02d}.xlsx')


def unit_report_february():
    """A unit's report (đồng), grouped by investor, without codes; saved as .xls by LibreOffice."""
    wb = Workbook()
    ws = wb.active
    ws.title = 'Báo cáo'
    ws['A1'] = 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH QUẢNG TRỊ'
    ws['A3'] = 'BÁO CÁO KẾT QUẢ GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ CÔNG THÁNG 02/2024'
    ws['I4'] = 'ĐVT: đồng'
    heads = {1: 'TT', 2: 'Tên công trình, dự án', 3: 'Chủ đầu tư', 4: 'Kế hoạch vốn giao năm 2024',
             5: 'Vốn năm 2023 kéo dài', 6: 'Giải ngân trong tháng', 7: 'Lũy kế giải ngân từ đầu năm',
             10: 'Tỷ lệ (%)', 11: 'Ghi chú'}
    for c, t in heads.items():
        ws.cell(5, c, t)
    for c, t in {7: 'Vốn NSTW', 8: 'Vốn NSĐP', 9: 'Trong đó: giải ngân vốn kéo dài'}.items():
        ws.cell(6, c, t)
    for rng in ['A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:F6', 'G5:I5', 'J5:J6', 'K5:K6']:
        ws.merge_cells(rng)
    style_header(ws, 5, 6, 11)
    renamed = {0: 'Đường GT liên xã Hải Thượng – Hải Lâm, huyện Hải Lăng'}
    by_unit = {}
    for i in DISB[2]:
        by_unit.setdefault(PROJECTS[i][2], []).append(i)
    r = 7
    M = 1_000_000
    for u, (lead, idx) in enumerate(sorted(by_unit.items()), 1):
        ws.cell(r, 1, ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][u - 1]).font = bold
        ws.cell(r, 2, lead).font = bold
        r += 1
        for n, i in enumerate(idx, 1):
            _, name, _, _, _ = PROJECTS[i]
            a, b = plan_2024(i)
            p, c = DISB[2][i]
            p1, c1 = DISB[1].get(i, (0, 0))
            total = p + c
            # the month's total split by source in proportion to the plan
            src_a = round(total * a / (a + b)) if a + b else 0
            row = [n, renamed.get(i, name), lead, (a + b) * M, CARRY.get(i, 0) * M or None,
                   (p + c - p1 - c1) * M, src_a * M, (total - src_a) * M, c * M or None,
                   round(100 * p / (a + b), 1) if a + b else None]
            for k, v in enumerate(row, 1):
                if v is not None:
                    cell = ws.cell(r, k, v)
                    if isinstance(v, int) and k > 3:
                        cell.number_format = '#,##0'
            r += 1
    ws.column_dimensions['B'].width = 50
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'bao-cao-giai-ngan-thang-02-2024.xlsx')
        wb.save(src)
        profile = tempfile.mkdtemp()
        subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless',
                        '--convert-to', 'xls', '--outdir', OUT, src], check=True,
                       stdout=subprocess.DEVNULL)


def sample_plan_report():
    """June 2013 for the sample plan: by source ĐTPT/SN, no codes, one line renamed beyond
    recognition (the user pairs it) and one project the plan does not have."""
    wb = Workbook()
    ws = wb.active
    ws.title = 'Giải ngân'
    ws['A1'] = 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH QUẢNG TRỊ'
    ws['A3'] = 'BÁO CÁO GIẢI NGÂN KẾ HOẠCH ỨNG DỤNG CNTT NĂM 2013'
    ws['A4'] = '(Số liệu đến hết ngày 30/06/2013)'
    ws['H5'] = 'Đơn vị: triệu đồng'
    for c, t in {1: 'TT', 2: 'Tên dự án', 3: 'Đơn vị thực hiện', 4: 'Kế hoạch vốn năm 2013',
                 6: 'Giải ngân từ 01/01/2013 đến 30/06/2013', 8: 'Tỷ lệ giải ngân (%)'}.items():
        ws.cell(6, c, t)
    for c, t in {4: 'Vốn ĐTPT', 5: 'Vốn SN', 6: 'Vốn ĐTPT', 7: 'Vốn SN'}.items():
        ws.cell(7, c, t)
    for rng in ['A6:A7', 'B6:B7', 'C6:C7', 'D6:E6', 'F6:G6', 'H6:H7']:
        ws.merge_cells(rng)
    style_header(ws, 6, 7, 8)
    lines = [
        ('Đầu tư mới, nâng cấp trang thiết bị CNTT và hệ thống mạng LAN cho các sở, ban, ngành và 09 huyện, thị xã, thành phố', 'Sở TT và TT', 4000, 600, 2600, 150),
        ('Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh', 'VP UBND tỉnh', 1000, 0, 400, 0),
        ('Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện', 'VP UBND tỉnh', 2000, 0, 1200, 0),
        ('Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện', 'Sở TT và TT', 2000, 0, 900, 0),
        ('Cung cấp thiết bị, xây dựng mạng LAN cho các xã, phường, thị trấn (141 DV)', 'Sở TT và TT', 2000, 0, 500, 0),
        ('Cổng thông tin điện tử của tỉnh', 'Văn phòng UBND tỉnh', 500, 0, 300, 0),
        ('Xây dựng các hệ thống, phần mềm chuyên ngành về Tài chính – Ngân sách', 'Sở Tài Chính', 0, 600, 0, 250),
        ('Xây dựng hệ thống quản lý cán bộ công chức tỉnh', 'Sở Nội vụ', 0, 200, 0, 80),
        ('Dự án GIS chuyên đề Thông tin và Truyền thông', 'Sở TT và TT', 0, 1000, 0, 400),
        ('Tập huấn CIO, lập và quản lý dự án ứng dụng CNTT', 'Sở TT và TT', 0, 50, 0, 50),
        ('Trang bị phòng họp trực tuyến Sở Y tế', 'Sở Y tế', 0, 0, 120, 0),
    ]
    r = 8
    for n, (name, lead, a, b, da, db) in enumerate(lines, 1):
        row = [n, name, lead, a or None, b or None, da or None, db or None,
               round(100 * (da + db) / (a + b), 1) if a + b else None]
        for k, v in enumerate(row, 1):
            if v is not None:
                ws.cell(r, k, v)
        r += 1
    ws.column_dimensions['B'].width = 60
    wb.save(f'{OUT}/quang-tri-giai-ngan-2013-06.xlsx')


write_plan()
treasury_report(1)
unit_report_february()
treasury_report(3, ['7899001', 'Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ', 'UBND huyện Gio Linh',
                    0, 0, 0, 800, 0, 800, 350, 0, 350])
sample_plan_report()
print(sorted(os.listdir(OUT)))
