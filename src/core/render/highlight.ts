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

// Only the languages the notes use are registered: the full highlight.js is ten times larger.
const languages = { bash, diff, dockerfile, go, http, ini, java, javascript, json, nginx, plaintext, python, shell, sql, typescript, yaml };
for (const [name, definition] of Object.entries(languages)) {
  hljs.registerLanguage(name, definition);
}

/** The fence languages the note format allows (notes/README.md). */
export const highlightedLanguages: readonly string[] = [
  'dockerfile', 'nginx', 'python', 'sql', 'bash', 'shell', 'yaml', 'json', 'ini',
  'typescript', 'javascript', 'java', 'go', 'http', 'diff', 'text',
];

export function isHighlightedLanguage(language: string): boolean {
  return highlightedLanguages.includes(language) || hljs.getLanguage(language) !== undefined;
}

/** Highlighted HTML for a code block, or undefined to let the caller escape it plainly. */
export function highlightCode(code: string, language: string): string | undefined {
  const name = language === 'text' ? 'plaintext' : language;
  if (!name || !hljs.getLanguage(name)) {
    return undefined;
  }
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
