import { strict as assert } from 'node:assert';
import { describeWorkbench } from './describeWorkbench';
import { readerFrame, topicsTreeRows } from './workbenchParts';

// Ready when the extension is up: its view shows the topics.
describeWorkbench('search from the command palette in the real workbench', { timeout: 180_000, ready: async ({ page }) => void (await topicsTreeRows(page, 'Docker')) }, (workbench) => {
  async function search(query: string): Promise<string> {
    const { page } = workbench();
    // A reader that has just opened may still take the focus, which closes the palette or the
    // picker it opens; a person would run the command again, and so does the test (three tries).
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await page.keyboard.type('Interview Notes: Search Notes');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Notes' }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      try {
        await page.locator('.quick-input-title', { hasText: 'Search Notes' }).waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
        await page.keyboard.press('Escape');
      }
    }
    // The whole query in one input event, so the picker never searches a prefix of it; until its
    // results come, the list shows the recent searches (history icons). A result's icon is the
    // kind of its section: so the first row with one is a result for the whole query.
    await page.keyboard.insertText(query);
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.locator('.codicon-question, .codicon-book, .codicon-symbol-namespace').waitFor({ timeout: 30_000 });
    return first.innerText();
  }

  it('shows the Chinese section first for a Chinese query, and opens it on Enter', async () => {
    const { page } = workbench();
    const row = await search('缓存穿透');
    assert.match(row, /缓存穿透/);
    assert.match(row, /Redis/);
    await page.keyboard.press('Enter');
    const reader = readerFrame(page);
    await reader.locator('mark.search-match').first().waitFor({ timeout: 30_000 });
    assert.match(await reader.locator('html').getAttribute('lang') ?? '', /zh-cn/);
  });

  it('tolerates typos in an English query', async () => {
    const { page } = workbench();
    const row = await search('dokcer entrypiont');
    assert.match(row, /ENTRYPOINT/i);
    await page.keyboard.press('Escape');
  });
});
