import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The reader's HTML lives two frames down: the webview host iframe, then its active frame. */
export function readerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Clicks the Interview Notes activity-bar item, unless its view is already shown. */
async function showInterviewNotesView(page: Page): Promise<void> {
  const activity = page.getByRole('tab', { name: /Interview Notes/ });
  if ((await activity.getAttribute('aria-selected')) !== 'true') {
    await activity.click();
  }
}

/** The list of the Topics view in the sidebar. */
export function topicsTree(page: Page): Locator {
  return page.locator('.pane:has(.pane-header:has-text("Topics")) .monaco-list');
}

/** Shows the Interview Notes view, waits for a row of the Topics tree with this text, and returns the text of every row. */
export async function topicsTreeRows(page: Page, waitForRow: string): Promise<string[]> {
  await showInterviewNotesView(page);
  const tree = topicsTree(page);
  await tree.locator('.monaco-list-row', { hasText: waitForRow }).first().waitFor({ timeout: 60_000 });
  return tree.locator('.monaco-list-row').allInnerTexts();
}

/** Shows the Interview Notes view, if it is not shown, and clicks the topic with this title. */
export async function openTopic(page: Page, title: string): Promise<void> {
  await showInterviewNotesView(page);
  const row = page.locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
}
