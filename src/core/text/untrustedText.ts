/**
 * Text that comes from a note, a snippet file, a setting or an imported file, made safe for
 * the places where VS Code reads markup into a plain string: notifications and the status
 * bar turn `[label](command:…)` into a live link and `$(name)` into an icon, and hovers and
 * completion documentation render Markdown. Every such string goes through here.
 */

const zeroWidthSpace = '\u200b';
// C0 and C1 controls and the line and paragraph separators: a notification is one line.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * One line of plain text for a notification, status bar item, tree label or picker: no link
 * (`](` and `](` are split by a zero-width space, invisible but enough that VS Code's link
 * parser no longer sees a link), no icon (`$(`), no line breaks, at most `maxLength` characters.
 */
export function plainUiText(text: string, maxLength = 500): string {
  const oneLine = text.replace(controlCharacters, ' ');
  const cut = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return cut.replaceAll('](', `]${zeroWidthSpace}(`).replaceAll('$(', `$${zeroWidthSpace}(`);
}

// Every character CommonMark can read as markup, plus `$` (codicons) and `&` (entities).
const markdownSpecial = /[\\`*_{}[\]()#+\-.!|<>~&$:"']/g;

/** Text shown as itself inside a Markdown string (hover, completion documentation). */
export function escapeMarkdown(text: string): string {
  return text.replace(controlCharacters, ' ').replace(markdownSpecial, (character) => `\\${character}`);
}
