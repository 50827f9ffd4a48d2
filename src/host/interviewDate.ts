import * as vscode from 'vscode';
import { questionsOf } from '../core/notes/note';
import { checkInterviewDate, interviewCountdown, interviewTopicIds, msUntilNextLocalDay, type InterviewDateCheck } from '../core/practice/interviewDate';
import { interviewPlan, interviewSchedule, type InterviewPlan, type InterviewSchedule, type PlanInput } from '../core/practice/interviewPlan';
import { calendarFromOffset, dayKeyOf, dayNumberOf, localDayKey, localDayNumber, startOfLocalDay } from '../core/practice/localDays';
import { firstReviewedOn } from '../core/practice/statistics';
import { questionIdOf } from '../core/practice/progress';
import { plainUiText } from '../core/text/untrustedText';
import { commands } from './commandIds';
import { Disposable } from './disposable';
import type { LoadedNote } from './noteLibrary';
import { showError, showInformation } from './notify';
import type { ExtensionServices } from './services';
import { settings } from './settings';

/** The dashboard's command (src/host/dashboard.ts); run by id, so this file works before the dashboard exists. */
const openDashboardCommand = 'interviewNotes.openDashboard';

/** The host's own time zone, as the user reads the calendar. */
const hostCalendar = calendarFromOffset((time) => -new Date(time).getTimezoneOffset());

/** How `interviewNotes.setInterviewDate` may be called without asking: from a test or another command. */
export interface SetInterviewDateArguments {
  /** `YYYY-MM-DD`, or empty to clear the date. */
  readonly date?: string;
  /** Topic ids; empty or absent: every topic. */
  readonly topics?: readonly string[];
}

export interface InterviewDateState {
  readonly text: string;
  readonly tooltip: string;
  readonly visible: boolean;
  readonly command: string | undefined;
}

/**
 * The interview date: its two settings, the command that sets them, and a status bar item
 * that counts down and says how many questions to review today (the core interview plan over
 * the chosen topics, the progress and the desired retention). It is hidden without a date
 * and after the day, and it changes at local midnight and whenever progress changes.
 */
export class InterviewDate extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('interviewNotes.interviewDate', vscode.StatusBarAlignment.Left, 49));
  private visible = false;
  private midnightTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly services: ExtensionServices) {
    super();
    this.item.name = vscode.l10n.t('Interview Notes: Interview Date');
    this.item.command = { command: commands.showInterviewPlan, title: vscode.l10n.t('Show Interview Plan') };
    this.register({ dispose: () => clearTimeout(this.midnightTimer) });
    this.register(vscode.commands.registerCommand(commands.setInterviewDate, (options?: SetInterviewDateArguments) => this.setInterviewDate(options)));
    this.register(vscode.commands.registerCommand(commands.showInterviewPlan, () => this.showPlan()));
    this.register(services.progress.onDidChange(() => void this.refresh()));
    this.register(services.library.onDidChange(() => void this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if ([settings.interviewDate, settings.interviewTopics, settings.desiredRetention, settings.language].some((key) => event.affectsConfiguration(key))) {
          void this.refresh();
        }
      }),
    );
    // Without a date nothing is read; with one, the plan needs every note: after the window settles.
    if (interviewDayOfSettings() !== undefined) {
      const startup = setTimeout(() => void this.refresh(), 2000);
      this.register({ dispose: () => clearTimeout(startup) });
    }
  }

  /** What the status bar item shows, for the tests. */
  get state(): InterviewDateState {
    const command = this.item.command;
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), visible: this.visible, command: typeof command === 'string' ? command : command?.command };
  }

  /** Settles when the item shows the current plan. */
  get updated(): Promise<void> {
    return this.refreshing;
  }

  /** The plan to the interview date of the settings, or undefined when none is set. */
  async plan(): Promise<InterviewPlan | undefined> {
    const input = await interviewPlanInput(this.services);
    return input && interviewPlan(input);
  }

  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.update()).catch((error: unknown) => this.services.logger.warn(`interview date: status bar: ${String(error)}`));
    return this.refreshing;
  }

  private async update(): Promise<void> {
    clearTimeout(this.midnightTimer);
    const plan = await this.plan();
    const countdown = plan && interviewCountdown(plan);
    if (!plan || !countdown) {
      this.item.hide();
      this.visible = false;
      return;
    }
    if (countdown.kind === 'today') {
      this.item.text = `$(calendar) ${vscode.l10n.t('Interview today')}`;
    } else if (countdown.days === 1) {
      this.item.text = `$(calendar) ${vscode.l10n.t('Interview tomorrow · {0} today', countdown.today)}`;
    } else {
      this.item.text = `$(calendar) ${vscode.l10n.t('Interview in {0} days · {1} today', countdown.days, countdown.today)}`;
    }
    this.item.tooltip = plainUiText(this.planSummary(plan), 1000);
    this.item.show();
    this.visible = true;
    // The countdown changes with the local date.
    this.midnightTimer = setTimeout(() => void this.refresh(), msUntilNextLocalDay(hostCalendar, Date.now()) + 1000);
  }

  /** The plan in plain words: for the tooltip and the notification. */
  private planSummary(plan: InterviewPlan): string {
    const lines = [
      vscode.l10n.t('Interview on {0}: {1} questions, {2} not seen yet.', plan.interviewDay, plan.questions, plan.unseen),
      plan.daysLeft > 0
        ? vscode.l10n.t('Review {0} questions today and up to {1} a day, {2} of them new, to reach the desired retention on the day.', plan.days[0]?.total ?? 0, plan.questionsPerDay, plan.newPerDay)
        : vscode.l10n.t('No day is left to study: good luck!'),
      vscode.l10n.t('Expected recall on the day if you follow the plan: {0}%.', Math.round(plan.expectedRecall * 100)),
    ];
    return lines.join('\n');
  }

  /** The status bar's click: the dashboard when there is one, else the plan in a notification. */
  async showPlan(): Promise<'dashboard' | 'notification' | undefined> {
    const plan = await this.plan();
    if (!plan) {
      const set = vscode.l10n.t('Set Interview Date');
      if ((await showInformation(vscode.l10n.t('No interview date is set.'), set)) === set) {
        await this.setInterviewDate();
      }
      return undefined;
    }
    try {
      await vscode.commands.executeCommand(openDashboardCommand);
      return 'dashboard';
    } catch (error) {
      this.services.logger.info(`interview date: no dashboard (${error instanceof Error ? error.message : String(error)}); showing the plan in a notification`);
      void showInformation(this.planSummary(plan));
      return 'notification';
    }
  }

  /** `interviewNotes.setInterviewDate`: asks for the date (or takes it), then the topics; returns whether the settings changed. */
  async setInterviewDate(options?: SetInterviewDateArguments): Promise<boolean> {
    const today = localDayKey(hostCalendar, Date.now());
    let day: string | undefined;
    if (typeof options?.date === 'string') {
      const check = checkInterviewDate(options.date, today);
      if (!check.ok) {
        void showError(this.problemMessage(check, options.date.trim(), today));
        return false;
      }
      day = check.day;
    } else {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Set Interview Date'),
        prompt: vscode.l10n.t('The day of your interview, as YYYY-MM-DD. Leave it empty to clear the date.'),
        placeHolder: dayKeyOf(localDayNumber(hostCalendar, Date.now()) + 14),
        value: interviewDayOfSettings() ?? '',
        validateInput: (text) => {
          const check = checkInterviewDate(text, localDayKey(hostCalendar, Date.now()));
          return check.ok ? undefined : this.problemMessage(check, text.trim(), localDayKey(hostCalendar, Date.now()));
        },
      });
      if (typed === undefined) {
        return false;
      }
      const check = checkInterviewDate(typed, localDayKey(hostCalendar, Date.now()));
      if (!check.ok) {
        return false;
      }
      day = check.day;
    }
    const configuration = vscode.workspace.getConfiguration();
    if (day === undefined) {
      await configuration.update(settings.interviewDate, undefined, vscode.ConfigurationTarget.Global);
      void showInformation(vscode.l10n.t('The interview date is cleared.'));
      return true;
    }
    const topics = options?.date !== undefined ? interviewTopicIds(options.topics ?? []) : await this.pickTopics();
    if (topics === undefined) {
      return false;
    }
    await configuration.update(settings.interviewDate, day, vscode.ConfigurationTarget.Global);
    await configuration.update(settings.interviewTopics, topics.length > 0 ? topics : undefined, vscode.ConfigurationTarget.Global);
    if (options?.date === undefined) {
      const plan = await this.plan();
      if (plan) {
        void showInformation(this.planSummary(plan));
      }
    }
    return true;
  }

  /** The topics for the interview: none ticked, or all, means every topic (new ones included). */
  private async pickTopics(): Promise<string[] | undefined> {
    const topics = await this.services.library.topics();
    const current = interviewTopicIds(vscode.workspace.getConfiguration().get<unknown>(settings.interviewTopics));
    type Item = vscode.QuickPickItem & { readonly topic: LoadedNote };
    const items = topics.map(
      (topic): Item => ({
        label: plainUiText(topic.note.title, 200),
        description: vscode.l10n.t('{0} questions', questionsOf(topic.note).length),
        picked: current.length === 0 || current.includes(topic.note.id),
        topic,
      }),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Topics of the Interview'),
      placeHolder: vscode.l10n.t('Tick the topics the interview covers (none ticked: all of them)'),
      canPickMany: true,
    });
    if (!picked) {
      return undefined;
    }
    return picked.length === items.length ? [] : picked.map((item) => item.topic.note.id);
  }

  private problemMessage(check: Extract<InterviewDateCheck, { ok: false }>, text: string, today: string): string {
    switch (check.problem) {
      case 'format':
        return vscode.l10n.t('Write the date as YYYY-MM-DD, for example {0}.', today);
      case 'notADate':
        return vscode.l10n.t('{0} is not a day of the calendar.', plainUiText(text, 40));
      case 'past':
        return vscode.l10n.t('{0} has passed: choose today or a later day.', plainUiText(text, 40));
    }
  }

}

function interviewDayOfSettings(): string | undefined {
  const value = vscode.workspace.getConfiguration().get<unknown>(settings.interviewDate, '');
  return typeof value === 'string' && dayNumberOf(value.trim()) !== undefined ? value.trim() : undefined;
}

async function chosenTopics(services: ExtensionServices): Promise<LoadedNote[]> {
  const topics = await services.library.topics();
  const ids = interviewTopicIds(vscode.workspace.getConfiguration().get<unknown>(settings.interviewTopics));
  return ids.length === 0 ? topics : topics.filter((topic) => ids.includes(topic.note.id));
}

/** What the plan is worked out from: the settings, the chosen topics, the progress and today's first reviews; undefined without a date. */
async function interviewPlanInput(services: ExtensionServices): Promise<PlanInput | undefined> {
  const interviewDay = interviewDayOfSettings();
  if (interviewDay === undefined) {
    return undefined;
  }
  const chosen = await chosenTopics(services);
  const { progress, reviewLog, logger } = services;
  const now = progress.now();
  const today = localDayNumber(hostCalendar, now.getTime());
  // Only today's segments are read; a log that cannot be read just leaves today's share as it was in the morning.
  const todaysReviews = await reviewLog.readSince(new Date(startOfLocalDay(hostCalendar, today))).catch((error: unknown) => {
    logger.warn(`interview date: could not read today's reviews: ${String(error)}`);
    return [];
  });
  return {
    interviewDay,
    now,
    calendar: hostCalendar,
    questionIds: chosen.flatMap(({ note }) => questionsOf(note).map((question) => questionIdOf(note.id, question.id))),
    progress: progress.progress,
    desiredRetention: vscode.workspace.getConfiguration().get<number>(settings.desiredRetention, 0.9),
    introducedToday: firstReviewedOn(todaysReviews, today, hostCalendar),
  };
}

/**
 * What practice sessions follow while an interview date is set (practiceQueue.ts): the plan's
 * due times for the chosen topics and today's share of their new questions. Undefined without
 * a date, and once the interview day is over.
 */
export async function currentInterviewSchedule(services: ExtensionServices): Promise<InterviewSchedule | undefined> {
  const input = await interviewPlanInput(services);
  return input && interviewSchedule(interviewPlan(input), input);
}

export function registerInterviewDate(services: ExtensionServices): InterviewDate {
  return new InterviewDate(services);
}
