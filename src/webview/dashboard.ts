// The practice dashboard's script. The host computes everything (core/practice/dashboardModel.ts)
// and sends it as plain JSON; this script draws it with DOM calls, setting text only (never
// HTML), charts with uPlot (which styles through CSSOM, allowed by the page's policy), and
// sends back what the user clicks.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DashboardModel, DashboardTopic } from '../core/practice/dashboardModel';

type Strings = Record<string, string> & { readonly grades: readonly string[]; readonly sources: Readonly<Record<string, string>> };

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('dashboard-data')?.dataset.dashboard ?? '{}') as { strings: Strings };
const strings = data.strings;
const root = document.getElementById('dashboard') as HTMLElement;
const language = document.documentElement.lang || 'en';
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
const shortDate = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const timeOfDay = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });

let model: DashboardModel | undefined;
/** The host numbers each model it sends; `rendered` answers with the number drawn. */
let modelSequence = 0;
const charts: uPlot[] = [];

/** `{0}`-style placeholders filled in (the host localized the template). */
function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (whole, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : whole));
}

interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly title?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly (Node | undefined)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) {
    node.className = options.className;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.title) {
    node.title = options.title;
  }
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) {
      node.append(child);
    }
  }
  return node;
}

function table(caption: string, headers: readonly string[], rows: readonly (readonly (string | Node)[])[], className = ''): HTMLTableElement {
  const head = element('thead', {}, [element('tr', {}, headers.map((header) => element('th', { text: header, attributes: { scope: 'col' } })))]);
  const body = element(
    'tbody',
    {},
    rows.map((row) => element('tr', {}, row.map((cell) => (typeof cell === 'string' ? element('td', { text: cell }) : element('td', {}, [cell]))))),
  );
  return element('table', { className: `data-table ${className}`.trim() }, [element('caption', { text: caption }), head, body]);
}

function number(value: number, tip: string, className = 'figure'): HTMLSpanElement {
  return element('span', { className: value === 0 ? `${className} zero` : className, text: String(value), title: tip });
}

function dayLabel(day: string): string {
  return shortDate.format(new Date(`${day}T00:00:00Z`));
}

function section(id: string, heading: string, children: readonly (Node | undefined)[]): HTMLElement {
  return element('section', { className: 'panel', attributes: { id, 'aria-labelledby': `${id}-heading` } }, [element('h2', { text: heading, attributes: { id: `${id}-heading` } }), ...children]);
}

function select(topic: string | undefined, day: string | undefined): void {
  vscode.postMessage({ type: 'select', topic, day });
}

function render(next: DashboardModel): void {
  model = next;
  vscode.setState({ topic: next.selection.topic, day: next.selection.day });
  for (const chart of charts.splice(0)) {
    chart.destroy();
  }
  root.replaceChildren();
  root.setAttribute('aria-busy', 'false');
  root.append(header(next));
  if (next.empty) {
    root.append(emptyState());
  }
  root.append(readiness(next));
  if (!next.empty) {
    root.append(forecast(next), heatmap(next), retention(next), mockInterviews(next), leeches(next));
  }
  if (next.interview) {
    root.append(plan(next));
  }
  drawCharts();
  // Said once the next frame has been painted (a task after its animation frame): the host's
  // `rendered()` waits on it, and the bench times opening the dashboard up to here.
  const sequence = modelSequence;
  requestAnimationFrame(() => setTimeout(() => vscode.postMessage({ type: 'rendered', sequence })));
}

function header(current: DashboardModel): HTMLElement {
  const parts: Node[] = [element('h1', { text: strings.title })];
  const interview = current.interview;
  if (interview) {
    const text =
      interview.daysUntil > 0 ? format(strings.interviewIn, interview.daysUntil, interview.date) : interview.daysUntil === 0 ? format(strings.interviewToday, interview.date) : format(strings.interviewPassed, interview.date);
    parts.push(element('p', { className: 'countdown', text, attributes: { id: 'countdown' } }));
  }
  if (current.selection.topic) {
    const clear = element('button', { className: 'secondary', text: strings.showAll, attributes: { type: 'button', id: 'show-all' } });
    clear.addEventListener('click', () => select(undefined, current.selection.day));
    parts.push(element('p', { className: 'filter', attributes: { id: 'filter' } }, [element('span', { text: format(strings.showing, current.selectedTopicTitle ?? current.selection.topic) }), document.createTextNode(' '), clear]));
  }
  return element('header', { className: 'dashboard-header' }, parts);
}

function emptyState(): HTMLElement {
  const start = element('button', { text: strings.startPractice, attributes: { type: 'button', id: 'start-practice' } });
  start.addEventListener('click', () => vscode.postMessage({ type: 'practice' }));
  return element('section', { className: 'panel empty-state', attributes: { id: 'empty-state' } }, [element('h2', { text: strings.empty }), element('p', { text: strings.emptyHelp }), start]);
}

function readiness(current: DashboardModel): HTMLElement {
  const rows = current.topics.map((topic: DashboardTopic) => {
    const chosen = current.selection.topic === topic.id;
    const button = element('button', { className: 'link topic-link', text: topic.title, attributes: { type: 'button', 'aria-pressed': String(chosen), 'data-topic': topic.id } });
    button.addEventListener('click', () => select(chosen ? undefined : topic.id, current.selection.day));
    const recallText = percent.format(topic.recall);
    const recallTip = format(strings.recallTip, recallText);
    const meter = element('meter', { title: recallTip, attributes: { min: '0', max: '1', low: '0.5', high: '0.85', optimum: '1', value: String(topic.recall) } });
    return [
      button,
      number(topic.questions, `${topic.questions} ${strings.questions}`),
      number(topic.new, format(strings.newTip, topic.new), 'figure state-new'),
      number(topic.learning, format(strings.learningTip, topic.learning), 'figure state-learning'),
      number(topic.due, format(strings.dueTip, topic.due), 'figure state-due'),
      number(topic.mastered, format(strings.masteredTip, topic.mastered), 'figure state-mastered'),
      element('span', { className: 'recall' }, [meter, element('span', { className: 'figure', text: ` ${recallText}`, title: recallTip })]),
    ];
  });
  const readinessTable = table(strings.readiness, [strings.topic, strings.questions, strings.new, strings.learning, strings.due, strings.mastered, strings.recall], rows, 'readiness-table');
  readinessTable.id = 'readiness-table';
  readinessTable.querySelectorAll('tbody tr').forEach((row, index) => row.classList.toggle('selected', current.topics[index]?.id === current.selection.topic));
  return section('readiness', strings.readiness, [element('p', { className: 'help', text: strings.readinessHelp }), readinessTable]);
}

/** Charts drawn once the page is in the DOM (uPlot measures its container). */
const pendingCharts: (() => void)[] = [];

function chartBox(id: string, label: string): HTMLElement {
  return element('div', { className: 'chart', attributes: { id, role: 'img', 'aria-label': label } });
}

function forecast(current: DashboardModel): HTMLElement {
  const days = current.forecast.days;
  const box = chartBox('forecast-chart', strings.forecast);
  pendingCharts.push(() =>
    barChart(
      box,
      days.map((day) => dayLabel(day.day)),
      days.map((day) => day.count),
      '--vscode-charts-blue',
    ),
  );
  const rows = days.filter((day) => day.count > 0).map((day) => [dayLabel(day.day), number(day.count, format(strings.forecastTip, day.count, dayLabel(day.day)))]);
  const forecastTable = table(strings.forecast, [strings.day, strings.reviews], rows, 'forecast-table');
  forecastTable.id = 'forecast-table';
  const overdue = current.forecast.overdue > 0 ? element('p', { className: 'help', text: format(strings.overdue, current.forecast.overdue) }) : undefined;
  return section('forecast', strings.forecast, [overdue, element('div', { className: 'chart-and-table' }, [box, forecastTable])]);
}

function heatmap(current: DashboardModel): HTMLElement {
  const children: (Node | undefined)[] = [];
  const streakTip = strings.streakTip;
  children.push(
    element('p', { className: 'streaks', attributes: { id: 'streaks' } }, [
      element('span', { text: `${strings.currentStreak}: ` }),
      number(current.streaks.current, streakTip, 'figure streak-current'),
      element('span', { text: ` · ${strings.longestStreak}: ` }),
      number(current.streaks.longest, streakTip, 'figure streak-longest'),
      element('span', { text: ` · ${format(strings.totalReviews, current.totalReviews)}` }),
    ]),
  );
  if (current.totalReviews === 0) {
    children.push(element('p', { className: 'help heatmap-empty', text: strings.heatmapEmpty, attributes: { id: 'heatmap-empty' } }));
  }
  const grid = element('div', { className: 'heatmap', attributes: { id: 'heatmap', role: 'group', 'aria-label': strings.heatmap } });
  const first = current.heatmap[0];
  // Rows are weekdays (Sunday first), so the first column starts with blanks before the first day.
  const weekday = first ? new Date(`${first.day}T00:00:00Z`).getUTCDay() : 0;
  for (let blank = 0; blank < weekday; blank++) {
    grid.append(element('span', { className: 'heat-blank', attributes: { 'aria-hidden': 'true' } }));
  }
  for (const day of current.heatmap) {
    const tip = format(strings.heatmapTip, day.count, day.day);
    const cell = element('button', { className: `heat heat-${day.level}${current.selection.day === day.day ? ' selected' : ''}`, title: tip, attributes: { type: 'button', 'aria-label': tip, 'data-day': day.day } });
    cell.addEventListener('click', () => select(current.selection.topic, current.selection.day === day.day ? undefined : day.day));
    grid.append(cell);
  }
  children.push(grid);
  const busyDays = current.heatmap.filter((day) => day.count > 0).map((day) => [day.day, number(day.count, format(strings.heatmapTip, day.count, day.day))]);
  if (busyDays.length > 0) {
    children.push(element('details', { className: 'table-details' }, [element('summary', { text: strings.heatmap }), table(strings.heatmap, [strings.day, strings.reviews], busyDays)]));
  }
  if (current.selection.day && current.dayReviews) {
    children.push(dayReviews(current.selection.day, current));
  }
  return section('activity', strings.heatmap, children);
}

function questionLink(questionId: string, text: string): HTMLButtonElement {
  const link = element('button', { className: 'link question-link', text, attributes: { type: 'button', 'data-question': questionId } });
  link.addEventListener('click', () => vscode.postMessage({ type: 'openQuestion', questionId }));
  return link;
}

function dayReviews(day: string, current: DashboardModel): HTMLElement {
  const close = element('button', { className: 'secondary', text: strings.close, attributes: { type: 'button' } });
  close.addEventListener('click', () => select(current.selection.topic, undefined));
  const reviews = current.dayReviews ?? [];
  const content =
    reviews.length === 0
      ? element('p', { className: 'help', text: strings.noDayReviews })
      : table(
          format(strings.dayReviews, day),
          [strings.timeOfDay, strings.topic, strings.question, strings.grade, strings.source],
          reviews.map((review) => [timeOfDay.format(new Date(review.time)), review.topic, questionLink(review.questionId, review.question), strings.grades[review.grade - 1] ?? String(review.grade), strings.sources[review.source] ?? review.source]),
        );
  return element('div', { className: 'day-reviews', attributes: { id: 'day-reviews' } }, [element('h3', { text: format(strings.dayReviews, day) }), content, close]);
}

function retention(current: DashboardModel): HTMLElement {
  const cell = (count: { passed: number; total: number; rate: number | undefined }) =>
    count.rate === undefined ? element('span', { className: 'muted', text: strings.noData }) : element('span', { className: 'figure', text: percent.format(count.rate), title: format(strings.retentionTip, count.passed, count.total) });
  const { lastMonth, allTime, desired } = current.retention;
  const rows = [
    [strings.young, cell(lastMonth.young), cell(allTime.young)],
    [strings.mature, cell(lastMonth.mature), cell(allTime.mature)],
  ];
  const retentionTable = table(strings.retention, ['', strings.lastMonth, strings.allTime], rows, 'retention-table');
  retentionTable.id = 'retention-table';
  return section('retention', strings.retention, [
    element('p', { className: 'help', text: strings.retentionHelp }),
    retentionTable,
    element('p', {}, [element('span', { text: `${strings.desired}: ` }), element('span', { className: 'figure', text: percent.format(desired), title: strings.desiredTip, attributes: { id: 'desired-retention' } })]),
  ]);
}

function minutes(seconds: number | undefined): string {
  if (seconds === undefined) {
    return '–';
  }
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function mockInterviews(current: DashboardModel): HTMLElement {
  if (current.mockInterviews.length === 0) {
    return section('mock', strings.mockInterviews, [element('p', { className: 'help', text: strings.noMockInterviews })]);
  }
  const box = chartBox('mock-chart', strings.mockInterviews);
  pendingCharts.push(() =>
    lineChart(
      box,
      current.mockInterviews.map((mock) => dayLabel(mock.day)),
      current.mockInterviews.map((mock) => mock.averageGrade),
    ),
  );
  const rows = current.mockInterviews.map((mock) => [
    mock.day,
    String(mock.questions),
    element('span', { className: 'figure', text: decimal.format(mock.averageGrade), title: strings.averageGradeTip }),
    String(mock.again),
    minutes(mock.totalSeconds),
  ]);
  return section('mock', strings.mockInterviews, [element('div', { className: 'chart-and-table' }, [box, table(strings.mockInterviews, [strings.date, strings.questions, strings.averageGrade, strings.again, strings.time], rows, 'mock-table')])]);
}

function leeches(current: DashboardModel): HTMLElement {
  if (current.leeches.length === 0) {
    return section('leeches', strings.leeches, [element('p', { className: 'help', text: strings.noLeeches })]);
  }
  const rows = current.leeches.map((leech) => [questionLink(leech.questionId, leech.question), leech.topic, number(leech.lapses, format(strings.lapsesTip, leech.lapses))]);
  return section('leeches', strings.leeches, [element('p', { className: 'help', text: strings.leechesHelp }), table(strings.leeches, [strings.question, strings.topic, strings.lapses], rows, 'leech-table')]);
}

function plan(current: DashboardModel): HTMLElement {
  const interview = current.interview;
  if (!interview) {
    return element('section');
  }
  const children: (Node | undefined)[] = [
    element('p', { text: format(strings.planSummary, interview.questionsPerDay, interview.newPerDay), attributes: { id: 'plan-summary' } }),
    element('p', { className: 'help', text: format(strings.planUnseen, interview.unseen, interview.questions) }),
    element('p', { className: 'help', text: format(strings.planRecall, percent.format(interview.expectedRecall)) }),
  ];
  if (interview.topics.length > 0) {
    children.push(element('p', { className: 'help', text: format(strings.planTopics, interview.topics.join(', ')) }));
  }
  if (interview.days.length > 0) {
    const planTable = table(
      strings.plan,
      [strings.day, strings.reviews, strings.newQuestions, strings.total],
      interview.days.map((day) => [dayLabel(day.day), String(day.reviews), String(day.newQuestions), String(day.total)]),
      'plan-table',
    );
    planTable.id = 'plan-table';
    children.push(planTable);
  }
  return section('plan', strings.plan, children);
}

/** A theme colour from VS Code's CSS variables (they change with the theme). */
function themeColour(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}

function axes(labels: readonly string[]): uPlot.Axis[] {
  const foreground = themeColour('--vscode-foreground', '#888');
  const grid = themeColour('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  return [
    { stroke: foreground, grid: { show: false }, ticks: { stroke: grid }, values: (_chart, ticks) => ticks.map((tick) => labels[tick] ?? '') },
    { stroke: foreground, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
  ];
}

function chartWidth(box: HTMLElement): number {
  return Math.max(240, Math.min(720, box.clientWidth || 480));
}

function barChart(box: HTMLElement, labels: readonly string[], values: readonly number[], colourVariable: string): void {
  const colour = themeColour(colourVariable, '#3794ff');
  const xs = labels.map((_label, index) => index);
  const bars = uPlot.paths.bars?.({ size: [0.7, 24] });
  charts.push(
    new uPlot(
      {
        width: chartWidth(box),
        height: 180,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] }, y: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
        axes: axes(labels),
        series: [{}, { stroke: colour, fill: colour, paths: bars, points: { show: false } }],
      },
      [xs, [...values]],
      box,
    ),
  );
}

function lineChart(box: HTMLElement, labels: readonly string[], values: readonly number[]): void {
  const colour = themeColour('--vscode-charts-green', '#89d185');
  charts.push(
    new uPlot(
      {
        width: chartWidth(box),
        height: 180,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] }, y: { range: [1, 4] } },
        axes: axes(labels),
        series: [{}, { stroke: colour, width: 2, points: { show: true, size: 6, stroke: colour, fill: colour } }],
      },
      [labels.map((_label, index) => index), [...values]],
      box,
    ),
  );
}

function drawCharts(): void {
  for (const draw of pendingCharts.splice(0)) {
    draw();
  }
}

window.addEventListener('message', (event: MessageEvent<{ type?: string; model?: DashboardModel; sequence?: number }>) => {
  if (event.data?.type === 'model' && event.data.model) {
    modelSequence = typeof event.data.sequence === 'number' ? event.data.sequence : modelSequence;
    render(event.data.model);
  }
});

// Charts take their colours and widths when drawn: draw again when the theme or the size changes.
const redraw = () => model && render(model);
new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let lastWidth = root.clientWidth;
new ResizeObserver(() => {
  if (Math.abs(root.clientWidth - lastWidth) > 40) {
    lastWidth = root.clientWidth;
    redraw();
  }
}).observe(root);

vscode.postMessage({ type: 'ready' });
