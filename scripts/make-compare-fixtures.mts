/**
 * The comparison fixture pair (fixtures/compare): `a` is the sample plan with one formula; `b` is
 * the department's revised file made from it by the scripted changes below, with fresh row ids (a
 * file sent back, so projects must be matched by name and unit, not by identity).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parsePlanbook, serializePlanbook } from '../src/io/planbookFile';
import type { Row, Workbook } from '../src/domain/types';

const parsed = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
if (!parsed.ok) throw new Error('sample plan unreadable');
const a: Workbook = parsed.workbook;
const rowsA = a.sheets[0].rows;
const at = (rows: Row[], id: string) => rows.findIndex((r) => r.id === id);
/** Column J is 2013 SN; the formula takes 15 % of the GIS project's 2013 recurrent budget (150). */
const gisRow = (rows: Row[]) => at(rows, 'qt17') + 1;
rowsA[at(rowsA, 'qt18')].cells.y2012_sn = `=J${gisRow(rowsA)}*0.15`;

const b: Workbook = structuredClone(a);
const rows = b.sheets[0].rows;
const cell = (id: string) => rows[at(rows, id)].cells;
// 1. two amounts change
cell('qt03').y2013_dtpt = 1500;
cell('qt10').y2012_sn = 800;
// 2. a project moves from section 2 to the end of section 1
const [moved] = rows.splice(at(rows, 'qt15'), 1);
rows.splice(at(rows, 'qt08'), 0, moved);
// 3. a project is renamed (a word changed, typos fixed)
cell('qt12').name = String(cell('qt12').name)
  .replace('Xây dựng quy chế', 'Ban hành quy chế')
  .replace(/điện rộng/g, 'diện rộng')
  .replace('chi tiêu', 'chỉ tiêu');
// 4. a project is removed
rows.splice(at(rows, 'qt14'), 1);
// 5. a project is added to section 2
rows.splice(at(rows, 'qt20'), 0, {
  id: 'new',
  kind: 'project',
  level: 1,
  cells: {
    tt: '-',
    name: 'Triển khai chữ ký số cho các cơ quan nhà nước',
    lead: 'Sở TT và TT',
    y2014_dtpt: 1200,
    stated: 1200,
  },
});
// 6. the formula changes (20 % instead of 15 %), still on the GIS project's cell
cell('qt18').y2012_sn = `=J${gisRow(rows)}*0.2`;
// the department's file: its own row ids
b.sheets[0].rows = rows.map((r) => ({ ...r, id: `b-${r.id}` }));

writeFileSync('fixtures/compare/quang-tri-a.planbook', serializePlanbook(a));
writeFileSync('fixtures/compare/quang-tri-b.planbook', serializePlanbook(b));
console.log('fixtures/compare: a and b written');
