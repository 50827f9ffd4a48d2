/**
 * Messages the reader webview may send. Everything from a webview is untrusted input:
 * anything of an unknown type, with missing fields or oversized values is dropped.
 */
export type ReaderMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'insertCode'; readonly code: string }
  | { readonly type: 'copyCode'; readonly code: string }
  | { readonly type: 'scrolled'; readonly sectionId?: string };

export const maxLinkLength = 2048;
export const maxCodeLength = 1_000_000;

export function parseReaderMessage(message: unknown): ReaderMessage | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  switch (fields.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openLink':
      return typeof fields.href === 'string' && fields.href.length <= maxLinkLength ? { type: 'openLink', href: fields.href } : undefined;
    case 'insertCode':
    case 'copyCode':
      return typeof fields.code === 'string' && fields.code.length <= maxCodeLength ? { type: fields.type, code: fields.code } : undefined;
    case 'scrolled':
      if (fields.sectionId === undefined) {
        return { type: 'scrolled' };
      }
      return typeof fields.sectionId === 'string' && /^[a-z0-9][a-z0-9-]{0,99}$/.test(fields.sectionId) ? { type: 'scrolled', sectionId: fields.sectionId } : undefined;
    default:
      return undefined;
  }
}
