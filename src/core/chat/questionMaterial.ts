import type { NoteLanguage } from '../notes/note';

/** What the interviewer knows of one question: the model answer, its follow-ups and pitfall. */
export interface QuestionMaterial {
  /** `noteId#sectionId`. */
  readonly id: string;
  readonly noteId: string;
  readonly sectionId: string;
  readonly noteTitle: string;
  readonly language: NoteLanguage;
  readonly question: string;
  /** The model answer's Markdown, without the follow-up and pitfall paragraphs. */
  readonly answer: string;
  /** Each follow-up paragraph, without its label: the question and its short answer. */
  readonly followUps: readonly string[];
  readonly pitfall?: string;
}

// The labels the notes format prescribes (notes/README.md), in both languages.
const followUpLabel = /^\*\*(?:Follow-up:|追问：)\*\*\s*/;
const pitfallLabel = /^\*\*(?:Pitfall:|易错点：)\*\*\s*/;

/** Splits a question's answer Markdown into the answer, the follow-ups and the pitfall. */
export function splitAnswer(markdown: string): { answer: string; followUps: string[]; pitfall?: string } {
  const answer: string[] = [];
  const followUps: string[] = [];
  let pitfall: string | undefined;
  // Paragraphs are separated by blank lines; a fenced block stays one piece even with blank lines in it.
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inFence = !inFence;
    }
    if (!inFence && line.trim() === '') {
      if (current.length > 0) {
        paragraphs.push(current.join('\n'));
        current = [];
      }
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) {
    paragraphs.push(current.join('\n'));
  }
  for (const paragraph of paragraphs) {
    if (followUpLabel.test(paragraph)) {
      followUps.push(paragraph.replace(followUpLabel, ''));
    } else if (pitfallLabel.test(paragraph)) {
      pitfall = paragraph.replace(pitfallLabel, '');
    } else {
      answer.push(paragraph);
    }
  }
  return { answer: answer.join('\n\n'), followUps, pitfall };
}
