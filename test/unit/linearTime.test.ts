// Text from notes, snippet files, queries and imports is parsed in linear time. Regular
// expressions written as literals are checked by eslint-plugin-regexp (no-super-linear-*);
// here, highlight.js's patterns (in its language definitions) go through the same analysis,
// and the hand-written scanners count their steps on inputs made to hurt them.
import { strict as assert } from 'node:assert';
import { RegExpParser } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { analyse } from 'scslre';
import type { Language, Mode } from 'highlight.js';
import {
  compiledLanguage, highlightCode, highlightedLanguages, maxHighlightedLineLength, maxHighlightedWhitespaceRun,
} from '../../src/core/render/highlight';
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

  // highlight.js's own patterns are not all linear: scslre reports quadratic ones (none
  // exponential) in these languages. They are listed here, not hidden: each report names the
  // character whose long run makes the pattern re-scan that run from every place in it, and
  // the highlighter refuses a block with such a run (src/core/render/highlight.ts): no line
  // longer than maxHighlightedLineLength, no whitespace run longer than maxHighlightedWhitespaceRun.
  // A pattern then costs at most about (run limit) × (block length): linear.
  const languagesWithQuadraticPatterns = ['bash', 'dockerfile', 'go', 'ini', 'java', 'javascript', 'json', 'nginx', 'python', 'shell', 'sql', 'typescript', 'yaml'];

  interface HighlightReport {
    readonly language: string;
    readonly pattern: string;
    readonly report: ReturnType<typeof analyse>['reports'][number];
  }

  let highlightReports: HighlightReport[] | undefined;

  /** Every pattern highlight.js runs for the allowed languages, compiled, through scslre. */
  function highlightJsReports(): HighlightReport[] {
    if (highlightReports) {
      return highlightReports;
    }
    highlightReports = [];
    for (const language of highlightedLanguages) {
      const definition = compiledLanguage(language);
      assert.ok(definition, language);
      const flags = `m${definition.case_insensitive ? 'i' : ''}${definition.unicodeRegex ? 'u' : ''}`;
      const patterns = new Set<string>();
      const seen = new Set<unknown>();
      const visit = (mode: Language | Mode | 'self' | undefined) => {
        if (!mode || typeof mode !== 'object' || seen.has(mode)) {
          return;
        }
        seen.add(mode);
        const compiled = mode as Mode & Record<'beginRe' | 'endRe' | 'illegalRe' | 'keywordPatternRe', RegExp | undefined> & { matcher?: { rules: [RegExp | string][] } };
        for (const regex of [compiled.beginRe, compiled.endRe, compiled.illegalRe, compiled.keywordPatternRe]) {
          if (regex) {
            patterns.add(regex.source);
          }
        }
        // What highlight.js searches the code with in this mode: its children's begins, its
        // end and illegal, as one alternation.
        if (compiled.matcher && compiled.matcher.rules.length > 0) {
          patterns.add(compiled.matcher.rules.map(([rule]) => `(?:${typeof rule === 'string' ? rule : rule.source})`).join('|'));
        }
        for (const child of [...(mode.contains ?? []), ...(mode.variants ?? []), mode.starts]) {
          visit(child as Mode | undefined);
        }
      };
      visit(definition);
      assert.ok(patterns.size > 0 || language === 'text', `${language}: patterns found`);
      for (const pattern of patterns) {
        highlightReports.push(...analyse({ source: pattern, flags }).reports.map((report) => ({ language, pattern, report })));
      }
    }
    return highlightReports;
  }

  it("highlight.js's quadratic patterns are in the languages listed, and none is exponential", () => {
    const reports = highlightJsReports();
    const describe = ({ language, pattern, report }: HighlightReport) => `${language}: ${report.type}${report.exponential ? ' (exponential)' : ''} on ${report.character.literal.source} in /${pattern.slice(0, 120)}/`;
    assert.deepEqual(reports.filter(({ report }) => report.exponential).map(describe), []);
    assert.deepEqual([...new Set(reports.map(({ language }) => language))].sort(), languagesWithQuadraticPatterns, reports.map(describe).join('\n'));
  });

  it("the highlighter refuses every run that makes a highlight.js pattern quadratic", () => {
    const lineBreaks = [0x0a, 0x0d, 0x2028, 0x2029];
    const checked = new Set<string>();
    for (const { language, report } of highlightJsReports()) {
      const { set, pick } = report.character;
      const key = `${language} ${set.toString()}`;
      if (checked.has(key)) {
        continue;
      }
      checked.add(key);
      let limit = maxHighlightedLineLength;
      if (lineBreaks.some((code) => set.has(code))) {
        // A run that crosses lines: only whitespace does, and its runs are capped.
        for (const { min, max } of set.ranges) {
          for (let code = min; code <= max; code++) {
            assert.match(String.fromCodePoint(code), /\s/u, `${language}: U+${code.toString(16)} in a quadratic run is whitespace`);
          }
        }
        limit = Math.min(limit, maxHighlightedWhitespaceRun);
      }
      // The run the report names, one longer than the cap, in a block: shown without spans.
      const hostile = `x\n${pick.repeat(limit + 1)}\nx`;
      const html = highlightCode(hostile, language);
      assert.ok(html !== undefined && !html.includes('<span'), `${language}: a run of ${limit + 1} × ${JSON.stringify(pick)} is not highlighted`);
    }
    assert.ok(checked.size >= languagesWithQuadraticPatterns.length, `${checked.size} reported runs checked`);
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
