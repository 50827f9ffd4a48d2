// Bad input to the pure core: each case gives a problem that says what is wrong and where,
// and never throws. The host-side cases (unreadable files, huge files, renames) are in
// test/integration/faults.test.ts.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/noteParser';
import { createNoteRenderer } from '../../src/core/render/noteRenderer';
import { parseSnippetFile } from '../../src/core/snippets/snippet';

const header = 'id: notes\ntitle: Notes\ntags: [a]\nicon: book\norder: 1';

describe('faults: note front matter', () => {
  it('reports invalid YAML with its line, and gives no note', () => {
    const parsed = parseNote(`---\n${header}\nsummary: [unclosed\n---\n\nBody.\n`, { language: 'en' });
    assert.equal(parsed.note, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^invalid YAML in front matter: /);
    assert.equal(parsed.problems[0].line, 6, 'the zero-based line of "summary": after "---" and five lines');
  });

  it('reports an alias to an anchor that does not exist instead of throwing', () => {
    const parsed = parseNote('---\nid: *missing\ntitle: x\n---\n', { language: 'en' });
    assert.equal(parsed.note, undefined);
    assert.match(parsed.problems[0].message, /^invalid YAML in front matter: .*alias/i);
  });

  it('refuses a "billion laughs" front matter at the alias budget', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    // Counted, not timed: the YAML reader counts the values the aliases stand for (9^9 here)
    // against a budget of 100 (maxAliasCount) and refuses the document.
    const parsed = parseNote(`---\n${header}\n${levels.join('\n')}\n---\n`, { language: 'en' });
    assert.equal(parsed.note, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^invalid YAML in front matter: Excessive alias count/);
    // Within the budget (9 + 81 aliased values), aliases are fine: the budget is what refused it.
    const fine = parseNote(`---\n${header}\n${levels.slice(0, 3).join('\n')}\n---\n`, { language: 'en' });
    assert.deepEqual(fine.problems, []);
    assert.ok(fine.note);
  });

  it('reports front matter that is not a mapping', () => {
    const parsed = parseNote('---\n- a\n- b\n---\n', { language: 'en' });
    assert.equal(parsed.note, undefined);
    assert.match(parsed.problems[0].message, /must be a YAML mapping/);
  });
});

describe('faults: note body', () => {
  it('loads a note with no headings: its text is the introduction, and it renders', () => {
    const parsed = parseNote(`---\n${header}\n---\n\nJust a paragraph.\n\nAnd another one.\n`, { language: 'en' });
    assert.ok(parsed.note);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.note.sections, []);
    assert.match(parsed.note.intro, /Just a paragraph/);
    assert.match(createNoteRenderer().render(parsed.note.body), /<p[^>]*>And another one.<\/p>/);
  });

  it('loads text decoded from a binary or non-UTF-8 file without throwing', () => {
    const invalidUtf8 = new TextDecoder('utf-8').decode(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x80, 0x81]));
    const parsed = parseNote(invalidUtf8, { language: 'en' });
    assert.equal(parsed.note, undefined);
    assert.ok(parsed.problems.length > 0);
  });
});

describe('faults: snippet files', () => {
  it('loads a snippet file with comments and trailing commas (JSONC, as VS Code allows)', () => {
    const text = `// My snippets
{
  /* a block comment */
  "Print": {
    "prefix": ["pr", "print",], // trailing comma in a list
    "body": ["print($1)",],
    "description": "Print a value",
  },
}
`;
    const parsed = parseSnippetFile(text, 'file:///home/user/snippets/python.json', 'python');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.snippets.length, 1);
    assert.deepEqual(parsed.snippets[0].prefixes, ['pr', 'print']);
  });

  it('reports a syntax error with the file and the line, and loads nothing from that file', () => {
    const text = '{\n  "Print": {\n    "prefix": "pr"\n    "body": "print($1)"\n  }\n}\n';
    const parsed = parseSnippetFile(text, 'file:///home/user/snippets/python.json', 'python');
    assert.equal(parsed.snippets.length, 0);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].file, 'file:///home/user/snippets/python.json');
    assert.equal(parsed.problems[0].line, 3, 'the zero-based line of "body", where the comma is missing');
    assert.match(parsed.problems[0].message, /not valid JSON: comma expected/);
  });

  it('keeps the good snippets of a file when one entry is broken', () => {
    const parsed = parseSnippetFile('{ "Good": { "prefix": "g", "body": "x" }, "Bad": { "prefix": 3 } }', 'user.json', 'python');
    assert.deepEqual(parsed.snippets.map((snippet) => snippet.name), ['Good']);
    assert.match(parsed.problems[0].message, /snippet "Bad": "prefix"/);
  });
});
