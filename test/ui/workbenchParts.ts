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

/**
 * Runs a command from the palette (F1), by the title it is listed under. An editor or webview
 * that takes the focus as the palette opens (after a command that changed the layout, say)
 * closes it; a person would open it again, and so does this (three tries).
 */
export function runFromPalette(page: Page, title: string): Promise<void> {
  return pickFromPalette(page, title, false);
}

/** F1, then `text` (without the palette's '>' when `quickOpen`), then Enter on its row: three tries. */
async function pickFromPalette(page: Page, text: string, quickOpen: boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
      if (quickOpen) {
        await page.keyboard.press('Backspace');
      }
      await page.keyboard.type(text);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

/**
 * A sentinel, to show that nothing happened: a command run from the palette, whose effect (the
 * notifications centre showing) is waited for, then undone. The workbench runs commands in the
 * order they are asked for, so a command that an earlier click asked for has run by the time
 * this one's effect shows.
 */
export async function commandSentinel(page: Page): Promise<void> {
  const shown = page.locator('.notifications-center.visible');
  await runFromPalette(page, 'Notifications: Show Notifications');
  await shown.waitFor({ timeout: 10_000 });
  await runFromPalette(page, 'Notifications: Hide Notifications');
  await shown.waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Records the states the one open webview hands to the workbench for safe keeping
 * (`vscode.setState`), from now on; `saved()` lists them. The webview's page posts them to its
 * host frame (`iframe.webview.ready`), which passes them on through a MessagePort as
 * `do-update-state` (VS Code's webview protocol, as of code-server 4.100).
 */
export async function watchSavedWebviewState(page: Page): Promise<{ saved: () => Promise<unknown[]> }> {
  const host = page.frameLocator('iframe.webview.ready').locator(':root');
  await host.evaluate(() => {
    const seen = window as unknown as { savedWebviewStates?: unknown[] };
    if (seen.savedWebviewStates) {
      return;
    }
    seen.savedWebviewStates = [];
    const original = MessagePort.prototype.postMessage as (this: MessagePort, ...args: unknown[]) => void;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
      const message = args[0] as { channel?: unknown; data?: unknown } | undefined;
      if (message?.channel === 'do-update-state' && typeof message.data === 'string') {
        seen.savedWebviewStates?.push(JSON.parse(message.data));
      }
      return original.apply(this, args);
    } as typeof MessagePort.prototype.postMessage;
  });
  return { saved: () => host.evaluate(() => [...((window as unknown as { savedWebviewStates?: unknown[] }).savedWebviewStates ?? [])]) };
}

/** Polls `probe` until it returns true, for state the page updates by itself; fails after `timeoutMs`. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the page in `frame` has loaded and its `load` listeners (registered before this call) have run. */
export async function loaded(frame: FrameLocator): Promise<void> {
  await frame.locator(':root').evaluate(
    (root) =>
      new Promise<void>((resolve) => {
        const document = root.ownerDocument;
        if (document.readyState === 'complete') {
          resolve();
        } else {
          document.defaultView?.addEventListener('load', () => resolve(), { once: true });
        }
      }),
  );
}

/**
 * Opens a workspace file by name with Quick Open, reached through the palette (F1, then no '>'):
 * Ctrl+P can be held by a focused walkthrough. Three tries, as runFromPalette.
 */
export function quickOpen(page: Page, fileName: string): Promise<void> {
  return pickFromPalette(page, fileName, true);
}
