import { computeDecayFactor, default_w, forgetting_curve } from 'ts-fsrs';
import type { CardRecord } from './progress';

/**
 * FSRS's forgetting curve with the weights our scheduler uses (ts-fsrs's defaults: the
 * scheduler passes no `w`): R(t, S) = (1 + factor·t/S)^decay, so R = 0.9 when t = S.
 */
const weights = default_w;
const { decay, factor } = computeDecayFactor(weights);
const dayMs = 24 * 60 * 60_000;

/** The chance of recalling a question after `elapsedDays` (fractional) at this stability. */
export function retrievabilityAfter(elapsedDays: number, stability: number): number {
  return stability > 0 ? forgetting_curve(weights, Math.max(0, elapsedDays), stability) : 0;
}

/**
 * The chance of recalling a question at `time` (ms since the epoch), as ts-fsrs's
 * `get_retrievability` but with fractional days; 0 for a question never graded.
 */
export function retrievability(record: CardRecord | undefined, time: number): number {
  if (!record || record.state === 'new') {
    return 0;
  }
  return retrievabilityAfter((time - Date.parse(record.lastReview)) / dayMs, record.stability);
}

/** Days after a review at which recall falls to `target`: the inverse of the forgetting curve. */
export function daysUntilRetrievability(stability: number, target: number): number {
  return (stability * (Math.pow(target, 1 / decay) - 1)) / factor;
}
