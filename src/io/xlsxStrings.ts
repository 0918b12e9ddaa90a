/** An `.xlsx` package's strings: the shared-string table and rich or inline string items. */
import { unescapeXml } from './xlsxText';

const SI_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g;
const SI_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/;
const T_PLAIN = /^\s*<(?:\w+:)?t[^>]*>/;
const T_CLOSE = /<\/(?:\w+:)?t>/;
const RUN = /<(?:\w+:)?r\b[^<>]*>/;
const T_ALL = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const RPH = /<(?:\w+:)?rPh\b[^<>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TAG = /<[^<>]*>/g;

/** The text of a rich or plain string item (`<si>` content or an inline `<is>`); undefined: none. */
export function stringItem(x: string): string | undefined {
  if (!x) return '';
  if (T_PLAIN.test(x))
    return unescapeXml(x.slice(x.indexOf('>') + 1).split(T_CLOSE)[0] || '', true);
  if (RUN.test(x))
    return unescapeXml((x.replace(RPH, '').match(T_ALL) || []).join('').replace(TAG, ''), true);
  return undefined;
}

/** The shared-string table; null when it holds a shape SheetJS may read otherwise. */
export function sharedStrings(xml: string): (string | undefined)[] | null {
  const open = /<(?:\w+:)?sst\b[^<>]*>/.exec(xml);
  if (!open) return [];
  const end = xml.indexOf('</', open.index + open[0].length);
  const close = /<\/(?:\w+:)?sst>/g;
  close.lastIndex = Math.max(0, end);
  const m = close.exec(xml);
  if (!m) return [];
  const body = xml.slice(open.index + open[0].length, m.index);
  if (/<(?:\w+:)?si[\s/]/.test(body)) return null; // attributes or empty items
  return body
    .replace(SI_OPEN, '')
    .split(SI_CLOSE)
    .map((s) => stringItem(s.trim()));
}
