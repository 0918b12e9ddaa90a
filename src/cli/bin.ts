/** Entry point of the bundled `planbook` command (and of its file-reading worker thread). */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCli } from './main';
import { readForWorker, readInWorker } from './reader';

/** Reading a file stops after this long (PLANBOOK_READ_TIMEOUT_MS overrides it). */
const LIMIT_MS = Number(process.env.PLANBOOK_READ_TIMEOUT_MS) || 60_000;

if (isMainThread) {
  const r = await runCli(process.argv.slice(2), readInWorker(new URL(import.meta.url), LIMIT_MS));
  if (r.stdout) process.stdout.write(r.stdout + '\n');
  if (r.stderr) process.stderr.write(r.stderr + '\n');
  process.exitCode = r.code;
} else {
  const { file, bytes } = workerData as { file: string; bytes: Uint8Array };
  parentPort!.postMessage(readForWorker(file, bytes));
}
