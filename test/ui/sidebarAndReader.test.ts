import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { readerFrame, topicsTreeRows } from './workbenchParts';

const screenshots = join(uiTestEnvironment.repoRoot, 'test-results', 'screenshots');

describeWorkbench('sidebar and reader in the real workbench', { timeout: 180_000, settings: { 'workbench.colorTheme': 'Default Dark Modern' } }, (workbench) => {
  it('shows the topics when the Interview Notes activity-bar item is clicked', async () => {
    const { page } = workbench();
    const rows = await topicsTreeRows(page, 'Docker');
    for (const topic of ['Docker', 'Nginx', 'Redis', 'Python']) {
      assert.ok(rows.some((row) => row.includes(topic)), `"${topic}" is in the tree: ${rows.join(' | ')}`);
    }
  });

  it('opens the clicked topic in the reader, rendered with highlighted code', async () => {
    const { page } = workbench();
    await page.locator('.monaco-list-row', { hasText: 'Docker' }).first().click();
    const reader = readerFrame(page);
    await reader.locator('h2#dockerfile').waitFor({ timeout: 30_000 });
    assert.match((await reader.locator('h1.note-title').innerText()).trim(), /Docker/);
    const keywordSpans = await reader.locator('.code-block .hljs-keyword').count();
    assert.ok(keywordSpans > 10, `highlighted code: ${keywordSpans} keyword spans`);
    const buttons = await reader.locator('.code-block').first().locator('button').allInnerTexts();
    assert.deepEqual(buttons, ['Copy', 'Insert at Cursor']);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'reader-dark.png') });
  });
});
