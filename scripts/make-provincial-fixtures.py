#!/usr/bin/python3
"""Writes realistic provincial plan appendices with openpyxl (software other than Planbook's own
writer), for the checks: a medium-term public investment plan where Tổng mức đầu tư is each
project's total investment, cumulative allocations, a code row with `…`, text columns, a footnote
marker in a figure cell, an of-which column group, a signature block below the table, and two
published errors. Usage: /usr/bin/python3 scripts/make-provincial-fixtures.py"""
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = 'fixtures/provincial/ke-hoach-dau-tu-trung-han-2021-2025.xlsx'

wb = Workbook()
ws = wb.active
ws.title = 'Phụ lục I'
bold = Font(bold=True)
ws['A1'] = 'HỘI ĐỒNG NHÂN DÂN'
ws['F1'] = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
ws['A2'] = 'TỈNH QUẢNG TRỊ'
ws['F2'] = 'Độc lập - Tự do - Hạnh phúc'
ws['A4'] = 'Phụ lục I'
ws['A5'] = 'KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN GIAI ĐOẠN 2021-2025 NGUỒN VỐN NGÂN SÁCH ĐỊA PHƯƠNG'
ws['A6'] = '(Kèm theo Nghị quyết số 45/NQ-HĐND ngày 10/12/2020 của Hội đồng nhân dân tỉnh)'
ws['N7'] = 'Đơn vị: triệu đồng'
# header band: three lines, merged as Excel users do
head = [
    (8, 1, 'TT'), (8, 2, 'Danh mục dự án'), (8, 3, 'Địa điểm xây dựng'), (8, 4, 'Thời gian KC-HT'),
    (8, 5, 'Quyết định đầu tư'), (8, 8, 'Lũy kế vốn đã bố trí đến hết năm 2020'),
    (8, 9, 'Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025'), (8, 15, 'Ghi chú'),
    (9, 5, 'Số quyết định; ngày, tháng, năm ban hành'), (9, 6, 'TMĐT'),
    (9, 9, 'Tổng số'), (9, 10, 'Năm 2021'), (9, 11, 'Năm 2022'), (9, 12, 'Năm 2023'),
    (9, 13, 'Năm 2024'), (9, 14, 'Năm 2025'),
    (10, 6, 'Tổng số'), (10, 7, 'Trong đó: NSĐP'),
]
for r, c, t in head:
    ws.cell(r, c, t).font = bold
for rng in ['A8:A10', 'B8:B10', 'C8:C10', 'D8:D10', 'E8:G8', 'E9:E10', 'F9:G9', 'H8:H10',
            'I8:N8', 'I9:I10', 'J9:J10', 'K9:K10', 'L9:L10', 'M9:M10', 'N9:N10', 'O8:O10']:
    ws.merge_cells(rng)
codes = ['1', '2', '3', '4', '5', '6', '7', '8', '9=10+...+14', '10', '11', '12', '13', '14', '15']
for c, t in enumerate(codes, 1):
    ws.cell(11, c, t).alignment = Alignment(horizontal='center')

def project(tt, name, place, time, qd, tmdt, nsdp, cum, years, note=None):
    return [tt, name, place, time, qd, tmdt, nsdp, cum, sum(years), *years, note]

rows = [
    # stated figures of sections and the total are typed, as published tables have them
    ['', 'TỔNG SỐ', None, None, None, 1248000, 1030000, 301500, 707500, 155000, 170500, 152000, 125000, 105000, None],
    ['A', 'HẠ TẦNG KỸ THUẬT', None, None, None, 772000, 640000, 210000, 437500, 95000, 107500, 95000, 75000, 65000, None],
    ['I', 'Dự án chuyển tiếp hoàn thành trong giai đoạn', None, None, None, 452000, 380000, 210000, 222500, 75000, 67500, 45000, 20000, 15000, None],
    project('1', 'Đường giao thông liên xã Hải Thượng - Hải Lâm', 'Huyện Hải Lăng', '2019-2022', '1523/QĐ-UBND ngày 28/6/2019', 185000, 150000, 95000, [40000, 30000, 20000, 0, 0]),
    project('2', 'Kè chống sạt lở bờ sông Thạch Hãn đoạn qua thị xã Quảng Trị', 'Thị xã Quảng Trị', '2020-2023', '2870/QĐ-UBND ngày 15/10/2019', 267000, 230000, 115000, [35000, 37500, 25000, 20000, 15000]),
    ['II', 'Dự án khởi công mới', None, None, None, 320000, 260000, 0, 215000, 20000, 40000, 50000, 55000, 50000, None],
    project('1', 'Xây dựng Trung tâm dữ liệu tỉnh (1)', 'Thành phố Đông Hà', '2021-2024', '3120/QĐ-UBND ngày 30/10/2020', 145000, 120000, 0, [10000, 20000, 30000, 25000, 20000], '(1) Dự án nhóm B'),
    project('2', 'Hạ tầng kỹ thuật khu công nghiệp Quán Ngang giai đoạn 2', 'Huyện Gio Linh', '2021-2025', '3215/QĐ-UBND ngày 5/11/2020', 175000, 140000, 0, [10000, 20000, 20000, 30000, 30000]),
    ['B', 'ỨNG DỤNG CÔNG NGHỆ THÔNG TIN', None, None, None, 476000, 390000, 91500, 270000, 60000, 63000, 57000, 50000, 40000, None],
    project('1', 'Chính quyền điện tử tỉnh Quảng Trị giai đoạn 2021-2025', 'Toàn tỉnh', '2021-2025', '2950/QĐ-UBND ngày 20/10/2020', 210000, 170000, 0, [30000, 30000, 30000, 25000, 20000]),
    project('2', 'Hệ thống thông tin quản lý văn bản và điều hành', 'Toàn tỉnh', '2018-2022', '1880/QĐ-UBND ngày 2/8/2018', 98000, 80000, 61500, [15000, 13000, 12000, 0, 0]),
    project('3', 'Nâng cấp hạ tầng mạng các sở, ban, ngành', 'Thành phố Đông Hà', '2019-2023', '2214/QĐ-UBND ngày 9/9/2019', 168000, 140000, 30000, [15000, 20000, 15000, 25000, 20000]),
]
# published error 1: B states 67.000 for 2023 where its projects add up to 30.000 + 12.000 + 15.000
# = 57.000 (the total row was computed from the wrong figure: 95.000 + 67.000 = 162.000)
rows[8][11] = 67000
rows[8][8] = 280000
rows[0][11] = 162000
rows[0][8] = 717500
# published error 2: project A.II.2 states its period total 100.000 where its years add up to
# 110.000 (section A.II states the right 215.000, so the gap shows there too)
rows[7][8] = 100000
for k, row in enumerate(rows):
    for c, v in enumerate(row, 1):
        if v is not None and v != '':
            cell = ws.cell(12 + k, c, v)
            if isinstance(v, (int, float)):
                cell.number_format = '#,##0'
    if row[0] in ('', 'A', 'B', 'I', 'II'):
        for c in range(1, 16):
            ws.cell(12 + k, c).font = bold
# the footnote marker of the TMĐT of A.II.1 stands alone in its own cell, as typed
ws.cell(18, 7, '(1)')
ws.cell(18, 7).alignment = Alignment(horizontal='right')
ws.cell(18, 7).value = '(1)'
# notes and the signature block below the table
base = 12 + len(rows) + 1
ws.cell(base, 1, 'Ghi chú: (1) Dự án nhóm B theo Luật Đầu tư công; NSĐP bố trí 120.000 triệu đồng.')
ws.cell(base + 2, 2, 'NGƯỜI LẬP BIỂU')
ws.cell(base + 2, 9, 'TM. HỘI ĐỒNG NHÂN DÂN')
ws.cell(base + 3, 9, 'CHỦ TỊCH')
ws.cell(base + 7, 2, 'Nguyễn Văn An')
ws.cell(base + 7, 9, 'Nguyễn Đăng Quang')
ws.column_dimensions['B'].width = 48
wb.save(OUT)
print(OUT)
