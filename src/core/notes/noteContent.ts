import MarkdownIt, { type Token } from 'markdown-it';
import { headingIdsPlugin } from '../render/headingIds';
import { questionsSectionId } from './note';

export interface CodeBlock {
  /** The first word of the fence's info string, lowercased. */
  readonly language: string;
  /** The words after the language: `context=server`, `nocheck`. */
  readonly options: readonly string[];
  readonly code: string;
  /** Zero-based line of the opening fence in the body. */
  readonly line: number;
  /** The level-2 section the block is in, if any. */
  readonly sectionId?: string;
  /** Whether the block sits in the interview-questions section. */
  readonly inQuestions: boolean;
}

export interface NoteLinkReference {
  readonly href: string;
  readonly line: number;
}

const parser = new MarkdownIt({ html: false }).use(headingIdsPlugin);
// Keep every link, including ones the reader would refuse, so the checks can name them.
parser.validateLink = () => true;

/** The fenced code blocks and links of a note body, in document order. */
export function noteContent(body: string): { codeBlocks: CodeBlock[]; links: NoteLinkReference[] } {
  const tokens = parser.parse(body, {});
  const codeBlocks: CodeBlock[] = [];
  const links: NoteLinkReference[] = [];
  let sectionId: string | undefined;
  for (const token of tokens) {
    if (token.type === 'heading_open' && token.tag === 'h2') {
      const id = token.attrGet('id');
      sectionId = id === null ? undefined : String(id);
    } else if (token.type === 'fence') {
      const [language = '', ...options] = token.info.trim().split(/\s+/);
      codeBlocks.push({ language: language.toLowerCase(), options, code: token.content, line: token.map?.[0] ?? 0, sectionId, inQuestions: sectionId === questionsSectionId });
    } else if (token.type === 'inline') {
      collectLinks(token, links);
    }
  }
  return { codeBlocks, links };
}

function collectLinks(inline: Token, links: NoteLinkReference[]): void {
  for (const child of inline.children ?? []) {
    if (child.type === 'link_open') {
      const href = child.attrGet('href');
      if (href !== null) {
        links.push({ href: String(href), line: inline.map?.[0] ?? 0 });
      }
    }
  }
}

/** Languages whose blocks are validated examples (notes/README.md). */
export const exampleLanguages: readonly string[] = ['dockerfile', 'nginx', 'python', 'sql', 'bash', 'yaml', 'json', 'ini', 'typescript', 'javascript', 'java', 'go'];

export function isExample(block: CodeBlock): boolean {
  return !block.inQuestions && exampleLanguages.includes(block.language) && !block.options.includes('nocheck');
}
