/** UI strings of settings, automatic backups and export/import of everything (Vietnamese and English). */
export const viBackup = {
  settings: 'Cài đặt',
  settingsClose: 'Đóng cài đặt',
  settingsStorage: 'Nơi lưu dữ liệu',
  settingsWhere:
    'Mọi sổ được lưu ngay trên máy này, trong trình duyệt đang dùng; không có gì được gửi đi nơi khác.',
  persistYes:
    'Trình duyệt đã đồng ý giữ dữ liệu của Planbook lâu dài: dữ liệu không bị tự xoá khi máy thiếu chỗ trống.',
  persistNo:
    'Trình duyệt chưa đồng ý giữ dữ liệu lâu dài: khi ổ đĩa gần đầy, trình duyệt có thể tự xoá dữ liệu của Planbook. Nên thường xuyên dùng «Xuất tất cả» để giữ một bản trên máy.',
  persistUnknown:
    'Trình duyệt này không cho biết có giữ dữ liệu lâu dài hay không. Nên thường xuyên dùng «Xuất tất cả» để giữ một bản trên máy.',
  persistAsking: 'Đang hỏi trình duyệt…',
  usageOf: 'Đang dùng {used} trên {quota} mà trình duyệt cho phép ({pct}).',
  usageOnly: 'Đang dùng {used}.',
  usageUnknown: 'Trình duyệt không cho biết dung lượng đang dùng.',
  settingsBackups: 'Sao lưu tự động',
  backupPolicyText:
    'Planbook tự sao lưu mỗi sổ khi mở, sau mỗi {steps} lần sửa hoặc {minutes} phút sau lần sửa đầu chưa được sao lưu, và khi đóng. Giữ {last} bản gần nhất và bản cuối của mỗi ngày trong {days} ngày; tổng mỗi sổ không quá {mb}.',
  backupsTitle: 'Bản sao lưu tự động',
  backupsNone: 'Chưa có bản sao lưu nào: bản đầu tiên được tạo khi mở một sổ.',
  backupsCount: '{n} bản',
  backupGone: '(sổ đã xoá)',
  backupAt: 'Lúc',
  backupWhy: 'Lý do',
  backupSize: 'Dung lượng',
  backupReason_open: 'Khi mở sổ',
  backupReason_edit: 'Trong lúc sửa',
  backupReason_close: 'Khi đóng sổ',
  backupReason_beforeRestore: 'Trước khi khôi phục',
  backupReason_beforeImport: 'Trước khi nhập đè',
  backupReason_beforeRemove: 'Trước khi xoá sổ',
  backupsRemove: 'Xoá các bản sao lưu này',
  backupsConfirmRemove:
    'Xoá {n} bản sao lưu của «{title}» để giải phóng chỗ trống? Sổ (nếu còn) không bị ảnh hưởng; các bản này không lấy lại được.',
  backupAsNew: 'Mở thành sổ mới',
  backupOver: 'Khôi phục vào sổ này',
  backupConfirmOver:
    'Thay nội dung sổ «{title}» bằng bản sao lưu lúc {at}? Nội dung hiện tại được sao lưu trước, nên vẫn lấy lại được.',
  backupRestoredTitle: ' (khôi phục {at})',
  backupRestoredNew: 'Đã tạo sổ mới từ bản sao lưu lúc {at}.',
  backupRestoredOver:
    'Đã khôi phục sổ «{title}» về bản lúc {at}; nội dung trước đó vẫn nằm trong các bản sao lưu.',
  backupProblem_missing: 'Không tìm thấy bản sao lưu hoặc sổ này nữa.',
  backupProblem_busy: 'Sổ đang được sửa ở một thẻ khác: hãy đóng thẻ đó rồi thử lại.',
  backupProblem_refused:
    'Không khôi phục được bản sao lưu này vào sổ (nội dung không hợp lệ); hãy mở nó thành sổ mới.',
  backupProblem_storage:
    'Trình duyệt không lưu được thay đổi (bộ nhớ đầy hoặc bị từ chối); sổ vẫn như cũ.',
  exportAll: 'Xuất tất cả',
  importAll: 'Nhập tất cả…',
  exportAllDone: 'Đã xuất {n} sổ và {c} sổ tổng hợp vào tệp «{name}».',
  importAllDone:
    'Đã nhập: {added} sổ mới, {copied} bản sao, {replaced} sổ thay thế, {skipped} sổ bỏ qua; sổ tổng hợp: {cadded} mới, {creplaced} thay thế, {cskipped} bỏ qua.',
  importAllClashes: 'Tệp có {n} sổ trùng với sổ đang có trên máy:',
  importAllCopy: 'Nhập thành bản sao',
  importAllSkip: 'Bỏ qua sổ đã có',
  importAllReplace: 'Thay thế sổ đã có',
  importAllConfirmReplace:
    'Thay thế {n} sổ đang có bằng sổ trong tệp? Mỗi sổ bị thay được sao lưu tự động trước.',
  importAllCancel: 'Hủy',
  importAllCopySuffix: ' (bản nhập)',
  arch_notArchive: 'Tệp không phải là tệp «Xuất tất cả» của Planbook.',
  arch_tooNew:
    'Tệp được tạo bởi phiên bản Planbook mới hơn (định dạng {v}); hãy cập nhật ứng dụng.',
  arch_tooLarge: 'Tệp quá lớn để mở.',
  arch_invalid: 'Tệp bị hỏng hoặc đã bị sửa ({path}); không có gì được nhập.',
  archFailed: 'Không nhập được: {why}',
};

export const enBackup: Record<keyof typeof viBackup, string> = {
  settings: 'Settings',
  settingsClose: 'Close settings',
  settingsStorage: 'Where your data is kept',
  settingsWhere:
    'Every workbook is kept on this machine, in this browser; nothing is sent anywhere else.',
  persistYes:
    'The browser agreed to keep Planbook’s data for good: it will not be cleared when the disk runs low.',
  persistNo:
    'The browser has not agreed to keep the data for good: when the disk is nearly full it may clear Planbook’s data. Use “Export all” regularly to keep a copy on this machine.',
  persistUnknown:
    'This browser does not say whether it keeps the data for good. Use “Export all” regularly to keep a copy on this machine.',
  persistAsking: 'Asking the browser…',
  usageOf: 'Using {used} of the {quota} the browser allows ({pct}).',
  usageOnly: 'Using {used}.',
  usageUnknown: 'The browser does not say how much space is used.',
  settingsBackups: 'Automatic backups',
  backupPolicyText:
    'Planbook backs up each workbook when it is opened, after every {steps} edits or {minutes} minutes after the first edit not yet backed up, and when it is closed. It keeps the last {last} copies and the last copy of each day for {days} days; at most {mb} per workbook.',
  backupsTitle: 'Automatic backups',
  backupsNone: 'No backup yet: the first one is taken when a workbook is opened.',
  backupsCount: '{n} copies',
  backupGone: '(workbook deleted)',
  backupAt: 'Taken',
  backupWhy: 'Why',
  backupSize: 'Size',
  backupReason_open: 'On opening',
  backupReason_edit: 'While editing',
  backupReason_close: 'On closing',
  backupReason_beforeRestore: 'Before a restore',
  backupReason_beforeImport: 'Before an import replaced it',
  backupReason_beforeRemove: 'Before it was deleted',
  backupsRemove: 'Delete these backups',
  backupsConfirmRemove:
    'Delete {n} backups of “{title}” to free space? The workbook (if still here) is not touched; these copies cannot be brought back.',
  backupAsNew: 'Open as a new workbook',
  backupOver: 'Restore into this workbook',
  backupConfirmOver:
    'Replace the content of “{title}” with the backup taken {at}? The current content is backed up first, so it can be restored too.',
  backupRestoredTitle: ' (restored {at})',
  backupRestoredNew: 'A new workbook was made from the backup taken {at}.',
  backupRestoredOver: '“{title}” was restored to {at}; what it held before is among the backups.',
  backupProblem_missing: 'The backup or its workbook is no longer there.',
  backupProblem_busy: 'The workbook is being edited in another tab: close that tab and try again.',
  backupProblem_refused:
    'This backup could not be restored into the workbook; open it as a new workbook.',
  backupProblem_storage:
    'The browser could not store the change (full or refused); the workbook is unchanged.',
  exportAll: 'Export all',
  importAll: 'Import all…',
  exportAllDone: '{n} workbooks and {c} consolidations exported to “{name}”.',
  importAllDone:
    'Imported: {added} new, {copied} copies, {replaced} replaced, {skipped} skipped; consolidations: {cadded} new, {creplaced} replaced, {cskipped} skipped.',
  importAllClashes: 'The file has {n} workbooks that are already here:',
  importAllCopy: 'Import as copies',
  importAllSkip: 'Skip those already here',
  importAllReplace: 'Replace those already here',
  importAllConfirmReplace:
    'Replace {n} workbooks here with those in the file? Each one replaced is backed up first.',
  importAllCancel: 'Cancel',
  importAllCopySuffix: ' (imported)',
  arch_notArchive: 'This is not a Planbook “Export all” file.',
  arch_tooNew: 'The file was made by a newer Planbook (format {v}); update the app.',
  arch_tooLarge: 'The file is too large to open.',
  arch_invalid: 'The file is damaged or was changed ({path}); nothing was imported.',
  archFailed: 'Could not import: {why}',
};
