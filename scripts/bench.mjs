// `npm run bench`: performance figures, each beside a baseline measured in the same run.
//   --json    print only one JSON object: { "figures": [ { name, value, unit, baseline, baselineValue } ] }
//   --quick   the fast subset (one activation sample instead of five)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureCodeServer, ensureDebianPackages, repoRoot } from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');
const say = (line) => process.stderr.write(`${line}\n`);

ensureDebianPackages(['codeServerBuild', 'browser']);
const codeServerEntry = ensureCodeServer();
for (const buildArgs of [['--production'], ['--tests']]) {
  // Production bundles are what users get; --tests adds the in-host bench suite under out/.
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), ...buildArgs], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    process.exit(1);
  }
  if (buildArgs[0] === '--tests') {
    // --tests rebuilt dist/ for development; put the production bundles back.
    spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

const figures = [];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Activation in the real Node extension host, against an empty extension loaded the same
// way, alternating between the two so both see the same machine load.
const { runInExtensionHost } = require(join(repoRoot, 'out', 'harness', 'runExtensionTests.js'));
async function activationSample(extensionPath, id) {
  const run = await runInExtensionHost({
    kind: 'node',
    codeServerEntry,
    extensionPath,
    testsBundle: join(extensionPath, 'out', 'bench', 'activationSuite.js'),
    resultsFile: '.bench-results.json',
    fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
    timeoutMs: 120_000,
    log: say,
  });
  if (run.exitCode !== 0 || typeof run.results?.[id]?.activationMs !== 'number') {
    say(`[bench] activation run failed: ${run.error ?? `exit ${run.exitCode}`}`);
    process.exit(1);
  }
  return run.results[id];
}

// The baseline gets a copy of the suite inside its folder: VS Code runs a suite in the host
// of the extension that contains it.
const baselinePath = mkdtempSync(join(tmpdir(), 'empty-baseline-'));
cpSync(join(repoRoot, 'test', 'fixtures', 'empty-extension'), baselinePath, { recursive: true });
cpSync(join(repoRoot, 'out', 'bench'), join(baselinePath, 'out', 'bench'), { recursive: true });
const samples = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  say(`[bench] activation sample ${i + 1}`);
  samples.push({
    ours: await activationSample(repoRoot, 'interview-notes.interview-notes'),
    baseline: await activationSample(baselinePath, 'interview-notes.empty-baseline'),
  });
}
rmSync(baselinePath, { recursive: true, force: true });
figures.push({
  name: 'activation.ms',
  value: round(median(samples.map((sample) => sample.ours.activationMs))),
  unit: 'ms',
  baseline: 'empty extension, same host (bundle evaluation + activate())',
  baselineValue: round(median(samples.map((sample) => sample.baseline.activationMs))),
});
figures.push({
  name: 'completion.ms',
  value: round(median(samples.map((sample) => sample.ours.completionMs)), 4),
  unit: 'ms',
  baseline: 'a provider returning a fixed list, same host (median of 2,000 calls in a Dockerfile)',
  baselineValue: round(median(samples.map((sample) => sample.ours.baselineMs)), 4),
});
figures.push({
  name: 'activation.wall.ms',
  value: round(median(samples.map((sample) => sample.ours.activationWallMs))),
  unit: 'ms',
  baseline: 'empty extension, same host (load start to activate() returning)',
  baselineValue: round(median(samples.map((sample) => sample.baseline.activationWallMs))),
});

// Rendering, in plain Node: the reader's renderer against bare markdown-it on the same input.
const { renderFigures } = require(join(repoRoot, 'out', 'bench', 'renderBench.js'));
figures.push(...renderFigures(quick));

for (const [name, file] of [['bundle.node.bytes', 'dist/node/extension.js'], ['bundle.web.bytes', 'dist/web/extension.js'], ['bundle.webview.bytes', 'dist/webview/reader.js']]) {
  figures.push({ name, value: statSync(join(repoRoot, file)).size, unit: 'bytes', baseline: null, baselineValue: null });
}

function round(value, digits = 2) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

if (json) {
  process.stdout.write(`${JSON.stringify({ figures }, null, 2)}\n`);
} else {
  const rows = figures.map((figure) => [figure.name, `${figure.value} ${figure.unit}`, figure.baselineValue === null ? '-' : `${figure.baselineValue} ${figure.unit}`, figure.baseline ?? '']);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length), ['figure', 'value', 'baseline', 'baseline is'][column].length));
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(line(['figure', 'value', 'baseline', 'baseline is']));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  console.log(`\n(${samples.length} activation samples, median; Node ${process.version}, ${process.platform})`);
}
