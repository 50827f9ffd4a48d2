import { strict as assert } from 'node:assert';
import { childrenOf, questionsOf, topLevelSections } from '../../src/core/notes/note';
import { markdownToPlainText, parseNote } from '../../src/core/notes/noteParser';

const frontMatter = `---
id: sample
title: Sample
tags: [alpha, beta]
icon: book
order: 5
summary: A sample note.
verified:
  versions: [Thing 1.0]
  sources: [https://example.org/docs]
---
`;

const body = `Intro text.

## First section {#first}

Body of the first section with \`code\`.

### A subsection {#first-sub}

Sub text.

\`\`\`python
## not a heading {#nope}
print("hi")
\`\`\`

## Interview questions {#questions}

### Why is the sky blue? {#q-sky}

Because of Rayleigh scattering.

**Follow-up:** And sunsets? Longer path.

### 为什么用 Redis？ {#q-redis}

因为快。
`;

describe('note parser', () => {
  it('reads front matter, sections, subsections and questions with their ids', () => {
    const { note, problems } = parseNote(frontMatter + body, { expectedId: 'sample', language: 'en', requireVerified: true });
    assert.deepEqual(problems, []);
    assert.ok(note);
    assert.equal(note.id, 'sample');
    assert.equal(note.title, 'Sample');
    assert.deepEqual(note.tags, ['alpha', 'beta']);
    assert.equal(note.order, 5);
    assert.equal(note.intro, 'Intro text.');
    assert.deepEqual(topLevelSections(note).map((section) => section.id), ['first', 'questions']);
    assert.deepEqual(childrenOf(note, 'first').map((section) => [section.id, section.kind]), [['first-sub', 'subsection']]);
    assert.deepEqual(questionsOf(note).map((question) => question.id), ['q-sky', 'q-redis']);
    assert.equal(questionsOf(note)[1].title, '为什么用 Redis？');
  });

  it('does not take headings inside code fences, and keeps code in the section text', () => {
    const { note } = parseNote(frontMatter + body, { language: 'en' });
    assert.ok(note);
    assert.ok(!note.sections.some((section) => section.id === 'nope'));
    assert.match(note.sections.find((section) => section.id === 'first-sub')!.text, /print\("hi"\)/);
  });

  it('gives each heading its line in the file', () => {
    const text = frontMatter + body;
    const { note } = parseNote(text, { language: 'en' });
    const lines = text.split('\n');
    for (const section of note!.sections) {
      assert.ok(lines[section.line].includes(`{#${section.id}}`), `line ${section.line} holds ${section.id}`);
    }
  });

  it('reports a heading without an id, a duplicate id, and a question without a question mark', () => {
    const broken = `${frontMatter}## No id here\n\n## Twice {#twice}\n\n## Again {#twice}\n\n## Questions {#questions}\n\n### Not a question {#q-x}\n`;
    const { note, problems } = parseNote(broken, { language: 'en' });
    assert.ok(note, 'a note with problems is still shown');
    const messages = problems.map((problem) => problem.message).join('\n');
    assert.match(messages, /"No id here" needs an id/);
    assert.match(messages, /"twice" is used twice/);
    assert.match(messages, /does not end with "\?"/);
  });

  it('refuses a file without front matter or with invalid YAML, naming the line', () => {
    assert.match(parseNote('# just markdown', { language: 'en' }).problems[0].message, /missing front matter/);
    const invalid = parseNote('---\nid: x\ntitle: [unclosed\n---\n', { language: 'en' });
    assert.equal(invalid.note, undefined);
    assert.match(invalid.problems[0].message, /invalid YAML/);
  });

  it('checks required fields and the id against the file name', () => {
    const { problems } = parseNote('---\nid: other\ntitle: T\ntags: [Bad Tag]\nicon: book\norder: x\n---\n', { expectedId: 'sample', language: 'en', requireVerified: true });
    const messages = problems.map((problem) => problem.message).join('\n');
    assert.match(messages, /file name says "sample"/);
    assert.match(messages, /"tags"/);
    assert.match(messages, /"order" must be a number/);
    assert.match(messages, /"verified"/);
  });

  it('accepts a byte order mark and Windows line endings', () => {
    const windows = `\ufeff${frontMatter}${body}`.replace(/\n/g, '\r\n');
    const { note, problems } = parseNote(windows, { language: 'zh-cn' });
    assert.deepEqual(problems, []);
    assert.equal(note?.language, 'zh-cn');
    assert.equal(questionsOf(note!).length, 2);
  });

  it('gives each section the plain text under its heading, up to the next heading', () => {
    const { note } = parseNote(
      `${frontMatter}\nIntro **text**.\n\n## One {#one}\n\nSee [the docs](https://nginx.org/) and \`proxy_pass\`.\n\n| a | b |\n|---|---|\n| x | y |\n\n### Sub {#sub}\n\n- item *one*\n> quoted\n\n\`\`\`python\nprint("hi")  # comment\n\`\`\`\n\n## Two {#two}\n\n**Follow-up:** more.\n`,
      { language: 'en' },
    );
    assert.ok(note);
    const text = (id: string) => note.sections.find((section) => section.id === id)?.text;
    assert.equal(note.intro, 'Intro text.');
    assert.equal(text('one'), 'See the docs and proxy_pass.\n\n  a   b  \n\n  x   y');
    assert.equal(text('sub'), 'item *one*\nquoted\n\nprint("hi")  # comment');
    assert.equal(text('two'), 'Follow-up: more.');
  });

  it('turns Markdown into its words: link text kept, targets, marks and heading ids dropped', () => {
    assert.equal(markdownToPlainText('#### Deep {#deep}\n![diagram](x.png) 1. first\n1. `a_b` &amp; __c__ ~~d~~'), 'Deep\ndiagram 1. first\na_b & c d');
  });
});
