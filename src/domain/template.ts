/** New plans from a template, and the builders tests use. */
import { newId } from './ids';
import { slug } from './sources';
import type {
  AppendixSheet,
  CellInput,
  ColumnLeaf,
  ColumnNode,
  PlanMeta,
  Row,
  RowKind,
  SourceDef,
  Workbook,
} from './types';
import { KNOWN_SOURCES } from './sources';

export interface TemplateOptions {
  title?: string;
  firstYear: number;
  years: number;
  sources: string[];
  unit?: string;
}

/** Id of the amount column for a year and source. */
export function amountColumnId(year: number, source: string): string {
  return `y${year}_${slug(source)}`;
}

/** The usual appendix columns: TT, name, units, years × sources, computed total, stated total, notes. */
export function standardColumns(years: number[], sources: string[]): ColumnNode[] {
  const leaf = (id: string, label: string, role: ColumnLeaf['role']): ColumnLeaf => ({
    kind: 'leaf',
    id,
    label,
    role,
  });
  return [
    leaf('tt', 'TT', 'number'),
    leaf('name', 'Tên dự án', 'name'),
    leaf('lead', 'Đơn vị thực hiện', 'lead'),
    leaf('coord', 'Đơn vị phối hợp', 'coord'),
    {
      kind: 'group',
      id: 'need',
      label: 'Nhu cầu vốn đầu tư các năm',
      children: years.map((year) => ({
        kind: 'group' as const,
        id: `y${year}`,
        label: String(year),
        year,
        children: sources.map((source): ColumnLeaf => ({
          kind: 'leaf',
          id: amountColumnId(year, source),
          label: `Vốn ${source}`,
          role: 'amount',
          year,
          source,
        })),
      })),
    },
    leaf('total', 'Tổng cộng', 'rowTotal'),
    leaf('stated', 'Tổng mức đầu tư', 'stated'),
    leaf('notes', 'Ghi chú', 'notes'),
  ];
}

function sourceDefs(codes: string[]): SourceDef[] {
  return codes.map((code) => KNOWN_SOURCES.find((s) => s.code === code) ?? { code, name: code });
}

/** An empty workbook with one appendix sheet and one section with one project. */
export function newWorkbookFromTemplate(o: TemplateOptions): Workbook {
  const years = Array.from({ length: o.years }, (_, i) => o.firstYear + i);
  const meta: PlanMeta = {
    title: o.title ?? `Kế hoạch giai đoạn ${years[0]}–${years[years.length - 1]}`,
    issuingBody: '',
    docNumber: '',
    docDate: '',
    years,
    unit: o.unit ?? 'triệu đồng',
    sources: sourceDefs(o.sources),
    stated: { bySource: {} },
  };
  const sheet: AppendixSheet = {
    kind: 'appendix',
    id: newId('s'),
    name: 'Phụ lục',
    title: 'Danh mục dự án',
    columns: standardColumns(years, o.sources),
    rows: [
      makeRow('section', 0, { tt: 'I', name: 'Mục mới' }),
      makeRow('project', 1, { tt: '-', name: 'Dự án mới' }),
    ],
  };
  const now = Date.now();
  return { id: newId('w'), meta, sheets: [sheet], createdAt: now, updatedAt: now };
}

/** A new appendix sheet with the plan's years and sources. */
export function newSheet(meta: PlanMeta, name: string): AppendixSheet {
  return {
    kind: 'appendix',
    id: newId('s'),
    name,
    title: name,
    columns: standardColumns(
      meta.years,
      meta.sources.map((s) => s.code),
    ),
    rows: [
      makeRow('section', 0, { tt: 'I', name: 'Mục mới' }),
      makeRow('project', 1, { tt: '-', name: 'Dự án mới' }),
    ],
  };
}

/** A row with fresh id. */
export function makeRow(kind: RowKind, level: number, cells: Record<string, CellInput> = {}): Row {
  return { id: newId('r'), kind, level, cells };
}

export interface PlanSpec {
  years?: number[];
  sources?: string[];
  /** Rows as [kind, level, name, amounts by `${year}:${source}` or column id]. */
  rows?: [RowKind, number, string, Record<string, CellInput>?][];
}

/** Test builder: a small appendix sheet from a compact description. */
export function makePlan(spec: PlanSpec = {}): Workbook {
  const years = spec.years ?? [2011, 2012];
  const sources = spec.sources ?? ['ĐTPT', 'SN'];
  const wb = newWorkbookFromTemplate({ firstYear: years[0], years: years.length, sources });
  const rows = (spec.rows ?? []).map(([kind, level, name, values], i) => {
    const cells: Record<string, CellInput> = { tt: kind === 'project' ? '-' : String(i + 1), name };
    for (const [k, v] of Object.entries(values ?? {})) {
      const m = /^(\d{4}):(.+)$/.exec(k);
      cells[m ? amountColumnId(Number(m[1]), m[2]) : k] = v;
    }
    return { id: `r${i + 1}`, kind, level, cells };
  });
  wb.sheets[0] = { ...wb.sheets[0], id: 's1', rows };
  return { ...wb, id: 'w1' };
}
