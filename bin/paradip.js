#!/usr/bin/env node
// Entry point of the `paradip` command: runs the bundle that `npm ci` (prepare) builds from src/.
// After editing src/, run `npm run build` (npm start and npm test do it for you).
import { main } from '../dist/paradip.js';

// A reader that stops early (`paradip ... | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
