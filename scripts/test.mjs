// `npm test`: lint, typecheck, unit tests (plain Node), content checks (plain Node: the bundled
// notes and snippets through nginx, javac, go, docker-compose and the other real tools),
// integration tests inside a real VS Code extension host (code-server's Node host and its web
// worker host), and UI tests that drive the real workbench in Chromium. Ends with one line:
// `tests: N passed, N failed`.
//
//   npm test                      everything
//   npm test -- --only unit       one suite (lint, typecheck, unit, content, integration-node, integration-web, ui);
//                                 integration-node also runs integration-node-hostile and -untrusted
//   npm test -- --only ui --grep reader   only the tests whose title matches (unit, content, ui)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Mocha from 'mocha';
import { codeServerEntry as installedCodeServerEntry, ensureDebianPackages, isCodeServerInstalled, repoRoot } from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const wants = (suite) => !only || suite === only || suite.startsWith(`${only}-`);
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;

const results = [];

/** When the last suite ended: each suite's seconds (set-up and build included) go in the summary, to keep CI within its time. */
let lastMark = Date.now();

function record(suite, passed, failed, skipped = 0, note = '') {
  const seconds = Math.round((Date.now() - lastMark) / 1000);
  lastMark = Date.now();
  results.push({ suite, passed, failed, skipped, note, seconds });
  console.log(`\n[test] ${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${note ? ` (${note})` : ''}\n`);
}

function check(suite, command, commandArgs) {
  console.log(`\n[test] ${suite}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: repoRoot, stdio: 'inherit' });
  record(suite, result.status === 0 ? 1 : 0, result.status === 0 ? 0 : 1);
}

async function runMocha(suite, folder, options) {
  const files = readdirSync(join(repoRoot, folder)).filter((name) => name.endsWith('.test.js')).sort();
  const mocha = new Mocha({ reporter: 'spec', color: process.stdout.isTTY, ...(grep ? { grep } : {}), ...options });
  for (const file of files) {
    mocha.addFile(join(repoRoot, folder, file));
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  record(suite, stats.passes, stats.failures, stats.pending);
}

/**
 * The integration suite inside a real extension host. `workspace` picks the fixture: the usual
 * one, or the hostile workspace (its own tests, trusted or in Restricted Mode).
 */
async function runInHost(kind, codeServerEntry, workspace = 'usual') {
  const { runExtensionTests } = require(join(repoRoot, 'out', 'harness', 'runExtensionTests.js'));
  const { prepareHostileWorkspace, hostileWorkspaceFixture } = require(join(repoRoot, 'out', 'harness', 'hostileWorkspace.js'));
  const suite = workspace === 'usual' ? `integration-${kind}` : `integration-${kind}-${workspace}`;
  console.log(`\n[test] ${suite}: mocha inside code-server's ${kind === 'web' ? 'web worker' : 'Node'} extension host${workspace === 'usual' ? '' : `, in the hostile workspace${workspace === 'untrusted' ? ' in Restricted Mode' : ''}`}`);
  const run = await runExtensionTests({
    kind,
    codeServerEntry,
    extensionPath: repoRoot,
    testsBundle: join(repoRoot, 'out', 'integration', `${kind}.js`),
    fixtureWorkspace: workspace === 'usual' ? join(repoRoot, 'test', 'fixtures', 'workspace') : hostileWorkspaceFixture,
    prepareWorkspace: workspace === 'usual' ? undefined : prepareHostileWorkspace,
    workspaceTrust: workspace === 'untrusted',
    timeoutMs: 10 * 60_000,
    log: (line) => console.log(line),
  });
  // A host that crashed or timed out counts as a failure even if no test reported one.
  const failed = run.failed + (run.exitCode !== 0 && run.failed === 0 ? 1 : 0);
  record(suite, run.passed, failed, run.skipped, run.error ?? '');
}

/**
 * `npm run package` (production bundles, then vsce), the .vsix kept under out/ui; then the
 * development bundles are built again for whatever runs next. Returns the path, or undefined.
 */
function packageVsix() {
  console.log('\n[test] package: npm run package (the .vsix the UI tests install)');
  const packaged = spawnSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  const vsix = join(repoRoot, 'out', 'ui', 'interview-notes.vsix');
  if (packaged.status === 0) {
    mkdirSync(dirname(vsix), { recursive: true });
    copyFileSync(join(repoRoot, 'dist', 'interview-notes.vsix'), vsix);
  }
  spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  return packaged.status === 0 ? vsix : undefined;
}

/**
 * code-server takes a minute or more to install on a fresh machine (CI): it installs in a child
 * process while lint, typecheck, the build, unit and content run, which do not need it.
 */
function codeServerInBackground() {
  if (isCodeServerInstalled()) {
    return Promise.resolve(installedCodeServerEntry);
  }
  const setup = pathToFileURL(join(repoRoot, 'scripts', 'lib', 'setup.mjs')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `import { ensureCodeServer } from ${JSON.stringify(setup)}; ensureCodeServer();`], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => {
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => resolve(code === 0 ? installedCodeServerEntry : undefined));
  });
}

const started = Date.now();
const needsHost = wants('integration-node') || wants('integration-web') || wants('ui');
if (needsHost) {
  ensureDebianPackages();
} else if (wants('content')) {
  // The content checks run the notes' and snippets' examples through the real tools.
  ensureDebianPackages(['noteChecks', 'snippetChecks']);
}
const codeServerReady = needsHost ? codeServerInBackground() : Promise.resolve(undefined);

if (wants('lint')) {
  check('lint', process.execPath, [join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
}
if (wants('typecheck')) {
  check('typecheck', process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit']);
}
const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--tests'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  record('build', 0, 1);
} else {
  if (wants('unit')) {
    await runMocha('unit', 'out/unit', { timeout: 20_000 });
  }
  if (wants('content')) {
    // Each check compiles or runs many files; the slowest set their own longer timeouts.
    await runMocha('content', 'out/content', { timeout: 300_000 });
  }
  const codeServerEntry = await codeServerReady;
  process.env.CODE_SERVER_ENTRY = codeServerEntry ?? '';
  if (needsHost && !codeServerEntry) {
    record('code-server install', 0, 1, 0, 'the integration and UI suites need it');
  }
  for (const kind of ['node', 'web']) {
    for (const workspace of ['usual', 'hostile', 'untrusted']) {
      const suite = workspace === 'usual' ? `integration-${kind}` : `integration-${kind}-${workspace}`;
      if (wants(suite) && codeServerEntry) {
        await runInHost(kind, codeServerEntry, workspace);
      }
    }
  }
  if (wants('ui') && codeServerEntry) {
    // The UI tests install the packaged extension, as users do.
    const vsix = packageVsix();
    if (vsix) {
      process.env.INTERVIEW_NOTES_VSIX = vsix;
      await runMocha('ui', 'out/ui', { timeout: 200_000 });
    } else {
      record('package', 0, 1);
    }
  }
}

const total = results.reduce((sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\n[test] summary');
for (const result of results) {
  console.log(`  ${result.suite.padEnd(18)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(4)} failed${result.skipped ? ` ${result.skipped} skipped` : ''}  ${String(result.seconds).padStart(4)} s${result.note ? `  ${result.note}` : ''}`);
}
console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
