import { dayNumberOf } from './localDays';
import { questionIdPattern } from './progress';

/**
 * Messages the dashboard webview may send. As with the reader, everything from a webview is
 * untrusted: unknown types and malformed fields are dropped.
 */
export type DashboardMessage =
  | { readonly type: 'ready' }
  /** The model of this sequence number is drawn (tables and charts): the bench times opening up to here. */
  | { readonly type: 'rendered'; readonly sequence: number }
  /** A topic row or a heatmap day was clicked; absent fields clear that filter. */
  | { readonly type: 'select'; readonly topic?: string; readonly day?: string }
  /** A leech or a review of a day: open the question in the reader. */
  | { readonly type: 'openQuestion'; readonly questionId: string }
  /** The empty state's button. */
  | { readonly type: 'practice' };

const topicPattern = /^[a-z][a-z0-9-]{0,99}$/;

export function parseDashboardMessage(message: unknown): DashboardMessage | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  switch (fields.type) {
    case 'rendered':
      return Number.isSafeInteger(fields.sequence) && (fields.sequence as number) >= 0 ? { type: 'rendered', sequence: fields.sequence as number } : undefined;
    case 'ready':
    case 'practice':
      return { type: fields.type };
    case 'select': {
      const topic = fields.topic ?? undefined;
      const day = fields.day ?? undefined;
      if ((topic !== undefined && (typeof topic !== 'string' || !topicPattern.test(topic))) || (day !== undefined && (typeof day !== 'string' || dayNumberOf(day) === undefined))) {
        return undefined;
      }
      return { type: 'select', topic, day };
    }
    case 'openQuestion':
      return typeof fields.questionId === 'string' && questionIdPattern.test(fields.questionId) ? { type: 'openQuestion', questionId: fields.questionId } : undefined;
    default:
      return undefined;
  }
}
