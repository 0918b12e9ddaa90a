/** A note on how a line of the source was read (joined, dropped, kept as text…), for the preview. */
export interface ImportWarning {
  code:
    | 'joinedRow'
    | 'repeatedHeader'
    | 'ambiguousFigure'
    | 'textInAmount'
    | 'noHeader'
    | 'notAppendix'
    | 'legacyEncoding'
    | 'footnoteMarker'
    | 'hiddenRow'
    | 'foldedRow'
    | 'formulaNoValue'
    | 'formulaNotComputed'
    | 'belowTable'
    | 'nextTable'
    | 'movedFigure'
    | 'strayZeros';
  /** 1-based line or row in the input. */
  row: number | null;
  /** The sheet the warning is about (absent: the whole file). */
  sheet?: string;
  message: string;
  detail?: string;
  /** The figures read, in order (several figures under one column: the app writes them its way). */
  figures?: number[];
}
