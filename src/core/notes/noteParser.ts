import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseDocument } from 'yaml';
import { headingIdsPlugin } from '../render/headingIds';
import {
  headingIdPattern,
  noteIdPattern,
  questionsSectionId,
  type Note,
  type NoteLanguage,
  type NoteProblem,
  type NoteSection,
  type NoteVerification,
} from './note';

export interface ParseNoteOptions {
  /** The note id the file name gives; the front matter must agree. */
  readonly expectedId?: string;
  readonly language: NoteLanguage;
  /** Bundled notes must say what their facts were checked against. */
  readonly requireVerified?: boolean;
}

export interface ParsedNote {
  /** Undefined when the file is too broken to show. */
  readonly note?: Note;
  readonly problems: readonly NoteProblem[];
}

const frontMatterPattern = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// One tokenizer for structure; raw HTML is never interpreted.
const structureParser = new MarkdownIt({ html: false }).use(headingIdsPlugin);

export function parseNote(text: string, options: ParseNoteOptions): ParsedNote {
  const problems: NoteProblem[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const frontMatterMatch = frontMatterPattern.exec(source);
  if (!frontMatterMatch) {
    return { problems: [{ line: 0, message: 'missing front matter: the file must start with a "---" line, YAML, and another "---" line' }] };
  }
  const frontMatter = readFrontMatter(frontMatterMatch[1], options, problems);
  if (!frontMatter) {
    return { problems };
  }
  const body = source.slice(frontMatterMatch[0].length);
  const bodyLineOffset = countLines(frontMatterMatch[0]);
  const { intro, sections } = readSections(body, bodyLineOffset, problems);
  return {
    note: { ...frontMatter, language: options.language, intro, body, bodyLineOffset, sections },
    problems,
  };
}

type FrontMatter = Pick<Note, 'id' | 'title' | 'tags' | 'icon' | 'order' | 'summary' | 'verified'>;

function readFrontMatter(yamlText: string, options: ParseNoteOptions, problems: NoteProblem[]): FrontMatter | undefined {
  const document = parseDocument(yamlText, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    // Zero-based in the file: the YAML starts on line 1, after the opening "---".
    const line = 1 + countLines(yamlText.slice(0, error.pos[0]));
    problems.push({ line, message: `invalid YAML in front matter: ${error.message.split('\n')[0]}` });
    return undefined;
  }
  let data: unknown;
  try {
    // An alias to a missing anchor, or too many aliases (a "billion laughs" file), throws here.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ line: 1, message: `invalid YAML in front matter: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ line: 1, message: 'front matter must be a YAML mapping (key: value lines)' });
    return undefined;
  }
  const fields = data as Record<string, unknown>;
  const problem = (message: string) => problems.push({ line: 1, message: `front matter: ${message}` });

  const id = fields.id ?? options.expectedId;
  if (typeof id !== 'string' || !noteIdPattern.test(id)) {
    problem('"id" must be lowercase letters, digits and "-", starting with a letter');
    return undefined;
  }
  if (options.expectedId !== undefined && id !== options.expectedId) {
    problem(`"id" is "${id}" but the file name says "${options.expectedId}"`);
  }
  const title = fields.title;
  if (typeof title !== 'string' || title.trim() === '') {
    problem('"title" is required');
    return undefined;
  }
  const tags = readStringList(fields.tags);
  if (tags === undefined || tags.some((tag) => !/^[a-z0-9][a-z0-9-]*$/.test(tag))) {
    problem('"tags" must be a list of lowercase ASCII words');
  }
  const icon = fields.icon;
  if (typeof icon !== 'string' || !/^[a-z0-9-]+$/.test(icon)) {
    problem('"icon" must be a codicon id such as "book"');
  }
  const order = fields.order;
  if (typeof order !== 'number' || !Number.isFinite(order)) {
    problem('"order" must be a number');
  }
  const summary = fields.summary;
  if (summary !== undefined && typeof summary !== 'string') {
    problem('"summary" must be one line of text');
  }
  const verified = readVerification(fields.verified);
  if (fields.verified !== undefined && verified === undefined) {
    problem('"verified" must have "versions" and "sources" lists');
  } else if (options.requireVerified && (verified === undefined || verified.versions.length === 0 || verified.sources.length === 0)) {
    problem('"verified" must list at least one version and one source');
  }
  return {
    id,
    title: title.trim(),
    tags: tags ?? [],
    icon: typeof icon === 'string' && /^[a-z0-9-]+$/.test(icon) ? icon : 'book',
    order: typeof order === 'number' && Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER,
    summary: typeof summary === 'string' ? summary.trim() : undefined,
    verified,
  };
}

function readStringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
    return undefined;
  }
  return value.map(String);
}

function readVerification(value: unknown): NoteVerification | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  const versions = readStringList(fields.versions);
  const sources = readStringList(fields.sources);
  return versions && sources ? { versions, sources } : undefined;
}

/**
 * A section's text is read from the note's body when asked for, not kept: a library of
 * thousands of notes would otherwise hold every note twice (the Markdown and its text).
 */
class BodySection implements NoteSection {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly kind: NoteSection['kind'],
    readonly level: 2 | 3,
    readonly parentId: string | undefined,
    readonly line: number,
    private readonly body: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    return markdownToPlainText(this.body.slice(this.start, this.end));
  }

  toJSON(): object {
    return { id: this.id, title: this.title, kind: this.kind, level: this.level, parentId: this.parentId, line: this.line, text: this.text };
  }
}

function readSections(body: string, lineOffset: number, problems: NoteProblem[]): { intro: string; sections: NoteSection[] } {
  const tokens = structureParser.parse(body, {});
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const offsetOfLine = (line: number) => (line < lineStarts.length ? lineStarts[line] : body.length);
  const sections: NoteSection[] = [];
  const seenIds = new Set<string>();
  const introParts: string[] = [];
  let inIntro = true;
  let currentSection: { id: string; title: string; level: 2 | 3; parentId?: string; line: number; kind: NoteSection['kind']; contentStart: number } | undefined;
  let currentParentId: string | undefined;

  const finish = (end: number) => {
    if (currentSection) {
      const { id, title, kind, level, parentId, line, contentStart } = currentSection;
      sections.push(new BodySection(id, title, kind, level, parentId, line, body, contentStart, end));
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3')) {
      const inline = tokens[i + 1];
      const bodyLine = token.map ? token.map[0] : 0;
      const line = lineOffset + bodyLine;
      const level = token.tag === 'h2' ? 2 : 3;
      const idAttribute = token.attrGet('id');
      const id = idAttribute === null ? undefined : String(idAttribute);
      const title = inline.content.trim();
      if (!id || !headingIdPattern.test(id)) {
        problems.push({ line, message: `heading "${quoted(title)}" needs an id: write it as "${'#'.repeat(level)} ${quoted(title)} {#some-id}" (lowercase letters, digits, "-")` });
        if (inIntro) {
          introParts.push(title);
        }
        i += 2;
        continue;
      }
      if (seenIds.has(id)) {
        problems.push({ line, message: `heading id "${id}" is used twice` });
        if (inIntro) {
          introParts.push(title);
        }
        i += 2;
        continue;
      }
      seenIds.add(id);
      finish(offsetOfLine(bodyLine));
      inIntro = false;
      if (level === 2) {
        currentParentId = id;
      } else if (currentParentId === undefined) {
        problems.push({ line, message: `level-3 heading "${quoted(title)}" comes before any level-2 section` });
      }
      const isQuestion = level === 3 && currentParentId === questionsSectionId && /[?？]$/.test(title);
      if (level === 3 && currentParentId === questionsSectionId && !isQuestion) {
        problems.push({ line, message: `"${quoted(title)}" is in the questions section but does not end with "?"` });
      }
      currentSection = {
        id,
        title,
        level,
        parentId: level === 3 ? currentParentId : undefined,
        line,
        kind: level === 2 ? 'section' : isQuestion ? 'question' : 'subsection',
        contentStart: offsetOfLine(token.map ? token.map[1] : bodyLine + 1),
      };
      i += 2;
      continue;
    }
    if (inIntro) {
      appendPlainText(token, introParts);
    }
  }
  finish(body.length);
  return { intro: introParts.join('\n').trim(), sections };
}

/**
 * The words of a piece of Markdown, for search and excerpts: code kept, link targets,
 * emphasis marks, list and quote markers, table rules and heading ids dropped.
 */
const markdownMarks = new RegExp(
  [
    /^[ \t]*(?:```|~~~).*$/.source, // fence lines (the code between them stays)
    /^(?=[ \t|:-]*---)[ \t|:-]+$/.source, // table rules, thematic breaks: a line of only these, with ---
    // Links and images: their text. Neither part may hold its own opening bracket, so a run of
    // `[` or `(` is passed over once, not once from each of its places.
    /!?\[([^[\]\n]*)\]\([^()\n]*\)/.source,
    /^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/.source, // heading, quote and list markers
    // Heading ids with the spaces before them; matched only from the first space of a run, so a
    // long run of spaces is scanned once, not once from each of its places.
    /(?<![ \t])[ \t]*\{#[a-z0-9-]+\}/.source,
    /\*\*|__|`+|~~|\|/.source, // emphasis, code marks, table cells
    /&(?:amp|lt|gt|quot|#39);/.source,
  ].join('|'),
  'gm',
);
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The words of a piece of Markdown, for search and excerpts: code kept, link targets,
 * emphasis marks, list and quote markers, table rules and heading ids dropped. One pass.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(markdownMarks, (mark: string, linkText: string | undefined) => linkText ?? (mark === '|' ? ' ' : entities[mark] ?? ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function appendPlainText(token: Token, into: string[]): void {
  if (token.type === 'inline') {
    into.push(inlineText(token));
  } else if (token.type === 'fence' || token.type === 'code_block') {
    into.push(token.content);
  }
}

export function inlineText(token: Token): string {
  if (!token.children) {
    return token.content;
  }
  let text = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') {
      text += child.content;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += ' ';
    }
  }
  return text;
}

/** A heading as problems quote it: enough to find it, never the megabytes a hostile one may have. */
function quoted(title: string): string {
  return title.length > 120 ? `${title.slice(0, 119)}…` : title;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      count++;
    }
  }
  return count;
}
