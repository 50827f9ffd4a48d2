/**
 * Inline Markdown (a heading, a line of a note) as a label or as safe hover Markdown: code
 * spans, links, emphasis and escapes read as the words they stand for, never as raw marks.
 * One pass over the text, with look-up tables built in one pass each: linear whatever the input.
 */
import { escapeMarkdown } from './untrustedText';

/** A heading or other inline Markdown as plain words, for tree items, pickers and contents lists. */
export function plainLabel(text: string): string {
  // Most headings hold no mark at all: they are returned as they are, without a pass.
  return /[`*_~[\\!]/.test(text) ? readInline(text, 'plain') : text;
}

/**
 * Inline Markdown from a note as Markdown that shows only text and code: code spans stay code
 * spans, every other mark is read as what it means (a link as its text) and the rest escaped,
 * so no link, image, HTML or icon from the note comes alive in a hover.
 */
export function safeInlineMarkdown(text: string): string {
  // Trimmed: four spaces in front would make it a code block.
  return readInline(text.trim(), 'markdown');
}

type Mode = 'plain' | 'markdown';

const backtick = 96;
const backslash = 92;
const zeroWidthSpace = '\u200b';
const asciiPunctuation = /[!-/:-@[-`{-~]/;

function readInline(text: string, mode: Mode): string {
  const closingRun = codeSpanClosers(text);
  const linkEnd = linkTargetEnds(text);
  const emphasis = emphasisMarks(text, closingRun);
  const pieces: string[] = [];
  // Where each open `[` (or `![`) sits in `pieces`, so a link's brackets can be dropped once it closes.
  const openBrackets: number[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) {
      pieces.push(mode === 'markdown' ? escapeMarkdown(buffer) : buffer);
      buffer = '';
    }
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const character = text[i];
    if (code === backtick) {
      let runEnd = i;
      while (runEnd < text.length && text.charCodeAt(runEnd) === backtick) {
        runEnd++;
      }
      const closer = closingRun.get(i);
      if (closer === undefined) {
        buffer += text.slice(i, runEnd); // no closing run of this length: literal backticks
      } else {
        const content = codeSpanContent(text.slice(runEnd, closer));
        if (mode === 'plain') {
          buffer += content;
        } else {
          flush();
          pieces.push(codeSpan(content));
        }
        i = closer + (runEnd - i);
        continue;
      }
      i = runEnd;
      continue;
    }
    if (code === backslash && i + 1 < text.length && asciiPunctuation.test(text[i + 1])) {
      buffer += text[i + 1]; // an escaped mark is the character itself
      i += 2;
      continue;
    }
    if (character === '[' || (character === '!' && text[i + 1] === '[')) {
      flush();
      openBrackets.push(pieces.length);
      pieces.push(mode === 'markdown' ? escapeMarkdown(character === '!' ? '![' : '[') : character === '!' ? '![' : '[');
      i += character === '!' ? 2 : 1;
      continue;
    }
    if (character === ']' && text[i + 1] === '(' && openBrackets.length > 0 && linkEnd[i + 2] >= 0) {
      // A link or image: its text stays, its brackets and target go.
      flush();
      pieces[openBrackets.pop()!] = '';
      i = linkEnd[i + 2] + 1;
      continue;
    }
    if (emphasis[i] === 1) {
      i++;
      continue;
    }
    buffer += character;
    i++;
  }
  flush();
  return pieces.join('');
}

/**
 * Code spans: for each run of backticks that opens one, where the closing run (of the same
 * length) starts. Each length's runs are visited in order once, so this is linear.
 */
function codeSpanClosers(text: string): Map<number, number> {
  const runsByLength = new Map<number, number[]>();
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) !== backtick || (i > 0 && text.charCodeAt(i - 1) === backslash && !isEscaped(text, i - 1))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && text.charCodeAt(end) === backtick) {
      end++;
    }
    runs.push({ start: i, length: end - i });
    const sameLength = runsByLength.get(end - i) ?? [];
    sameLength.push(runs.length - 1);
    runsByLength.set(end - i, sameLength);
    i = end;
  }
  const closers = new Map<number, number>();
  const nextOfLength = new Map<number, number>();
  for (let r = 0; r < runs.length; ) {
    const { start, length } = runs[r];
    const sameLength = runsByLength.get(length)!;
    let next = nextOfLength.get(length) ?? 0;
    while (next < sameLength.length && sameLength[next] <= r) {
      next++;
    }
    nextOfLength.set(length, next);
    if (next < sameLength.length) {
      const closer = sameLength[next];
      closers.set(start, runs[closer].start);
      r = closer + 1; // the runs inside the span are code
    } else {
      r++;
    }
  }
  return closers;
}

/** Whether the character at `at` is itself escaped by an odd run of backslashes before it. */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === backslash; i--) {
    count++;
  }
  return count % 2 === 1;
}

/**
 * For each place, where a link target starting there ends: the `)` that comes before any `(`,
 * `)`-less line break or space; -1 when none does. One pass from the end.
 */
function linkTargetEnds(text: string): Int32Array {
  const ends = new Int32Array(text.length + 1).fill(-1);
  let close = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const character = text[i];
    if (character === ')') {
      close = i;
    } else if (character === '(' || character === '\n' || character === ' ' || character === '\t') {
      close = -1;
    }
    ends[i] = close;
  }
  return ends;
}

/**
 * The places of emphasis marks (`*`, `_`, `~~` runs) that open and close a pair, marked 1:
 * a lone `*args` or `2 * 3` stays, and so does snake_case. Runs are paired like brackets,
 * with one stack per mark, outside code spans: linear.
 */
function emphasisMarks(text: string, closingRun: ReadonlyMap<number, number>): Uint8Array {
  const marks = new Uint8Array(text.length);
  const openers: Record<string, { start: number; end: number }[]> = { '*': [], _: [], '~': [] };
  for (let i = 0; i < text.length; ) {
    const character = text[i];
    if (character === '\\') {
      i += 2;
      continue;
    }
    const closer = closingRun.get(i);
    if (closer !== undefined) {
      i = closer + 1;
      while (i < text.length && text.charCodeAt(i) === backtick) {
        i++;
      }
      continue;
    }
    if (character !== '*' && character !== '_' && character !== '~') {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] === character) {
      end++;
    }
    const before = text[i - 1] ?? ' ';
    const after = text[end] ?? ' ';
    const leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    // `_` inside a word is a letter (snake_case); `~` counts only doubled.
    const canOpen = character === '_' ? leftFlanking && (!rightFlanking || isPunctuation(before)) : leftFlanking;
    const canClose = character === '_' ? rightFlanking && (!leftFlanking || isPunctuation(after)) : rightFlanking;
    const stack = openers[character];
    if (character === '~' && end - i !== 2) {
      // not strikethrough
    } else if (canClose && stack.length > 0) {
      const opener = stack.pop()!;
      marks.fill(1, opener.start, opener.end);
      marks.fill(1, i, end);
    } else if (canOpen) {
      stack.push({ start: i, end });
    }
    i = end;
  }
  return marks;
}

function isSpace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

function isPunctuation(character: string): boolean {
  return asciiPunctuation.test(character);
}

/** CommonMark: line breaks are spaces, and one space each side is dropped when both are there. */
function codeSpanContent(raw: string): string {
  const flat = raw.replace(/[\r\n]/g, ' ');
  return flat.length > 2 && flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '' ? flat.slice(1, -1) : flat;
}

/** A code span that shows `content` as it is: fenced by more backticks than it holds, no icon syntax. */
function codeSpan(content: string): string {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < content.length; i++) {
    run = content.charCodeAt(i) === backtick ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  // eslint-disable-next-line no-control-regex
  const safe = content.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replaceAll('$(', `$${zeroWidthSpace}(`);
  const padded = safe.startsWith('`') || safe.endsWith('`') || (safe.startsWith(' ') && safe.endsWith(' ')) ? ` ${safe} ` : safe;
  return `${fence}${padded}${fence}`;
}
