// Bundles the TypeScript sources into dist/ with esbuild, so the `paradip` command starts in well under a
// second (loading mathjs as hundreds of ES modules takes ~1 s; as one bundle, ~0.1 s). Runs on `npm ci`
// (prepare), on `npm pack` (prepare), before `npm start` and before `npm test`. Packages stay external except
// mathjs, which is the slow one. The library's entry points (`paradip`, `paradip/testing`: dist/index.js,
// dist/testing.js) get declarations in dist/types from TypeScript's own tsc (tsconfig.build.json).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const entries = {
  paradip: 'src/cli/main.ts',
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  'pool-worker': 'src/cli/pool-worker.ts',
  bench: 'bench/engine.bench.ts',
  'sweep-bench': 'bench/sweep.bench.ts',
};
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
// Start clean: stale chunks of earlier builds would otherwise pile up in dist/.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  jsx: 'automatic',
  // Keep in step with EXTERNAL in src/cli/worker-pool.ts (the dev bundle of the pool worker).
  // Ink and React are bundled too: as ~100 ES modules they took over a second to load on a busy machine,
  // which was most of the UI's time to its first frame. react-devtools-core is Ink's optional dev tool.
  external: ['react-devtools-core', 'yaml', 'zod', 'seedrandom', 'fast-check', 'esbuild', 'piscina', 'hyparquet-writer', 'cli-progress', 'vega', 'vega-lite'],
  // Some of Ink's dependencies are CommonJS and require Node's built-ins: give every output file a require.
  banner: { js: "import { createRequire as __paradipCreateRequire } from 'node:module'; const require = __paradipCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Declarations of the library. tsc writes the sources' own import specifiers ('./run.ts') into the .d.ts files;
// a consumer's tsc resolves './run.js' to run.d.ts under every module resolution, so the specifiers say .js.
execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const file of readdirSync('dist/types', { recursive: true })) {
  if (!String(file).endsWith('.d.ts')) continue;
  const path = join('dist/types', String(file));
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(from\s+'\.{1,2}\/[^']*)\.ts'/g, "$1.js'"));
}
