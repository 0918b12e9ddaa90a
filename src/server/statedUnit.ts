/**
 * The unit a sent submission file states, checked on the server as the consolidating app's intake
 * checks it (`app/serverSubmissions.certify`): the server certifies the sender's unit from the
 * account; a file whose title block states another unit this plan expects (another department
 * with an account for the plan) is refused, since taking it would file that unit's figures in the
 * sender's place. A file stating no unit, the sender's own, or one the plan does not expect (a
 * province's header left in a copy) is taken; the intake words the difference. The file is read
 * by the app's own reader (`io/readPlan.ts`), so both sides read the same words. `planbook serve`
 * reads it in the CLI's bounded reader process (`cli/unitReader.ts`), off the event loop: a file
 * the bounds stop (time, memory, size) is refused, and syncing never waits for a read.
 */
import '../io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { matchUnit, sameUnit } from '../domain/consolidateUnits';
import { senderUnitLabel, senderUnitNames } from '../domain/sentUnit';
import { readPlanFile } from '../io/readPlan';
import { unitOfReading } from '../io/submission';
import { accessOf, type Account } from './accounts';

/** A name a unit of the plan is known by, and whose unit (code) it is. */
export interface UnitName {
  name: string;
  unit: string;
}

/**
 * The units a plan expects: those of the departments that may send its submissions, each by its
 * display name, or (an account without one) by its code and the account's name.
 */
export function expectedUnits(accounts: readonly Account[], plan: string): UnitName[] {
  const out: UnitName[] = [];
  for (const a of accounts) {
    if (a.role !== 'department' || accessOf(a, `plan/${plan}/submission/${a.unit}`) !== 'write')
      continue;
    const names = a.unitName?.trim() ? [a.unitName.trim()] : [a.unit, a.name];
    for (const name of names)
      if (!out.some((n) => n.name === name)) out.push({ name, unit: a.unit });
  }
  return out;
}

/**
 * What reading a sent file for its stated unit gave: the unit (null: none, or the file does not
 * read as a plan: the intake says why), or why it was refused (stopped by the reading bounds).
 */
export type UnitRead = { unit: string | null } | { refused: string };

/** Reads a sent file's stated unit (the server's event loop only waits for it). */
export type StatedUnitReader = ((fileName: string, bytes: Uint8Array) => Promise<UnitRead>) & {
  /** Stops what reads (a reader process); the server calls it when it closes. */
  close?: () => void;
};

/** Reads in this thread (tests and embedding; blocks the event loop while it reads). */
export const readUnitHere: StatedUnitReader = (fileName, bytes) =>
  Promise.resolve({ unit: statedUnitOf(fileName, bytes) });

/** The unit a file's title block states (null: none, or the file does not read as a plan). */
export function statedUnitOf(fileName: string, bytes: Uint8Array): string | null {
  try {
    return unitOfReading(readPlanFile(fileName, bytes));
  } catch {
    return null; // not read here: the intake reads it and says why
  }
}

/**
 * Why a sender's file is refused (the unit it states and the sender's), or null: it is taken. It
 * is refused when the stated unit is none of the sender's names and matches another unit's.
 */
export function wrongUnit(
  stated: string | null,
  sender: Account,
  expected: readonly UnitName[],
): { stated: string; sender: string } | null {
  if (!stated?.trim()) return null;
  const who = { unit: sender.unit, unitName: sender.unitName ?? null, name: sender.name };
  if (senderUnitNames(who).some((n) => sameUnit(n, stated))) return null;
  const m = matchUnit(
    stated,
    expected.map((n) => n.name),
  );
  const owner = expected.find((n) => n.name === m)?.unit;
  if (!owner || owner === sender.unit) return null;
  return { stated, sender: senderUnitLabel(who) };
}
