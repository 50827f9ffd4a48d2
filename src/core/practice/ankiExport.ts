/**
 * Questions as a text file Anki imports (Anki 2.1.55+, where the file headers are read by
 * default). The format is Anki's manual, "Text Files", https://docs.ankiweb.net/importing/text-files.html:
 * - "File Headers": `#key:value` lines at the top: `separator` (Tab), `html` (true: fields are
 *   HTML), `notetype`, `deck`, `columns`, `guid column` and `tags column` (1-based);
 * - fields holding the separator, a newline or `"` are put in double quotes, a `"` inside
 *   doubled ("escape the characters by placing the contents of the field in quotation marks");
 * - with HTML on, `<`, `>` and `&` meant as text are written `&lt;`, `&gt;`, `&amp;`.
 * The GUID column makes a second import with "update existing notes" update the notes rather
 * than add copies ("GUID Column" in the same page). Pure: no `vscode`.
 */
import { escapeHtml } from '../text/html';
import { noteIdOf } from './progress';

export interface AnkiQuestion {
  /** The language of the text, `en` or `zh-cn`: one note per question and language. */
  readonly language: string;
  /** `<noteId>#<sectionId>`. */
  readonly questionId: string;
  /** The question as plain text (escaped here). */
  readonly question: string;
  /** The model answer as our renderer made it (cleaned here by `ankiAnswerHtml`). */
  readonly answerHtml: string;
  /** Anki tags; by default `interview-notes`, the topic and the language. */
  readonly tags?: readonly string[];
  /** The question's deck, with `{ deckColumn: true }` (see `ankiTopicDeck`). */
  readonly deck?: string;
}

/**
 * One deck for the whole file (`#deck:`, which Anki preselects in its import dialog), or a
 * deck per question in a column of its own (`#deck column:`). The manual's "File Headers"
 * (https://docs.ankiweb.net/importing/text-files.html#file-headers) lists both; only the column
 * can put each topic in a subdeck of its own, so the host uses it.
 */
export type AnkiExportOptions = { readonly deck: string } | { readonly deckColumn: true };

/** The subdeck of a topic: `Interview Notes::<title>`, the title unable to nest deeper (`::`) or break the row. */
export function ankiTopicDeck(topicTitle: string): string {
  const title = headerValue(topicTitle).replace(/:{2,}/g, ': ').replace(/ {2,}/g, ' ').trim();
  return `Interview Notes::${title || 'Untitled'}`;
}

/** The note's GUID: stable across exports, so Anki updates the note it imported before. */
export function ankiGuid(language: string, questionId: string): string {
  return `interview-notes:${language}:${questionId}`;
}

/** The whole file: headers, then one row per question (GUID, [deck,] front, back, tags), each line ending in `\n`. */
export function ankiTextFile(questions: readonly AnkiQuestion[], options: AnkiExportOptions): string {
  const deckColumn = 'deckColumn' in options;
  const columns = deckColumn ? ['GUID', 'Deck', 'Front', 'Back', 'Tags'] : ['GUID', 'Front', 'Back', 'Tags'];
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    ...('deck' in options ? [`#deck:${headerValue(options.deck)}`] : []),
    `#columns:${columns.join('\t')}`,
    `#guid column:${columns.indexOf('GUID') + 1}`,
    ...(deckColumn ? [`#deck column:${columns.indexOf('Deck') + 1}`] : []),
    `#tags column:${columns.indexOf('Tags') + 1}`,
  ];
  const rows = questions.map((question) =>
    [
      ankiGuid(question.language, question.questionId),
      ...(deckColumn ? [headerValue(question.deck ?? ankiTopicDeck(noteIdOf(question.questionId)))] : []),
      escapeHtml(question.question),
      ankiAnswerHtml(question.answerHtml),
      (question.tags ?? ['interview-notes', noteIdOf(question.questionId), question.language]).map(ankiTag).filter((tag) => tag !== '').join(' '),
    ]
      .map(ankiField)
      .join('\t'),
  );
  return [...headers, ...rows].map((line) => `${line}\n`).join('');
}

/** A header's value is the rest of its line: no line breaks or tabs in it. */
function headerValue(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Anki separates tags with spaces, so a tag has none. */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

/** A field as Anki's importer reads it: quoted, with `"` doubled, when it holds a tab, a line break or a quote. */
export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tags kept, without attributes; the rest (span, div, ...) are dropped and their content kept. */
const plainTags = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'code', 'blockquote',
  'em', 'strong', 'b', 'i', 's', 'del', 'sub', 'sup', 'kbd', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const textAlignPattern = /^text-align:(?:left|right|center)$/;

/**
 * The answer HTML for Anki: our renderer's HTML without what only the reader understands.
 * Links to notes and snippets (our link scheme) become their text, https links stay; classes
 * (highlight.js's `hljs-*`, `code-block`, `question`), ids and `data-*` attributes go, with the
 * `<span>`s and `<div>`s that only carried them. What is kept is rebuilt from an allow-list,
 * so nothing else of the input's markup survives. One pass over the text: linear time.
 */
export function ankiAnswerHtml(html: string): string {
  let output = '';
  /** For each open `<a>`, whether it was kept (its `</a>` is then kept too). */
  const openLinks: boolean[] = [];
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) {
      output += html.slice(position);
      break;
    }
    output += html.slice(position, open);
    if (!startsTag(html, open + 1)) {
      // `<` then no tag name (`<!--`, `< 3`): text. Decided before looking for `>`, so a run
      // of `<` is not searched again and again to the same `>`.
      output += '&lt;';
      position = open + 1;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) {
      // No tag ends after this point: the rest is text.
      output += html.slice(open).replace(/</g, '&lt;');
      break;
    }
    const tag = parseTag(html, open + 1, close);
    position = close + 1;
    if (tag.name === 'a') {
      if (tag.closing) {
        if (openLinks.pop()) {
          output += '</a>';
        }
        continue;
      }
      const href = tag.attributes.get('href');
      const url = href !== undefined ? externalUrl(decodeEntities(href)) : undefined;
      openLinks.push(url !== undefined);
      if (url !== undefined) {
        output += `<a href="${escapeHtml(url)}">`;
      }
      continue;
    }
    if (!plainTags.has(tag.name)) {
      continue;
    }
    if (tag.closing) {
      output += `</${tag.name}>`;
      continue;
    }
    let attributes = '';
    const style = tag.attributes.get('style');
    if ((tag.name === 'th' || tag.name === 'td') && style !== undefined && textAlignPattern.test(style)) {
      attributes = ` style="${style}"`;
    }
    const start = tag.attributes.get('start');
    if (tag.name === 'ol' && start !== undefined && /^\d{1,9}$/.test(start)) {
      attributes = ` start="${start}"`;
    }
    output += `<${tag.name}${attributes}>`;
  }
  return output;
}

/**
 * The link, when it leaves for the web: the rule of `classifyLink`'s external links
 * (src/core/render/noteRenderer.ts), written again here so that this module does not bring
 * markdown-it into the extension's main bundle (it lives behind src/host/textEngine.ts).
 * test/unit/ankiExport.test.ts checks the two agree.
 */
export function externalUrl(href: string): string | undefined {
  const trimmed = href.trim();
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}

interface ParsedTag {
  readonly name: string;
  readonly closing: boolean;
  /** Attribute values as written (entities not decoded). */
  readonly attributes: Map<string, string>;
}

function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 95 || code === 58;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 47; // `/` of `<br />` too
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Whether a tag starts here (just after `<`): a letter, or `/` and a letter. */
function startsTag(html: string, index: number): boolean {
  return isLetter(html.charCodeAt(index)) || (html.charCodeAt(index) === 47 && isLetter(html.charCodeAt(index + 1)));
}

/** The tag between `<` and `>` (`from` just after `<`, where `startsTag` holds; `to` at `>`). */
function parseTag(html: string, from: number, to: number): ParsedTag {
  let index = from;
  const closing = html.charCodeAt(index) === 47; // `/`
  if (closing) {
    index++;
  }
  const nameStart = index;
  while (index < to && isNameCharacter(html.charCodeAt(index))) {
    index++;
  }
  const name = html.slice(nameStart, index).toLowerCase();
  const attributes = new Map<string, string>();
  while (index < to) {
    while (index < to && isSpace(html.charCodeAt(index))) {
      index++;
    }
    const attributeStart = index;
    while (index < to && !isSpace(html.charCodeAt(index)) && html.charCodeAt(index) !== 61) {
      index++;
    }
    const attribute = html.slice(attributeStart, index).toLowerCase();
    let value = '';
    if (index < to && html.charCodeAt(index) === 61) {
      index++;
      const quote = html.charCodeAt(index);
      if (quote === 34 || quote === 39) {
        // Within this tag only: an unclosed quote must not send the search to the end of the text.
        let valueEnd = index + 1;
        while (valueEnd < to && html.charCodeAt(valueEnd) !== quote) {
          valueEnd++;
        }
        value = html.slice(index + 1, valueEnd);
        index = valueEnd + 1;
      } else {
        const valueStart = index;
        while (index < to && !isSpace(html.charCodeAt(index))) {
          index++;
        }
        value = html.slice(valueStart, index);
      }
    }
    if (attribute !== '' && !attributes.has(attribute)) {
      attributes.set(attribute, value);
    }
  }
  return { name, closing, attributes };
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/** The few entities our renderer writes in attribute values (markdown-it's escapeHtml, ours). */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => entities[name]);
}
