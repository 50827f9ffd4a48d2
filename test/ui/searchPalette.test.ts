import { strict as assert } from 'node:assert';
import { describeWorkbench } from './describeWorkbench';
import { readerFrame, topicsTreeRows, waitUntil } from './workbenchParts';

// Ready when the extension is up: its view shows the topics.
describeWorkbench('search from the command palette in the real workbench', { timeout: 180_000, ready: async ({ page }) => void (await topicsTreeRows(page, 'Docker')) }, (workbench) => {
  async function openSearch(): Promise<void> {
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
  }

  async function search(query: string): Promise<string> {
    const { page } = workbench();
    await openSearch();
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

  it('suggests topics after topic: and tags after #, and says what to try when nothing matches', async () => {
    const { page } = workbench();
    await openSearch();
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const box = page.locator('.quick-input-widget .quick-input-box input');
    // An empty box says what it understands besides words.
    await rows.filter({ hasText: 'Filter by topic' }).first().waitFor({ timeout: 30_000 });

    await page.keyboard.insertText('topic:re');
    const redis = rows.filter({ hasText: 'topic:redis', hasNotText: 'Filter by topic' }).first();
    await redis.waitFor({ timeout: 30_000 });
    await redis.click();
    await waitUntil('the box to hold the finished filter', async () => (await box.inputValue()) === 'topic:redis ');
    // The filter alone lists what it matches: the Redis topic.
    await rows.filter({ has: page.locator('.codicon-book'), hasText: 'Redis' }).first().waitFor({ timeout: 30_000 });

    await box.fill('#ca');
    await rows.filter({ has: page.locator('.codicon-tag'), hasText: '#cache' }).first().waitFor({ timeout: 30_000 });

    await box.fill('qqzxvjk');
    const nothing = rows.filter({ hasText: 'No notes match' }).first();
    await nothing.waitFor({ timeout: 30_000 });
    assert.match(await nothing.innerText(), /qqzxvjk/);
    await rows.filter({ hasText: 'Filter by tag' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  });
});
