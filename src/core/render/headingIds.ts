import type { MarkdownIt, Token } from 'markdown-it';

/** `## Title {#id}`: the explicit id the note format gives a heading. */
const trailingIdPattern = /\s*\{#([^}\s]*)\}\s*$/;

export function splitHeadingId(text: string): { title: string; id?: string } {
  const match = trailingIdPattern.exec(text);
  if (!match) {
    return { title: text.trim() };
  }
  return { title: text.slice(0, match.index).trim(), id: match[1] };
}

/**
 * A markdown-it plugin that moves `{#id}` from the end of a heading into its `id`
 * attribute, so the id never shows as text and anchors work in the reader.
 */
export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('interview_notes_heading_ids', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length - 1; i++) {
      if (tokens[i].type !== 'heading_open') {
        continue;
      }
      const inline = tokens[i + 1];
      const { title, id } = splitHeadingId(inline.content);
      if (id === undefined) {
        continue;
      }
      inline.content = title;
      stripIdFromChildren(inline.children ?? []);
      tokens[i].attrSet('id', id);
    }
  });
}

function stripIdFromChildren(children: Token[]): void {
  const last = children[children.length - 1];
  if (last && last.type === 'text') {
    last.content = splitHeadingId(last.content).title;
  }
}
