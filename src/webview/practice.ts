import type { CardMessage, DoneMessage } from '../core/practice/practiceMessages';

// The practice view's script. The host owns the session and the schedule: it sends one
// card at a time; this script shows it, reveals the answer, runs the mock-interview timer
// and sends back the grade (and what the user typed). A hidden tab lets this page go: what
// the user typed is saved with setState and sent to the host as they type, and the host sends
// the card back with its time and side when the page is built again.

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



/**
 * What this page keeps with setState: the answer typed for one card of one session, when its
 * answer was revealed, and the session as the host describes it (`resume`), which VS Code
 * hands back to the host after a window reload.
 */
interface SavedState {
  readonly sessionId?: number;
  readonly questionId?: string;
  readonly notes?: string;
  readonly revealedAt?: number;
  readonly timedOut?: boolean;
  readonly resume?: unknown;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: SavedState): void };

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
const plan = element('practice-plan');
const timer = element('practice-timer');
const done = element('done');
const doneBody = element('done-body');
const saveButton = element<HTMLButtonElement>('save-summary');
const continueButton = element<HTMLButtonElement>('continue');

/** Whether a card is on screen and waiting for its grade. */
let waiting = false;
let revealed = false;
let timerHandle: number | undefined;
let sessionId = -1;
let draftHandle: number | undefined;

function stopTimer(): void {
  window.clearInterval(timerHandle);
  timerHandle = undefined;
}

function showTime(seconds: number): void {
  const whole = Math.max(0, Math.ceil(seconds));
  timer.textContent = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function showTimeUp(): void {
  timer.textContent = data.strings.timeUp;
  timer.classList.add('time-up');
}

/** Counts down from when the host first showed the question: `elapsedMs` ago, by the host's clock. */
function startTimer(seconds: number, elapsedMs: number): void {
  stopTimer();
  const ends = Date.now() + seconds * 1000 - elapsedMs;
  timer.hidden = false;
  timer.classList.remove('time-up');
  const tick = () => {
    const left = (ends - Date.now()) / 1000;
    showTime(left);
    if (left <= 0) {
      stopTimer();
      showTimeUp();
      reveal(true);
    }
  };
  tick();
  if (!revealed) {
    timerHandle = window.setInterval(tick, 250);
  }
}

/** Shows the answer side (the host already knows when it sends a card that was revealed). */
function showAnswerSide(): void {
  revealed = true;
  stopTimer();
  answer.hidden = false;
  gradeGroup.hidden = false;
  revealButton.hidden = true;
}

function reveal(timedOut = false): void {
  if (!waiting || revealed) {
    return;
  }
  showAnswerSide();
  keepState({ revealedAt: Date.now(), timedOut });
  vscode.postMessage({ type: 'reveal', timedOut });
  // Keys 1-4 grade from here, even if the notes box had the focus.
  gradeGroup.querySelector<HTMLButtonElement>('button.grade-3')?.focus();
}

function keepState(changes: SavedState): void {
  const saved = vscode.getState();
  vscode.setState({ ...(typeof saved === 'object' && saved !== null ? (saved as SavedState) : {}), ...changes });
}

function saveNotes(): void {
  const questionId = card.dataset.questionId;
  if (questionId) {
    keepState({ sessionId, questionId, notes: notes.value.slice(0, 20_000) });
  }
}

/** Sends the host what was typed, a moment after the last key (and at once when the page goes). */
function sendDraft(): void {
  window.clearTimeout(draftHandle);
  draftHandle = undefined;
  if (waiting && data.mode === 'mock') {
    vscode.postMessage({ type: 'draft', notes: notes.value.slice(0, 20_000) });
  }
}

function grade(value: number): void {
  if (!waiting || !revealed) {
    return;
  }
  waiting = false;
  window.clearTimeout(draftHandle);
  card.classList.add('grading');
  vscode.postMessage({ type: 'grade', grade: value, notes: notes.value.slice(0, 20_000) });
}

function savedNotes(message: CardMessage): string {
  const saved = vscode.getState() as Partial<SavedState> | undefined;
  return saved?.sessionId === message.sessionId && saved.questionId === message.questionId && typeof saved.notes === 'string' ? saved.notes : message.notes;
}

function showCard(message: CardMessage): void {
  // The same card again (its notes changed language, say): it stays where it is, as it is.
  const sameCard = !card.hidden && waiting && sessionId === message.sessionId && card.dataset.questionId === message.questionId;
  const wasRevealed = sameCard && revealed;
  sessionId = message.sessionId;
  done.hidden = true;
  card.hidden = false;
  card.classList.remove('grading');
  card.dataset.questionId = message.questionId;
  topic.textContent = message.topic;
  stateBadge.textContent = message.stateLabel;
  stateBadge.className = `state-badge question-state state-${/^[a-z]+$/.test(message.state) ? message.state : 'new'}`;
  question.textContent = message.question;
  progress.textContent = message.progress;
  plan.textContent = message.plan;
  plan.hidden = !message.plan;
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
  if (message.revealed || wasRevealed) {
    showAnswerSide();
  }
  if (data.mode === 'mock') {
    notes.hidden = false;
    if (!sameCard) {
      notes.value = savedNotes(message);
    }
    saveNotes();
    if (revealed) {
      timer.hidden = false;
      timer.classList.remove('time-up');
      if (message.timedOut) {
        showTimeUp();
      } else {
        showTime(message.timerSeconds - message.elapsedMs / 1000);
      }
    } else {
      startTimer(message.timerSeconds, message.elapsedMs);
    }
  } else {
    timer.hidden = true;
  }
  const shownAt = message.resume.kind === 'mock' ? message.resume.shownAt : undefined;
  keepState({
    sessionId,
    questionId: message.questionId,
    notes: data.mode === 'mock' ? notes.value.slice(0, 20_000) : '',
    revealedAt: message.revealed && shownAt !== undefined ? shownAt + message.elapsedMs : sameCard ? (vscode.getState() as SavedState | undefined)?.revealedAt : undefined,
    timedOut: message.timedOut,
    resume: message.resume,
  });
  if (!sameCard) {
    window.scrollTo(0, 0);
    const focus = revealed ? gradeGroup.querySelector<HTMLButtonElement>('button.grade-3') : data.mode === 'mock' ? notes : revealButton;
    focus?.focus();
  }
}

function showDone(message: DoneMessage): void {
  stopTimer();
  waiting = false;
  card.hidden = true;
  timer.hidden = true;
  progress.textContent = '';
  plan.hidden = true;
  doneBody.innerHTML = message.html;
  done.hidden = false;
  keepState({ questionId: undefined, notes: '', revealedAt: undefined, resume: message.resume });
  saveButton.hidden = !message.canSave;
  continueButton.hidden = !message.continueLabel;
  continueButton.textContent = message.continueLabel ?? '';
  if (message.continueLabel) {
    continueButton.focus();
  }
}

revealButton.addEventListener('click', () => reveal());
gradeGroup.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-grade]');
  if (button) {
    grade(Number(button.dataset.grade));
  }
});
saveButton.addEventListener('click', () => vscode.postMessage({ type: 'saveSummary' }));
continueButton.addEventListener('click', () => {
  continueButton.hidden = true;
  vscode.postMessage({ type: 'continue' });
});
notes.addEventListener('input', () => {
  saveNotes();
  window.clearTimeout(draftHandle);
  draftHandle = window.setTimeout(sendDraft, 300);
});
window.addEventListener('pagehide', () => draftHandle !== undefined && sendDraft());
document.addEventListener('visibilitychange', () => document.hidden && draftHandle !== undefined && sendDraft());

document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLTextAreaElement;
  if (typing) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      reveal();
    }
    return;
  }
  // Off a card (the end screen), keys do what they do on its buttons.
  if (event.altKey || event.ctrlKey || event.metaKey || !waiting) {
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
