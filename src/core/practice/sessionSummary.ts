import type { Grade, ProgressData } from './progress';

/** The earliest time one of these questions is due again; undefined when none has been graded. */
export function nextDueAt(questionIds: readonly string[], progress: ProgressData, now: Date): Date | undefined {
  let earliest = Number.POSITIVE_INFINITY;
  for (const id of questionIds) {
    const record = Object.hasOwn(progress.cards, id) ? progress.cards[id] : undefined;
    const due = record ? Date.parse(record.due) : Number.NaN;
    if (due < earliest) {
      earliest = due;
    }
  }
  return Number.isFinite(earliest) ? new Date(Math.max(earliest, now.getTime())) : undefined;
}

/** The grades a session gave as a one-row Markdown table: Again, Hard, Good, Easy. */
export function gradeBreakdownMarkdown(counts: Readonly<Record<Grade, number>>, labels: Readonly<Record<Grade, string>>): string {
  const order: readonly Grade[] = [1, 2, 3, 4];
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [`| ${order.map((grade) => cell(labels[grade])).join(' | ')} |`, `|${order.map(() => ' ---: ').join('|')}|`, `| ${order.map((grade) => counts[grade]).join(' | ')} |`].join('\n');
}
