// The words of the home card's lines: each figure as a village head reads it ("90 / 120 hộ
// được tuyên truyền · Còn thiếu 18 hộ"), and whether it is met, from the card's domain values.
import type { DeadlineNotice, ProgressLine, UnitProgress } from '../../domain/indicators/index.ts';
import { isBehind } from '../../domain/indicators/index.ts';
import { passes } from '../../domain/plan/index.ts';
import { fill, formatDate, formatNumber as n, text } from '../i18n/index.ts';

export interface LineText {
  label: string;
  state: string;
  /** Met, short, or null for a figure judged elsewhere (a village's share of a commune target). */
  ok: boolean | null;
  /** What the line counts, for a test to read: sessions, households, posts … */
  done: number;
}

const t = text.progress;

function ratio(line: ProgressLine): { numerator: number; denominator: number; pending: number } {
  const value = line.cell.value;
  return value.kind === 'ratio'
    ? { numerator: value.numerator, denominator: value.denominator, pending: value.pendingIds?.length ?? 0 }
    : { numerator: 0, denominator: 0, pending: 0 };
}

const reachedState = { state: `✓ ${t.reached}`, ok: true };

/** Met (nothing short, not behind), else what is missing. */
const stateOf = (line: ProgressLine, missing: string): Pick<LineText, 'state' | 'ok'> =>
  line.short === 0 && !isBehind(line.cell.verdict) ? reachedState : { state: missing, ok: false };

export function ownLineText(line: ProgressLine, progress: UnitProgress, handledInTimeDays: number): LineText {
  const { numerator, denominator, pending } = ratio(line);
  const village = progress.scope === 'village';
  const records = line.cell.value.kind === 'ratio' ? line.cell.value.recordIds.length : 0;
  const missing = fill(t.missing, { n: n(line.short) });
  switch (line.id) {
    case 'unitsReachedByPropaganda':
      return village
        ? { label: fill(t.sessions, { year: progress.year, n: n(records) }), ...stateOf(line, missing), done: records }
        : { label: fill(t.unitsReached, { done: n(numerator), total: n(denominator) }), ...stateOf(line, missing), done: records };
    case 'householdsReached': {
      if (denominator === 0) return { label: t.householdsUnknown, state: '', ok: true, done: numerator };
      const label = fill(t.households, { done: n(numerator), total: n(denominator) });
      // A plan with no household target: the figure alone, nothing judged.
      if (line.target?.kind !== 'percent') return { label, state: '', ok: true, done: numerator };
      return { label, ...stateOf(line, fill(t.householdsShort, { n: n(line.short), percent: n(line.target.min) })), done: numerator };
    }
    case 'unitsWithContactPoint':
      return village
        ? { label: numerator > 0 ? t.contactPoint : t.contactPointMissing, ...stateOf(line, missing), done: numerator }
        : { label: fill(t.contactPoints, { done: n(numerator), total: n(denominator) }), ...stateOf(line, missing), done: numerator };
    case 'casesHandledInTime': {
      if (denominator === 0 && pending === 0) return { label: t.casesNone, state: '', ok: true, done: 0 };
      const label = fill(t.cases, { done: n(numerator), total: n(denominator) });
      const notes = [
        pending > 0 ? fill(t.casesPending, { n: n(pending), days: n(handledInTimeDays) }) : '',
        denominator > numerator ? fill(t.casesLate, { n: n(denominator - numerator) }) : '',
      ];
      const state = notes.filter(Boolean).join(' · ');
      return state ? { label, state, ok: false, done: numerator } : { label, ...reachedState, done: numerator };
    }
    default:
      return {
        label: fill(t.complaints, { done: n(numerator), total: n(denominator) }),
        ...stateOf(line, fill(t.missing, { n: n(denominator - numerator) })),
        done: numerator,
      };
  }
}

const countTitles = {
  newsPostsPerQuarter: t.newsQuarter,
  conferencesHeld: t.conferencesYear,
  preventionModels: t.modelsYear,
  inspections: t.inspectionsYear,
  officerTrainings: t.trainingsYear,
} as Record<string, string>;

/** A count target of the commune: its minimum, and what the village added (or, for the commune, what it has). */
export function communeLineText(line: ProgressLine, progress: UnitProgress): LineText {
  const count = line.cell.value.kind === 'count' ? line.cell.value.count : 0;
  const min = line.target && line.target.kind !== 'percent' ? line.target.min : 0;
  const title = fill(countTitles[line.id] ?? line.id, { quarter: progress.quarter.quarter });
  const perQuarter = line.target?.kind === 'countPerQuarter';
  const moreThan = line.target?.compare === 'moreThan';
  const template = moreThan ? (perQuarter ? t.moreThanPerQuarter : t.moreThanPerYear) : perQuarter ? t.atLeastPerQuarter : t.atLeastPerYear;
  const label = `${title}: ${fill(template, { min: n(min) })}`;
  if (progress.scope === 'village') return { label, state: fill(t.added, { n: n(count) }), ok: null, done: count };
  return line.target && passes(line.target, count, min)
    ? { label, state: `${fill(t.communeHas, { n: n(count) })} ✓`, ok: true, done: count }
    : { label, state: fill(t.communeHas, { n: n(count) }), ok: false, done: count };
}

export function deadlineText(notice: DeadlineNotice): string {
  const values = { what: t[notice.id], date: formatDate(notice.date), days: n(Math.abs(notice.daysLeft)) };
  if (notice.state === 'overdue') return fill(t.overdue, values);
  return fill(notice.state === 'today' ? t.dueToday : t.daysLeft, values);
}
