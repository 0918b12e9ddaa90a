/** Provides SheetJS statically, for the processes whose reads cannot wait for it (imported for its effect). */
import * as XLSX from '@e965/xlsx';
import { provideSheetJs } from './sheetJs';

provideSheetJs(XLSX);
