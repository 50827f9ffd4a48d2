/**
 * The start of a note section as Markdown for a hover or a completion's details: paragraphs
 * and list items as text that wraps (code spans kept), tables as tables with escaped cells,
 * code blocks left out. Nothing from the note comes alive: every piece goes through
 * safeInlineMarkdown or escapeMarkdown. Line by line, once: linear.
 */
import { safeInlineMarkdown, plainLabel } from './inlineMarkdown';
import { cutAtWord } from './excerpt';
import { escapeMarkdown } from './untrustedText';

/** Tables longer than this are left out: a hover is not the place for them. */
const maxTableRows = 8;
/** A paragraph cut shorter than this is left out. */
const minimumPiece = 12;

export function markdownExcerpt(markdown: string, maxLength: number): string {
  const blocks: { readonly text: string; readonly listItem: boolean }[] = [];
  let budget = maxLength;
  let paragraph: string[] = [];
  let listMarker: string | undefined;
  let fence: string | undefined;
  let table: string[][] | undefined;
  let cut = false;

  const flushParagraph = () => {
    if (paragraph.length === 0) {
      return;
    }
    const text = paragraph.join(' ');
    paragraph = [];
    const marker = listMarker;
    listMarker = undefined;
    if (budget <= 0) {
      cut = true;
      return;
    }
    const visible = plainLabel(text).length;
    const kept = visible > budget ? cutAtWord(text, budget + (text.length - visible)) : text;
    budget -= visible;
    if (kept !== text) {
      cut = true;
      if (kept.length < minimumPiece) {
        return; // a word or two of a paragraph says nothing
      }
    }
    const inline = safeInlineMarkdown(kept) + (kept !== text ? '…' : '');
    blocks.push({ text: marker ? `${marker} ${inline}` : inline, listItem: marker !== undefined });
  };
  const flushTable = () => {
    const rows = table;
    table = undefined;
    if (!rows) {
      return;
    }
    const [header, ...body] = rows;
    const width = header.length;
    const cells = (row: readonly string[]) => Array.from({ length: width }, (_, column) => escapeMarkdown(plainLabel(row[column] ?? '').trim()) || ' ');
    const size = rows.reduce((total, row) => total + row.join(' ').length, 0);
    if (budget <= 0 || body.length > maxTableRows) {
      cut = true;
      return;
    }
    budget -= size;
    blocks.push({ text: [header, header.map(() => '---'), ...body].map((row, index) => `| ${(index === 1 ? row : cells(row)).join(' | ')} |`).join('\n'), listItem: false });
  };

  for (const rawLine of markdown.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trim();
    if (fence !== undefined) {
      if (trimmed.startsWith(fence)) {
        fence = undefined;
      }
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(trimmed);
    if (opening) {
      flushParagraph();
      flushTable();
      fence = opening[1];
      continue;
    }
    if (trimmed.startsWith('|')) {
      flushParagraph();
      const cells = tableCells(trimmed);
      if (table) {
        if (!isDelimiterRow(cells)) {
          table.push(cells);
        }
      } else {
        table = [cells];
      }
      continue;
    }
    flushTable();
    if (trimmed === '') {
      flushParagraph();
      continue;
    }
    const item = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(trimmed);
    const heading = /^#{1,6}[ \t]+/.exec(trimmed);
    if (item || heading) {
      flushParagraph();
      listMarker = item ? (/^\d/.test(item[0]) ? `${item[0].trim().replace(')', '.')}` : '-') : undefined;
    }
    paragraph.push((item ? trimmed.slice(item[0].length) : heading ? trimmed.slice(heading[0].length) : trimmed.replace(/^>[ \t]?/, '')));
  }
  flushParagraph();
  flushTable();
  // Items of one list on consecutive lines, so it renders as a tight list.
  const text = blocks.map((block, index) => (index === 0 ? '' : block.listItem && blocks[index - 1].listItem ? '\n' : '\n\n') + block.text).join('');
  return cut && !text.endsWith('…') ? `${text}\n\n…` : text;
}

/** The cells of a table row: split at `|` that are not escaped, without the outer ones. */
function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const character = row[i];
    if (character === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (character === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += character;
    }
  }
  cells.push(cell);
  // The empty strings before the first `|` and after the last one.
  return cells.slice(1, row.trimEnd().endsWith('|') && !row.trimEnd().endsWith('\\|') ? -1 : undefined);
}

function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell));
}

/** Markdown as a block quote, every line of it (tables and lists stay what they are inside). */
export function quotedMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A hover's first line: the section's title in bold, then its note's. */
export function sectionHeadingMarkdown(sectionTitle: string, noteTitle: string): string {
  return `**${safeInlineMarkdown(sectionTitle)}** · ${safeInlineMarkdown(noteTitle)}`;
}
