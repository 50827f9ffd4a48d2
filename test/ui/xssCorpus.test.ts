// The XSS corpus in the real reader: every hostile note of test/fixtures/xss is a user note of
// the workspace, opened one after the other in one workbench (through the reader's own "next
// topic" link), and the webview's DOM is checked as Chromium built it. The notes' `command:`
// links aim at canaries whose effect shows: closing the sidebar, opening an untitled file.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { commandSentinel, openTopic, readerFrame, runFromPalette } from './workbenchParts';

const corpusFolder = join(uiTestEnvironment.repoRoot, 'test', 'fixtures', 'xss');

/** What a `command:` link in the corpus would have done, had it run. */
async function canariesCalled(page: Page): Promise<string[]> {
  const called: string[] = [];
  if (!(await page.locator('.part.sidebar').isVisible())) {
    called.push('workbench.action.closeSidebar');
  }
  if ((await page.locator('.tabs-container .tab', { hasText: /^Untitled/ }).count()) > 0) {
    called.push('workbench.action.files.newUntitledFile');
  }
  return called;
}

interface CorpusNote {
  readonly file: string;
  readonly title: string;
  readonly order: number;
  readonly text: string;
}

function readCorpus(): CorpusNote[] {
  return readdirSync(corpusFolder)
    .filter((name) => name.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(corpusFolder, file), 'utf8');
      const title = JSON.parse(/^title: (.*)$/m.exec(text)?.[1] ?? '""') as string;
      return { file, title, order: Number(/^order: (\d+)$/m.exec(text)?.[1]), text };
    })
    .sort((a, b) => a.order - b.order);
}

const corpus = readCorpus();
const extraFiles = Object.fromEntries(corpus.map((note) => [`.interview-notes/${note.file}`, note.text]));

describeWorkbench('XSS corpus in the real reader', { timeout: 600_000, extraFiles }, (workbench) => {
  it('opens every hostile note with nothing from it able to run, load or navigate', async () => {
    assert.ok(corpus.length >= 40);
    const { page } = workbench();
    await openTopic(page, corpus[0].title);
    const reader = readerFrame(page);
    for (const [position, note] of corpus.entries()) {
      const exactTitle = new RegExp(`^${note.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
      await reader.locator('h1.note-title', { hasText: exactTitle }).waitFor({ timeout: 30_000 });
      // The reader's own script runs last and adds the code buttons: wait for it, too.
      await reader.locator('body').evaluate((body) => new Promise<void>((resolve) => (body.ownerDocument.readyState === 'complete' ? resolve() : body.ownerDocument.defaultView?.addEventListener('load', () => resolve()))));
      const report = await reader.locator('body').evaluate((body) => {
        const document = body.ownerDocument;
        const all = Array.from(document.querySelectorAll('*'));
        return {
          // VS Code adds its own script to the webview's head; the reader's policy watch is there too.
          bodyScripts: Array.from(body.querySelectorAll('script')).map((script) => script.getAttribute('src') ?? 'inline'),
          headScripts: Array.from(document.head.querySelectorAll('script[src]')).map((script) => script.getAttribute('src') ?? ''),
          forbidden: all.filter((element) => /^(script|iframe|frame|object|embed|form|base|meta|svg|math|img|style|link|video|audio|template|noscript)$/i.test(element.tagName) && !element.closest('head') && !(element.tagName === 'SCRIPT' && /dist\/webview\/reader\.js/.test(element.getAttribute('src') ?? ''))).map((element) => element.tagName),
          handlers: all.flatMap((element) => Array.from(element.attributes).filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
          styles: all.filter((element) => element.hasAttribute('style') && !/^(HTML|BODY)$/.test(element.tagName)).map((element) => element.tagName),
          links: Array.from(document.querySelectorAll('main a[href]')).map((anchor) => anchor.getAttribute('href') ?? ''),
          blockedByPolicy: document.documentElement.dataset.blockedByPolicy ?? '0',
          title: document.title,
          frames: document.defaultView?.frames.length ?? -1,
        };
      });
      const where = `${note.file}: `;
      assert.deepEqual(report.bodyScripts.length, 1, `${where}only the reader's own script in the body: ${report.bodyScripts.join(', ')}`);
      assert.match(report.bodyScripts[0], /dist\/webview\/reader\.js/, where);
      assert.ok(report.headScripts.some((src) => /dist\/webview\/policyWatch\.js/.test(src)), `${where}the policy watch is loaded`);
      assert.deepEqual(report.forbidden, [], `${where}elements`);
      assert.deepEqual(report.handlers, [], `${where}event handlers`);
      assert.deepEqual(report.styles, [], `${where}style attributes`);
      assert.equal(report.frames, 0, `${where}frames`);
      assert.ok(report.links.every((href) => /^(https?:\/\/|#|[a-z][a-z0-9-]*\.md(#|$)|snippet:[\w.-]+$)/i.test(href)), `${where}links: ${report.links.join(' ').slice(0, 500)}`);
      assert.equal(report.blockedByPolicy, '0', `${where}nothing tried to run or load (no securitypolicyviolation)`);
      assert.equal(report.title, note.title, `${where}the page title is the note's, as text`);

      // Click the note's in-page and snippet links (https links leave the workbench, note links
      // move the reader): none may run a command.
      const anchors = reader.locator('main a[href^="#"], main a[href^="snippet:"]');
      for (let i = 0; i < Math.min(await anchors.count(), 10); i++) {
        // Dispatched, not clicked by position: a notification toast may cover the link.
        await anchors.nth(i).dispatchEvent('click');
      }
      assert.deepEqual(await canariesCalled(page), [], `${where}no command ran`);
      assert.equal(await reader.locator('body').evaluate((body) => body.ownerDocument.title), note.title);

      const next = corpus[position + 1];
      if (next) {
        await reader.locator('a.next-topic').dispatchEvent('click');
      }
    }
    // Had a click asked for a canary command, it would have run before the sentinel's command.
    await commandSentinel(page);
    assert.deepEqual(await canariesCalled(page), [], 'no command ran');
    assert.equal(new URL(page.url()).searchParams.get('folder'), workbench().workspace, 'the window still shows the workspace');
  });

  it('would have seen a blocked load and a command run: both detectors work', async () => {
    const { page } = workbench();
    const reader = readerFrame(page);
    // A load the policy forbids, made from inside the reader's page, is counted.
    await reader.locator('body').evaluate((body) => {
      const image = body.ownerDocument.createElement('img');
      image.src = 'https://example.org/blocked.png';
      body.append(image);
    });
    await reader.locator('html[data-blocked-by-policy="1"]').waitFor({ timeout: 10_000 });
    // The canary commands, run the way a person would, are seen: each once its effect shows.
    await runFromPalette(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    await runFromPalette(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab', { hasText: /^Untitled/ }).first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await canariesCalled(page), ['workbench.action.closeSidebar', 'workbench.action.files.newUntitledFile']);
  });
});
