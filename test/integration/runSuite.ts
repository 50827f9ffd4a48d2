import * as vscode from 'vscode';
import type Mocha from 'mocha';
import { resultsFileName, type SuiteResults } from '../harness/results';

/** Makes the mocha instance: `new Mocha(options)` in Node, the browser build's own instance on the web. */
export type CreateMocha = (options: Mocha.MochaOptions) => Mocha;

/** Node-only tests carry this tag in their title; the web worker run leaves them out. */
export const nodeOnlyTag = '[node-only]';
/** Tests of the hostile workspace (test/fixtures/hostile-workspace) carry one of these, by its trust. */
export const hostileTag = '[hostile]';
export const untrustedTag = '[untrusted]';

type WorkspaceMode = 'usual' | 'hostile' | 'untrusted';

/** The hostile fixture says what it is in a file of its own; its trust decides which of its suites runs. */
async function workspaceMode(): Promise<WorkspaceMode> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const isHostile = folder ? await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'HOSTILE-WORKSPACE.md')).then(() => true, () => false) : false;
  return !isHostile ? 'usual' : vscode.workspace.isTrusted ? 'hostile' : 'untrusted';
}

/** One pattern over the full titles: the mode's own tests, without the node-only ones in the web host. */
function testsFor(mode: WorkspaceMode, kind: 'node' | 'web'): RegExp {
  const skipNodeOnly = kind === 'web' ? '(?!.*\\[node-only\\])' : '';
  return mode === 'usual' ? new RegExp(`^${skipNodeOnly}(?!.*\\[(?:hostile|untrusted)\\])`) : new RegExp(`^${skipNodeOnly}.*\\[${mode}\\]`);
}

/**
 * Runs the bundled suite in the extension host. Output goes to the console (forwarded to
 * the workbench page), counts to a results file in the workspace; rejecting makes the
 * workbench exit with code 1.
 */
export async function runSuite(createMocha: CreateMocha, loadTests: () => void, kind: 'node' | 'web'): Promise<void> {
  const results = { passed: 0, failed: 0, skipped: 0, failures: [] as string[] };
  const log = (line: string) => console.log(`[suite] ${line}`);
  function SuiteReporter(runner: Mocha.Runner) {
    runner.on('pass', (test) => {
      results.passed++;
      log(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      const title = test.fullTitle();
      results.failures.push(`${title}: ${error.message}`);
      log(`  ✗ ${title}\n      ${error.stack ?? error.message}`);
    });
    runner.on('pending', (test) => {
      results.skipped++;
      log(`  - ${test.fullTitle()} (skipped)`);
    });
  }
  // The reporter goes in the options: mocha's browser build otherwise builds its HTML reporter.
  const mocha = createMocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: SuiteReporter as unknown as Mocha.ReporterConstructor });
  const mode = await workspaceMode();
  mocha.grep(testsFor(mode, kind));
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  loadTests();
  if (mocha.suite.total() === 0) {
    throw new Error('the integration suite has no tests: check the test bundle');
  }
  log(`running the ${mode} integration suite in the ${kind} extension host (VS Code ${vscode.version})`);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await writeResults(results);
  log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  if (failures > 0 || results.failed > 0) {
    throw new Error(`${results.failed} tests failed`);
  }
}

async function writeResults(results: SuiteResults): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, resultsFileName), new TextEncoder().encode(JSON.stringify(results)));
  }
}
