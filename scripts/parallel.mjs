// Runs npm scripts side by side (`node scripts/parallel.mjs typecheck lint build`): the test
// command's steps that need one core each (tsc, ESLint, Prettier, the builds) use both of the CI
// machine's cores instead of one after the other. Each script's output is printed whole when it
// ends, under its name and time, so the log reads as if they ran in turn. Fails (exit 1) when any
// script fails, after every one has ended.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (!names.length) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> ...]');
  process.exit(2);
}

/** Runs `npm run <name>`, resolving to its exit code, output and seconds. */
function run(name) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(String(e))));
    child.on('close', (code, signal) =>
      resolve({
        name,
        code: code ?? (signal ? 1 : 0),
        out: Buffer.concat(out),
        s: (Date.now() - t0) / 1000,
      }),
    );
  });
}

const failed = [];
await Promise.all(
  names.map((name) =>
    run(name).then(({ code, out, s }) => {
      process.stdout.write(
        `\n> ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${s.toFixed(1)} s\n`,
      );
      process.stdout.write(out);
      if (code !== 0) failed.push(name);
    }),
  ),
);
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
