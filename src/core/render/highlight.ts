import type { Language, LanguageFn } from 'highlight.js';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from '../text/html';

/**
 * Code highlighting for the reader, by highlight.js (the library VS Code's Markdown preview
 * uses): its core and only the fence languages the note format allows, never auto-detection.
 * Class names are highlight.js's own (`hljs-keyword`, ...), coloured by media/highlight.css.
 *
 * highlight.js's grammars are regular expressions that backtrack, and they run in the extension
 * host. test/unit/linearTime.test.ts runs every one of them through scslre: none is exponential,
 * but most languages have quadratic ones ("move" reports: a search that re-scans a run of the
 * same characters from every place in it, e.g. `[ ]*(?=TODO)` over spaces, `\w+@` over a word,
 * `^\s*['"]use strict` over blank lines). A run of n such characters costs n². So a block is
 * highlighted only when those runs are short; otherwise it is shown escaped, unhighlighted:
 * - no line longer than `maxHighlightedLineLength`: every reported character set except
 *   JavaScript's and TypeScript's lies within a line, so its runs are at most that long;
 * - no run of whitespace (line breaks included) longer than `maxHighlightedWhitespaceRun`:
 *   the reported sets that cross lines are all whitespace;
 * - at most `maxHighlightedFenceChars` in all.
 * With runs bounded by a constant r, a block of n characters costs at most about n·r, linear.
 */

/**
 * The largest block highlighted. The notes' largest is about 9 KB; past 64 KB a block is
 * data rather than an example, its highlighted HTML (several spans a line) would be many
 * times its size, and highlight.js's cost for one block (linear once runs are bounded, but
 * with a large constant) is kept to a fraction of a second.
 */
export const maxHighlightedFenceChars = 64 * 1024;

/** The longest line highlighted: the notes' longest is about 210 characters. */
export const maxHighlightedLineLength = 400;

/** The longest run of whitespace highlighted (blank lines count): the notes' longest is about 70. */
export const maxHighlightedWhitespaceRun = 200;

const languages: Readonly<Record<string, LanguageFn>> = {
  bash, diff, dockerfile, go, http, ini, java, javascript, json, nginx, plaintext, python, shell, sql, typescript, yaml,
};

for (const [name, definition] of Object.entries(languages)) {
  hljs.registerLanguage(name, definition);
}

/** The fence languages the note format allows (notes/README.md). */
export const highlightedLanguages: readonly string[] = [
  'dockerfile', 'nginx', 'python', 'sql', 'bash', 'shell', 'yaml', 'json', 'ini',
  'typescript', 'javascript', 'java', 'go', 'http', 'diff', 'text',
];

/** highlight.js's name for a fence language (its own aliases too: `js`, `yml`, `text`, ...), or undefined. */
function languageName(language: string): string | undefined {
  const name = language.toLowerCase();
  // getLanguage would also answer for languages registered elsewhere on the same instance;
  // this module is the only one that registers, so its answer is exactly the list above.
  return name !== '' && hljs.getLanguage(name) ? name : undefined;
}

export function isHighlightedLanguage(language: string): boolean {
  return languageName(language) !== undefined;
}

/**
 * The language's definition as highlight.js runs it (compiled: variants expanded, `begin`,
 * `end`, `illegal` and keyword patterns as regular expressions), for the linear-time checks.
 */
export function compiledLanguage(language: string): Language | undefined {
  const name = languageName(language);
  if (!name) {
    return undefined;
  }
  hljs.highlight('x', { language: name, ignoreIllegals: true }); // highlight.js compiles on first use
  return hljs.getLanguage(name);
}


/** Whether a line or a run of whitespace is too long for highlight.js's quadratic patterns (one pass). */
function hasLongRun(code: string): boolean {
  let line = 0;
  let whitespace = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    // Line terminators as a regular expression's `.` and `^`/`$` (flag m) know them.
    const lineBreak = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
    line = lineBreak ? 0 : line + 1;
    // JavaScript's \s: tab to carriage return, space, no-break space, and the Unicode spaces.
    const space = (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
      || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    whitespace = space ? whitespace + 1 : 0;
    if (line > maxHighlightedLineLength || whitespace > maxHighlightedWhitespaceRun) {
      return true;
    }
  }
  return false;
}

/** Highlighted HTML for a code block, or undefined to let the caller escape it plainly. */
export function highlightCode(code: string, language: string): string | undefined {
  const name = languageName(language);
  if (!name) {
    return undefined;
  }
  if (code.length > maxHighlightedFenceChars || hasLongRun(code)) {
    return escapeHtml(code);
  }
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
