import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hostileWorkspaceFixture = join(__dirname, '..', '..', 'test', 'fixtures', 'hostile-workspace');

/** The sizes the hostile files are made with; the tests assert against them. */
export const hostileSizes = { spaceHeadingBytes: 1_900_000, bigNoteBytes: 3 * 1024 * 1024, snippetKeys: 20_000 } as const;

const frontMatter = (title: string, order: number) => `---\ntitle: ${title}\ntags: [test]\nicon: book\norder: ${order}\n---\n\n`;

/**
 * Adds to a copy of test/fixtures/hostile-workspace what is too large to commit: a note whose
 * heading is `a`, 1.9 MB of spaces and `b` (quadratic for a pattern with a leading `\s*`), a
 * 3 MB note (over the default limit the workspace's setting tries to lift), and a snippet file
 * of 20,000 keys. The link to /dev/zero is made by the tests themselves, at run time.
 */
export function prepareHostileWorkspace(folder: string): void {
  const notes = join(folder, '.interview-notes');
  mkdirSync(join(notes, 'snippets'), { recursive: true });
  writeFileSync(join(notes, 'spaces.md'), `${frontMatter('Spaces', 3)}## a${' '.repeat(hostileSizes.spaceHeadingBytes)}b\n\nText.\n\n## After the spaces {#after}\n\nStill read.\n`);
  const paragraph = `${'word '.repeat(200)}\n\n`;
  writeFileSync(join(notes, 'big.md'), `${frontMatter('Big', 4)}## Big {#big}\n\n${paragraph.repeat(Math.ceil(hostileSizes.bigNoteBytes / paragraph.length))}`);
  const entries = Array.from({ length: hostileSizes.snippetKeys }, (_, index) => `  "k${index}": { "prefix": "k${index}", "body": "x" }`);
  writeFileSync(join(notes, 'snippets', 'many.json'), `{\n${entries.join(',\n')}\n}\n`);
}
