/**
 * Which unit sent a file: the issuing body of its title block (top left, beside the national
 * motto), or the body a *Kèm theo … của …* line names; and how unit names compare (case,
 * diacritics, abbreviations such as UBND, TT&TT, GD&ĐT, a province suffix).
 */
import { normaliseName } from './match';
import { fold } from './sources';

const MOTTO = /(cong hoa xa hoi|doc lap\s*-?\s*tu do|^-{3,}$)/;
/** Lines of a title block that are not the issuing body. */
const NOT_BODY =
  /^(phu luc|bieu|mau|ke hoach|danh muc|du toan|de xuat|tong hop|nhu cau|bao cao|to trinh|kem theo|so\s*:|so\b.*\/|v\/v|ve viec|don vi tinh|dvt|\(|ngay\b|.*, ngay\b)/;
/** First words of an issuing body when there is no motto to find it by. */
const BODY =
  /^(ubnd|uy ban|hdnd|hoi dong|so|bo|tong cuc|cuc|chi cuc|ban|van phong|cong an|bao hiem|kho bac|dai|truong|benh vien|trung tam|thanh tra|tinh doan|tinh uy|thanh uy|huyen uy|lien minh|hoi|phong|vien|cong ty|tap doan)\b/;

/** Abbreviations expanded before unit names are compared (normalised words). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\b(tt tt|tttt)\b/g, 'thong tin truyen thong'],
  [/\b(gd dt|gddt)\b/g, 'giao duc dao tao'],
  [/\b(kh cn|khcn)\b/g, 'khoa hoc cong nghe'],
  [/\b(tn mt|tnmt)\b/g, 'tai nguyen moi truong'],
  [/\b(ld tb xh|ldtbxh)\b/g, 'lao dong thuong binh xa hoi'],
  [/\b(vh tt dl|vhttdl)\b/g, 'van hoa the thao du lich'],
  [/\b(kh dt|khdt)\b/g, 'ke hoach dau tu'],
  [/\b(nn ptnt|nnptnt|nn va ptnt)\b/g, 'nong nghiep phat trien nong thon'],
  [/\b(gtvt|gt vt)\b/g, 'giao thong van tai'],
  [/\bvp\b/g, 'van phong'],
  [/\btp\b/g, 'thanh pho'],
  [/\btx\b/g, 'thi xa'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
];

/** A unit name reduced for comparison: normalised, abbreviations expanded, `và` dropped. */
export function unitNameKey(name: string): string {
  let k = normaliseName(name);
  for (const [re, to] of ABBREVIATIONS) k = k.replace(re, to);
  return k
    .split(' ')
    .filter((w) => w && w !== 'va')
    .join(' ');
}

/** Whether two unit names name the same unit (equal keys, or one inside the other). */
export function sameUnit(a: string, b: string): boolean {
  const ka = unitNameKey(a);
  const kb = unitNameKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  const words = short.split(' ');
  return words.length >= 2 && ` ${long} `.includes(` ${short} `);
}

/** The expected unit a name matches, or null. */
export function matchUnit(name: string, expected: readonly string[]): string | null {
  const key = unitNameKey(name);
  return (
    expected.find((u) => unitNameKey(u) === key) ?? expected.find((u) => sameUnit(u, name)) ?? null
  );
}

const lines = (t: string) =>
  t
    .split(/\r?\n/)
    .map((l) => l.replace(/\*+/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** The body a `(Kèm theo … của Sở …)` line names. */
function attachedBody(rows: readonly string[][]): string | null {
  for (const row of rows)
    for (const cell of row) {
      const m = /kèm theo.*?\bcủa\s+(.+?)\s*\)?\s*$/i.exec(cell.replace(/\s+/g, ' '));
      if (m) return m[1].replace(/\s+(về|v\/v)\s.*$/i, '').trim() || null;
    }
  return null;
}

/**
 * The unit a labelled line names: `(Đơn vị đề xuất: Sở Y tế)`, `Đơn vị: Sở Nội vụ`, `Tên đơn vị:
 * …`, `Đơn vị báo cáo: …` (never `Đơn vị tính: …`, nor a label naming no body, `Đơn vị: triệu đồng`).
 */
export function labelledUnit(rows: readonly string[][]): string | null {
  for (const row of rows)
    for (const cell of row)
      for (const l of lines(cell)) {
        const m = LABELLED.exec(fold(l));
        if (!m) continue;
        // the name as written: the line's text after its label's colon
        const name = l
          .slice(l.search(/[:：]/) + 1)
          .replace(/\)\s*$/, '')
          .trim();
        if (name && BODY.test(fold(name))) return name;
      }
  return null;
}
const LABELLED =
  /^\(?\s*(ten )?don vi( (de xuat|de nghi|bao cao|gui|lap bieu|lap|trinh|nop|chu quan|su dung ngan sach))?\s*[:：]/;

/** A body a title names (`DANH MỤC DỰ ÁN ĐỀ XUẤT CỦA SỞ Y TẾ NĂM 2026` → `SỞ Y TẾ`). */
function namedInTitle(rows: readonly string[][]): string | null {
  for (const row of rows)
    for (const cell of row) {
      const t = cell.replace(/\s+/g, ' ');
      const m = /\bcủa\s+(.+)$/i.exec(t);
      if (!m || !BODY.test(fold(m[1]))) continue;
      const name = m[1]
        .split(/\s+(?:năm|giai đoạn|về|v\/v|kèm|trong|để|đến|từ)\b|\s*[(,;:]|\s+\d/i)[0]
        .trim();
      if (name) return name;
    }
  return null;
}

/**
 * The issuing body of a title block (the rows above the table, as text): the last line of the
 * top-left block beside the national motto (`UBND TỈNH …` / `SỞ Y TẾ` → `SỞ Y TẾ`), spelled as the
 * *Kèm theo … của …* line spells it when both name the same unit.
 */
export function issuingUnit(rows: readonly string[][]): string | null {
  const block: string[] = [];
  const mottoRows = rows.flatMap((row, r) => (row.some((c) => MOTTO.test(fold(c))) ? [r] : []));
  if (mottoRows.length) {
    const last = mottoRows[mottoRows.length - 1];
    for (let r = 0; r <= Math.min(last + 1, rows.length - 1); r++) {
      const row = rows[r];
      const motto = row.findIndex((c) => MOTTO.test(fold(c)));
      const left = row.find((c, i) => c.trim() && (motto < 0 || i < motto));
      if (!left) continue;
      for (const l of lines(left)) {
        const f = fold(l);
        if (!MOTTO.test(f) && !NOT_BODY.test(f) && (r <= last || BODY.test(f))) block.push(l);
      }
    }
  } else {
    for (const row of rows.slice(0, 6)) {
      const first = row.find((c) => c.trim());
      if (!first) continue;
      const ls = lines(first);
      if (ls.some((l) => NOT_BODY.test(fold(l)))) break;
      for (const l of ls) if (BODY.test(fold(l))) block.push(l);
    }
  }
  const attached = attachedBody(rows);
  const body = block.length ? block[block.length - 1] : null;
  // a line labelled with the unit names it, whatever the block's body (a template's issuer)
  const labelled = labelledUnit(rows);
  if (labelled) return labelled;
  if (body && attached && sameUnit(body, attached)) return attached;
  // a block naming only the province (its department's line missing): the body the file names
  const province = /^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) (tinh|thanh pho)\b/;
  if (body && province.test(fold(body))) {
    const named = attached ?? namedInTitle(rows);
    if (named && !province.test(fold(named))) return named;
  }
  return body ?? attached ?? namedInTitle(rows);
}

const KEEP_UPPER =
  /^(ubnd|hdnd|cntt|tt&tt|gd&dt|kh&cn|tn&mt|nn&ptnt|mttq|ubmttq|thpt|thcs|qlda|bql)$/;

/**
 * An abbreviation kept in capitals: a listed one, one joined by `&` (`KH&ĐT`, `LĐ-TB&XH`), or a
 * word without a vowel (`PTNT`, `GTVT`, `ĐTXD`: every Vietnamese syllable has one).
 */
function abbreviation(w: string): boolean {
  const f = fold(w);
  return KEEP_UPPER.test(f) || (/[a-z]/.test(f) && (f.includes('&') || !/[aeiouy]/.test(f)));
}
/** Words after which every word is a proper name (a place), in lower case. */
const PLACES = new Set([
  'tỉnh',
  'huyện',
  'thành phố',
  'thị xã',
  'quận',
  'xã',
  'phường',
  'thị trấn',
]);
/** Words after which the next word starts the unit's field (`Sở Y tế`, `Sở Tài chính`). */
const HEADS = new Set(
  (
    'sở,ban,cục,chi cục,văn phòng,trung tâm,bộ,tổng cục,đài,viện,bệnh viện,trường,phòng,' +
    'thanh tra,kho bạc,bảo hiểm,công an,và,-,ủy ban nhân dân,uỷ ban nhân dân,hội đồng nhân dân'
  ).split(','),
);

function styled(w: string, upper: boolean): string {
  if (abbreviation(w)) return w;
  return upper ? w.charAt(0) + w.slice(1).toLowerCase() : w.toLowerCase();
}

/**
 * A unit name typed in capitals as a title block prints it, in the usual spelling
 * (`SỞ THÔNG TIN VÀ TRUYỀN THÔNG` → `Sở Thông tin và Truyền thông`, `UBND HUYỆN GIO LINH` →
 * `UBND huyện Gio Linh`); names not all in capitals are kept as written.
 */
export function unitDisplayName(name: string): string {
  const t = name.replace(/\s+/g, ' ').trim();
  if (!t || t !== t.toUpperCase() || t === t.toLowerCase()) return t;
  const words = t.split(' ');
  const lower = words.map((w) => w.toLowerCase().normalize('NFC'));
  const out: string[] = [];
  let cap = true;
  let place = false;
  for (let i = 0; i < words.length;) {
    let len = 1;
    let kind: 'place' | 'head' | 'word' = 'word';
    for (let n = Math.min(4, words.length - i); n >= 1 && !place; n--) {
      const phrase = lower.slice(i, i + n).join(' ');
      if (PLACES.has(phrase) && lower.slice(i, i + 2).join(' ') !== 'xã hội') kind = 'place';
      else if (HEADS.has(phrase)) kind = 'head';
      else continue;
      len = n;
      break;
    }
    for (let k = 0; k < len; k++) {
      const upper =
        kind === 'place' ? out.length === 0 : place || (cap && k === 0) || out.length === 0;
      out.push(styled(words[i + k], upper));
    }
    if (kind === 'place') place = true;
    cap =
      (kind === 'head' && lower[i] !== 'ủy' && lower[i] !== 'uỷ' && lower[i] !== 'hội') ||
      words[i + len - 1].endsWith(',');
    i += len;
  }
  return out.join(' ');
}

/** The unit of a plan's `issuingBody` metadata (`UBND TỈNH X - SỞ Y TẾ` → `SỞ Y TẾ`). */
export function unitOfIssuingBody(issuingBody: string): string | null {
  const parts = issuingBody
    .split(/\s+-\s+|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length ? parts[parts.length - 1] : null;
}

/** A unit name from a file name (`so-y-te_2026.xlsx` → `so y te 2026`), the last resort. */
export function unitOfFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (
    base
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || base
  );
}
