/**
 * `npm run server -- <serve|token|account|audit> …`: the collaboration server from source, reading
 * sent submissions in the reader process from source (readerChild.ts under tsx), as `planbook
 * serve` does with its bundled reader.
 */
import { serverMain } from '../server/main';
import { sourceUnitReader } from './unitReader';

const budgetMs = Number(process.env.PLANBOOK_READ_TIMEOUT_MS) || undefined;
const heapMb = Number(process.env.PLANBOOK_READ_HEAP_MB) || undefined;
const argv = process.argv.slice(2);
const statedUnit = sourceUnitReader({ budgetMs, heapMb });
process.exitCode = await serverMain(argv.length ? argv : ['serve'], { statedUnit });
statedUnit.close();
