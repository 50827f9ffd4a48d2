import { escapeAttribute, webviewPageHead, type WebviewPageHead } from '../render/readerDocument';
import { escapeHtml } from '../text/html';

export interface PracticeDocumentParts extends WebviewPageHead {
  readonly scriptUri: string;
  /** Strings and settings for the script, passed in a data attribute. */
  readonly data: PracticeViewData;
}

export interface PracticeViewData {
  readonly mode: 'practice' | 'mock';
  readonly strings: {
    readonly showAnswer: string;
    readonly grades: readonly [string, string, string, string];
    readonly notesPlaceholder: string;
    readonly timeUp: string;
    readonly saveSummary: string;
    readonly keysHint: string;
  };
}

/**
 * The practice webview's page: an empty card that the script fills from the host's
 * messages. Same policy as the reader: scripts by nonce only, nothing else from outside.
 */
export function practiceDocument(parts: PracticeDocumentParts): string {
  const { strings } = parts.data;
  const gradeButtons = strings.grades
    .map((label, index) => `<button type="button" class="grade grade-${index + 1}" data-grade="${index + 1}"><span class="grade-key">${index + 1}</span> <span class="grade-label">${escapeHtml(label)}</span> <span class="grade-interval"></span></button>`)
    .join('');
  return `${webviewPageHead(parts)}
  <body class="practice-${parts.data.mode}">
    <div id="practice-data" data-practice="${escapeAttribute(JSON.stringify(parts.data))}"></div>
    <header class="practice-header">
      <span id="practice-progress" class="practice-progress"></span>
      <span id="practice-timer" class="practice-timer" role="timer" hidden></span>
    </header>
    <p id="practice-plan" class="practice-plan" hidden></p>
    <main class="note practice-card" id="card" hidden>
      <p class="card-topic"><span id="card-topic"></span> <span id="card-state" class="state-badge"></span></p>
      <h2 class="card-question" id="card-question"></h2>
      <textarea id="answer-notes" class="answer-notes" rows="6" placeholder="${escapeAttribute(strings.notesPlaceholder)}" hidden></textarea>
      <p class="card-actions"><button type="button" id="reveal" class="reveal">${escapeHtml(strings.showAnswer)}</button> <span class="keys-hint">${escapeHtml(strings.keysHint)}</span></p>
      <div id="card-answer" class="card-answer" hidden></div>
      <div id="grades" class="grades" role="group" hidden>${gradeButtons}</div>
    </main>
    <section class="note practice-done" id="done" hidden>
      <div id="done-body"></div>
      <p><button type="button" id="continue" hidden></button> <button type="button" id="save-summary" hidden>${escapeHtml(strings.saveSummary)}</button></p>
    </section>
    <script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
  </body>
</html>`;
}

/** A short human interval for a grade button: "10 min", "3 d", "2 mo". */
export function formatInterval(fromIso: string, toIso: string): string {
  const minutes = Math.max(1, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return `${hours} h`;
  }
  const days = Math.round(hours / 24);
  if (days < 31) {
    return `${days} d`;
  }
  const months = Math.round(days / 30);
  return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}
