// The Anki text file, read back by a TSV reader that honours quotes as Anki's importer does.
import { strict as assert } from 'node:assert';
import { ankiAnswerHtml, ankiField, ankiGuid, ankiTextFile, ankiTopicDeck, externalUrl, type AnkiQuestion } from '../../src/core/practice/ankiExport';
import { classifyLink, createNoteRenderer } from '../../src/core/render/noteRenderer';
import { readAnkiFile as readAnkiText } from '../support/ankiFile';

/** The file as Anki reads it; a well-formed file ends with a line break. */
function readAnkiFile(text: string) {
  const file = readAnkiText(text);
  assert.equal(file.unterminated, '', 'the file ends with a line break');
  return file;
}

const renderer = createNoteRenderer();

const answerMarkdown = [
  'RDB writes **snapshots**; AOF logs every write. See [replication](replication.md#sync), [above](#intro),',
  'the [snippet](snippet:redis-conf-aof) and the [manual](https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/?a=1&b=2).',
  '',
  '```ini',
  'appendonly yes',
  'appendfsync everysec\t# "everysec" is the default',
  '```',
  '',
  '| Option | Loss |',
  '| :--- | ---: |',
  '| `always` | none |',
  '',
  '![a diagram](https://example.com/diagram.png) <script>alert(1)</script>',
].join('\n');

const questions: AnkiQuestion[] = [
  { language: 'en', questionId: 'redis#persistence', question: 'RDB or AOF: what do you lose when Redis & the host crash? <b>', answerHtml: renderer.render(answerMarkdown) },
  { language: 'zh-cn', questionId: 'redis#persistence', question: 'RDB 还是 AOF？', answerHtml: renderer.render('快照，"每秒" fsync。') },
  { language: 'en', questionId: 'docker#layers', question: 'Why does "COPY . ." early\tbreak the cache?', answerHtml: renderer.render('Because every change busts the layer.') },
];

describe('Anki export', () => {
  it('writes the headers Anki 2.1.55+ reads and one row per question and language', () => {
    const file = readAnkiFile(ankiTextFile(questions, { deck: 'Interview Notes::Redis' }));
    assert.deepEqual([...file.headers], [
      ['separator', 'tab'],
      ['html', 'true'],
      ['notetype', 'Basic'],
      ['deck', 'Interview Notes::Redis'],
      ['columns', 'GUID\tFront\tBack\tTags'],
      ['guid column', '1'],
      ['tags column', '4'],
    ]);
    assert.equal(file.rows.length, 3);
    assert.ok(file.rows.every((row) => row.length === 4));
    assert.deepEqual(
      file.rows.map((row) => row[0]),
      ['interview-notes:en:redis#persistence', 'interview-notes:zh-cn:redis#persistence', 'interview-notes:en:docker#layers'],
    );
    assert.equal(new Set(file.rows.map((row) => row[0])).size, 3, 'one GUID per question and language');
    assert.deepEqual(
      file.rows.map((row) => row[3]),
      ['interview-notes redis en', 'interview-notes redis zh-cn', 'interview-notes docker en'],
    );
  });

  it('puts each question in its topic\'s subdeck through a deck column when asked', () => {
    const decked = questions.map((question) => ({ ...question, deck: ankiTopicDeck(question.questionId.startsWith('redis') ? 'Redis::Persistence\tand more' : 'Docker') }));
    const file = readAnkiFile(ankiTextFile(decked, { deckColumn: true }));
    assert.deepEqual([...file.headers], [
      ['separator', 'tab'],
      ['html', 'true'],
      ['notetype', 'Basic'],
      ['columns', 'GUID\tDeck\tFront\tBack\tTags'],
      ['guid column', '1'],
      ['deck column', '2'],
      ['tags column', '5'],
    ]);
    assert.ok(file.rows.every((row) => row.length === 5));
    assert.deepEqual(
      file.rows.map((row) => row[1]),
      ['Interview Notes::Redis: Persistence and more', 'Interview Notes::Redis: Persistence and more', 'Interview Notes::Docker'],
      'a topic title cannot make a deeper subdeck or break the row',
    );
    assert.equal(file.rows[2][2], 'Why does &quot;COPY . .&quot; early\tbreak the cache?');
  });

  it('escapes text as HTML and quotes fields holding a tab, a line break or a quote', () => {
    const text = ankiTextFile(questions, { deck: 'Interview Notes' });
    const [redis, chinese, docker] = readAnkiFile(text).rows;
    assert.equal(redis[1], 'RDB or AOF: what do you lose when Redis &amp; the host crash? &lt;b&gt;');
    assert.equal(docker[1], 'Why does &quot;COPY . .&quot; early\tbreak the cache?');
    assert.ok(text.includes('"Why does &quot;COPY . .&quot; early\tbreak the cache?"'), 'a tab puts the field in quotes');
    assert.ok(chinese[2].includes('快照，&quot;每秒&quot; fsync。'));
    assert.ok(text.includes('\t"<p>快照，&quot;每秒&quot; fsync。</p>\n"\t'), 'a line break puts the field in quotes');
    assert.equal(ankiField('say "hi"'), '"say ""hi"""');
    assert.equal(ankiField('plain'), 'plain');
  });

  it('keeps the answer as plain HTML: no classes, ids, data attributes or links of our own', () => {
    const [redis] = readAnkiFile(ankiTextFile(questions, { deck: 'Interview Notes' })).rows;
    const back = redis[2];
    for (const absent of ['class=', 'id=', 'data-', 'hljs', 'snippet:', 'replication.md', 'href="#', '<span', '<div', '<script', '<img']) {
      assert.ok(!back.includes(absent), `no ${absent} in ${back}`);
    }
    assert.ok(back.includes('See replication, above,\nthe snippet and the <a href="https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/?a=1&amp;b=2">manual</a>'), back);
    assert.ok(back.includes('<strong>snapshots</strong>'));
    assert.ok(back.includes('<pre><code>appendonly yes\nappendfsync everysec\t# &quot;everysec&quot; is the default\n</code></pre>'), back);
    assert.ok(back.includes('<th style="text-align:left">Option</th>'));
    assert.ok(back.includes('<td style="text-align:left"><code>always</code></td>\n<td style="text-align:right">none</td>'), back);
    assert.ok(back.includes('a diagram &lt;script&gt;alert(1)&lt;/script&gt;'), back);
  });

  it('cleans hostile HTML from an allow-list, not by removing what it knows', () => {
    const clean = (html: string) => ankiAnswerHtml(html);
    assert.equal(clean('<img src=x onerror=alert(1)>caption'), 'caption');
    assert.equal(clean('<a href="javascript:alert(1)">x</a>'), 'x');
    assert.equal(clean('<a href="HTTPS://example.com" onclick="steal()">x</a>'), '<a href="HTTPS://example.com">x</a>');
    assert.equal(clean('<p class="x" onmouseover=\'a()\' style="color:red">t</p>'), '<p>t</p>');
    assert.equal(clean('<td style="text-align:right;background:url(x)">t</td>'), '<td>t</td>');
    assert.equal(clean('<ol start="3" type="a"><li>c</li></ol>'), '<ol start="3"><li>c</li></ol>');
    assert.equal(clean('<iframe srcdoc="<script>">t</iframe>'), '">t', 'the tag ends at the first >: what follows is text');
    assert.equal(clean('1 < 2 <!-- note --> 3'), '1 &lt; 2 &lt;!-- note --> 3');
    assert.equal(clean('unclosed <p and more <b'), 'unclosed &lt;p and more &lt;b');
    assert.equal(clean('<a href="https://a.example">one <a href="other.md">two</a> three</a>'), '<a href="https://a.example">one two three</a>');
    assert.equal(clean('<p title="a>b">x</p>'), '<p>b">x</p>');
    assert.equal(clean(''), '');
  });

  it('keeps exactly the links the reader opens in the browser', () => {
    for (const href of ['https://redis.io/x', ' HTTP://example.com ', 'http:/x', 'javascript:alert(1)', 'snippet:redis-aof', 'other.md#a', '#intro', 'mailto:a@b.c', 'data:text/html,x', '//example.com', '']) {
      const link = classifyLink(href);
      assert.equal(externalUrl(href), link.kind === 'external' ? link.url : undefined, href);
    }
  });

  it('cleans in linear time: the scan reads each character a bounded number of times', () => {
    for (const piece of ['<', '< ', '<!', '<a', '<a href="', '<p x=\'', '< <a ', '</', '</ ', '<a=', '"<b ', '<a href="x">', '<p a=b c=\'d\' =e>', '</a>']) {
      // Each run ends in a `>`: a scan that looked for it from every `<` would read the run again and again.
      const small = countedClean(`${piece.repeat(2_000)}>`);
      const large = countedClean(`${piece.repeat(20_000)}>`);
      assert.ok(large <= small * 12, `${JSON.stringify(piece)}: ${small} reads for 2,000 pieces, ${large} for 20,000`);
      assert.ok(large <= piece.length * 20_000 * 6, `${JSON.stringify(piece)}: ${large} reads`);
    }
  });

  it('names each note by language and question, so a second import updates it', () => {
    assert.equal(ankiGuid('zh-cn', 'nginx#location-matching'), 'interview-notes:zh-cn:nginx#location-matching');
    const header = readAnkiFile(ankiTextFile([], { deck: 'Bad\nDeck\tName' })).headers;
    assert.equal(header.get('deck'), 'Bad Deck Name', 'a deck name cannot break the headers');
  });
});

/** Characters the cleaner reads: each charCodeAt one, each indexOf as far as it searched. */
function countedClean(text: string): number {
  let reads = 0;
  const counted = new String(text) as unknown as Record<string, unknown>;
  counted.charCodeAt = (index: number) => {
    reads++;
    return text.charCodeAt(index);
  };
  counted.indexOf = (search: string, from = 0) => {
    const found = text.indexOf(search, from);
    reads += (found < 0 ? text.length : found) - from + 1;
    return found;
  };
  ankiAnswerHtml(counted as unknown as string);
  return reads;
}
