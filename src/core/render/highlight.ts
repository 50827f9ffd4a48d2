import { grammars, languageAliases, type Grammar, type Scope } from './grammars';

/**
 * Code highlighting for the reader: one combined regular expression per language, one
 * pass over the code. highlight.js gave richer parses but cost ten times markdown-it's
 * own time on a long note; the reader needs keywords, strings, comments and numbers in
 * the theme's colours, and must render as fast as VS Code's Markdown preview.
 * Class names follow highlight.js (`hljs-keyword`, ...), so media/highlight.css applies.
 */

/** The fence languages the note format allows (notes/README.md). */
export const highlightedLanguages: readonly string[] = [
  'dockerfile', 'nginx', 'python', 'sql', 'bash', 'shell', 'yaml', 'json', 'ini',
  'typescript', 'javascript', 'java', 'go', 'http', 'diff', 'text',
];

function grammarFor(language: string): Grammar | undefined {
  const name = language.toLowerCase();
  return grammars[languageAliases[name] ?? name];
}

export function isHighlightedLanguage(language: string): boolean {
  return language === 'text' || language === 'plaintext' || grammarFor(language) !== undefined;
}

interface CompiledGrammar {
  readonly pattern: RegExp;
  readonly scopes: readonly (Scope | ((word: string, previousWord: string) => Scope | undefined))[];
}

const compiled = new Map<Grammar, CompiledGrammar>();

function compile(grammar: Grammar): CompiledGrammar {
  let result = compiled.get(grammar);
  if (!result) {
    // Each rule is one capturing group; rules must not capture themselves.
    const pattern = new RegExp(grammar.rules.map(([, source]) => `(${source})`).join('|'), `gm${grammar.caseInsensitive ? 'i' : ''}`);
    result = { pattern, scopes: grammar.rules.map(([scope]) => scope) };
    compiled.set(grammar, result);
  }
  return result;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const escapable = /[&<>"]/;

function escapeHtml(text: string): string {
  return escapable.test(text) ? text.replace(/[&<>"]/g, (character) => escapes[character]) : text;
}

/** Highlighted HTML for a code block, or undefined to let the caller escape it plainly. */
export function highlightCode(code: string, language: string): string | undefined {
  const grammar = grammarFor(language);
  if (!grammar) {
    return undefined;
  }
  if (grammar.rules.length === 0) {
    return escapeHtml(code);
  }
  const { pattern, scopes } = compile(grammar);
  pattern.lastIndex = 0;
  let html = '';
  let position = 0;
  let previousWord = '';
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const text = match[0];
    if (text.length === 0) {
      pattern.lastIndex++; // a rule matched nothing: step over the character
      continue;
    }
    let rule = 1;
    while (match[rule] === undefined) {
      rule++;
    }
    const scopeOrClassifier = scopes[rule - 1];
    const scope = typeof scopeOrClassifier === 'function' ? scopeOrClassifier(text, previousWord) : scopeOrClassifier;
    if (typeof scopeOrClassifier === 'function') {
      previousWord = text;
    }
    if (scope) {
      // Plain words stay in the run of plain text before the next coloured token.
      html += `${escapeHtml(code.slice(position, match.index))}<span class="hljs-${scope}">${escapeHtml(text)}</span>`;
      position = match.index + text.length;
    }
  }
  return html + escapeHtml(code.slice(position));
}
