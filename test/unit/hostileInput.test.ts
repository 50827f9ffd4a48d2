// Findings of the hostile-workspace review (issue 15), each as a check of the pure core: what a
// shared repository's notes, snippet files and progress files can no longer do.
import { strict as assert } from 'node:assert';
import { maxNoteBytes, noteSizeLimitMB } from '../../src/core/notes/noteLimits';
import { parseNote } from '../../src/core/notes/noteParser';
import { parseProgress, progressVersion } from '../../src/core/practice/progress';
import { splitHeadingId } from '../../src/core/render/headingIds';
import { createNoteRenderer } from '../../src/core/render/noteRenderer';
import { webviewPageHead } from '../../src/core/render/readerDocument';
import { maxSnippetFileBytes, maxSnippetsPerFile, parseSnippetFile } from '../../src/core/snippets/snippet';

const record = { due: '2026-03-02T09:00:00.000Z', stability: 3.2, difficulty: 5.1, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 'review', lastReview: '2026-02-27T09:00:00.000Z', lastGrade: 3 };
const progressFile = (fields: Record<string, unknown>) => JSON.stringify({ version: progressVersion, cards: { 'redis#q-a': { ...record, ...fields } } });

describe('hostile input', () => {
  describe('heading ids (finding 2 and 8)', () => {
    it('a heading of spaces is split in one pass and keeps its words', () => {
      const heading = `a${' '.repeat(200_000)}b`;
      assert.deepEqual(splitHeadingId(heading), { title: heading });
      assert.deepEqual(splitHeadingId(`Title${' '.repeat(100_000)}{#title}   `), { title: 'Title', id: 'title' });
    });

    it('the renderer takes only the ids the parser accepts', () => {
      const renderer = createNoteRenderer();
      assert.match(renderer.render('## Good {#good-id}\n'), /<h2 id="good-id"[^>]*>Good<\/h2>/);
      for (const bad of ['Bad Id', 'UPPER', '"quoted"', '-leading']) {
        const html = renderer.render(`## Title {#${bad}}\n`);
        assert.doesNotMatch(html, /<h2 id=/, bad);
      }
      const parsed = parseNote('---\nid: x\ntitle: X\ntags: [x]\nicon: book\norder: 1\n---\n\n## Title {#UPPER}\n', { expectedId: 'x', language: 'en' });
      assert.match(parsed.problems.map((problem) => problem.message).join('\n'), /needs an id/);
    });
  });

  describe('snippet files (findings 3 and 5)', () => {
    it('reads 20,000 keys with the line of each, in one pass', () => {
      const entries = Array.from({ length: 20_000 }, (_, index) => `  "s${index}": { "prefix": "p${index}", "body": "b" }`);
      const parsed = parseSnippetFile(`{\n${entries.join(',\n')}\n}\n`, 'many.json', 'python');
      assert.equal(parsed.snippets.length, maxSnippetsPerFile);
      assert.deepEqual(parsed.problems, [{ file: 'many.json', line: maxSnippetsPerFile + 1, message: `more than ${maxSnippetsPerFile} snippets in one file: the rest, from "s${maxSnippetsPerFile}" on, were not read` }]);
    });

    it('names the line of a broken entry however many come before it', () => {
      const entries = Array.from({ length: 3000 }, (_, index) => `  "s${index}": { "prefix": "p", "body": "b" }`);
      entries.push('  "broken": { "prefix": 1, "body": "b" }');
      const parsed = parseSnippetFile(`{\n${entries.join(',\n')}\n}\n`, 'x.json', 'python');
      assert.deepEqual(parsed.problems.map((problem) => problem.line), [3001]);
    });

    it('refuses a file over the size limit, saying so', () => {
      const parsed = parseSnippetFile(`{"a": {"prefix": "a", "body": "${'x'.repeat(maxSnippetFileBytes)}"}}`, 'big.json', 'python');
      assert.deepEqual(parsed.snippets, []);
      assert.match(parsed.problems[0].message, /larger than 1 MB/);
    });

    it('refuses a scope that is not a language id, and a file name that is not one', () => {
      const fence = parseSnippetFile('{"x": {"prefix": "x", "body": "b", "scope": "python\\n```\\n[run](command:evil)"}}', 'x.json', 'python');
      assert.deepEqual(fence.snippets, []);
      assert.match(fence.problems[0].message, /"scope" must be language ids/);
      const named = parseSnippetFile('{"x": {"prefix": "x", "body": "b"}}', 'x.json', 'py](command:evil)');
      assert.deepEqual(named.snippets, []);
      assert.match(named.problems[0].message, /no language/);
      assert.equal(parseSnippetFile('{"x": {"prefix": "x", "body": "b", "scope": "python, dockercompose"}}', 'x.json').snippets.length, 1);
    });
  });

  it('clamps the note size setting to its bounds (finding 4)', () => {
    assert.equal(maxNoteBytes(2), 2 * 1024 * 1024);
    assert.equal(maxNoteBytes(1e9), noteSizeLimitMB.maximum * 1024 * 1024);
    assert.equal(maxNoteBytes(-5), Math.round(noteSizeLimitMB.minimum * 1024 * 1024));
    assert.equal(maxNoteBytes('999'), noteSizeLimitMB.default * 1024 * 1024);
    assert.equal(maxNoteBytes(Number.POSITIVE_INFINITY), noteSizeLimitMB.default * 1024 * 1024);
  });

  it('refuses progress numbers past their bounds (finding 8)', () => {
    assert.ok(parseProgress(progressFile({})).ok);
    for (const [field, value] of [['stability', 1e300], ['difficulty', 11], ['scheduledDays', 1e9], ['reps', 2 ** 52], ['lapses', 1e7], ['learningSteps', 1e6]] as const) {
      const result = parseProgress(progressFile({ [field]: value }));
      assert.ok(!result.ok && result.problem.includes(`"${field}"`), `${field}: ${value}`);
    }
  });

  it('webview pages allow no <base> and no form submission (finding 8)', () => {
    const head = webviewPageHead({ cspSource: 'vscode-resource:', nonce: 'abc', styleUris: [], language: 'en', title: 't' });
    assert.match(head, /base-uri 'none'/);
    assert.match(head, /form-action 'none'/);
  });
});
