/** Page model: the clipboard of an open workbook (what a paste brings, what a copy puts there). */
import { WorkbookPageModel } from './WorkbookPage';

export class ClipboardPageModel extends WorkbookPageModel {
  /** Pastes on the focused cell what a spreadsheet puts on the clipboard: TSV, and HTML if given. */
  async paste(plain: string, html: string | null = null): Promise<void> {
    await this.page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', ${JSON.stringify(plain)});
      ${html === null ? '' : `dt.setData('text/html', ${JSON.stringify(html)});`}
      document.activeElement.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    })()`);
  }

  /** The system clipboard's plain text (after a Ctrl+C in the grid). */
  clipboardText(): Promise<string> {
    return this.page.evaluate<string>(`(async () => {
      const [item] = await navigator.clipboard.read();
      return item.types.includes('text/plain') ? (await item.getType('text/plain')).text() : '';
    })()`);
  }
}
