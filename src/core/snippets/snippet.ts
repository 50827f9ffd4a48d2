import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** One snippet in VS Code's snippet format, plus the note section that explains it. */
export interface Snippet {
  readonly id: string;
  readonly name: string;
  readonly prefixes: readonly string[];
  /** The snippet body in VS Code snippet syntax (tab stops, placeholders, choices). */
  readonly body: string;
  readonly description: string;
  /** Language ids the snippet is offered in. */
  readonly languages: readonly string[];
  /** `note#section` of the explanation, when the snippet names one. */
  readonly note?: { readonly noteId: string; readonly sectionId?: string };
  /** Where the snippet came from, for messages. */
  readonly file: string;
}

export interface SnippetProblem {
  readonly file: string;
  /** Zero-based line. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedSnippetFile {
  readonly snippets: readonly Snippet[];
  readonly problems: readonly SnippetProblem[];
}

const noteRefPattern = /^([a-z][a-z0-9-]*)(?:#([a-z0-9][a-z0-9-]*))?$/;
/** A language id as VS Code spells them (`python`, `dockercompose`, `jsonc`): nothing that could close a code fence. */
const languageIdPattern = /^[\w.-]+$/;

/** A snippet file larger than this is not read: it is a mistake or an attack, not a library. */
export const maxSnippetFileBytes = 1024 * 1024;
/** At most this many snippets are taken from one file; the rest are reported. */
export const maxSnippetsPerFile = 5000;

/**
 * Reads a snippet file (JSON with comments and trailing commas, as VS Code allows).
 * `defaultLanguage` comes from the file name (`dockerfile.json`) and applies to entries
 * without a `scope`. A broken entry is reported and skipped; the others still load.
 */
export function parseSnippetFile(text: string, file: string, defaultLanguage?: string): ParsedSnippetFile {
  if (text.length > maxSnippetFileBytes) {
    return { snippets: [], problems: [{ file, line: 0, message: `the file is larger than ${maxSnippetFileBytes / 1024 / 1024} MB, so it was not read` }] };
  }
  const lines = new LineTable(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    return { snippets: [], problems: [{ file, line: lines.lineOf(first.offset), message: `not valid JSON: ${describeParseError(first)}` }] };
  }
  if (root?.type !== 'object') {
    return { snippets: [], problems: [{ file, line: 0, message: 'a snippet file must be a JSON object of named snippets' }] };
  }
  // One pass over the properties, each with its offset: a later entry of the same name replaces an earlier one, as in JSON.parse.
  const entries = new Map<string, { value: unknown; line: number }>();
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && typeof key.value === 'string') {
      entries.delete(key.value);
      entries.set(key.value, { value: value ? getNodeValue(value) : undefined, line: lines.lineOf(key.offset) });
    }
  }
  const snippets: Snippet[] = [];
  const problems: SnippetProblem[] = [];
  if (defaultLanguage !== undefined && !languageIdPattern.test(defaultLanguage)) {
    defaultLanguage = undefined; // a file name is not a language id: entries must give a scope
  }
  for (const [name, { value, line }] of entries) {
    if (snippets.length + problems.length >= maxSnippetsPerFile) {
      problems.push({ file, line, message: `more than ${maxSnippetsPerFile} snippets in one file: the rest, from "${name}" on, were not read` });
      break;
    }
    const result = readSnippet(name, value, file, defaultLanguage);
    if (typeof result === 'string') {
      problems.push({ file, line, message: `snippet "${name}": ${result}` });
    } else {
      snippets.push(result);
    }
  }
  return { snippets, problems };
}

function readSnippet(name: string, value: unknown, file: string, defaultLanguage: string | undefined): Snippet | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object with "prefix" and "body"';
  }
  const fields = value as Record<string, unknown>;
  const prefixes = typeof fields.prefix === 'string' ? [fields.prefix] : fields.prefix;
  if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.some((prefix) => typeof prefix !== 'string' || prefix.trim() === '')) {
    return '"prefix" must be a string or a list of strings';
  }
  const body = typeof fields.body === 'string' ? fields.body : Array.isArray(fields.body) && fields.body.every((line) => typeof line === 'string') ? fields.body.join('\n') : undefined;
  if (body === undefined) {
    return '"body" must be a string or a list of strings';
  }
  const description = fields.description === undefined ? '' : fields.description;
  if (typeof description !== 'string') {
    return '"description" must be a string';
  }
  const scope = fields.scope;
  if (scope !== undefined && typeof scope !== 'string') {
    return '"scope" must be a comma-separated string of language ids';
  }
  const languages = scope ? scope.split(',').map((language) => language.trim()).filter(Boolean) : defaultLanguage ? [defaultLanguage] : [];
  if (languages.length === 0) {
    return 'no language: give a "scope", or name the file after a language (python.json)';
  }
  if (!languages.every((language) => languageIdPattern.test(language))) {
    return '"scope" must be language ids (letters, digits, ".", "_" or "-") separated by commas';
  }
  let note: Snippet['note'];
  if (fields.note !== undefined) {
    const match = typeof fields.note === 'string' ? noteRefPattern.exec(fields.note) : null;
    if (!match) {
      return '"note" must look like "docker#entrypoint"';
    }
    note = { noteId: match[1], sectionId: match[2] };
  }
  const id = fields.id === undefined ? `${languages[0]}.${slug(name)}` : fields.id;
  if (typeof id !== 'string' || !/^[\w.-]+$/.test(id)) {
    return '"id" must be letters, digits, ".", "_" or "-"';
  }
  return { id, name, prefixes: prefixes as string[], body, description, languages, note, file };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'snippet';
}

/** Zero-based line numbers of offsets: the line starts are found in one pass, then each lookup is a binary search. */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
      this.starts.push(newline + 1);
    }
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}

function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
