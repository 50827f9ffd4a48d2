/**
 * Messages the reader webview may send. Everything from a webview is untrusted input:
 * anything of an unknown type, with missing fields or oversized values is dropped.
 */
export type ReaderMessage =
  | { readonly type: 'ready' }
  /** A link clicked at this scroll position of this page (the place Back returns to). */
  | { readonly type: 'openLink'; readonly href: string; readonly scrollY?: number; readonly page?: string }
  | { readonly type: 'insertCode'; readonly code: string }
  | { readonly type: 'copyCode'; readonly code: string }
  | { readonly type: 'scrolled'; readonly sectionId?: string; readonly scrollY?: number; readonly page?: string }
  /** A jump inside the note (its contents, a `#section` link), from this scroll position. */
  | { readonly type: 'jumped'; readonly sectionId: string; readonly fromScrollY: number; readonly page?: string }
  /** The toolbar's Back or Forward, or the mouse's back and forward buttons. */
  | { readonly type: 'navigate'; readonly direction: 'back' | 'forward' };

export const maxLinkLength = 2048;
export const maxCodeLength = 1_000_000;
const maxScrollY = 100_000_000;

function isSectionId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,99}$/.test(value);
}

/** The id the host gave the page (a nonce), so that it can tell a stale page's message. */
function isPageId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{1,64}$/.test(value);
}

/** The page's id when it is well formed; otherwise the message still counts, as from an unknown page. */
function pageOf(fields: Record<string, unknown>): { page?: string } {
  return isPageId(fields.page) ? { page: fields.page } : {};
}

function isScrollY(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= maxScrollY;
}

export function parseReaderMessage(message: unknown): ReaderMessage | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  switch (fields.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openLink':
      if (typeof fields.href !== 'string' || fields.href.length > maxLinkLength || (fields.scrollY !== undefined && !isScrollY(fields.scrollY))) {
        return undefined;
      }
      return { type: 'openLink', href: fields.href, ...(fields.scrollY === undefined ? {} : { scrollY: fields.scrollY }), ...pageOf(fields) };
    case 'insertCode':
    case 'copyCode':
      return typeof fields.code === 'string' && fields.code.length <= maxCodeLength ? { type: fields.type, code: fields.code } : undefined;
    case 'scrolled': {
      if ((fields.sectionId !== undefined && !isSectionId(fields.sectionId)) || (fields.scrollY !== undefined && !isScrollY(fields.scrollY))) {
        return undefined;
      }
      return { type: 'scrolled', ...(fields.sectionId === undefined ? {} : { sectionId: fields.sectionId }), ...(fields.scrollY === undefined ? {} : { scrollY: fields.scrollY }), ...pageOf(fields) };
    }
    case 'jumped':
      return isSectionId(fields.sectionId) && isScrollY(fields.fromScrollY) ? { type: 'jumped', sectionId: fields.sectionId, fromScrollY: fields.fromScrollY, ...pageOf(fields) } : undefined;
    case 'navigate':
      return fields.direction === 'back' || fields.direction === 'forward' ? { type: 'navigate', direction: fields.direction } : undefined;
    default:
      return undefined;
  }
}
