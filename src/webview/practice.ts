// A module, so its names do not meet the reader script's in the one TypeScript project.
export {};

// The practice view's script. The host owns the session and the schedule: it sends one
// card at a time; this script shows it, reveals the answer, runs the mock-interview timer
// and sends back the grade (and what the user typed).

interface PracticeData {
  readonly mode: 'practice' | 'mock';
  readonly strings: {
    readonly showAnswer: string;
    readonly grades: readonly string[];
    readonly notesPlaceholder: string;
    readonly timeUp: string;
    readonly saveSummary: string;
    readonly keysHint: string;
  };
}

interface CardMessage {
  readonly type: 'card';
  readonly questionId: string;
  readonly topic: string;
  readonly question: string;
  readonly state: string;
  readonly stateLabel: string;
  /** Rendered by the host with the reader's renderer (raw HTML off). */
  readonly answerHtml: string;
  readonly progress: string;
  readonly intervals: readonly string[];
  readonly timerSeconds: number;
}

interface DoneMessage {
  readonly type: 'done';
  readonly html: string;
  readonly canSave: boolean;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('practice-data')?.dataset.practice ?? '{}') as PracticeData;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const card = element('card');
const topic = element('card-topic');
const stateBadge = element('card-state');
const question = element('card-question');
const notes = element<HTMLTextAreaElement>('answer-notes');
const revealButton = element<HTMLButtonElement>('reveal');
const answer = element('card-answer');
const gradeGroup = element('grades');
const progress = element('practice-progress');
const timer = element('practice-timer');
const done = element('done');
const doneBody = element('done-body');
const saveButton = element<HTMLButtonElement>('save-summary');

/** Whether a card is on screen and waiting for its grade. */
let waiting = false;
let revealed = false;
let timerHandle: number | undefined;

function stopTimer(): void {
  window.clearInterval(timerHandle);
  timerHandle = undefined;
}

function showTime(seconds: number): void {
  const whole = Math.max(0, Math.ceil(seconds));
  timer.textContent = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function startTimer(seconds: number): void {
  stopTimer();
  const ends = Date.now() + seconds * 1000;
  timer.hidden = false;
  timer.classList.remove('time-up');
  showTime(seconds);
  timerHandle = window.setInterval(() => {
    const left = (ends - Date.now()) / 1000;
    showTime(left);
    if (left <= 0) {
      stopTimer();
      timer.textContent = data.strings.timeUp;
      timer.classList.add('time-up');
      reveal(true);
    }
  }, 250);
}

function reveal(timedOut = false): void {
  if (!waiting || revealed) {
    return;
  }
  revealed = true;
  stopTimer();
  answer.hidden = false;
  gradeGroup.hidden = false;
  revealButton.hidden = true;
  vscode.postMessage({ type: 'reveal', timedOut });
  // Keys 1-4 grade from here, even if the notes box had the focus.
  gradeGroup.querySelector<HTMLButtonElement>('button.grade-3')?.focus();
}

function grade(value: number): void {
  if (!waiting || !revealed) {
    return;
  }
  waiting = false;
  card.classList.add('grading');
  vscode.postMessage({ type: 'grade', grade: value, notes: notes.value.slice(0, 20_000) });
}

function showCard(message: CardMessage): void {
  done.hidden = true;
  card.hidden = false;
  card.classList.remove('grading');
  card.dataset.questionId = message.questionId;
  topic.textContent = message.topic;
  stateBadge.textContent = message.stateLabel;
  stateBadge.className = `state-badge question-state state-${/^[a-z]+$/.test(message.state) ? message.state : 'new'}`;
  question.textContent = message.question;
  progress.textContent = message.progress;
  answer.innerHTML = message.answerHtml;
  answer.hidden = true;
  gradeGroup.hidden = true;
  revealButton.hidden = false;
  gradeGroup.querySelectorAll<HTMLButtonElement>('button.grade').forEach((button, index) => {
    const interval = button.querySelector('.grade-interval');
    if (interval) {
      interval.textContent = message.intervals[index] ? `· ${message.intervals[index]}` : '';
    }
  });
  waiting = true;
  revealed = false;
  window.scrollTo(0, 0);
  if (data.mode === 'mock') {
    notes.hidden = false;
    notes.value = '';
    notes.focus();
    startTimer(message.timerSeconds);
  } else {
    timer.hidden = true;
    revealButton.focus();
  }
}

function showDone(message: DoneMessage): void {
  stopTimer();
  waiting = false;
  card.hidden = true;
  timer.hidden = true;
  progress.textContent = '';
  doneBody.innerHTML = message.html;
  done.hidden = false;
  saveButton.hidden = !message.canSave;
}

revealButton.addEventListener('click', () => reveal());
gradeGroup.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-grade]');
  if (button) {
    grade(Number(button.dataset.grade));
  }
});
saveButton.addEventListener('click', () => vscode.postMessage({ type: 'saveSummary' }));

document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLTextAreaElement;
  if (typing) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      reveal();
    }
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
    event.preventDefault();
    reveal();
  } else if (revealed && /^[1-4]$/.test(event.key)) {
    event.preventDefault();
    grade(Number(event.key));
  }
});

// Links in answers go to the host, which opens notes in the reader and https outside.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a[href]');
  if (!link) {
    return;
  }
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (!href.startsWith('#')) {
    vscode.postMessage({ type: 'openLink', href });
  }
});

window.addEventListener('message', (event: MessageEvent<{ type?: unknown }>) => {
  const message = event.data;
  if (message?.type === 'card') {
    showCard(message as CardMessage);
  } else if (message?.type === 'done') {
    showDone(message as DoneMessage);
  }
});

vscode.postMessage({ type: 'ready' });
