// Screenshots of the real workbench with the extension, in a light and a dark theme.
//   node scripts/screenshots.mjs            into test-results/screenshots/ (git-ignored)
//   node scripts/screenshots.mjs --readme   also refresh the ones the README shows, in media/screenshots/
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureCodeServer, ensureDebianPackages, repoRoot } from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const forReadme = process.argv.includes('--readme');
ensureDebianPackages(['codeServerBuild', 'browser', 'cjkFonts']);
const codeServerEntry = ensureCodeServer();
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
    extensionPath: repoRoot,
    fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
  });
  try {
    const { page } = workbench;
    const themeClass = () => page.evaluate(() => document.querySelector('.monaco-workbench')?.className ?? '');
    if (kind === 'dark' && !/\bvs-dark\b/.test(await themeClass())) {
      // As a person would: the command switches to the preferred dark theme (Dark Modern).
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark'), undefined, { timeout: 10_000 });
    }
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
    }
  } finally {
    await workbench.close();
  }
}
