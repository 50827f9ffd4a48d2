import { strict as assert } from 'node:assert';
import { openWorkbench, type OpenWorkbench } from '../harness/workbench';
import { uiTestEnvironment } from './environment';
import { screenshotIfFailed } from './screenshotOnFailure';
import { readerFrame } from './workbenchParts';

describe('search from the command palette in the real workbench', function () {
  this.timeout(180_000);
  let workbench: OpenWorkbench;

  before(async () => {
    workbench = await openWorkbench(uiTestEnvironment);
    // Wait until the extension is up: its view shows the topics.
    await workbench.page.getByRole('tab', { name: /Interview Notes/ }).click();
    await workbench.page.locator('.monaco-list-row', { hasText: 'Docker' }).first().waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
  });

  async function search(query: string): Promise<string> {
    const { page } = workbench;
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
    await page.keyboard.type(query);
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.locator('.monaco-highlighted-label', { hasText: /\S/ }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400); // the results for the whole query, not a prefix of it
    return first.innerText();
  }

  it('shows the Chinese section first for a Chinese query, and opens it on Enter', async () => {
    const { page } = workbench;
    const row = await search('缓存穿透');
    assert.match(row, /缓存穿透/);
    assert.match(row, /Redis/);
    await page.keyboard.press('Enter');
    const reader = readerFrame(page);
    await reader.locator('mark.search-match').first().waitFor({ timeout: 30_000 });
    assert.match(await reader.locator('html').getAttribute('lang') ?? '', /zh-cn/);
  });

  it('tolerates typos in an English query', async () => {
    const { page } = workbench;
    const row = await search('dokcer entrypiont');
    assert.match(row, /ENTRYPOINT/i);
    await page.keyboard.press('Escape');
  });
});
