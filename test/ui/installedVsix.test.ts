import { strict as assert } from 'node:assert';
import { statSync } from 'node:fs';
import { describeWorkbench } from './describeWorkbench';
import { packagedVsix } from './environment';
import { quickOpen, runFromPalette, topicsTreeRows, waitUntil } from './workbenchParts';

const maxVsixBytes = 3 * 1024 * 1024;

/**
 * What users install is what is tested: scripts/test.mjs runs `npm run package` before the UI
 * suite, and every UI test installs that .vsix with `code-server --install-extension`. This file
 * checks the package itself and the parts no other UI test reaches.
 */
describeWorkbench('the packaged .vsix, installed into a fresh code-server', { timeout: 300_000, settings: { 'workbench.colorTheme': 'Default Dark Modern' } }, (workbench) => {
  it(`is smaller than ${maxVsixBytes / 1024 / 1024} MB`, () => {
    const size = statSync(packagedVsix).size;
    assert.ok(size < maxVsixBytes, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  it('activates from the installed copy and shows the topics tree', async () => {
    const { page, url } = workbench();
    assert.doesNotMatch(decodeURIComponent(url), /extensionDevelopmentPath/, 'no extension under development');
    const rows = await topicsTreeRows(page, 'Docker');
    for (const topic of ['Docker', 'Nginx', 'Redis', 'Python']) {
      assert.ok(rows.some((row) => row.includes(topic)), `"${topic}" is in the tree: ${rows.join(' | ')}`);
    }
  });

  it('offers its walkthrough, with its steps and their buttons, images of the current theme, and each page in one language', async () => {
    const { page } = workbench();
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
    const title = walkthrough.locator('.getting-started-category .category-title').first();
    assert.equal(await title.evaluate((element) => element.scrollWidth <= element.clientWidth), true, `the title "${await title.innerText()}" is not cut`);
    // The workbench is in Dark Modern: the step's image is the dark one, cropped small enough to read.
    const image = walkthrough.locator('.getting-started-media img').first();
    await image.waitFor({ timeout: 30_000 });
    await waitUntil('the step image has loaded', () => image.evaluate((element) => (element as HTMLImageElement).currentSrc !== ''));
    const source = await image.evaluate((element) => (element as HTMLImageElement).currentSrc);
    assert.match(source, /sidebar-dark\.png/, await image.evaluate((element) => element.outerHTML));
    // A step whose page is Markdown: in English only, as the workbench is.
    await walkthrough.getByText('Practise', { exact: true }).click();
    const stepPage = page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame');
    const text = await stepPage.locator('body').filter({ hasText: 'Practice Questions' }).innerText({ timeout: 30_000 });
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `the practice step's page has no Chinese: ${text}`);
    // On the Welcome page's list of walkthroughs, the title is not cut either.
    await runFromPalette(page, 'Help: Welcome');
    const listed = page.locator('.gettingStartedContainer .getting-started-category', { hasText: 'Interview Notes' }).locator('.category-title').first();
    await listed.waitFor({ timeout: 30_000 });
    assert.equal(await listed.evaluate((element) => element.scrollWidth <= element.clientWidth), true, `the listed title "${await listed.innerText()}" is not cut`);
  });

  it('offers a snippet in a Dockerfile, and accepting it inserts the exec form', async () => {
    const { page } = workbench();
    await quickOpen(page, 'Dockerfile');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('entrypoint-exec');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'entrypoint-exec' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: /^ENTRYPOINT\s\["/ }).last().waitFor({ timeout: 10_000 });
    assert.equal(await editor.locator('.view-line', { hasText: 'entrypoint-' }).count(), 0, 'the typed prefix is replaced whole');
  });

  it('opens Practice Questions with its script from the package: a card to answer', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'Interview Notes: Practice Questions');
    await page.locator('.quick-input-title', { hasText: 'Practice Questions' }).waitFor({ timeout: 30_000 });
    await page.keyboard.type('Docker');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Docker' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.keyboard.press('Enter');
    const practice = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await practice.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    assert.match((await practice.locator('#card').getAttribute('data-question-id')) ?? '', /^docker#q-/);
  });
});
