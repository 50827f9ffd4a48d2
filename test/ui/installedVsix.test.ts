import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, type OpenWorkbench } from '../harness/workbench';
import { uiTestEnvironment } from './environment';
import { screenshotIfFailed } from './screenshotOnFailure';
import { topicsTreeRows } from './workbenchParts';

const maxVsixBytes = 2 * 1024 * 1024;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: uiTestEnvironment.repoRoot, encoding: 'utf8', timeout: 180_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** What users install is what is tested: `npm run package`, then `code-server --install-extension`. */
describe('the packaged .vsix, installed into a fresh code-server', function () {
  this.timeout(300_000);
  let workbench: OpenWorkbench;
  let folder: string;
  let vsix: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'interview-notes-vsix-'));
    vsix = join(folder, 'interview-notes.vsix');
    try {
      run('npm', ['run', 'package']);
      copyFileSync(join(uiTestEnvironment.repoRoot, 'dist', 'interview-notes.vsix'), vsix);
    } finally {
      // The package build replaced dist/ with minified bundles; put the development ones back.
      run(process.execPath, [join(uiTestEnvironment.repoRoot, 'scripts', 'build.mjs')]);
    }
    workbench = await openWorkbench({
      codeServerEntry: uiTestEnvironment.codeServerEntry,
      fixtureWorkspace: uiTestEnvironment.fixtureWorkspace,
      installExtensions: [vsix],
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    });
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`is smaller than ${maxVsixBytes / 1024 / 1024} MB`, () => {
    const size = statSync(vsix).size;
    assert.ok(size < maxVsixBytes, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  it('activates from the installed copy and shows the topics tree', async () => {
    const { page, url } = workbench;
    assert.doesNotMatch(decodeURIComponent(url), /extensionDevelopmentPath/, 'no extension under development');
    const rows = await topicsTreeRows(page, 'Docker');
    for (const topic of ['Docker', 'Nginx', 'Redis', 'Python']) {
      assert.ok(rows.some((row) => row.includes(topic)), `"${topic}" is in the tree: ${rows.join(' | ')}`);
    }
  });

  it('offers its walkthrough, with its steps and their buttons', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    await page.keyboard.type('Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Interview Notes' }).first().click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Open the sidebar').first().waitFor({ timeout: 30_000 });
    for (const step of ['Open a note', 'Insert a snippet', 'Search', 'Practise', 'Add your own note']) {
      assert.ok(await walkthrough.getByText(step, { exact: true }).count(), `the step "${step}" is shown`);
    }
    assert.ok(await walkthrough.getByRole('button', { name: 'Open the Sidebar' }).count(), 'the first step has its command button');
  });
});
