import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteContent } from '../../src/core/notes/noteContent';
import {
  highlightCode, highlightedLanguages, isHighlightedLanguage, maxHighlightedFenceChars, maxHighlightedLineLength, maxHighlightedWhitespaceRun,
} from '../../src/core/render/highlight';

const notesRoot = join(__dirname, '..', '..', 'notes');

function unescapeHtml(html: string): string {
  return html.replace(/<\/?span[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The text of each span whose class list holds `hljs-<scope>`, in document order. highlight.js
 * nests spans (a string holds a variable) and gives some two classes (`hljs-title function_`).
 */
function spans(html: string, scope: string): string[] {
  const found: { text: string; wanted: boolean }[] = [];
  const open: number[] = [];
  for (const [piece, classes] of html.matchAll(/<span class="([^"]*)">|<\/span>|[^<]+/g)) {
    if (piece.startsWith('<span')) {
      open.push(found.length);
      found.push({ text: '', wanted: classes.split(' ').includes(`hljs-${scope}`) });
    } else if (piece === '</span>') {
      open.pop();
    } else {
      for (const index of open) {
        found[index].text += unescapeHtml(piece);
      }
    }
  }
  return found.filter((span) => span.wanted).map((span) => span.text);
}

function highlight(code: string, language: string): string {
  const html = highlightCode(code, language);
  assert.ok(html !== undefined, `${language} is highlighted`);
  return html;
}

describe('code highlighting', () => {
  it('knows every fence language the note format allows, and no others', () => {
    for (const language of highlightedLanguages) {
      assert.ok(isHighlightedLanguage(language), language);
    }
    assert.equal(isHighlightedLanguage('brainfuck'), false);
    assert.equal(isHighlightedLanguage(''), false);
    assert.equal(highlightCode('x', 'brainfuck'), undefined);
    // highlight.js's languages that the notes do not allow are not even bundled.
    assert.equal(isHighlightedLanguage('xml'), false);
    assert.equal(highlightCode('<b>x</b>', 'html'), undefined);
  });

  it('keeps the text of every code block in the notes exactly, escaped', function () {
    this.timeout(60_000); // about 600 blocks on two shared cores; no time is asserted
    let blocks = 0;
    for (const language of readdirSync(notesRoot).filter((name) => !name.endsWith('.md'))) {
      for (const file of readdirSync(join(notesRoot, language))) {
        for (const block of noteContent(readFileSync(join(notesRoot, language, file), 'utf8')).codeBlocks) {
          const html = highlight(block.code, block.language);
          assert.doesNotMatch(html.replace(/<span class="[a-z_ -]+">|<\/span>/g, ''), /[<>]/, `${file}:${block.line}: unescaped markup`);
          assert.equal(unescapeHtml(html), block.code, `${file}:${block.line}`);
          if (block.language !== 'text' && block.code.trim().length > 20) {
            assert.match(html, /<span class="hljs-/, `${file}:${block.line}: highlighted, under the caps`);
          }
          blocks++;
        }
      }
    }
    assert.ok(blocks > 100, `${blocks} code blocks checked`);
  });

  it('escapes markup inside code instead of passing it through', () => {
    const html = highlight('<script>alert("x")</script> & done', 'text');
    assert.equal(html, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; done');
    assert.doesNotMatch(highlight('x = "<img src=x onerror=alert(1)>"', 'python'), /<img/);
    assert.equal(highlight('s = "<script>"', 'python'), 's = <span class="hljs-string">&quot;&lt;script&gt;&quot;</span>');
    for (const language of highlightedLanguages) {
      const code = '</code></pre><script>alert(1)</script> "<img src=x onerror=alert(1)>" \'<svg onload=x>\'';
      const highlighted = highlight(code, language);
      assert.doesNotMatch(highlighted, /<(?!\/?span[ >])/, `${language}: only spans are markup`);
      assert.doesNotMatch(highlighted, /<script|<img|<svg|<\/code|<\/pre/i, language);
      assert.equal(unescapeHtml(highlighted), code, language);
    }
  });

  it('colours Dockerfile instructions, strings and variables, whatever the case', () => {
    const html = highlight('FROM python:3.12-slim AS build\n# comment\nENV PORT=8000\nentrypoint ["gunicorn", "app:app"]\nCMD echo $PORT\n', 'dockerfile');
    assert.deepEqual(spans(html, 'keyword'), ['FROM', 'ENV', 'entrypoint', 'CMD']);
    assert.deepEqual(spans(html, 'string'), ['"gunicorn"', '"app:app"']);
    assert.deepEqual(spans(html, 'comment'), ['# comment']);
    assert.deepEqual(spans(html, 'variable'), ['$PORT']);
  });

  it('colours Python keywords, definitions, decorators, strings and comments', () => {
    const html = highlight('@functools.cache\ndef load(path: str) -> None:\n    """Doc."""\n    return f"{path}"  # done\n', 'python');
    assert.deepEqual(spans(html, 'meta'), ['@functools.cache']);
    assert.deepEqual(spans(html, 'title'), ['load']);
    assert.deepEqual(spans(html, 'keyword'), ['def', 'return']);
    assert.deepEqual(spans(html, 'string'), ['"""Doc."""', 'f"{path}"']);
    assert.deepEqual(spans(html, 'literal'), ['None']);
    assert.deepEqual(spans(html, 'comment'), ['# done']);
  });

  it('colours SQL keywords in any case and keeps comments and quoted text whole', () => {
    const html = highlight("select id FROM users -- active only\nWHERE name = 'O''Brien' AND age > 30;", 'sql');
    assert.deepEqual(spans(html, 'keyword'), ['select', 'FROM', 'WHERE', 'AND']);
    assert.deepEqual(spans(html, 'comment'), ['-- active only']);
    assert.deepEqual(spans(html, 'string'), ["'O''Brien'"]);
    assert.deepEqual(spans(html, 'number'), ['30']);
  });

  it('colours nginx directives, block names, variables and switches', () => {
    const html = highlight('server {\n    listen 80;\n    location /api/ {\n        proxy_set_header Host $host;\n        gzip on;\n    }\n}\n', 'nginx');
    assert.deepEqual(spans(html, 'section'), ['server', 'location']);
    assert.deepEqual(spans(html, 'attribute'), ['listen', 'proxy_set_header', 'gzip']);
    assert.deepEqual(spans(html, 'variable'), ['$host']);
    assert.deepEqual(spans(html, 'literal'), ['on']);
  });

  it('colours YAML keys, list bullets, quoted strings and literals', () => {
    const html = highlight('services:\n  web:\n    image: "nginx:1.27"\n    ports:\n      - 8080:80\n    read_only: true # no writes\n', 'yaml');
    assert.deepEqual(spans(html, 'attr'), ['services:', 'web:', 'image:', 'ports:', 'read_only:']);
    assert.deepEqual(spans(html, 'bullet'), ['-']);
    assert.ok(spans(html, 'string').includes('"nginx:1.27"'));
    assert.deepEqual(spans(html, 'literal'), ['true']);
    assert.deepEqual(spans(html, 'comment'), ['# no writes']);
  });

  it('colours shell strings, variables and comments, a # inside a word is not a comment, and shell sessions have prompts', () => {
    const html = highlight('docker run -e URL=http://x/#frag "$HOME" # run it\n', 'bash');
    assert.deepEqual(spans(html, 'string'), ['"$HOME"']);
    assert.deepEqual(spans(html, 'variable'), ['$HOME']);
    assert.deepEqual(spans(html, 'comment'), ['# run it']);
    const session = highlight('$ echo "$HOME"\n/home/me\n', 'shell');
    assert.deepEqual(spans(session, 'meta'), ['$ ']);
    assert.deepEqual(spans(session, 'string'), ['"$HOME"']);
  });

  it('tells JSON keys from values, and colours the other languages the notes use', () => {
    assert.deepEqual(spans(highlight('{"name": "x", "ok": true}', 'json'), 'attr'), ['"name"', '"ok"']);
    assert.deepEqual(spans(highlight('[mysqld]\nmax_connections = 500\n', 'ini'), 'section'), ['[mysqld]']);
    assert.deepEqual(spans(highlight('GET /users HTTP/1.1\nAccept: application/json\n', 'http'), 'attribute'), ['Accept']);
    assert.deepEqual(spans(highlight('const x = `a`; // c\n', 'javascript'), 'keyword'), ['const']);
    assert.deepEqual(spans(highlight('interface Point { x: number }', 'typescript'), 'title'), ['Point']);
    assert.deepEqual(spans(highlight('@Override\npublic int size() { return 0; }', 'java'), 'meta'), ['@Override']);
    assert.deepEqual(spans(highlight('func main() { defer close(ch) }', 'go'), 'title'), ['main']);
    assert.deepEqual(spans(highlight('-old\n+new\n', 'diff'), 'addition'), ['+new']);
  });

  it('ends an unterminated string or comment at the end of the code', () => {
    assert.deepEqual(spans(highlight('x = """never closed\nstill', 'python'), 'string'), ['"""never closed\nstill']);
    assert.deepEqual(spans(highlight('/* open', 'go'), 'comment'), ['/* open']);
  });

  it('shows a block past the caps escaped and unhighlighted (highlight.js has quadratic patterns)', () => {
    const escaped = (code: string) => code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
    const line = 'x = "<a>" # \'c\' & d\n';
    const cases: [string, string, string][] = [
      ['the fence size', line.repeat(Math.ceil((maxHighlightedFenceChars + 1) / line.length)), line.repeat(Math.floor(maxHighlightedFenceChars / line.length))],
      ['a line', `x = 1 # ${'a'.repeat(maxHighlightedLineLength)}\n`, `x = 1 # ${'a'.repeat(maxHighlightedLineLength - 8)}\n`],
      ['a run of spaces', `x = 1${' '.repeat(maxHighlightedWhitespaceRun + 1)}# c\n`, `x = 1${' '.repeat(maxHighlightedWhitespaceRun)}# c\n`],
      ['blank lines', `x = 1${'\n'.repeat(maxHighlightedWhitespaceRun + 1)}y = 2\n`, `x = 1${'\n'.repeat(maxHighlightedWhitespaceRun)}y = 2\n`],
      ['a line ended by U+2028', `x = 1\u2028${'0'.repeat(maxHighlightedLineLength + 1)}`, `x = 1${'\u2028'.repeat(2)}${'0'.repeat(maxHighlightedLineLength)}`],
    ];
    for (const [cap, over, under] of cases) {
      for (const language of ['python', 'javascript', 'sql']) {
        assert.equal(highlightCode(over, language), escaped(over), `${cap}, ${language}: over the cap`);
        assert.match(highlight(under, language), /<span class="hljs-/, `${cap}, ${language}: at the cap`);
        assert.equal(unescapeHtml(highlight(under, language)), under, `${cap}, ${language}`);
      }
    }
  });
});
