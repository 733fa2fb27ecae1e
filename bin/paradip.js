#!/usr/bin/env node
// Entry point of the `paradip` command: runs the bundle that `npm ci` (prepare) builds from src/.
// After editing src/, run `npm run build` (npm start and npm test do it for you).

// First thing, before the bundle loads: a Ctrl-C or SIGTERM while paradip starts exits 130 (interrupted),
// not killed by the signal. Nothing has been written yet. The bundle's own handler replaces this one.
const early = () => process.exit(130);
process.on('SIGINT', early);
process.on('SIGTERM', early);

// `paradip --version` answers before the bundle (mathjs, zod, the engine) loads: it must stay instant.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === 'version')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

const { main, exitOnSignal, finalExitCode, guardStreams } = await import('../dist/paradip.js');
// A reader that stops early (`paradip ... | head`) or a full disk behind stdout is a message and an exit code
// (74), never a stack trace; a run writing files completes them first.
guardStreams(process);
exitOnSignal(process);
process.off('SIGINT', early);
process.off('SIGTERM', early);

const code = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = finalExitCode(code);
