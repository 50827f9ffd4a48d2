// Property-based tests: whatever text a user's file holds, the parsers, the search and the
// renderer return an answer (never throw), and one that grows at most in proportion to the
// input. Fixed seeds make a failure reproducible: fast-check prints the seed and the shrunk input.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNote } from '../../src/core/notes/noteParser';
import { noteContent } from '../../src/core/notes/noteContent';
import { createNoteRenderer } from '../../src/core/render/noteRenderer';
import { parseQuery } from '../../src/core/search/query';
import { NoteSearchIndex } from '../../src/core/search/searchIndex';
import { tokenize } from '../../src/core/search/tokenizer';
import { parseSnippetFile } from '../../src/core/snippets/snippet';
import { expandSnippetBody } from '../../src/core/snippets/snippetBody';

/**
 * A bound on what a call gives back, in characters of its JSON, per character of input (plus a
 * constant for the empty input). Escaping, the parsed note's copies of its text and the
 * renderer's markup stay within it (the most seen is 3.5, the parsed note's); a blow-up (aliases
 * expanded, markup nested without end) does not. Counted, not timed: a time limit depends on the
 * machine and its load. How long the renderer takes is a bench figure (render.*), and the
 * scanners count their steps on hostile input in linearTime.test.ts.
 */
const maxSizePerInputChar = 20;
const runs = { seed: 20261129, numRuns: 250 };

function sizeOf(value: unknown): number {
  return typeof value === 'string' ? value.length : (JSON.stringify(value) ?? '').length;
}

function bounded<T>(what: string, input: string, run: () => T): T {
  const result = run();
  const length = sizeOf(result);
  assert.ok(length <= maxSizePerInputChar * (input.length + 100), `${what} gave ${length} characters for ${input.length}: ${JSON.stringify(input).slice(0, 300)}`);
  return result;
}
/** Pieces that matter to the note format, mixed with arbitrary text (astral and lone surrogates too). */
const markdownPiece = fc.oneof(
  fc.constantFrom('---\n', '---', '\n', '\r\n', '## ', '### ', '# ', '{#', '}', '{#q-a}', '```', '~~~', '```python\n', '    ', '> ', '- ', '1. ', '|', '| --- |',
    '[', ']', '(', ')', '](', '![', '<', '>', '<script>', '</script>', '&#', ';', '&amp;', 'javascript:', 'command:x', 'snippet:a.b', '#', '?', '？', '：', '**', '*', '_', '`', '\\',
    'id: x\n', 'title: T\n', 'tags: [a]\n', 'icon: book\n', 'order: 1\n', 'verified:\n  versions: [1]\n', ': ', '- ', '"', "'", '\t', '\u0000', '\uFEFF', '\u202E', '中文', '缓存', '🙂', 'questions'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
);
const markdownText = fc.array(markdownPiece, { maxLength: 120 }).map((pieces) => pieces.join(''));

/** Front matter made of arbitrary YAML-ish values, then an arbitrary body. */
const noteText = fc
  .tuple(
    fc.dictionary(fc.constantFrom('id', 'title', 'tags', 'icon', 'order', 'summary', 'verified', 'other'), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 20 })), { maxKeys: 8 }),
    markdownText,
    fc.boolean(),
  )
  .map(([fields, body, asFlowYaml]) => {
    const yaml = asFlowYaml ? JSON.stringify(fields) : Object.entries(fields).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
    return `---\n${yaml}\n---\n${body}`;
  });

describe('properties: never throw, answer in proportion to the input', function () {
  this.timeout(120_000);

  it('the note parser, on arbitrary Markdown and on arbitrary front matter', () => {
    fc.assert(
      fc.property(fc.oneof(markdownText, noteText), fc.constantFrom('en', 'zh-cn' as const), fc.boolean(), (text, language, requireVerified) => {
        const parsed = bounded('parseNote', text, () => parseNote(text, { language, requireVerified, expectedId: 'x' }));
        // Either a note or a reason: a file is never silently dropped.
        assert.ok(parsed.note || parsed.problems.length > 0);
        for (const problem of parsed.problems) {
          assert.equal(typeof problem.message, 'string');
          assert.ok(problem.message.length > 0);
        }
        if (parsed.note) {
          const ids = parsed.note.sections.map((section) => section.id);
          assert.equal(new Set(ids).size, ids.length, 'section ids are unique');
          bounded('noteContent', text, () => noteContent(parsed.note!.body));
        }
      }),
      runs,
    );
  });

  it('the renderer, on arbitrary Markdown, never lets a tag through', () => {
    const renderer = createNoteRenderer();
    fc.assert(
      fc.property(markdownText, fc.array(fc.constantFrom('q-a', 'a', 'questions'), { maxLength: 3 }), (text, questions) => {
        const html = bounded('render', text, () => renderer.render(text, { questionIds: new Set(questions), lineOffset: 5 }));
        assert.doesNotMatch(html, /<(script|iframe|object|embed|form|base|meta|style|svg|math|img)\b/i);
        assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
        assert.doesNotMatch(html, /href="(?:javascript|command|data|vbscript):/i);
      }),
      runs,
    );
  });

  it('the snippet file loader, on arbitrary JSONC and arbitrary snippet objects', () => {
    const snippetValue = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ prefix: fc.oneof(fc.string(), fc.array(fc.string())), body: fc.oneof(fc.string(), fc.array(fc.string({ unit: 'binary' }))), description: fc.option(fc.string()), scope: fc.option(fc.string()), note: fc.option(fc.string()), id: fc.option(fc.string()) }, { requiredKeys: [] }),
    );
    const snippetText = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 20 }), snippetValue, { maxKeys: 6 }).map((value) => JSON.stringify(value, null, 2)),
      fc.array(fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '//', '/*', '*/', '\n', 'true', '"prefix"', '"body"', '"x"'), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 60 }).map((pieces) => pieces.join('')),
    );
    fc.assert(
      fc.property(snippetText, fc.option(fc.constantFrom('python', 'dockerfile'), { nil: undefined }), (text, language) => {
        const parsed = bounded('parseSnippetFile', text, () => parseSnippetFile(text, 'user.json', language));
        for (const problem of parsed.problems) {
          assert.equal(problem.file, 'user.json', 'every problem names the file');
          assert.ok(Number.isInteger(problem.line) && problem.line >= 0);
        }
        for (const snippet of parsed.snippets) {
          assert.ok(snippet.languages.length > 0);
          bounded('expandSnippetBody', snippet.body, () => expandSnippetBody(snippet.body));
        }
      }),
      runs,
    );
  });

  it('the search tokenizer and the query parser, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(markdownText, fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const tokens = bounded('tokenize', text, () => tokenize(text));
        assert.ok(tokens.every((token) => typeof token === 'string' && token.length > 0));
        const query = bounded('parseQuery', text, () => parseQuery(text));
        assert.ok(query.tags.every((tag) => tag.length > 0) && query.topics.every((topic) => topic.length > 0));
      }),
      runs,
    );
  });

  it('the search index, with arbitrary notes and arbitrary queries', () => {
    fc.assert(
      fc.property(fc.array(noteText, { maxLength: 5 }), fc.array(fc.oneof(markdownText, fc.string({ unit: 'binary' })), { maxLength: 5 }), (texts, queries) => {
        const index = new NoteSearchIndex();
        texts.forEach((text, position) => {
          const note = parseNote(text, { language: position % 2 === 0 ? 'en' : 'zh-cn' }).note;
          if (note) {
            const before = index.sectionCount;
            index.addNote(note);
            assert.ok(index.sectionCount - before <= note.sections.length + 1, 'at most one entry per section, and one for the introduction');
          }
        });
        for (const query of queries) {
          const hits = index.search(query);
          assert.ok(Array.isArray(hits) && hits.length <= 50, 'at most the default limit of hits');
        }
      }),
      { ...runs, numRuns: 150 },
    );
  });
});
