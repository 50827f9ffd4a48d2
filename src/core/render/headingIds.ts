import type { MarkdownIt, Token } from 'markdown-it';
import { headingIdPattern } from '../notes/note';

/**
 * `## Title {#id}`: the explicit id the note format gives a heading, one the parser accepts
 * (headingIdPattern); anything else stays part of the title. Found from the end with
 * `lastIndexOf`, not a pattern with a leading `\s*`, which would re-scan a long run of spaces
 * from each of its places.
 */
export function splitHeadingId(text: string): { title: string; id?: string } {
  const trimmed = text.trimEnd();
  const open = trimmed.endsWith('}') ? trimmed.lastIndexOf('{#') : -1;
  const id = open >= 0 ? trimmed.slice(open + 2, -1) : '';
  if (!headingIdPattern.test(id)) {
    return { title: text.trim() };
  }
  return { title: trimmed.slice(0, open).trim(), id };
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
