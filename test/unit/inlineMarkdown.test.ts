// Headings and note text shown in labels, hovers and completion details: words, not raw marks.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { plainLabel, safeInlineMarkdown } from '../../src/core/text/inlineMarkdown';
import { markdownExcerpt } from '../../src/core/text/markdownExcerpt';

// What VS Code's hovers do with Markdown, near enough: CommonMark with GFM tables and HTML.
// Its renderer (marked) also links bare URLs, from the source text: `autolinkable` finds them.
const renderer = new MarkdownIt({ html: true });
const liveLink = /<a\s|<img\s|<script/i;
const autolinkable = /https?:\/\/|www\./i;

describe('plain labels', () => {
  it('reads code spans, emphasis, links and escapes as the words they stand for', () => {
    assert.equal(plainLabel('What does `EXPOSE` do?'), 'What does EXPOSE do?');
    assert.equal(plainLabel('``a ` b`` and **bold** and *it* and ~~gone~~'), 'a ` b and bold and it and gone');
    assert.equal(plainLabel('See [the `proxy_pass` docs](#proxy-pass) and ![logo](x.png)'), 'See the proxy_pass docs and logo');
    assert.equal(plainLabel('\\*not emphasis\\* and 2 \\[x\\]'), '*not emphasis* and 2 [x]');
  });

  it('leaves marks that open nothing: snake_case, 2 * 3, *args, a lone backtick or bracket', () => {
    assert.equal(plainLabel('proxy_next_upstream and __init__'), 'proxy_next_upstream and init');
    assert.equal(plainLabel('2 * 3 and f(*args)'), '2 * 3 and f(*args)');
    assert.equal(plainLabel('a ` alone, [x] and x](y'), 'a ` alone, [x] and x](y');
    assert.equal(plainLabel('缓存穿透与 `SETNX` 锁'), '缓存穿透与 SETNX 锁');
  });

  it('is the text itself when there is no Markdown in it', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9 缓存.,?:;()-]*$/), (text) => plainLabel(text) === text));
  });
});

describe('safe inline Markdown', () => {
  it('keeps code spans, and renders links, images, HTML and icons as text', () => {
    assert.equal(renderer.renderInline(safeInlineMarkdown('Use `COPY` by **default**')), 'Use <code>COPY</code> by default');
    const hostile = safeInlineMarkdown('[run](command:workbench.action.quit) <img src=x onerror=alert(1)> $(zap) https://evil.example `$(zap)`');
    assert.doesNotMatch(renderer.renderInline(hostile), liveLink);
    assert.doesNotMatch(hostile, /\$\(/, 'no icon syntax');
    assert.doesNotMatch(hostile, autolinkable);
    assert.match(renderer.renderInline(hostile), /^run &lt;img src=x onerror=alert\(1\)&gt; \$\(zap\) https:\/\/evil\.example <code>\$\u200b\(zap\)<\/code>$/);
  });

  it('fences a code span with more backticks than it holds', () => {
    assert.equal(renderer.renderInline(safeInlineMarkdown('``a `b` c``')), '<code>a `b` c</code>');
  });

  it('never renders a link or an element, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[', ']', '(', ')', '`', '``', '<', '>', 'a', ' ', '!', '*', '_', '\\', 'command:x', 'https://x.y', '$(', '|', '\n'), { maxLength: 40 }), (pieces) => {
        const html = renderer.render(safeInlineMarkdown(pieces.join('')));
        return !/<a\s|<img\s|<[b-z][a-z]*[\s>]/.test(html.replace(/<\/?(?:p|code|em|strong|s|br)>/g, ''));
      }),
    );
  });
});

describe('section excerpts for hovers and completion details', () => {
  const section = `An \`upstream\` block defines a server group; \`proxy_pass http://name;\` uses it.

| Method | Directive | Good for |
| --- | --- | --- |
| Least connections | \`least_conn\` | Requests of very different duration |
| Generic hash | \`hash $key [consistent]\` | Caches, sharding \\| more |

\`\`\`nginx
upstream backend { least_conn; }
\`\`\`

- **Weight**: servers in turn
- [Health checks](#health-checks) are passive
`;

  it('keeps paragraphs, lists and tables as Markdown that renders them, and leaves code blocks out', () => {
    const markdown = markdownExcerpt(section, 1000);
    const html = renderer.render(markdown);
    assert.doesNotMatch(markdown, /&nbsp;/);
    assert.match(html, /<p>An <code>upstream<\/code> block defines a server group; <code>proxy_pass http:\/\/name;<\/code> uses it\.<\/p>/);
    assert.match(html, /<table>/);
    assert.match(html, /<td>Generic hash<\/td>\s*<td>hash \$key \[consistent\]<\/td>\s*<td>Caches, sharding \| more<\/td>/);
    assert.equal((html.match(/<tr>/g) ?? []).length, 3, 'the header and two rows');
    assert.doesNotMatch(html, /least_conn;/, 'no code block');
    assert.match(html, /<li>Weight: servers in turn<\/li>/);
    assert.match(html, /<li>Health checks are passive<\/li>/);
    assert.doesNotMatch(html, liveLink);
  });

  it('stops at the length, between words, and says it was cut', () => {
    const markdown = markdownExcerpt('One two three four five six seven eight nine ten.\n\nSecond paragraph.', 20);
    assert.equal(markdown, 'One two three four…');
    assert.equal(markdownExcerpt('Short.\n\nAnother paragraph here.', 10), 'Short\\.\n\n…', 'not a word or two of the next paragraph');
  });

  it('leaves out a table too long for a hover', () => {
    const long = ['| a | b |', '| - | - |', ...Array.from({ length: 20 }, (_, row) => `| ${row} | x |`)].join('\n');
    const markdown = markdownExcerpt(`Before.\n\n${long}\n\nAfter.`, 1000);
    assert.doesNotMatch(markdown, /\|/);
    assert.match(markdown, /^Before\\\./);
  });

  it('never renders a link, an image or an element from the note', () => {
    const hostile = 'Click [here](command:workbench.action.quit) <script>x</script> ![i](https://x/y.png)\n\n| [a](command:x) | <b>b</b> |\n| - | - |\n| `c` | https://evil.example |\n\n> [quote](https://x)';
    const markdown = markdownExcerpt(hostile, 1000);
    const html = renderer.render(markdown);
    assert.doesNotMatch(html, liveLink);
    assert.doesNotMatch(markdown, autolinkable);
    assert.doesNotMatch(html, /<b>|<script/);
  });
});
