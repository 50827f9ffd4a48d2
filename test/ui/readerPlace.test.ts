import { strict as assert } from 'node:assert';
import type { FrameLocator, Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { loaded, openTopic, quickOpen, readerFrame, runFromPalette, topicsTreeRows, waitUntil, watchSavedWebviewState } from './workbenchParts';

/** Where an element of the reader is, in its viewport: its top and bottom, and the viewport's height. */
function placeOf(reader: FrameLocator, selector: string): Promise<{ top: number; bottom: number; viewport: number }> {
  return reader.locator(selector).first().evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: Math.round(rect.top), bottom: Math.round(rect.bottom), viewport: element.ownerDocument.defaultView?.innerHeight ?? 0 };
  });
}

/** Waits until the element is at the top of the reader (below its toolbar), as after a jump to it. */
async function waitUntilAtTop(reader: FrameLocator, selector: string, what: string): Promise<void> {
  let last = NaN;
  try {
    await waitUntil(what, async () => {
      last = (await placeOf(reader, selector)).top;
      return last > -80 && last < 200;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${selector} is at top = ${last}`, { cause: error });
  }
}

function scrollY(reader: FrameLocator): Promise<number> {
  return reader.locator(':root').evaluate((root) => Math.round(root.ownerDocument.defaultView?.scrollY ?? 0));
}

/** Opens a topic in the reader and waits until its page has loaded and found its place. */
async function openInReader(page: Page, topic: string, waitFor: string): Promise<FrameLocator> {
  await openTopic(page, topic);
  const reader = readerFrame(page);
  await reader.locator(waitFor).waitFor({ timeout: 30_000 });
  await loaded(reader);
  return reader;
}

/** Scrolls the element to the top of the reader and waits until the workbench holds that place (setState). */
async function scrollToAndSave(page: Page, reader: FrameLocator, selector: string, block: ScrollLogicalPosition = 'start'): Promise<number> {
  const states = await watchSavedWebviewState(page);
  const y = await reader.locator(selector).first().evaluate((element, where) => {
    element.scrollIntoView({ block: where });
    return Math.round(element.ownerDocument.defaultView?.scrollY ?? 0);
  }, block);
  assert.ok(y > 0, `${selector} is further down`);
  await waitUntil('the reader to save its place', async () => (await states.saved()).some((state) => Math.round(Number((state as { scrollY?: unknown }).scrollY)) === y));
  return y;
}

describeWorkbench('reader place, history and layout in the real workbench', { timeout: 240_000, ready: async ({ page }) => void (await topicsTreeRows(page, 'Docker')) }, (workbench) => {
  it('opens a note on its title, with the contents folded and "Hide answers" at hand anywhere in the note', async () => {
    const { page } = workbench();
    const reader = await openInReader(page, 'Docker', 'h2#dockerfile');
    const title = await placeOf(reader, 'h1.note-title');
    assert.ok(title.top < 120, `the title is at the top of the reader, not below the contents (top = ${title.top})`);
    assert.equal(await reader.locator('details.outline ul').isVisible(), false, 'the contents are folded');

    // At the end of a long note the toolbar is still on screen.
    await reader.locator(':root').evaluate((root) => root.ownerDocument.defaultView?.scrollTo(0, root.ownerDocument.body.scrollHeight));
    const bottom = await scrollY(reader);
    assert.ok(bottom > 5000, `a long note (scrolled to ${bottom})`);
    const toggle = await placeOf(reader, '#hide-answers');
    assert.ok(toggle.top >= 0 && toggle.bottom <= toggle.viewport, `"Hide answers" is on screen at the end of the note (top = ${toggle.top})`);
    await reader.locator('#hide-answers').check();
    await waitUntil('the answers to fold', async () => !(await reader.locator('.answer').first().isVisible()));
    await reader.locator('#hide-answers').uncheck();

    // The contents open over the note from there, and jump to a section.
    await reader.locator('details.outline summary').click();
    await reader.locator('details.outline a[href="#compose"]').click();
    await waitUntilAtTop(reader, 'h2#compose', 'the Compose section at the top');
    assert.equal(await reader.locator('details.outline ul').isVisible(), false, 'the contents fold again once used');
  });

  it('keeps its place when Insert at Cursor shows the editor in its tab, and when its tab is shown again', async () => {
    const { page } = workbench();
    await quickOpen(page, 'app.py');
    await page.locator('.tabs-container .tab.active', { hasText: 'app.py' }).waitFor({ timeout: 30_000 });
    // The reader opens in the same group, over app.py.
    const reader = await openInReader(page, 'Docker', 'h2#compose');
    // The place: a code block of the Compose section, where the user clicks Insert at Cursor.
    // In the middle of the view, clear of the sticky toolbar: clicking its button does not scroll.
    const place = await scrollToAndSave(page, reader, 'h2#compose ~ .code-block', 'center');
    const block = reader.locator('h2#compose ~ .code-block').first();
    const firstLine = (await block.locator('code').innerText()).split('\n')[0].trim();
    await block.hover();
    await block.locator('button[data-action="insert"]').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'app.py' }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: firstLine }).waitFor({ timeout: 30_000 });

    // Back to the reader's tab (again if the editor was still being shown when it was clicked).
    const shown = readerFrame(page);
    for (let attempt = 1; ; attempt++) {
      await page.locator('.tabs-container .tab', { hasText: 'Docker' }).click();
      try {
        await shown.locator('h2#compose').waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
      }
    }
    await loaded(shown);
    await waitUntil(`the reader back at ${place}`, async () => Math.abs((await scrollY(shown)) - place) <= 2);
  });

  it('goes back to the previous note at its place with Alt+Left, forward with Alt+Right, and with its toolbar', async () => {
    const { page } = workbench();
    const reader = await openInReader(page, 'Docker', 'h2#compose');
    const link = reader.locator('main a[href="security.md#supply-chain"]');
    const from = await link.evaluate((element) => {
      element.scrollIntoView({ block: 'center' });
      return Math.round(element.ownerDocument.defaultView?.scrollY ?? 0);
    });
    await link.click();
    await reader.locator('h1.note-title', { hasText: 'Web security' }).waitFor({ timeout: 30_000 });
    await loaded(reader);
    await waitUntilAtTop(reader, '#supply-chain', 'the linked section at the top');

    // The keys go to the reader: click its toolbar (a click on the note would scroll it to what was clicked).
    await reader.locator('.toolbar-spacer').click();
    await page.keyboard.press('Alt+ArrowLeft');
    await reader.locator('h1.note-title', { hasText: 'Docker' }).waitFor({ timeout: 30_000 });
    await loaded(reader);
    await waitUntil('the Docker note back at the link', async () => Math.abs((await scrollY(reader)) - from) <= 2);

    await reader.locator('.toolbar-spacer').click();
    await page.keyboard.press('Alt+ArrowRight');
    await reader.locator('h1.note-title', { hasText: 'Web security' }).waitFor({ timeout: 30_000 });
    await loaded(reader);
    await waitUntilAtTop(reader, '#supply-chain', 'forward at the linked section again');

    await reader.locator('#go-back').click();
    await reader.locator('h1.note-title', { hasText: 'Docker' }).waitFor({ timeout: 30_000 });
    assert.equal(await reader.locator('#go-forward').isEnabled(), true, 'Forward is on offer');
  });

  it('shows the open note in the language the setting switches to, at the same section', async () => {
    const { page } = workbench();
    // Another note than the one on show, so that the page waited for is the new one.
    const reader = await openInReader(page, 'Redis', 'h2#persistence');
    await scrollToAndSave(page, reader, 'h2#persistence');
    await runFromPalette(page, 'Interview Notes: Switch Note Language');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '简体中文' }).first().click();
    await reader.locator('html[lang="zh-cn"] h2#persistence').waitFor({ timeout: 30_000 });
    await loaded(reader);
    await waitUntilAtTop(reader, 'h2#persistence', 'the Chinese note at the Persistence section');
    assert.match(await reader.locator('h2#persistence').innerText(), /持久化/);
    // Back to English, as the other suites expect.
    await runFromPalette(page, 'Interview Notes: Switch Note Language');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'English' }).first().click();
    await reader.locator('html[lang="en"] h2#persistence').waitFor({ timeout: 30_000 });
  });
});
