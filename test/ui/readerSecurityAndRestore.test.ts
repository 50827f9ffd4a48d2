import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { commandSentinel, loaded, openTopic, readerFrame, waitUntil, watchSavedWebviewState } from './workbenchParts';

const extraFiles = { '.interview-notes/hostile.md': readFileSync(join(uiTestEnvironment.repoRoot, 'test', 'fixtures', 'hostile', 'hostile.md'), 'utf8') };

describeWorkbench('reader security and restore in the real workbench', { timeout: 240_000, extraFiles }, (workbench) => {
  it('leaves no script, frame, object, form or event handler from a hostile note in the reader', async () => {
    const { page } = workbench();
    const violations: string[] = [];
    await openTopic(page, 'Hostile note');
    const reader = readerFrame(page);
    await reader.locator('h2#links').waitFor({ timeout: 30_000 });
    const report = await reader.locator('body').evaluate((body) => {
      const all = Array.from(body.ownerDocument.querySelectorAll('*'));
      return {
        // VS Code adds its own script to the webview's head; the note's part is the body.
        scripts: Array.from(body.querySelectorAll('script')).map((script) => script.getAttribute('src') ?? 'inline'),
        forbidden: all.filter((element) => /^(iframe|object|embed|form|base|meta|svg|math|img|style)$/i.test(element.tagName) && !element.closest('head')).map((element) => element.tagName),
        handlers: all.flatMap((element) => Array.from(element.attributes).filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
        styles: all.filter((element) => element.hasAttribute('style') && !/^(HTML|BODY)$/.test(element.tagName)).map((element) => element.tagName),
        links: Array.from(body.querySelectorAll('main a[href]')).map((anchor) => anchor.getAttribute('href') ?? ''),
        title: body.ownerDocument.title,
      };
    });
    assert.equal(report.scripts.length, 1, `only the reader's own script: ${report.scripts.join(', ')}`);
    assert.match(report.scripts[0], /dist\/webview\/reader\.js/);
    assert.deepEqual(report.forbidden, []);
    assert.deepEqual(report.handlers, []);
    assert.deepEqual(report.styles, []);
    assert.ok(report.links.every((href) => /^(https:|#|[a-z][a-z0-9-]*\.md)/.test(href)), `links: ${report.links.join(' ')}`);
    assert.doesNotMatch(report.title, /pwned/);

    // Click every link the note shows: a command: link would close the sidebar (the canary).
    const anchors = reader.locator('main a[href]');
    for (let i = 0; i < (await anchors.count()); i++) {
      await anchors.nth(i).click();
    }
    page.on('console', (message) => {
      if (/Refused|Content Security Policy/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    // Had a click asked for the canary command, it would have run before the sentinel's command.
    await commandSentinel(page);
    assert.ok(await page.locator('.part.sidebar').isVisible(), 'the sidebar is still open: no command ran');
    assert.doesNotMatch(await reader.locator('body').evaluate((body) => body.ownerDocument.title), /pwned/);
    assert.deepEqual(violations, []);
  });

  it('comes back after a window reload, on the same note at the same place', async () => {
    const { page } = workbench();
    await openTopic(page, 'Docker');
    let reader = readerFrame(page);
    await reader.locator('h2#compose').waitFor({ timeout: 30_000 });
    await loaded(reader); // the reader has restored its place (at the top) and saved it
    const states = await watchSavedWebviewState(page);
    const scrollY = await reader.locator('h2#compose').evaluate((heading) => {
      heading.scrollIntoView({ block: 'start' });
      return heading.ownerDocument.defaultView?.scrollY ?? 0;
    });
    assert.ok(scrollY > 0, 'the Compose section is further down');
    // The reader saves its place when scrolling stops: wait until the workbench has that state.
    await waitUntil('the reader to save its place', async () => (await states.saved()).some((state) => (state as { scrollY?: unknown }).scrollY === scrollY));
    await workbench().reload();
    reader = readerFrame(page);
    const heading = reader.locator('h2#compose');
    await heading.waitFor({ timeout: 60_000 });
    await loaded(reader); // the reader restores its place on load
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(top > -80 && top < 200, `the Compose section is at the top again (top = ${top})`);
  });
});
