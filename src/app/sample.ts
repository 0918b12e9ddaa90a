/** The embedded sample plan (Quảng Trị 2011–2015), as the app first stores it. */
import sampleText from '../../fixtures/quang-tri-2011-2015.planbook?raw';
import type { Workbook } from '../domain/types';
import { parsePlanbook } from '../io/planbookFile';

/** A fresh copy of the sample workbook. */
export function sampleWorkbook(): Workbook {
  const r = parsePlanbook(sampleText);
  if (!r.ok) throw new Error('the embedded sample plan does not parse');
  return r.workbook;
}
