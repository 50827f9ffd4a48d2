// `npm run check:notes`: the bundled-notes checks alone (format, both languages, questions,
// links, every example through its validator), for whoever edits notes/. Builds into a
// folder of its own under out/ (two levels down, where the tests expect to be), so several
// runs at once do not share output.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages, repoRoot } from './lib/setup.mjs';

ensureDebianPackages(['noteChecks']);
mkdirSync(join(repoRoot, 'out'), { recursive: true });
const outdir = mkdtempSync(join(repoRoot, 'out', 'check-notes-'));
const tests = ['test/content/notesLibrary.test.ts', 'test/content/notesCoverage.test.ts'].filter((file) => existsSync(join(repoRoot, file)));
try {
  await esbuild.build({ absWorkingDir: repoRoot, entryPoints: tests, outdir, bundle: true, platform: 'node', format: 'cjs', packages: 'external', sourcemap: 'inline', logLevel: 'warning' });
  const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const result = spawnSync(process.execPath, [mocha, '--timeout', '300000', ...process.argv.slice(2), join(outdir, '*.js')], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') } });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
