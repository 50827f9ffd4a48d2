// Text from notes, snippet files, queries and imports is parsed in linear time. Regular
// expressions written as literals are checked by eslint-plugin-regexp (no-super-linear-*);
// here, the highlighter's patterns (built from strings) go through the same analysis, and
// the hand-written scanners count their steps on inputs made to hurt them.
import { strict as assert } from 'node:assert';
import { RegExpParser } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { analyse } from 'scslre';
import { grammars } from '../../src/core/render/grammars';
import { scanTokens } from '../../src/core/search/tokenizer';
import { expandSnippetBody } from '../../src/core/snippets/snippetBody';
import { LineTable } from '../../src/core/snippets/snippet';

const parser = new RegExpParser();

function superLinearReports(source: string, flags: string): string[] {
  const literal = parser.parseLiteral(`/${source.replace(/\//g, '\\/')}/${flags}`);
  return analyse(literal).reports.map((report) => `${report.type}${report.exponential ? ' (exponential)' : ''}: ${report.character.literal.source}`);
}

/** A string object whose reads are counted: the scanners call these methods once per step. */
function countingString(text: string, methods: readonly ('charCodeAt' | 'charAt' | 'indexOf')[]): { value: string; steps: () => number } {
  let steps = 0;
  const value = new String(text) as unknown as Record<string, unknown>;
  for (const method of methods) {
    const original = String.prototype[method] as (...args: unknown[]) => unknown;
    value[method] = function (this: unknown, ...args: unknown[]) {
      steps++;
      return original.apply(text, args);
    };
  }
  return { value: value as unknown as string, steps: () => steps };
}

/** Inputs that make naive scanners quadratic: long runs of one hostile piece, then a breaker. */
const hostilePiece = fc.constantFrom(' ', '[', '{#', '`', '"', "'", '\\', '$', '${1:', '${1|', '缓存', '\t', '](', '|', '#');
const hostileText = fc.tuple(fc.array(fc.tuple(hostilePiece, fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 20 })).map(([runs, tail]) => runs.map(([piece, count]) => piece.repeat(count)).join('') + tail);

describe('linear-time parsing', function () {
  this.timeout(120_000);

  it('the highlighter has no super-linear pattern, rule by rule or combined', () => {
    const problems: string[] = [];
    for (const [language, grammar] of Object.entries(grammars)) {
      const flags = `gm${grammar.caseInsensitive ? 'i' : ''}`;
      for (const [, source] of grammar.rules) {
        problems.push(...superLinearReports(source, flags).map((report) => `${language}: ${source}: ${report}`));
      }
      if (grammar.rules.length > 0) {
        problems.push(...superLinearReports(grammar.rules.map(([, source]) => `(${source})`).join('|'), flags).map((report) => `${language} (combined): ${report}`));
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the analysis finds the quadratic patterns it guards against', () => {
    assert.notDeepEqual(superLinearReports('\\s*\\{#([^}\\s]*)\\}\\s*$', ''), [], 'the old heading-id pattern');
    assert.notDeepEqual(superLinearReports('(?<=^[ \\t]*)[\\w.\\-]+(?=[ \\t]*[=:])', 'gm'), [], 'an unbounded look-behind');
  });

  it('the search tokenizer reads each character a bounded number of times', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const counted = countingString(text, ['charCodeAt']);
        scanTokens(counted.value, { latin: () => undefined, han: () => undefined });
        return counted.steps() >= text.length && counted.steps() <= 3 * text.length + 1;
      }),
      { numRuns: 60 },
    );
  });

  it('snippet bodies expand with a bounded number of reads per character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const counted = countingString(text, ['charAt']);
        expandSnippetBody(counted.value);
        return counted.steps() > 0 && counted.steps() <= 3 * text.length + 1;
      }),
      { numRuns: 60 },
    );
  });

  it('snippet files find the lines of their keys in one pass', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const counted = countingString(text, ['indexOf']);
        new LineTable(counted.value);
        return counted.steps() === text.split('\n').length;
      }),
      { numRuns: 60 },
    );
  });
});
