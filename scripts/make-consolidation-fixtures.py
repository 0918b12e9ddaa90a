#!/usr/bin/python3
"""Department submissions for the consolidation tests (fixtures/consolidate).

Each file is what a department of Quảng Trị might send the Department of Information and
Communications for the 2026-2028 IT plan, each in its own layout and made by other software:
openpyxl writes the .xlsx files, LibreOffice converts some of them to .xls and .ods (and reads a
hand-typed HTML table into .xlsx). Run: /usr/bin/python3 scripts/make-consolidation-fixtures.py
(needs openpyxl and soffice). Figures are in triệu đồng; the expected totals are in README.md there.
"""
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'consolidate')
MORE = os.path.join(OUT, 'more')
THIN = Side(style='thin')
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name='Times New Roman', bold=True)
PLAIN = Font(name='Times New Roman')


def put(ws, r, c, v, bold=False, merge=None):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = BOLD if bold else PLAIN
    cell.alignment = Alignment(wrap_text=True, vertical='center')
    if merge:
        ws.merge_cells(start_row=r, start_column=c, end_row=r + merge[0] - 1,
                       end_column=c + merge[1] - 1)
    return cell


def title_block(ws, parent, unit, title, width):
    put(ws, 1, 1, parent, merge=(1, 3))
    put(ws, 2, 1, unit, bold=True, merge=(1, 3))
    put(ws, 1, 5, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold=True, merge=(1, width - 4))
    put(ws, 2, 5, 'Độc lập - Tự do - Hạnh phúc', bold=True, merge=(1, width - 4))
    put(ws, 4, 1, title, bold=True, merge=(1, width))


def boxed(ws, r0, r1, width):
    for r in range(r0, r1 + 1):
        for c in range(1, width + 1):
            ws.cell(row=r, column=c).border = BOX


def convert(path, fmt, outdir):
    profile = tempfile.mkdtemp(prefix='lo-fixtures-')
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless',
                    '--convert-to', fmt, '--outdir', outdir, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)


# --- A. Sở Thông tin và Truyền thông: years over sources, code row, lead column, totals stated ---
TTTT = [
    ('I', 'Hạ tầng kỹ thuật', [
        ('Đầu tư Trung tâm dữ liệu tỉnh', 'Sở TT&TT', [(8000, 0), (6000, 0), (4000, 0)]),
        ('Nâng cấp mạng truyền số liệu chuyên dùng', 'Sở TT&TT', [(1500, 200), (1500, 200), (0, 200)]),
    ]),
    ('II', 'Ứng dụng CNTT', [
        ('Nâng cấp Cổng thông tin điện tử tỉnh', 'Sở TT&TT', [(1200, 300), (800, 300), (0, 300)]),
        ('Hệ thống quản lý văn bản và điều hành liên thông', 'Văn phòng UBND tỉnh', [(0, 900), (0, 700), (0, 500)]),
        ('Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)', 'Sở TT&TT', [(2500, 0), (1000, 0), (0, 0)]),
    ]),
    ('III', 'An toàn thông tin', [
        ('Trung tâm giám sát an toàn thông tin (SOC)', 'Sở TT&TT', [(3000, 500), (0, 500), (0, 500)]),
    ]),
]

# the re-submission: one figure changed, one project dropped, one added, one renamed slightly
TTTT_V2 = [
    ('I', 'Hạ tầng kỹ thuật', [
        ('Đầu tư Trung tâm dữ liệu tỉnh', 'Sở TT&TT', [(9000, 0), (6000, 0), (4000, 0)]),
        ('Nâng cấp mạng truyền số liệu chuyên dùng', 'Sở TT&TT', [(1500, 200), (1500, 200), (0, 200)]),
    ]),
    ('II', 'Ứng dụng CNTT', [
        ('Nâng cấp Cổng thông tin điện tử của tỉnh', 'Sở TT&TT', [(1200, 300), (800, 300), (0, 300)]),
        ('Hệ thống quản lý văn bản và điều hành liên thông', 'Văn phòng UBND tỉnh', [(0, 900), (0, 700), (0, 500)]),
        ('Kho dữ liệu dùng chung của tỉnh', 'Sở TT&TT', [(1500, 0), (1500, 0), (0, 0)]),
    ]),
    ('III', 'An toàn thông tin', [
        ('Trung tâm giám sát an toàn thông tin (SOC)', 'Sở TT&TT', [(3000, 500), (0, 500), (0, 500)]),
    ]),
]


def so_tttt(path, sections, date):
    wb = Workbook()
    ws = wb.active
    ws.title = 'Phụ lục'
    width = 11
    title_block(ws, 'UBND TỈNH QUẢNG TRỊ', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
                'DANH MỤC DỰ ÁN ĐỀ XUẤT KẾ HOẠCH ỨNG DỤNG CNTT GIAI ĐOẠN 2026-2028', width)
    put(ws, 5, 1, f'(Kèm theo Công văn số 512/STTTT-CNTT ngày {date} của Sở Thông tin và Truyền thông)',
        merge=(1, width))
    put(ws, 6, 9, 'ĐVT: triệu đồng', merge=(1, 3))
    h = 7
    put(ws, h, 1, 'TT', True, (2, 1))
    put(ws, h, 2, 'Tên dự án', True, (2, 1))
    put(ws, h, 3, 'Đơn vị thực hiện', True, (2, 1))
    for k, year in enumerate((2026, 2027, 2028)):
        put(ws, h, 4 + 2 * k, f'Năm {year}', True, (1, 2))
        put(ws, h + 1, 4 + 2 * k, 'Vốn ĐTPT', True)
        put(ws, h + 1, 5 + 2 * k, 'Vốn SN', True)
    put(ws, h, 10, 'Tổng cộng', True, (2, 1))
    put(ws, h, 11, 'Ghi chú', True, (2, 1))
    for c in range(1, width + 1):
        put(ws, h + 2, c, str(c) if c != 10 else '10=4+5+6+7+8+9')
    r = h + 3
    grand = [0] * 6
    for number, name, projects in sections:
        sub = [sum(p[2][k // 2][k % 2] for p in projects) for k in range(6)]
        put(ws, r, 1, number, True)
        put(ws, r, 2, name, True)
        for k in range(6):
            put(ws, r, 4 + k, sub[k], True)
        put(ws, r, 10, sum(sub), True)
        r += 1
        for name, lead, amounts in projects:
            put(ws, r, 1, '-')
            put(ws, r, 2, name)
            put(ws, r, 3, lead)
            for k in range(6):
                v = amounts[k // 2][k % 2]
                put(ws, r, 4 + k, v if v else None)
            put(ws, r, 10, sum(sum(a) for a in amounts))
            r += 1
        grand = [g + s for g, s in zip(grand, sub)]
    put(ws, r, 2, 'TỔNG CỘNG', True)
    for k in range(6):
        put(ws, r, 4 + k, grand[k], True)
    put(ws, r, 10, sum(grand), True)
    boxed(ws, h, r, width)
    ws.column_dimensions['B'].width = 48
    wb.save(path)


# --- B. Sở Y tế: sources over years, a subset of years (2026-2027), no lead column, Tổng mức
# đầu tư, sections lettered and spelled otherwise; shares the data centre with Sở TT&TT ---
def so_y_te(path):
    wb = Workbook()
    ws = wb.active
    ws.title = 'Biểu 01'
    width = 8
    title_block(ws, 'UBND TỈNH QUẢNG TRỊ', 'SỞ Y TẾ', 'BIỂU TỔNG HỢP NHU CẦU KINH PHÍ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NGÀNH Y TẾ NĂM 2026-2027', width)
    put(ws, 5, 6, 'Đơn vị tính: triệu đồng', merge=(1, 3))
    h = 6
    put(ws, h, 1, 'STT', True, (2, 1))
    put(ws, h, 2, 'Danh mục dự án, nhiệm vụ', True, (2, 1))
    put(ws, h, 3, 'Tổng mức đầu tư', True, (2, 1))
    put(ws, h, 4, 'Vốn đầu tư phát triển', True, (1, 2))
    put(ws, h, 6, 'Chi thường xuyên', True, (1, 2))
    put(ws, h, 8, 'Ghi chú', True, (2, 1))
    for k, label in enumerate(('Năm 2026', 'Năm 2027', 'Năm 2026', 'Năm 2027')):
        put(ws, h + 1, 4 + k, label, True)
    rows = [
        ('A', 'HẠ TẦNG KỸ THUẬT CNTT', None, None),
        ('1', 'Đầu tư trung tâm dữ liệu tỉnh (Data Center)', 14000, (8000, 6000, 0, 0)),
        ('2', 'Trang bị máy tính cho các trạm y tế xã', 2400, (1200, 1200, 0, 0)),
        ('B', 'ỨNG DỤNG CÔNG NGHỆ THÔNG TIN', None, None),
        ('1', 'Triển khai bệnh án điện tử tại bệnh viện đa khoa tỉnh', 5000, (3000, 1500, 250, 250)),
        ('2', 'Phần mềm quản lý hồ sơ sức khỏe điện tử', 1600, (0, 0, 800, 800)),
    ]
    r = h + 2
    for number, name, stated, amounts in rows:
        put(ws, r, 1, number, amounts is None)
        put(ws, r, 2, name, amounts is None)
        if amounts:
            put(ws, r, 3, stated)
            for k, v in enumerate(amounts):
                put(ws, r, 4 + k, v if v else None)
        r += 1
    put(ws, r, 2, 'Tổng cộng', True)
    for k, col in enumerate('DEFG'):
        put(ws, r, 4 + k, f'=SUM({col}{h + 2}:{col}{r - 1})', True)
    boxed(ws, h, r, width)
    ws.column_dimensions['B'].width = 50
    wb.save(path)


# --- C. UBND huyện Gio Linh: one header row (source and year in one cell, XDCB / Sự nghiệp),
# amounts typed as Vietnamese text, a section subtotal that does not add up (published error);
# saved by LibreOffice as .xls ---
def gio_linh(path):
    wb = Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    width = 10
    title_block(ws, 'UBND TỈNH QUẢNG TRỊ', 'UBND HUYỆN GIO LINH', 'KẾ HOẠCH ỨNG DỤNG CNTT HUYỆN GIO LINH GIAI ĐOẠN 2026 - 2028', width)
    put(ws, 5, 8, 'ĐVT: Triệu đồng', merge=(1, 3))
    h = 6
    heads = ['STT', 'Nội dung', 'Chủ đầu tư', 'XDCB 2026', 'Sự nghiệp 2026', 'XDCB 2027',
             'Sự nghiệp 2027', 'XDCB 2028', 'Sự nghiệp 2028', 'Ghi chú']
    for c, t in enumerate(heads):
        put(ws, h, c + 1, t, True)
    rows = [
        ('1', 'Hạ tầng', None, ('1.700', '', '900', '', '', '')),  # published: 1.700, adds up to 1.500
        ('-', 'Nâng cấp mạng LAN các xã, thị trấn', 'UBND huyện Gio Linh', ('1.000', '', '500', '', '', '')),
        ('-', 'Trang bị thiết bị họp trực tuyến cấp xã', 'Văn phòng HĐND-UBND huyện', ('500', '', '400', '', '', '')),
        ('2', 'Ứng dụng', None, ('', '350', '', '350', '', '200')),
        ('-', 'Duy trì hệ thống một cửa điện tử', 'Văn phòng HĐND-UBND huyện', ('', '150', '', '150', '', '200')),
        ('-', 'Số hóa hồ sơ hộ tịch', 'Phòng Tư pháp', ('', '200', '', '200', '', '')),
    ]
    r = h + 1
    for number, name, lead, amounts in rows:
        section = lead is None
        put(ws, r, 1, number, section)
        put(ws, r, 2, name, section)
        if lead:
            put(ws, r, 3, lead)
        for k, v in enumerate(amounts):
            if v:
                put(ws, r, 4 + k, v, section)
        r += 1
    boxed(ws, h, r - 1, width)
    ws.column_dimensions['B'].width = 45
    wb.save(path)


# --- D. Sở Giáo dục và Đào tạo: years 2027-2028 only, each year a total and "Trong đó" sources
# (SN before ĐTPT), the issuing body in the "kèm theo" line only; saved by LibreOffice as .ods ---
def so_gd(path):
    wb = Workbook()
    ws = wb.active
    ws.title = 'PL01'
    width = 9
    put(ws, 1, 1, 'PHỤ LỤC 01', True, (1, width))
    put(ws, 2, 1, 'NHU CẦU KINH PHÍ CHUYỂN ĐỔI SỐ NGÀNH GIÁO DỤC 2027-2028', True, (1, width))
    put(ws, 3, 1, '(Kèm theo Tờ trình số 88/TTr-SGDĐT ngày 20/8/2025 của Sở Giáo dục và Đào tạo)', merge=(1, width))
    h = 5
    put(ws, h, 1, 'TT', True, (3, 1))
    put(ws, h, 2, 'Tên nhiệm vụ, dự án', True, (3, 1))
    put(ws, h, 3, 'Đơn vị chủ trì', True, (3, 1))
    for k, year in enumerate((2027, 2028)):
        c = 4 + 3 * k
        put(ws, h, c, f'Năm {year}', True, (1, 3))
        put(ws, h + 1, c, 'Tổng số', True, (2, 1))
        put(ws, h + 1, c + 1, 'Trong đó', True, (1, 2))
        put(ws, h + 2, c + 1, 'Sự nghiệp', True)
        put(ws, h + 2, c + 2, 'Đầu tư phát triển', True)
    rows = [
        ('I', 'Hạ tầng kỹ thuật', None, None),
        ('1', 'Trang bị phòng học thông minh cho các trường THPT', 'Sở GD&ĐT', (0, 4000, 0, 3000)),
        ('II', 'Ứng dụng công nghệ thông tin', None, None),
        ('1', 'Cơ sở dữ liệu ngành giáo dục', 'Sở GD&ĐT', (600, 0, 400, 0)),
        ('2', 'Học bạ số', 'Các trường THPT', (300, 0, 300, 0)),
    ]
    r = h + 3
    for number, name, lead, amounts in rows:
        put(ws, r, 1, number, lead is None)
        put(ws, r, 2, name, lead is None)
        if lead:
            put(ws, r, 3, lead)
            for k in range(2):
                sn, dt = amounts[2 * k], amounts[2 * k + 1]
                c = 4 + 3 * k
                sn_col, dt_col = ('E', 'F') if k == 0 else ('H', 'I')
                put(ws, r, c, f'={sn_col}{r}+{dt_col}{r}')
                put(ws, r, c + 1, sn if sn else None)
                put(ws, r, c + 2, dt if dt else None)
        r += 1
    boxed(ws, h, r - 1, width)
    ws.column_dimensions['B'].width = 45
    wb.save(path)


# --- E. Sở Tài chính: a single year named in the title only, sources as plain columns,
# typed as a web page and read by LibreOffice into .xlsx ---
SO_TAI_CHINH_HTML = """<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="3">UBND TỈNH QUẢNG TRỊ</td><td></td><td colspan="3">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td colspan="3"><b>SỞ TÀI CHÍNH</b></td><td></td><td colspan="3">Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td colspan="7"><b>ĐỀ XUẤT DỰ TOÁN ỨNG DỤNG CNTT NĂM 2026</b></td></tr>
<tr><td colspan="7">Đơn vị: triệu đồng</td></tr>
<tr><td><b>Số TT</b></td><td><b>Nội dung</b></td><td><b>Đơn vị thực hiện</b></td><td><b>Vốn sự nghiệp</b></td><td><b>Vốn đầu tư</b></td><td><b>Tổng cộng</b></td><td><b>Ghi chú</b></td></tr>
<tr><td>I</td><td><b>Ứng dụng CNTT</b></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>1</td><td>Phần mềm quản lý tài sản công</td><td>Sở Tài chính</td><td>450</td><td></td><td>450</td><td></td></tr>
<tr><td>2</td><td>Cơ sở dữ liệu giá</td><td>Sở Tài chính</td><td>300</td><td>1.200</td><td>1.500</td><td>Dự án mới</td></tr>
<tr><td>II</td><td><b>An toàn thông tin</b></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>1</td><td>Thuê dịch vụ giám sát an toàn thông tin</td><td>Sở Tài chính</td><td>250</td><td></td><td>250</td><td></td></tr>
</table></body></html>
"""


def ws_rows(ws, rows, merges=()):
    """Writes rows of values from A1 and merges the given ranges."""
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row, 1):
            if v is not None and v != '': ws.cell(row=r, column=c, value=v)
    for m in merges: ws.merge_cells(m)


def more_layouts():
    """Further layouts met in practice (fixtures/consolidate/more): see README.md there."""
    os.makedirs(MORE, exist_ok=True)
    # L1: sources on top with Tổng số per source
    wb = Workbook(); ws = wb.active; ws.title='Biểu'
    ws_rows(ws, [
     ['UBND TỈNH QUẢNG TRỊ','', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
     ['SỞ NỘI VỤ','', '', 'Độc lập - Tự do - Hạnh phúc'],
     [],
     ['DANH MỤC NHIỆM VỤ ĐỀ XUẤT GIAI ĐOẠN 2026-2027'],
     ['','','','','','','ĐVT: triệu đồng'],
     ['STT','Tên nhiệm vụ','Vốn đầu tư phát triển','','','Vốn sự nghiệp','','','Ghi chú'],
     ['','','Tổng số','2026','2027','Tổng số','2026','2027',''],
     ['I','Ứng dụng CNTT'],
     ['1','Số hóa hồ sơ công chức','',None,None,300,200,100],
     ['2','Phần mềm quản lý thi đua khen thưởng',1000,600,400,100,50,50],
     ['II','Hạ tầng'],
     ['1','Máy chủ phòng họp',500,500,None,'', '', ''],
    ], ['C6:E6','F6:H6','A6:A7','B6:B7','I6:I7'])
    wb.save(f'{MORE}/l1-noi-vu.xlsx')

    # L2: single year group with NSTW/NSĐP, amounts in đồng
    wb = Workbook(); ws = wb.active
    ws_rows(ws, [
     ['BAN QUẢN LÝ KHU KINH TẾ','', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
     ['','', '', 'Độc lập - Tự do - Hạnh phúc'],
     ['NHU CẦU KINH PHÍ CNTT'],
     ['Đơn vị tính: đồng'],
     ['TT','Nội dung','Kế hoạch năm 2026','','',''],
     ['','','Tổng số','NSTW','NSĐP','Nguồn khác'],
     ['1','Cổng thông tin Ban quản lý',800000000,500000000,300000000,None],
     ['2','Hệ thống camera giám sát',1500000000,None,1000000000,500000000],
    ], ['C5:F5','A5:A6','B5:B6'])
    wb.save(f'{MORE}/l2-bqlkkt.xlsx')

    # L3: CSV, years only, no sources
    open(f'{MORE}/l3-so-tu-phap.csv','w',encoding='utf-8').write(
    'SỞ TƯ PHÁP\nDANH MỤC ĐỀ XUẤT\nSTT,Tên dự án,Đơn vị chủ trì,Năm 2026,Năm 2027,Ghi chú\n1,Cơ sở dữ liệu công chứng,Sở Tư pháp,"1.200","800",\n2,Phần mềm lý lịch tư pháp,Sở Tư pháp,"500",,\n')

    # L4: no sections, flat one-row header with cumulative columns
    wb = Workbook(); ws = wb.active
    ws_rows(ws, [
     ['UBND THÀNH PHỐ ĐÔNG HÀ','', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
     ['','', '', 'Độc lập - Tự do - Hạnh phúc'],
     ['DANH MỤC DỰ ÁN ĐỀ NGHỊ BỐ TRÍ VỐN NĂM 2026'],
     ['STT','Tên dự án','Chủ đầu tư','Tổng mức đầu tư','Lũy kế vốn đã bố trí đến hết năm 2025','Kế hoạch 2026 vốn ĐTPT','Kế hoạch 2026 vốn sự nghiệp','Ghi chú'],
     [1,'Trung tâm điều hành đô thị thông minh','UBND TP Đông Hà',20000,5000,6000,None],
     [2,'Wifi công cộng','UBND TP Đông Hà',3000,0,1500,200],
     [None,'Tổng cộng',None,23000,5000,7500,200],
    ])
    wb.save(f'{MORE}/l4-dong-ha.xlsx')

    # L5: two sheets, one per source, years as columns
    wb = Workbook(); ws = wb.active; ws.title = 'Vốn ĐTPT'
    hdr = [['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH','', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],['','','Độc lập - Tự do - Hạnh phúc'],['DANH MỤC DỰ ÁN'],['TT','Tên dự án','Đơn vị thực hiện','Năm 2026','Năm 2027']]
    ws_rows(ws, hdr + [['1','Số hóa di sản','Bảo tàng tỉnh',2000,1000]])
    ws2 = wb.create_sheet('Vốn SN')
    ws_rows(ws2, hdr + [['1','Duy trì cổng du lịch','Trung tâm xúc tiến',150,150]])
    wb.save(f'{MORE}/l5-so-vhttdl.xlsx')

    # L6: Kinh phí only (no year, no source), single year title
    wb = Workbook(); ws = wb.active
    ws_rows(ws, [
     ['SỞ XÂY DỰNG'],
     ['ĐỀ XUẤT NHIỆM VỤ CNTT NĂM 2026'],
     ['(Đơn vị: triệu đồng)'],
     ['STT','Nội dung nhiệm vụ','Đơn vị thực hiện','Kinh phí đề nghị','Ghi chú'],
     ['1','Cơ sở dữ liệu nhà ở','Sở Xây dựng','1.234,5',''],
     ['2','Cấp phép xây dựng trực tuyến','Sở Xây dựng','766,5',''],
    ])
    wb.save(f'{MORE}/l6-so-xd.xlsx')
    convert(os.path.join(MORE, 'l1-noi-vu.xlsx'), 'xls', MORE)
    os.remove(os.path.join(MORE, 'l1-noi-vu.xlsx'))


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='consolidate-fixtures-')
    so_tttt(os.path.join(OUT, 'so-tttt.xlsx'), TTTT, '15/8/2025')
    so_tttt(os.path.join(OUT, 'so-tttt-bo-sung.xlsx'), TTTT_V2, '05/9/2025')
    so_y_te(os.path.join(OUT, 'so-y-te.xlsx'))
    gio_linh(os.path.join(tmp, 'ubnd-gio-linh.xlsx'))
    convert(os.path.join(tmp, 'ubnd-gio-linh.xlsx'), 'xls', OUT)
    so_gd(os.path.join(tmp, 'so-gd-dt.xlsx'))
    convert(os.path.join(tmp, 'so-gd-dt.xlsx'), 'ods', OUT)
    html = os.path.join(tmp, 'so-tai-chinh.html')
    with open(html, 'w', encoding='utf-8') as f:
        f.write(SO_TAI_CHINH_HTML)
    profile = tempfile.mkdtemp(prefix='lo-fixtures-')
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless',
                    '--infilter=HTML (StarCalc):1066', '--convert-to', 'xlsx', '--outdir', OUT, html],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)
    more_layouts()
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))


if __name__ == '__main__':
    main()
