/** Why a plan file could not be read: the reason (the app words it in Vietnamese) and the CLI's English line. */

/** Why a file could not be read (the app words it in Vietnamese; the message is the CLI's English). */
export type ReadFailure =
  | 'planbook'
  | 'notSpreadsheet'
  | 'passwordProtected'
  | 'unreadable'
  | 'notText'
  | 'empty'
  | 'timeout'
  | 'tooLarge'
  | 'tooComplex';

/** A file that cannot be read, with its one-line reason. */
export class PlanReadError extends Error {
  constructor(
    message: string,
    readonly reason: ReadFailure = 'unreadable',
  ) {
    super(message);
  }
}

/** Reading a file stops after this long (ms), in the app's worker and in the CLI's reader process. */
export const READ_BUDGET_MS = 20_000;
