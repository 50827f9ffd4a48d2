import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type StateCore, type Token } from 'markdown-it';
import { headingIdsPlugin } from './headingIds';
import { highlightCode } from './highlight';

/** What a link in a note points at, decided once for the renderer and the link opener alike. */
export type NoteLink =
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'note'; readonly noteId?: string; readonly sectionId?: string }
  | { readonly kind: 'snippet'; readonly snippetId: string }
  | { readonly kind: 'refused'; readonly reason: string };

const noteFilePattern = /^(?:\.\/)?([a-z][a-z0-9-]*)\.md$/;

export function classifyLink(href: string): NoteLink {
  const trimmed = href.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    return { kind: 'external', url: trimmed };
  }
  if (trimmed.startsWith('snippet:')) {
    const snippetId = trimmed.slice('snippet:'.length);
    return /^[\w.-]+$/.test(snippetId) ? { kind: 'snippet', snippetId } : { kind: 'refused', reason: 'malformed snippet link' };
  }
  if (trimmed.startsWith('#')) {
    const sectionId = decodeSafely(trimmed.slice(1));
    return sectionId ? { kind: 'note', sectionId } : { kind: 'refused', reason: 'empty anchor' };
  }
  const [path, anchor] = splitOnce(trimmed, '#');
  const match = noteFilePattern.exec(path);
  if (match) {
    return { kind: 'note', noteId: match[1], sectionId: anchor ? decodeSafely(anchor) : undefined };
  }
  return { kind: 'refused', reason: 'only https links and links to notes are followed' };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function decodeSafely(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export interface RenderOptions {
  /** Lines before the Markdown in its file (the front matter), for `data-line`. */
  readonly lineOffset?: number;
  /** Headings that are interview questions: marked, and their answers wrapped for "hide answers". */
  readonly questionIds?: ReadonlySet<string>;
}

export interface NoteRenderer {
  render(markdown: string, options?: RenderOptions): string;
}

/**
 * The reader's markdown-it: raw HTML off, only links the link policy knows, images shown
 * as their text, heading ids from the note format, `data-line` on blocks for scroll sync,
 * and highlighted code blocks.
 */
/** A block of HTML we write ourselves (never from the note: raw HTML in notes is off). */
function htmlToken(state: StateCore, html: string): Token {
  const token = new state.Token('html_block', '', 0);
  token.content = html;
  return token;
}

/**
 * How much code one note may have highlighted; the rest is shown plain. highlight.js is linear
 * under the highlighter's caps, but at a large cost per token: a note built of hostile fences
 * would otherwise hold the extension host for seconds. The largest bundled note has about 60 KB.
 */
export const highlightBudgetPerNote = 256 * 1024;

export function createNoteRenderer(): NoteRenderer {
  let highlightBudget = highlightBudgetPerNote;
  const md: MarkdownItInstance = new MarkdownIt({
    html: false,
    linkify: false,
    typographer: false,
    highlight: (code, language) => {
      if (code.length > highlightBudget) {
        return ''; // markdown-it escapes it as plain text
      }
      highlightBudget -= code.length;
      return highlightCode(code, language.split(/\s+/)[0]) ?? '';
    },
  });
  md.validateLink = (url) => classifyLink(url).kind !== 'refused';
  md.use(headingIdsPlugin);

  md.renderer.rules.image = (tokens, index) => `<span class="image-alt">${md.utils.escapeHtml(tokens[index].content)}</span>`;

  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const language = token.info.trim().split(/\s+/)[0] ?? '';
    const html = defaultFence(tokens, index, options, env, self);
    const line = token.attrGet('data-line');
    return `<div class="code-block" data-lang="${md.utils.escapeHtml(language)}"${line ? ` data-line="${line}"` : ''}>${html}</div>`;
  };

  // Source lines on block elements, as VS Code's Markdown preview does, to restore a scroll position.
  md.core.ruler.push('interview_notes_source_lines', (state) => {
    const offset = (state.env as { lineOffset?: number }).lineOffset ?? 0;
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.level === 0) {
        token.attrSet('data-line', String(token.map[0] + offset));
      }
    }
  });

  // Each question heading gets a class, and what follows it up to the next section or
  // question is wrapped in <div class="answer">, so the reader can fold answers.
  md.core.ruler.push('interview_notes_answers', (state) => {
    const questionIds = (state.env as { questionIds?: ReadonlySet<string> }).questionIds;
    if (!questionIds || questionIds.size === 0) {
      return;
    }
    const output: typeof state.tokens = [];
    let open = false;
    const close = () => {
      if (open) {
        output.push(htmlToken(state, '</div>\n'));
        open = false;
      }
    };
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3')) {
        close();
        const id = token.attrGet('id');
        if (token.tag === 'h3' && id !== null && questionIds.has(String(id))) {
          token.attrJoin('class', 'question');
          output.push(token, state.tokens[i + 1], state.tokens[i + 2]);
          i += 2;
          output.push(htmlToken(state, `<div class="answer" data-question="${md.utils.escapeHtml(String(id))}">\n`));
          open = true;
          continue;
        }
      }
      output.push(token);
    }
    close();
    state.tokens = output;
  });

  return {
    render: (markdown, options = {}) => {
      highlightBudget = highlightBudgetPerNote;
      return md.render(markdown, { lineOffset: options.lineOffset ?? 0, questionIds: options.questionIds });
    },
  };
}
