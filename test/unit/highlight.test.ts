import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteContent } from '../../src/core/notes/noteContent';
import { highlightCode, highlightedLanguages, isHighlightedLanguage } from '../../src/core/render/highlight';

const notesRoot = join(__dirname, '..', '..', 'notes');

function unescapeHtml(html: string): string {
  return html.replace(/<\/?span[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The text of each span with the given class, in order. */
function spans(html: string, scope: string): string[] {
  return [...html.matchAll(new RegExp(`<span class="hljs-${scope}">([^<]*)</span>`, 'g'))].map((match) => unescapeHtml(match[1]));
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
    assert.equal(highlightCode('x', 'brainfuck'), undefined);
  });

  it('keeps the text of every code block in the notes exactly, escaped', () => {
    let blocks = 0;
    for (const language of readdirSync(notesRoot).filter((name) => !name.endsWith('.md'))) {
      for (const file of readdirSync(join(notesRoot, language))) {
        for (const block of noteContent(readFileSync(join(notesRoot, language, file), 'utf8')).codeBlocks) {
          const html = highlight(block.code, block.language);
          assert.doesNotMatch(html.replace(/<span class="hljs-[a-z_]+">|<\/span>/g, ''), /[<>]/, `${file}:${block.line}: unescaped markup`);
          assert.equal(unescapeHtml(html), block.code, `${file}:${block.line}`);
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
  });

  it('colours Dockerfile instructions, strings and variables, whatever the case', () => {
    const html = highlight('FROM python:3.12-slim AS build\n# comment\nENV PORT=8000\nentrypoint ["gunicorn", "app:app"]\nCMD echo $PORT\n', 'dockerfile');
    assert.deepEqual(spans(html, 'keyword'), ['FROM', 'AS', 'ENV', 'entrypoint', 'CMD']);
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

  it('colours YAML keys, list bullets, quoted strings and literals, not words inside values', () => {
    const html = highlight('services:\n  web:\n    image: "nginx:1.27"\n    ports:\n      - 8080:80\n    read_only: true # no writes\n', 'yaml');
    assert.deepEqual(spans(html, 'attr'), ['services', 'web', 'image', 'ports', 'read_only']);
    assert.deepEqual(spans(html, 'bullet'), ['-']);
    assert.deepEqual(spans(html, 'string'), ['"nginx:1.27"']);
    assert.deepEqual(spans(html, 'literal'), ['true']);
    assert.deepEqual(spans(html, 'comment'), ['# no writes']);
  });

  it('colours shell variables and commands, and a # inside a word is not a comment', () => {
    const html = highlight('$ docker run -e URL=http://x/#frag "$HOME" # run it\n', 'bash');
    assert.deepEqual(spans(html, 'meta'), ['$']);
    assert.deepEqual(spans(html, 'built_in'), ['docker']);
    assert.deepEqual(spans(html, 'string'), ['"$HOME"']);
    assert.deepEqual(spans(html, 'comment'), ['# run it']);
  });

  it('tells JSON keys from values, and colours the other languages the notes use', () => {
    assert.deepEqual(spans(highlight('{"name": "x", "ok": true}', 'json'), 'attr'), ['"name"', '"ok"']);
    assert.deepEqual(spans(highlight('[mysqld]\nmax_connections = 500\n', 'ini'), 'section'), ['[mysqld]']);
    assert.deepEqual(spans(highlight('GET /users HTTP/1.1\nAccept: application/json\n', 'http'), 'attr'), ['Accept']);
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
});
