/**
 * Two Dockerfile pitfalls the notes explain, found line by line (pure, so unit-tested):
 * - ENTRYPOINT or CMD in shell form: `/bin/sh -c` becomes PID 1, so `docker stop`'s SIGTERM
 *   never reaches the program (docker#shell-exec-form);
 * - ADD of a plain local file, where COPY says what is meant (docker#copy-vs-add).
 */
export type PitfallKind = 'shell-form' | 'add-instead-of-copy';

export interface Pitfall {
  readonly kind: PitfallKind;
  /** Zero-based line of the instruction. */
  readonly line: number;
  /** The instruction keyword's columns, for the squiggle. */
  readonly start: number;
  readonly end: number;
  readonly instruction: string;
  /** The whole line rewritten, for the quick fix. */
  readonly replacement: string;
}

const archivePattern = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const shellSyntax = /[$&|;<>`*?~(){}]|\\$|'|"/;

export function findDockerfilePitfalls(text: string): Pitfall[] {
  const pitfalls: Pitfall[] = [];
  const lines = text.split(/\r?\n/);
  let continued = false;
  for (let line = 0; line < lines.length; line++) {
    const source = lines[line];
    const isContinuation = continued;
    continued = /\\\s*$/.test(source);
    if (isContinuation || continued) {
      continue; // multi-line instructions are left alone: their rewrite is not safe to guess
    }
    // The argument starts at a non-space, so the spaces before it belong to one group only.
    const match = /^(\s*)(ENTRYPOINT|CMD|ADD)\s+(\S.*)?$/i.exec(source);
    if (!match) {
      continue;
    }
    const [, indent, keyword, argument = ''] = match;
    const instruction = keyword.toUpperCase();
    const start = indent.length;
    const end = start + keyword.length;
    const trimmed = argument.trim();
    if (!trimmed) {
      continue;
    }
    if ((instruction === 'ENTRYPOINT' || instruction === 'CMD') && !trimmed.startsWith('[')) {
      pitfalls.push({ kind: 'shell-form', line, start, end, instruction, replacement: `${indent}${instruction} ${toExecForm(trimmed)}` });
    } else if (instruction === 'ADD' && !trimmed.startsWith('[')) {
      const words = trimmed.split(/\s+/).filter((word) => !word.startsWith('--'));
      const sources = words.slice(0, -1);
      const hasFlags = trimmed.split(/\s+/).some((word) => word.startsWith('--'));
      const plainLocal = sources.length > 0 && !hasFlags && sources.every((source) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !/^git@/.test(source) && !archivePattern.test(source));
      if (plainLocal) {
        pitfalls.push({ kind: 'add-instead-of-copy', line, start, end, instruction, replacement: `${source.slice(0, start)}COPY${source.slice(end)}` });
      }
    }
  }
  return pitfalls;
}

/**
 * The exec form of a shell-form command. Plain words become a JSON array; a command that
 * uses the shell (variables, pipes, quotes) keeps its shell but `exec`s the program, so the
 * program still replaces the shell as PID 1.
 */
export function toExecForm(command: string): string {
  if (shellSyntax.test(command)) {
    const body = command.startsWith('exec ') ? command : `exec ${command}`;
    return JSON.stringify(['/bin/sh', '-c', body]).replace(/","/g, '", "');
  }
  return JSON.stringify(command.split(/\s+/)).replace(/","/g, '", "');
}
