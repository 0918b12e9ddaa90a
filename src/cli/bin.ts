/** Entry point of the bundled `planbook` command. */
import { runCli } from './main';

const r = await runCli(process.argv.slice(2));
if (r.stdout) process.stdout.write(r.stdout + '\n');
if (r.stderr) process.stderr.write(r.stderr + '\n');
process.exitCode = r.code;
