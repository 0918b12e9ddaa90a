/**
 * UI strings of the unit a send through the server is certified to come from, and of the audit
 * trail's kinds of line (Vietnamese and English).
 */
export const viTrust = {
  c_wrongUnit:
    'Không nhận: tệp ghi đơn vị «{stated}» (một đơn vị khác trong danh sách tổng hợp) nhưng được gửi qua máy chủ từ tài khoản của «{sender}». Đề nghị đơn vị gửi lại đúng hồ sơ của mình.',
  c_certified: 'máy chủ xác nhận đơn vị gửi: {unit}',
  c_unitWarning:
    'Chú ý: tệp ghi đơn vị «{stated}», khác với đơn vị gửi «{sender}»; hồ sơ được nhận theo đơn vị gửi.',
  c_unitFrom_server: 'do máy chủ xác nhận theo tài khoản gửi',
  intakeServerWrongUnit: '{n} hồ sơ không được nhận vì ghi tên một đơn vị khác với đơn vị gửi.',
  auditKind_cell: 'Sửa ô',
  auditKind_settle: 'Chọn giá trị khi xung đột',
  auditKind_conflict: 'Xung đột (hai giá trị)',
  auditKind_rowAdded: 'Thêm dòng',
  auditKind_rowRemoved: 'Xóa dòng',
  auditKind_row: 'Sửa dòng',
  auditKind_sheet: 'Trang tính',
  auditKind_meta: 'Thông tin sổ',
  auditKind_grid: 'Trang tính thường',
  auditKind_refused: 'Ghi bị từ chối',
  auditKind_denied: 'Kết nối bị từ chối',
  auditKind_submit: 'Gửi hồ sơ',
  auditKind_fetch: 'Nhận hồ sơ',
};

export const enTrust: Record<keyof typeof viTrust, string> = {
  c_wrongUnit:
    'Not received: the file states the unit “{stated}” (another unit of this consolidation) but was sent through the server from an account of “{sender}”. Ask the unit to send its own submission again.',
  c_certified: 'sending unit certified by the server: {unit}',
  c_unitWarning:
    'Note: the file states the unit “{stated}”, not its sender “{sender}”; it is received as the sender’s.',
  c_unitFrom_server: 'certified by the server from the sending account',
  intakeServerWrongUnit:
    '{n} submission(s) not received: they state another unit than their sender’s.',
  auditKind_cell: 'Cell edited',
  auditKind_settle: 'Conflict settled',
  auditKind_conflict: 'Conflict (two values)',
  auditKind_rowAdded: 'Row added',
  auditKind_rowRemoved: 'Row removed',
  auditKind_row: 'Row changed',
  auditKind_sheet: 'Sheet',
  auditKind_meta: 'Workbook details',
  auditKind_grid: 'Plain sheet',
  auditKind_refused: 'Write refused',
  auditKind_denied: 'Connection refused',
  auditKind_submit: 'Submission sent',
  auditKind_fetch: 'Submission fetched',
};
