import type { Grade } from './progress';

/** Picks `count` distinct questions at random (Fisher-Yates with the given source of randomness). */
export function pickQuestions<T>(questions: readonly T[], count: number, random: () => number = Math.random): T[] {
  const pool = [...questions];
  const picked = Math.max(0, Math.min(count, pool.length));
  for (let i = 0; i < picked; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, picked);
}

export interface MockAnswer {
  readonly questionId: string;
  readonly topic: string;
  readonly question: string;
  /** How long the user took before revealing the answer (or the time ran out). */
  readonly seconds: number;
  readonly timedOut: boolean;
  readonly grade?: Grade;
  /** What the user typed while answering. */
  readonly notes: string;
}

export interface SummaryStrings {
  readonly title: string;
  readonly date: string;
  readonly question: string;
  readonly topic: string;
  readonly time: string;
  readonly grade: string;
  readonly total: string;
  readonly timedOut: string;
  readonly yourNotes: string;
  readonly noNotes: string;
  readonly notGraded: string;
  readonly grades: Readonly<Record<Grade, string>>;
}

export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The end-of-interview summary as Markdown: a table of time and grade, then the user's notes. */
export function mockInterviewSummary(answers: readonly MockAnswer[], when: Date, strings: SummaryStrings): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const gradeOf = (answer: MockAnswer) => (answer.grade ? strings.grades[answer.grade] : strings.notGraded);
  const rows = answers.map(
    (answer, index) =>
      `| ${index + 1} | ${cell(answer.question)} | ${cell(answer.topic)} | ${formatSeconds(answer.seconds)}${answer.timedOut ? ` (${cell(strings.timedOut)})` : ''} | ${cell(gradeOf(answer))} |`,
  );
  const totalSeconds = answers.reduce((sum, answer) => sum + answer.seconds, 0);
  const notes = answers.map((answer, index) => {
    const typed = answer.notes.trim();
    // Quoted line by line, so what the user typed can never turn into headings of this file.
    const body = typed ? typed.split(/\r?\n/).map((line) => `> ${line}`).join('\n') : `_${strings.noNotes}_`;
    return `### ${index + 1}. ${answer.question}\n\n${body}\n`;
  });
  return [
    `# ${strings.title}`,
    '',
    `${strings.date}: ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${strings.total}: ${formatSeconds(totalSeconds)}`,
    '',
    `| # | ${strings.question} | ${strings.topic} | ${strings.time} | ${strings.grade} |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `## ${strings.yourNotes}`,
    '',
    ...notes,
  ].join('\n');
}
