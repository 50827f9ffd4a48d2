import type { NoteLanguage } from '../notes/note';
import type { QuestionMaterial } from './questionMaterial';

export interface PromptMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** A section of the notes given to the model, with the number it cites it by. */
export interface PromptSection {
  readonly citation: number;
  readonly noteTitle: string;
  readonly heading: string;
  readonly text: string;
}

/**
 * A cautious token estimate without the model's tokenizer: a CJK character is about one token,
 * other text about four characters a token. Over-estimating only trims more.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)) {
      cjk++;
    }
  }
  return cjk + Math.ceil((text.length - cjk) / 4);
}

const languageName: Record<NoteLanguage, string> = { en: 'English', 'zh-cn': 'Simplified Chinese' };

/** Keeps what must stay whole (instructions, the question, the user's words) and fits the sections into what is left. */
function fitSections(sections: readonly PromptSection[], fixedTokens: number, budgetTokens: number): PromptSection[] {
  let left = budgetTokens - fixedTokens;
  const kept: PromptSection[] = [];
  // Sections come best first: a later one is dropped before an earlier one is cut.
  for (const section of sections) {
    const tokens = estimateTokens(renderSection(section));
    if (tokens <= left) {
      kept.push(section);
      left -= tokens;
    } else if (kept.length === 0 && left > 200) {
      // The best section alone does not fit: keep its beginning rather than nothing.
      const ratio = left / tokens;
      kept.push({ ...section, text: `${section.text.slice(0, Math.floor(section.text.length * ratio * 0.9))}…` });
      left = 0;
    }
  }
  return kept;
}

function renderSection(section: PromptSection): string {
  return `[${section.citation}] ${section.noteTitle} / ${section.heading}\n${section.text}\n\n`;
}

/** The prompt that asks the model to grade an answer against our model answer. */
export function gradingPrompt(material: QuestionMaterial, userAnswer: string, budgetTokens: number): PromptMessage[] {
  const instructions = [
    'You are a technical interviewer for backend engineers. Grade the candidate\'s answer to the interview question below',
    'against the model answer from our reviewed notes. Use only the model answer, its key points and the pitfall as the reference;',
    'do not add facts of your own. Say briefly what was right, what was missing and what was wrong.',
    `Write in ${languageName[material.language]}. End with one line of the form "GRADE: <Again|Hard|Good|Easy>":`,
    'Again = wrong or missing the key point, Hard = partly right, Good = right with the key points, Easy = complete and precise.',
  ].join(' ');
  const reference = [`Model answer:\n${material.answer}`, material.pitfall ? `Common pitfall:\n${material.pitfall}` : ''].filter(Boolean).join('\n\n');
  const fixed = `${instructions}\n\nQuestion: ${material.question}\n\nCandidate's answer:\n${userAnswer}\n\n`;
  const section: PromptSection = { citation: 1, noteTitle: material.noteTitle, heading: material.question, text: reference };
  const [kept] = fitSections([section], estimateTokens(fixed), budgetTokens);
  return [{ role: 'user', text: `${instructions}\n\nQuestion: ${material.question}\n\n${kept ? renderSection(kept) : ''}Candidate's answer:\n${userAnswer}` }];
}

/** The prompt that asks the model to answer from the retrieved sections only, citing them. */
export function explainPrompt(question: string, sections: readonly PromptSection[], language: NoteLanguage, budgetTokens: number): { messages: PromptMessage[]; cited: PromptSection[] } {
  const instructions = [
    'Answer the question of a backend engineer preparing for an interview, using only the numbered sections of our notes below.',
    'After each claim, cite the section it comes from as [n]. If the sections do not answer the question, say so plainly and do not answer from elsewhere.',
    `Write in ${languageName[language]}, concisely.`,
  ].join(' ');
  const fixed = `${instructions}\n\nQuestion: ${question}\n\n`;
  const cited = fitSections(sections, estimateTokens(fixed), budgetTokens);
  const body = cited.map(renderSection).join('');
  return { messages: [{ role: 'user', text: `${instructions}\n\n${body}Question: ${question}` }], cited };
}

const gradeNames = { again: 1, hard: 2, good: 3, easy: 4 } as const;

/** The grade the model suggested on its last `GRADE:` line, and its text without that line. */
export function parseGradeSuggestion(reply: string): { feedback: string; suggested?: 1 | 2 | 3 | 4 } {
  const lines = reply.trimEnd().split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^\W*grade\W*(again|hard|good|easy)\b/i.exec(lines[index].trim());
    if (match) {
      const suggested = gradeNames[match[1].toLowerCase() as keyof typeof gradeNames];
      return { feedback: lines.filter((_, line) => line !== index).join('\n').trim(), suggested };
    }
  }
  return { feedback: reply.trim() };
}
