/**
 * Writes fixtures/shapes/quang-tri-tcvn3.tsv: the seed's appendix as an office typing with the
 * .VnTime font would have stored it (TCVN3 bytes shown as Latin-1 letters). make-fixtures.sh then has
 * LibreOffice turn it into an old Excel file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toTCVN3 } from 'vietnamese-conversion';

const text = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8');
writeFileSync('fixtures/shapes/quang-tri-tcvn3.tsv', toTCVN3(text, 'unicode'));
