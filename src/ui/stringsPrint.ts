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
