/** The reader webview's HTML page around a rendered note. Pure, so it is unit-tested. */
export interface ReaderDocumentParts {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUris: readonly string[];
  readonly scriptUri: string;
  readonly language: string;
  readonly title: string;
  readonly bodyHtml: string;
  /** Serialisable state and strings for the script, passed in a data attribute. */
  readonly data: unknown;
}

export function readerDocument(parts: ReaderDocumentParts): string {
  const csp = [
    "default-src 'none'",
    `style-src ${parts.cspSource}`,
    `font-src ${parts.cspSource}`,
    `img-src ${parts.cspSource}`,
    `script-src 'nonce-${parts.nonce}'`,
  ].join('; ');
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(parts.language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeHtml(parts.title)}</title>
  </head>
  <body>
    <div id="reader-data" data-reader="${escapeAttribute(JSON.stringify(parts.data))}"></div>
    <main class="note" id="note">
      <h1 class="note-title">${escapeHtml(parts.title)}</h1>
      ${parts.bodyHtml}
    </main>
    <script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
  </body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character]);
}

export function escapeAttribute(text: string): string {
  return escapeHtml(text);
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A fresh nonce for every render (crypto is global in Node 20 and in web workers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
