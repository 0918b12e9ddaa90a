/**
 * A department's file as a submission: read as an import reads it (readPlanFile), evaluated and
 * checked as `planbook check` checks it (PlanEngine + sheetFindings), its unit read from the
 * title block, its bytes hashed (SHA-256). Shared by the CLI and the app.
 */
import { sheetFindings } from '../domain/checks';
import {
  buildSubmission,
  isTotalLabel,
  submittedSheets,
  withTotalsNamedLikeProjects,
} from '../domain/consolidateSubmission';
import { isTotalLabel as readerTotal } from './appendix/rowKinds';
import type { Provenance, Submission, SubmissionFinding } from '../domain/consolidateTypes';
import {
  issuingUnit,
  unitDisplayName,
  unitOfFileName,
  unitOfIssuingBody,
} from '../domain/consolidateUnits';
import { newId } from '../domain/ids';
import { PlanEngine } from '../engine/engine';
import type { PlanReading } from './readPlan';

/** SHA-256 of the bytes, lower-case hex (WebCrypto: browsers and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The unit a read file names: its title block, its issuing body, or else null. */
export function unitOfReading(reading: PlanReading): string | null {
  const wb = reading.workbook;
  const sheets = new Set(submittedSheets(wb).map((s) => s.id));
  for (const src of reading.sources ?? []) {
    if (!sheets.has(src.sheetId) || !src.band) continue;
    const unit = issuingUnit(src.rows.slice(0, src.band.start));
    if (unit) return unitDisplayName(unit);
  }
  const body = wb.meta.issuingBody ? unitOfIssuingBody(wb.meta.issuingBody) : null;
  return body ? unitDisplayName(body) : null;
}

/** What is known of a file besides its reading. */
export interface FileFacts {
  fileName: string;
  sha256: string;
  size: number;
  /** ISO 8601. */
  receivedAt: string;
  note?: string;
  /** The unit chosen by the user (otherwise read from the file). */
  unit?: string;
}

/**
 * Builds a submission from a read file: projects with their computed figures, findings,
 * provenance. `engine` may be shared by the files of one batch (its content is replaced).
 */
export function submissionFromReading(
  reading: PlanReading,
  facts: FileFacts,
  id = newId('sub'),
  engine = new PlanEngine(),
): Submission {
  // a total row is one if either the reader or the consolidation takes its label for a total's
  const wb = withTotalsNamedLikeProjects(
    reading.workbook,
    (label) => isTotalLabel(label) || readerTotal(label),
  );
  // an engine is reloaded rather than made anew for each file (half the time of a new one)
  engine.loadWorkbook(wb);
  const findings: SubmissionFinding[] = [];
  const taken = submittedSheets(wb);
  for (const sheet of taken) {
    const meta = sheet === wb.sheets[0] ? wb.meta : null;
    const index = new Map(sheet.rows.map((r, i) => [r.id, i]));
    for (const f of sheetFindings(sheet, meta, engine.values(sheet.id))) {
      const { rowId, colId: _colId, ...rest } = f;
      const line =
        rowId === null ? null : (reading.lineOf.get(rowId) ?? (index.get(rowId) ?? -1) + 1) || null;
      findings.push({ ...rest, sheet: sheet.name, line });
    }
  }
  const read = unitOfReading(reading);
  const unit = facts.unit?.trim() || read || unitOfFileName(facts.fileName);
  const provenance: Provenance = {
    unit,
    unitFrom: facts.unit?.trim() ? 'chosen' : read ? 'file' : 'fileName',
    fileName: facts.fileName,
    receivedAt: facts.receivedAt,
    sha256: facts.sha256,
    size: facts.size,
    note: facts.note ?? '',
  };
  return buildSubmission({
    id,
    provenance,
    workbook: wb,
    value: (sheetId, row, colId) => {
      const v = engine.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
    lineOf: (rowId) => reading.lineOf.get(rowId) ?? null,
    findings,
    notes: reading.warnings.map((w) => w.message),
  });
}
