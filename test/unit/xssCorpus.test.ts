// The XSS corpus (test/fixtures/xss): every hostile note is parsed and rendered into the
// reader's full page by the real renderer, and the page is read back with a real HTML parser,
// as the browser would read it, to prove nothing from the note can run, load or navigate.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parseNote } from '../../src/core/notes/noteParser';
import { classifyLink, createNoteRenderer } from '../../src/core/render/noteRenderer';
import { createNonce, readerChrome, readerDocument } from '../../src/core/render/readerDocument';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const corpusFolder = join(__dirname, '..', '..', 'test', 'fixtures', 'xss');
const corpus = readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).sort();
const renderer = createNoteRenderer();
const scriptUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/reader.js';
const styleUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/reader.css';

/** Elements that must never come from a note's content. */
const forbiddenElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'base', 'meta', 'link', 'style', 'svg', 'math', 'img', 'video', 'audio', 'source', 'portal', 'template', 'noscript', 'title']);

function elements(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      found.push(child, ...elements(child));
      if ('content' in child) {
        found.push(...elements(child.content)); // a <template>'s inert contents count too
      }
    }
  }
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name)?.value;
}

function renderPage(file: string): { html: string; nonce: string; title: string } {
  const parsed = parseNote(readFileSync(join(corpusFolder, file), 'utf8'), { expectedId: file.slice(0, -3), language: 'en' });
  assert.ok(parsed.note, `${file} is a complete note: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
  const { note } = parsed;
  const nonce = createNonce();
  const html = readerDocument({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce,
    styleUris: [styleUri],
    scriptUri,
    language: note.language,
    title: note.title,
    bodyHtml: renderer.render(note.body, { lineOffset: note.bodyLineOffset, questionIds: new Set(note.sections.filter((section) => section.kind === 'question').map((section) => section.id)) }),
    chrome: readerChrome({
      outline: note.sections.map((section) => ({ id: section.id, title: section.title, level: section.level, question: section.kind === 'question' })),
      strings: { contents: 'Contents', previous: 'Previous:', next: 'Next:', hideAnswers: 'Hide answers' },
    }),
    data: { noteId: note.id, title: note.title },
  });
  return { html, nonce, title: note.title };
}

describe('XSS corpus', () => {
  it('has at least 40 hostile notes', () => {
    assert.ok(corpus.length >= 40, `${corpus.length} payload files`);
  });

  for (const file of corpus) {
    it(`renders ${file} with nothing that can run, load or navigate`, () => {
      const { html, nonce, title } = renderPage(file);
      const document = parse(html);
      const all = elements(document);
      const head = all.find((element) => element.tagName === 'head');
      const body = all.find((element) => element.tagName === 'body');
      assert.ok(head && body);

      // The head is exactly the reader's own: charset, CSP, viewport, its stylesheet, its title.
      const headElements = elements(head).map((element) => element.tagName);
      assert.deepEqual(headElements, ['meta', 'meta', 'meta', 'link', 'title']);
      const csp = elements(head).filter((element) => attribute(element, 'http-equiv') === 'Content-Security-Policy');
      assert.equal(csp.length, 1);
      assert.match(attribute(csp[0], 'content') ?? '', /^default-src 'none'; /);

      const bodyElements = elements(body);
      const scripts = bodyElements.filter((element) => element.tagName === 'script');
      assert.equal(scripts.length, 1, 'only the reader\'s own script');
      assert.equal(attribute(scripts[0], 'src'), scriptUri);
      assert.equal(attribute(scripts[0], 'nonce'), nonce);

      const reader = (element: Element) => element === scripts[0] || (element.tagName === 'input' && attribute(element, 'id') === 'hide-answers');
      const forbidden = bodyElements.filter((element) => forbiddenElements.has(element.tagName) && !reader(element));
      assert.deepEqual(forbidden.map((element) => element.tagName), [], 'no element from the note may run, load, submit or restyle');

      for (const element of all) {
        for (const { name, value } of element.attrs) {
          assert.doesNotMatch(name, /^on/i, `<${element.tagName} ${name}> is an event handler`);
          assert.notEqual(name, 'style', `<${element.tagName} style> from the note`);
          assert.notEqual(name, 'srcdoc');
          assert.notEqual(name, 'formaction');
          if (name === 'href' && element.tagName === 'a') {
            assert.notEqual(classifyLink(value).kind, 'refused', `<a href="${value.slice(0, 80)}"> is outside the link policy`);
            assert.match(value, /^(https?:\/\/|#|(?:\.\/)?[a-z][a-z0-9-]*\.md(?:#|$)|snippet:[\w.-]+$)/i, `href ${value.slice(0, 80)}`);
          } else if ((name === 'href' || name === 'src') && !(element.tagName === 'link' && value === styleUri) && !(element === scripts[0])) {
            assert.fail(`<${element.tagName} ${name}="${value.slice(0, 80)}"> loads something`);
          } else if (/^(xlink:href|action|data|poster|background|srcset|ping|manifest)$/i.test(name)) {
            assert.fail(`<${element.tagName} ${name}> from the note`);
          }
        }
      }
      // The title is text wherever it shows, never markup.
      const heading = bodyElements.find((element) => element.tagName === 'h1');
      assert.ok(heading);
      assert.equal(heading.childNodes.map((node) => ('value' in node ? node.value : '')).join(''), title);
    });
  }

  it('shows refused links as their text, so a reader sees what was there', () => {
    const { html } = renderPage('xss-command-link.md');
    assert.doesNotMatch(html, /href="command:/i);
    assert.match(html, /\[canary\]\(command:workbench\.action\.closeSidebar\)/);
  });
});
