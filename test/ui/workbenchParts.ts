import type { FrameLocator, Page } from 'playwright-core';

/** The reader's HTML lives two frames down: the webview host iframe, then its active frame. */
export function readerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Shows the Interview Notes view, if it is not shown, and clicks the topic with this title. */
export async function openTopic(page: Page, title: string): Promise<void> {
  const activity = page.getByRole('tab', { name: /Interview Notes/ });
  if ((await activity.getAttribute('aria-selected')) !== 'true') {
    await activity.click();
  }
  const row = page.locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
}
