// `reader.open.ms` for `npm run bench`: the time a person waits from asking for a note to seeing
// it, in the real workbench (code-server + headless Chromium, the development folder loaded as
// the extension), beside VS Code's own Markdown preview opening the same file in the same window.
//
// Ours: from the click on the note's row in the Topics tree (the row's command is Open Note,
// `interviewNotes.openNote`) to the reader's frame showing the note's last heading laid out.
// Theirs: with the same file open in an editor, from Enter on "Markdown: Open Preview"
// (`markdown.showPreview`) in the palette to the preview's frame showing that heading.
// Both clocks start in this process just before the input event is sent and stop when Playwright
// sees the heading visible (attached, styled and with a box) in the webview's content frame, so
// the same round trips weigh on both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench } from '../test/harness/workbench';
import { readerFrame, topicsTree } from '../test/ui/workbenchParts';

const repoRoot = join(__dirname, '..', '..');

export interface ReaderOpenOptions {
  /** The code-server `entry.js` (scripts/lib/setup.mjs `codeServerEntry`). */
  readonly codeServerEntry: string;
  /** The extension under development; the repository by default (its dist/ as built). */
  readonly extensionPath?: string;
  /** Timed samples of each, after one warm-up of each; 5 by default. */
  readonly samples?: number;
  /** The bundled note to open, by file under notes/en/; `redis.md` by default. */
  readonly noteFile?: string;
  readonly log?: (line: string) => void;
}

export interface ReaderOpenResult {
  /** Click on the topic → note on show in the reader, ms, one per sample. */
  readonly readerMs: number[];
  /** Enter on "Markdown: Open Preview" → the same note on show in the preview, ms, one per sample. */
  readonly previewMs: number[];
}

const timeoutMs = 60_000;

/** The note's title (front matter) and the text of its last heading, without a `{#id}`. */
export function noteLandmarks(markdown: string): { title: string; lastHeading: string } {
  const lines = markdown.split(/\r?\n/);
  let start = 0;
  let title = '';
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    title = lines.slice(1, end).find((line) => line.startsWith('title:'))?.slice('title:'.length).trim() ?? '';
    start = end + 1;
  }
  let fence: string | undefined;
  let lastHeading = '';
  for (const line of lines.slice(start)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    const heading = fence === undefined ? /^#{1,6}\s+(.*)$/.exec(line)?.[1] : undefined;
    if (heading) {
      lastHeading = heading.replace(/\s*\{#[^}]*\}\s*$/, '').replace(/\s+#+\s*$/, '').replace(/`/g, '').trim();
    }
  }
  if (!title || !lastHeading) {
    throw new Error('the note has no title or no heading');
  }
  return { title, lastHeading };
}

/** Opens the workbench once and times ours and the built-in preview, alternately. */
export async function measureReaderOpen(options: ReaderOpenOptions): Promise<ReaderOpenResult> {
  const log = options.log ?? (() => undefined);
  const noteFile = options.noteFile ?? 'redis.md';
  const markdown = readFileSync(join(repoRoot, 'notes', 'en', noteFile), 'utf8');
  const { title, lastHeading } = noteLandmarks(markdown);
  const opening = performance.now();
  const workbench = await openWorkbench({
    codeServerEntry: options.codeServerEntry,
    extensionPath: options.extensionPath ?? repoRoot,
    fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
    extraFiles: { [noteFile]: markdown },
  });
  try {
    const { page } = workbench;
    const row = topicsTree(page).locator('.monaco-list-row', { hasText: title }).first();
    // The Interview Notes view, with the note's topic listed (the extension has loaded its notes).
    const activity = page.getByRole('tab', { name: /Interview Notes/ });
    if ((await activity.getAttribute('aria-selected')) !== 'true') {
      await activity.click();
    }
    await row.waitFor({ timeout: timeoutMs });
    log(`[reader.open] workbench up and notes listed in ${Math.round(performance.now() - opening)} ms`);

    const heading = (root: ReturnType<typeof readerFrame>) => root.locator('h1, h2, h3, h4, h5, h6', { hasText: lastHeading }).last();

    const ours = async (): Promise<number> => {
      await closeAllEditors(page);
      await row.scrollIntoViewIfNeeded();
      const box = await row.boundingBox();
      if (!box) {
        throw new Error(`the "${title}" row has no box`);
      }
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const started = performance.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await heading(readerFrame(page)).waitFor({ state: 'visible', timeout: timeoutMs });
      const elapsed = performance.now() - started;
      const shownTitle = await readerFrame(page).locator('h1.note-title').innerText();
      if (shownTitle.trim() !== title) {
        throw new Error(`the reader shows "${shownTitle}", not "${title}"`);
      }
      return elapsed;
    };

    const theirs = async (): Promise<number> => {
      await closeAllEditors(page);
      await quickOpenFile(page, noteFile);
      await choosePaletteCommand(page, 'Markdown: Open Preview');
      const started = performance.now();
      await page.keyboard.press('Enter');
      await heading(readerFrame(page)).waitFor({ state: 'visible', timeout: timeoutMs });
      return performance.now() - started;
    };

    log(`[reader.open] warm-up: ours ${Math.round(await ours())} ms, the Markdown preview ${Math.round(await theirs())} ms`);
    const readerMs: number[] = [];
    const previewMs: number[] = [];
    for (let i = 0; i < (options.samples ?? 5); i++) {
      readerMs.push(await ours());
      previewMs.push(await theirs());
      log(`[reader.open] sample ${i + 1}: ours ${Math.round(readerMs[i])} ms, the Markdown preview ${Math.round(previewMs[i])} ms`);
    }
    await closeAllEditors(page);
    return { readerMs, previewMs };
  } finally {
    await workbench.close();
  }
}

/** "View: Close All Editors", then waits until no webview is left in the page. */
async function closeAllEditors(page: Page): Promise<void> {
  await choosePaletteCommand(page, 'View: Close All Editors');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while ((await page.locator('iframe.webview').count()) > 0 || (await page.locator('.editor-group-container .tab').count()) > 0) {
    if (Date.now() > deadline) {
      throw new Error('the editors did not close');
    }
    await page.waitForTimeout(50);
  }
  // Let the workbench finish disposing before the next sample starts its clock.
  await page.waitForTimeout(500);
}

/** Opens the palette (F1) and types `title`, leaving the command with exactly that title focused. */
async function choosePaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(title);
  const focused = page.locator('.quick-input-list .monaco-list-row.focused .label-name');
  const exact = page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: title });
  await exact.first().waitFor({ timeout: timeoutMs });
  for (let step = 0; step < 10; step++) {
    if ((await focused.innerText()).trim() === title) {
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${title}" is not in the palette`);
}

/** Quick Open (Ctrl+P), the file by name, Enter; waits for its editor. */
async function quickOpenFile(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: file }).waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container .tab.active', { hasText: file }).waitFor({ timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}
