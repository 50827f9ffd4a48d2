// Screenshots of the real workbench with the extension, in a light and a dark theme.
//   node scripts/screenshots.mjs            into test-results/screenshots/ (git-ignored)
//   node scripts/screenshots.mjs --readme   also refresh the ones the README shows, in media/screenshots/,
//                                           and the walkthrough's crops, in media/walkthrough/
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureCodeServer, ensureDebianPackages, repoRoot } from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const forReadme = process.argv.includes('--readme');
ensureDebianPackages(['codeServerBuild', 'browser', 'cjkFonts']);
const codeServerEntry = ensureCodeServer();
// Of the packaged extension, installed as users install it (an extension under development also
// keeps the workbench from applying a color theme from the settings in code-server 4.100).
if (spawnSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}
const vsix = join(repoRoot, 'test-results', 'screenshots', 'interview-notes.vsix');
mkdirSync(dirname(vsix), { recursive: true });
copyFileSync(join(repoRoot, 'dist', 'interview-notes.vsix'), vsix);
if (spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--tests'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}
const { openWorkbench } = require(join(repoRoot, 'out', 'harness', 'workbench.js'));
const out = join(repoRoot, 'test-results', 'screenshots');
mkdirSync(out, { recursive: true });

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

for (const kind of ['light', 'dark']) {
  const workbench = await openWorkbench({
    codeServerEntry,
    installExtensions: [vsix],
    fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
    settings: { 'workbench.colorTheme': kind === 'dark' ? 'Default Dark Modern' : 'Default Light Modern', 'workbench.startupEditor': 'none' },
  });
  try {
    const { page } = workbench;
    await page.getByRole('tab', { name: /Interview Notes/ }).click();
    const docker = page.locator('.monaco-list-row', { hasText: 'Docker' }).first();
    await docker.waitFor({ timeout: 60_000 });
    await docker.click();
    const reader = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await reader.locator('h3#cmd-entrypoint').waitFor({ timeout: 30_000 });
    await reader.locator('h3#cmd-entrypoint').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(800);
    const readerShot = join(out, `reader-${kind}.png`);
    await page.screenshot({ path: readerShot });
    // The walkthrough shows its images about 450 px wide: crops of the part that matters stay readable.
    const editorBox = await page.locator('.part.editor').boundingBox();
    const codeBlock = reader.locator('h3#cmd-entrypoint ~ .code-block').first();
    await codeBlock.evaluate((block) => block.scrollIntoView({ block: 'center' }));
    await codeBlock.hover();
    await page.waitForTimeout(500);
    const blockBox = await codeBlock.boundingBox();
    const walkthroughReader = join(out, `walkthrough-reader-${kind}.png`);
    await page.screenshot({ path: walkthroughReader, clip: { x: editorBox.x, y: blockBox.y - 50, width: 620, height: Math.min(blockBox.height + 100, 420) } });
    await page.locator('.monaco-list-row', { hasText: 'Docker' }).first().locator('.monaco-tl-twistie').click();
    const questionsRow = page.locator('.monaco-list-row', { hasText: /^Interview questions|面试题/ }).first();
    await questionsRow.waitFor({ timeout: 10_000 });
    await questionsRow.locator('.monaco-tl-twistie').click();
    await page.waitForTimeout(500);
    const walkthroughSidebar = join(out, `walkthrough-sidebar-${kind}.png`);
    const sidebarBox = await page.locator('.part.sidebar').boundingBox();
    await page.screenshot({ path: walkthroughSidebar, clip: { x: sidebarBox.x, y: sidebarBox.y, width: sidebarBox.width, height: Math.min(sidebarBox.height, 520) } });
    // The questions with their answers folded, for self-testing.
    await reader.locator('#hide-answers').check();
    await reader.locator('h2#questions').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    const questionsShot = join(out, `questions-${kind}.png`);
    await page.screenshot({ path: questionsShot });
    // Search from the command palette, in Chinese.
    await page.keyboard.press('Escape');
    await runCommand(page, 'Interview Notes: Search Notes');
    await page.waitForTimeout(500);
    await page.keyboard.type('缓存穿透');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    const searchShot = join(out, `search-${kind}.png`);
    await page.screenshot({ path: searchShot });
    const walkthroughSearch = join(out, `walkthrough-search-${kind}.png`);
    await page.locator('.quick-input-widget').screenshot({ path: walkthroughSearch });
    await page.keyboard.press('Escape');
    // The practice dashboard, the only webview open (a fresh profile: its empty state and readiness table).
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Interview Notes: Practice Dashboard');
    const dashboard = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await dashboard.locator('#readiness-table').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const dashboardShot = join(out, `dashboard-${kind}.png`);
    await page.screenshot({ path: dashboardShot });
    console.log(`[screenshots] ${readerShot}, ${questionsShot}, ${searchShot}, ${dashboardShot}`);
    if (forReadme) {
      mkdirSync(join(repoRoot, 'media', 'screenshots'), { recursive: true });
      for (const shot of [readerShot, questionsShot, searchShot, dashboardShot]) {
        copyFileSync(shot, join(repoRoot, 'media', 'screenshots', shot.split('/').pop()));
      }
      for (const shot of [walkthroughReader, walkthroughSidebar, walkthroughSearch]) {
        copyFileSync(shot, join(repoRoot, 'media', 'walkthrough', shot.split('/').pop().replace('walkthrough-', '')));
      }
    }
  } finally {
    await workbench.close();
  }
}
