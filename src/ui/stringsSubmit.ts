/** UI strings of submissions sent through the collaboration server (Vietnamese and English). */
export const viSubmit = {
  sendTitle: 'Gửi hồ sơ cho đơn vị tổng hợp',
  sendHint: 'Gửi bản hiện tại của sổ này (tệp .xlsx) qua máy chủ thay cho gửi tệp.',
  sendButton: 'Gửi hồ sơ',
  sending: 'Đang gửi…',
  sent: 'Đã gửi «{file}» lúc {time}.',
  sendProblem_refused: 'Máy chủ từ chối: tài khoản này không được gửi hồ sơ của tài liệu này.',
  sendProblem_expired:
    'Mã truy cập đã hết hạn; hồ sơ chưa được gửi. Hãy xin người quản trị mã mới, kết nối lại với mã mới rồi gửi lại.',
  sendProblem_unreachable: 'Không kết nối được máy chủ; hồ sơ chưa được gửi.',
  sendProblem_wrongUnit:
    'Máy chủ từ chối: tệp ghi tên một đơn vị khác của kế hoạch, không phải đơn vị gửi ({detail}); hồ sơ chưa được gửi. Hãy kiểm tra phần đầu phụ lục (cơ quan ban hành).',
  sendProblem_unreadable:
    'Máy chủ từ chối: không đọc được tệp trong giới hạn thời gian và bộ nhớ ({detail}); hồ sơ chưa được gửi. Tệp có thể bị hỏng hoặc quá lớn.',
  sendProblem_failed: 'Không gửi được hồ sơ: {detail}',
  intakeServerTitle: 'Nhận hồ sơ gửi qua máy chủ',
  intakeServerUrl: 'Máy chủ',
  intakeServerPlan: 'Kế hoạch',
  intakeServerToken: 'Mã truy cập',
  intakeServerFetch: 'Nhận hồ sơ đã gửi',
  intakeServerFetching: 'Đang nhận…',
  intakeServerNone: 'Không có hồ sơ mới nào được gửi.',
  intakeServerGot: 'Đã nhận {n} hồ sơ; xem lại rồi bấm «Nhận» bên dưới.',
  intakeServerNote: 'Gửi qua máy chủ bởi {name} ({unit}) lúc {time}',
  intakeProblem_refused: 'Máy chủ từ chối: chỉ đơn vị tổng hợp được đọc hồ sơ các đơn vị gửi.',
  intakeProblem_expired: 'Mã truy cập đã hết hạn: hãy xin người quản trị mã mới rồi nhập lại.',
  intakeProblem_unreachable: 'Không kết nối được máy chủ.',
  intakeProblem_unreadable: 'Máy chủ không đọc được tệp trong giới hạn ({detail}).',
  intakeProblem_failed: 'Không nhận được hồ sơ: {detail}',
};

export const enSubmit: Record<keyof typeof viSubmit, string> = {
  sendTitle: 'Send the submission to the consolidating department',
  sendHint:
    'Sends this workbook as it is now (an .xlsx file) through the server instead of a file.',
  sendButton: 'Send the submission',
  sending: 'Sending…',
  sent: 'Sent “{file}” at {time}.',
  sendProblem_refused: 'The server refused: this account may not send this document’s submission.',
  sendProblem_expired:
    'The access token has expired; the submission was not sent. Ask the administrator for a new token, connect again with it, then send again.',
  sendProblem_unreachable: 'The server cannot be reached; the submission was not sent.',
  sendProblem_wrongUnit:
    'The server refused: the file names another unit of the plan, not the sender’s ({detail}); the submission was not sent. Check the appendix’s heading (the issuing body).',
  sendProblem_unreadable:
    'The server refused: the file could not be read within its time and memory bounds ({detail}); the submission was not sent. The file may be damaged or too large.',
  sendProblem_failed: 'The submission could not be sent: {detail}',
  intakeServerTitle: 'Receive submissions sent through the server',
  intakeServerUrl: 'Server',
  intakeServerPlan: 'Plan',
  intakeServerToken: 'Access token',
  intakeServerFetch: 'Receive what was sent',
  intakeServerFetching: 'Receiving…',
  intakeServerNone: 'No new submission was sent.',
  intakeServerGot: '{n} submission(s) received; review them, then press “Receive” below.',
  intakeServerNote: 'Sent through the server by {name} ({unit}) at {time}',
  intakeProblem_refused:
    'The server refused: only the consolidating department reads the units’ submissions.',
  intakeProblem_expired:
    'The access token has expired: ask the administrator for a new one and enter it.',
  intakeProblem_unreachable: 'The server cannot be reached.',
  intakeProblem_unreadable: 'The server could not read the file within its bounds ({detail}).',
  intakeProblem_failed: 'The submissions could not be received: {detail}',
};
