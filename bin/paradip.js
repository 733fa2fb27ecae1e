#!/usr/bin/env node
// Entry point of the `paradip` command: runs the bundle that `npm ci` (prepare) builds from src/.
// After editing src/, run `npm run build` (npm start and npm test do it for you).
import { main } from '../dist/paradip.js';

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
