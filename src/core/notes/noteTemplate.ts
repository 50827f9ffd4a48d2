import { noteIdPattern, type NoteLanguage } from './note';

/**
 * A note id from a title: lowercase ASCII words joined by `-`. Titles without ASCII
 * letters (a Chinese title) give `note`, which the caller makes unique.
 */
export function noteIdFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-') // runs of anything else are one '-' from here on
    .replace(/^[-0-9]+/, '')
    .slice(0, 48)
    .replace(/-$/, '');
  return noteIdPattern.test(words) ? words : 'note';
}

/** `docker`, `docker-2`, `docker-3`…: the first id `isTaken` does not refuse. */
export async function freeNoteId(id: string, isTaken: (candidate: string) => Promise<boolean>, attempts = 100): Promise<string | undefined> {
  for (let suffix = 1; suffix <= attempts; suffix++) {
    const candidate = suffix === 1 ? id : `${id}-${suffix}`;
    if (!(await isTaken(candidate))) {
      return candidate;
    }
  }
  return undefined;
}

/** The file name of a note in a user's folder: `<id>.md` in English, `<id>.zh-cn.md` in Chinese. */
export function userNoteFileName(id: string, language: NoteLanguage): string {
  return language === 'en' ? `${id}.md` : `${id}.${language}.md`;
}

const templateText = {
  en: {
    summary: 'One line on what this note covers.',
    intro: 'What this topic is about, in a few sentences. Everything before the first `##` heading is the introduction.',
    section: 'Key points',
    sectionBody: 'Each `##` heading needs an id in braces. Link to other notes with `[Redis](redis.md)` and to snippets with `[a snippet](snippet:docker.entrypoint.exec)`.',
    example: 'An example',
    questions: 'Interview questions',
    question: 'What would an interviewer ask first?',
    answer: 'The answer you would give, with the why and not only the what.',
    followUp: '**Follow-up:** A follow-up question, and its short answer.',
    pitfall: '**Pitfall:** The mistake people often make.',
  },
  'zh-cn': {
    summary: '一句话说明这篇笔记讲什么。',
    intro: '用几句话介绍这个主题。第一个 `##` 标题之前的内容是简介。',
    section: '要点',
    sectionBody: '每个 `##` 标题都要在花括号里写 id。链接其他笔记用 `[Redis](redis.md)`，链接代码片段用 `[代码片段](snippet:docker.entrypoint.exec)`。',
    example: '示例',
    questions: '面试题',
    question: '面试官首先会问什么？',
    answer: '你的回答：不仅说明是什么，还要说明为什么。',
    followUp: '**追问：** 一个追问和它的简短回答。',
    pitfall: '**易错点：** 大家常犯的错误。',
  },
} as const;

/** A new note in the documented format (notes/README.md), ready to fill in. */
export function noteTemplate(options: { id: string; title: string; language: NoteLanguage }): string {
  const text = templateText[options.language];
  // JSON strings are YAML strings: any title stays one valid scalar.
  return `---
id: ${options.id}
title: ${JSON.stringify(options.title)}
tags: [my-notes]
icon: note
order: 1000
summary: ${JSON.stringify(text.summary)}
---

${text.intro}

## ${text.section} {#key-points}

${text.sectionBody}

### ${text.example} {#example}

\`\`\`bash
echo "hello"
\`\`\`

## ${text.questions} {#questions}

### ${text.question} {#q-first}

${text.answer}

${text.followUp}

${text.pitfall}
`;
}
