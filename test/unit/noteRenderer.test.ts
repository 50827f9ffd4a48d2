import { strict as assert } from 'node:assert';
import { classifyLink, createNoteRenderer, highlightBudgetPerNote } from '../../src/core/render/noteRenderer';
import { createNonce, readerDocument } from '../../src/core/render/readerDocument';
import { parseReaderMessage } from '../../src/core/render/readerMessages';

const renderer = createNoteRenderer();

describe('note renderer', () => {
  it('turns heading ids into id attributes and hides the {#id} text', () => {
    const html = renderer.render('## Cache penetration {#cache-penetration}\n');
    assert.match(html, /<h2 id="cache-penetration"[^>]*>Cache penetration<\/h2>/);
    assert.doesNotMatch(html, /\{#/);
  });

  it('highlights code with coloured spans and wraps it for the copy and insert buttons', () => {
    const html = renderer.render('```dockerfile\nENTRYPOINT ["top", "-b"]\n```\n');
    assert.match(html, /<div class="code-block" data-lang="dockerfile"/);
    assert.match(html, /<span class="hljs-keyword">ENTRYPOINT<\/span>/);
  });

  it('never passes raw HTML through', () => {
    const html = renderer.render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\nText <b onclick="x()">bold</b>');
    assert.doesNotMatch(html, /<script|<img|<b /i);
    assert.match(html, /&lt;script&gt;/);
  });

  it('drops links the policy refuses and keeps note, section and https links', () => {
    const html = renderer.render('[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](data:text/html,x) [d](redis.md#cache-penetration) [e](#first) [f](https://nginx.org/) [g](snippet:docker.entrypoint.exec)');
    assert.doesNotMatch(html, /href="(javascript|command|data):/);
    assert.match(html, /href="redis.md#cache-penetration"/);
    assert.match(html, /href="#first"/);
    assert.match(html, /href="https:\/\/nginx.org\/"/);
    assert.match(html, /href="snippet:docker.entrypoint.exec"/);
  });

  it('shows images as their alt text instead of loading them', () => {
    const html = renderer.render('![diagram](https://example.org/x.png)');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<span class="image-alt">diagram<\/span>/);
  });

  it('marks blocks with their source line, shifted by the front matter', () => {
    const html = renderer.render('para\n\n## Two {#two}\n', { lineOffset: 10 });
    assert.match(html, /<p data-line="10">/);
    assert.match(html, /<h2 id="two" data-line="12">/);
  });
});

describe('questions and answers', () => {
  it('marks question headings and wraps each answer up to the next heading', () => {
    const markdown = '## Questions {#questions}\n\n### Why? {#q-why}\n\nBecause.\n\n```python\nprint(1)\n```\n\n### How? {#q-how}\n\nLike this.\n\n## Next {#next}\n\nText.\n';
    const html = renderer.render(markdown, { questionIds: new Set(['q-why', 'q-how']) });
    assert.match(html, /<h3 id="q-why"[^>]*class="question"[^>]*>Why\?<\/h3>\n<div class="answer" data-question="q-why">\n<p[^>]*>Because.<\/p>\n<div class="code-block"[\s\S]*?<\/pre>\n<\/div>\s*<\/div>\n<h3 id="q-how"/);
    assert.match(html, /<div class="answer" data-question="q-how">\n<p[^>]*>Like this.<\/p>\n<\/div>\n<h2 id="next"/);
    assert.doesNotMatch(html, /<h2[^>]*class="question"/);
  });
});

describe('link policy', () => {
  it('classifies links', () => {
    assert.deepEqual(classifyLink('https://redis.io/docs/'), { kind: 'external', url: 'https://redis.io/docs/' });
    assert.deepEqual(classifyLink('redis.md#cache-penetration'), { kind: 'note', noteId: 'redis', sectionId: 'cache-penetration' });
    assert.deepEqual(classifyLink('./docker.md'), { kind: 'note', noteId: 'docker', sectionId: undefined });
    assert.deepEqual(classifyLink('#q-exec-form'), { kind: 'note', sectionId: 'q-exec-form' });
    assert.deepEqual(classifyLink('snippet:python.singleton.decorator'), { kind: 'snippet', snippetId: 'python.singleton.decorator' });
    for (const refused of ['javascript:alert(1)', 'command:workbench.action.quit', 'file:///etc/passwd', '../../etc/passwd.md', 'vbscript:x', 'data:text/html,x', 'http//x']) {
      assert.equal(classifyLink(refused).kind, 'refused', refused);
    }
  });
});

describe('reader document', () => {
  it('has a nonce CSP with default-src none and only nonce scripts', () => {
    const nonce = createNonce();
    const html = readerDocument({ cspSource: 'https://webview', nonce, styleUris: ['https://webview/a.css'], scriptUri: 'https://webview/r.js', language: 'en', title: 'T <x>', bodyHtml: '<p>x</p>', data: { a: '"quoted"' } });
    assert.match(html, new RegExp(`default-src 'none'`));
    assert.match(html, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="https://webview/r.js">`));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.match(html, /<title>T &lt;x&gt;<\/title>/);
    assert.match(html, /data-reader="\{&quot;a&quot;:&quot;\\&quot;quoted\\&quot;&quot;\}"/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, createNonce());
  });
});

describe('reader messages', () => {
  it('accepts known messages and drops the rest', () => {
    assert.deepEqual(parseReaderMessage({ type: 'openLink', href: 'redis.md' }), { type: 'openLink', href: 'redis.md' });
    assert.deepEqual(parseReaderMessage({ type: 'insertCode', code: 'x' }), { type: 'insertCode', code: 'x' });
    assert.deepEqual(parseReaderMessage({ type: 'scrolled', sectionId: 'q-a' }), { type: 'scrolled', sectionId: 'q-a' });
    assert.equal(parseReaderMessage({ type: 'openLink', href: 42 }), undefined);
    assert.equal(parseReaderMessage({ type: 'openLink', href: 'x'.repeat(5000) }), undefined);
    assert.equal(parseReaderMessage({ type: 'runCommand', command: 'x' }), undefined);
    assert.equal(parseReaderMessage({ type: 'scrolled', sectionId: '<img>' }), undefined);
    assert.equal(parseReaderMessage(null), undefined);
    assert.equal(parseReaderMessage('openLink'), undefined);
  });

  it('accepts the places Back returns to, and Back and Forward, and nothing out of range', () => {
    const page = 'a1b2c3';
    assert.deepEqual(parseReaderMessage({ type: 'openLink', href: 'redis.md', scrollY: 120, page }), { type: 'openLink', href: 'redis.md', scrollY: 120, page });
    assert.deepEqual(parseReaderMessage({ type: 'scrolled', sectionId: 'q-a', scrollY: 0, page }), { type: 'scrolled', sectionId: 'q-a', scrollY: 0, page });
    assert.deepEqual(parseReaderMessage({ type: 'jumped', sectionId: 'compose', fromScrollY: 40.5, page }), { type: 'jumped', sectionId: 'compose', fromScrollY: 40.5, page });
    assert.deepEqual(parseReaderMessage({ type: 'navigate', direction: 'back' }), { type: 'navigate', direction: 'back' });
    assert.deepEqual(parseReaderMessage({ type: 'scrolled', scrollY: 10, page: '<img>' }), { type: 'scrolled', scrollY: 10 }, 'a malformed page id is left out');
    for (const scrollY of [-1, Number.NaN, Number.POSITIVE_INFINITY, '10', 1e9]) {
      assert.equal(parseReaderMessage({ type: 'openLink', href: 'redis.md', scrollY }), undefined, `scrollY ${String(scrollY)}`);
      assert.equal(parseReaderMessage({ type: 'jumped', sectionId: 'compose', fromScrollY: scrollY }), undefined, `fromScrollY ${String(scrollY)}`);
    }
    assert.equal(parseReaderMessage({ type: 'jumped', sectionId: '../x', fromScrollY: 0 }), undefined);
    assert.equal(parseReaderMessage({ type: 'navigate', direction: 'up' }), undefined);
  });
});

describe('note renderer, highlighting budget', () => {
  it('highlights code up to the budget per note, then shows the rest plain, and starts afresh for the next note', () => {
    const renderer = createNoteRenderer();
    const fence = (index: number) => '```python\n' + `def f${index}(): return ${index}\n`.repeat(2000) + '```\n';
    const perFence = `def f0(): return 0\n`.repeat(2000).length;
    const count = Math.ceil(highlightBudgetPerNote / perFence) + 2;
    const html = renderer.render(Array.from({ length: count }, (_, index) => fence(index)).join('\n'));
    const highlighted = html.split('<div class="code-block"').slice(1).map((block) => block.includes('hljs-keyword'));
    assert.equal(highlighted.filter(Boolean).length, Math.floor(highlightBudgetPerNote / perFence));
    assert.equal(highlighted.at(-1), false, 'the last fences are plain');
    assert.ok(renderer.render(fence(0)).includes('hljs-keyword'), 'the next note has its own budget');
  });
});
