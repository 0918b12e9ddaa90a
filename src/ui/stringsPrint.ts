/** UI strings of printing the appendix as the official form, Vietnamese and English. */
export const viPrint = {
  printForm: 'In biểu',
  printFormTitle: 'In phụ lục theo mẫu (Ctrl+P): tiêu đề, quốc hiệu, bảng và phần ký',
};

export const enPrint: Record<keyof typeof viPrint, string> = {
  printForm: 'Print',
  printFormTitle:
    'Print the appendix as the form (Ctrl+P): header, national motto, table, signature',
};

/**
 * The note under a printed table whose sections or total rows state figures that differ from
 * what their rows add up to (`n` cells, each marked `≠ computed*`).
 */
export function statedNote(lang: 'vi' | 'en', n: number): string {
  return lang === 'vi'
    ? `(*) ${n} số liệu ghi trên biểu khác tổng các dòng của nó; số tính được in bên cạnh (≠).`
    : `(*) ${n} stated figures differ from what their rows add up to; the computed figure is printed beside (≠).`;
}
