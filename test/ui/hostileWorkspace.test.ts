import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { quickOpen, topicsTreeRows } from './workbenchParts';

/**
 * A person opens a shared repository that holds command links in a note heading and a snippet
 * key (test/fixtures/hostile-workspace). The warnings quote them as text: no link in the toast,
 * and clicking the words runs nothing (the canary would open an untitled editor).
 */
describeWorkbench('a hostile workspace in the real workbench', { timeout: 240_000, fixtureWorkspace: join(uiTestEnvironment.repoRoot, 'test', 'fixtures', 'hostile-workspace') }, (workbench) => {
  const toast = (page: Page, text: string): Locator => page.locator('.notification-toast', { hasText: text }).first();

  async function assertNoLinkAndClick(page: Page, text: string, quoted: string): Promise<void> {
    const shown = toast(page, text);
    await shown.waitFor({ timeout: 60_000 });
    const message = shown.locator('.notification-list-item-message');
    assert.ok((await message.innerText()).replaceAll('\u200b', '').includes(quoted), `the toast quotes ${quoted}`);
    assert.equal(await message.locator('a').count(), 0, 'no link in the toast');
    await message.click();
  }

  it('quotes the command link of a note heading and of a snippet key as text, and clicking them runs nothing', async () => {
    const { page } = workbench();
    const rows = await topicsTreeRows(page, 'A good note in a hostile workspace');
    const evilRow = rows.find((row) => row.includes('Open the docs'));
    assert.ok(evilRow, `the note with a linked title is listed as text: ${rows.join(' | ')}`);
    assert.equal(await page.locator('.monaco-list-row', { hasText: 'Open the docs' }).locator('.codicon-zap').count(), 0, 'its "$(zap)" is not an icon');
    await assertNoLinkAndClick(page, 'evil.md', '[Fix the note format now](command:workbench.action.files.newUntitledFile)');

    // Loading the snippets (Insert Snippet) reports the snippet file's problems.
    await page.keyboard.press('F1');
    await page.keyboard.type('Interview Notes: Insert Snippet');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert Snippet' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await assertNoLinkAndClick(page, 'python.json', '[Fix this snippet now](command:workbench.action.files.newUntitledFile)');
    await page.keyboard.press('Escape');

    // The sentinel: a file opened after the clicks. Had a click run the canary, its untitled editor would be open before it.
    await quickOpen(page, 'app.py');
    await page.locator('.tabs-container .tab', { hasText: 'app.py' }).waitFor({ timeout: 30_000 });
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some((tab) => /Untitled/.test(tab)), `no untitled editor was opened: ${tabs.join(' | ')}`);
  });
});
