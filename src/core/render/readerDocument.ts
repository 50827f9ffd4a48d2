/** The reader webview's HTML page around a rendered note. Pure, so it is unit-tested. */
import { escapeHtml } from '../text/html';

export interface OutlineEntry {
  readonly id: string;
  readonly title: string;
  readonly level: 2 | 3;
  readonly question: boolean;
}

export interface TopicLink {
  readonly noteId: string;
  readonly title: string;
}

export interface ReaderChrome {
  readonly outline: readonly OutlineEntry[];
  readonly previous?: TopicLink;
  readonly next?: TopicLink;
  readonly strings: { readonly contents: string; readonly previous: string; readonly next: string; readonly hideAnswers: string };
}

/**
 * The reader's own parts around the note: a toolbar that stays at the top while the note
 * scrolls (back and forward, which the script fills in, the contents, folded until asked for,
 * and "Hide answers"), and links to the neighbouring topics at the bottom. The note itself
 * opens on its title, not on its contents.
 */
export function readerChrome(chrome: ReaderChrome): { top: string; bottom: string } {
  const entries = chrome.outline
    .map((entry) => `<li class="outline-${entry.level}${entry.question ? ' outline-question' : ''}"><a href="#${escapeAttribute(entry.id)}">${escapeHtml(entry.title)}</a></li>`)
    .join('');
  const topicLink = (link: TopicLink | undefined, label: string, className: string) =>
    link ? `<a class="${className}" href="${escapeAttribute(link.noteId)}.md"><span class="nav-label">${escapeHtml(label)}</span> ${escapeHtml(link.title)}</a>` : '<span></span>';
  const contents = entries ? `<details class="outline" id="outline"><summary>${escapeHtml(chrome.strings.contents)}</summary><nav class="outline-list"><ul>${entries}</ul></nav></details>` : '';
  const top = `<header class="reader-toolbar" id="reader-toolbar"><span class="history-buttons" id="history-buttons"></span>${contents}<span class="toolbar-spacer"></span><label class="hide-answers-toggle"><input type="checkbox" id="hide-answers"> ${escapeHtml(chrome.strings.hideAnswers)}</label></header>`;
  const bottom = `<nav class="topic-nav">${topicLink(chrome.previous, chrome.strings.previous, 'previous-topic')}${topicLink(chrome.next, chrome.strings.next, 'next-topic')}</nav>`;
  return { top, bottom };
}

export interface ReaderDocumentParts extends WebviewPageHead {
  readonly scriptUri: string;
  readonly bodyHtml: string;
  /** The reader's own parts above and below the note (readerChrome). */
  readonly chrome?: { readonly top: string; readonly bottom: string };
  /** Serialisable state and strings for the script, passed in a data attribute. */
  readonly data: unknown;
}

/**
 * The policy of every webview page: nothing from anywhere by default, styles, fonts and
 * images from the extension only, scripts only with this page's nonce.
 */
function webviewContentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
}

/** What every webview page has from `<!DOCTYPE html>` to `</head>`: the policy first, then the styles. */
export interface WebviewPageHead {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUris: readonly string[];
  /** A script that must run before the page is parsed (the policy watch), in <head>. */
  readonly headScriptUri?: string;
  readonly language: string;
  readonly title: string;
}

export function webviewPageHead(parts: WebviewPageHead): string {
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(parts.language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${webviewContentSecurityPolicy(parts.cspSource, parts.nonce)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    ${parts.headScriptUri ? `<script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.headScriptUri)}"></script>` : ''}
    <title>${escapeHtml(parts.title)}</title>
  </head>`;
}

export function readerDocument(parts: ReaderDocumentParts): string {
  return `${webviewPageHead(parts)}
  <body>
    <div id="reader-data" data-reader="${escapeAttribute(JSON.stringify(parts.data))}"></div>
    ${parts.chrome?.top ?? ''}
    <main class="note" id="note">
      <h1 class="note-title">${escapeHtml(parts.title)}</h1>
      ${parts.bodyHtml}
    </main>
    ${parts.chrome?.bottom ?? ''}
    <script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
  </body>
</html>`;
}


export function escapeAttribute(text: string): string {
  return escapeHtml(text);
}


/** A fresh nonce for every render (crypto is global in Node 20 and in web workers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
