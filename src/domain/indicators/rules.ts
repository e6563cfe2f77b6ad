// One pure function per indicator, over the live (not deleted) records of one scope: a unit,
// or the whole commune. Definitions are written here once and quoted in the report.
import type { LocalDate } from '../dates.ts';
import { prosecutionOf, type NewsPost, type PropagandaSession, type ViolenceCase } from '../records/index.ts';
import { daysBetween } from '../plan/calendar.ts';
import { quarterOf } from '../dates.ts';
import { quartersIn, type Period } from './period.ts';
import type { IndicatorValue } from './values.ts';
import type { UnitEntry } from './units.ts';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/** Count of records, with the count of each quarter of the period. */
export function countByQuarter(records: readonly { id: string; date: LocalDate }[], period: Period): IndicatorValue {
  const byQuarter = quartersIn(period).map((q) => ({ ...q, count: 0, recordIds: [] as string[] }));
  for (const record of records) {
    const { year, quarter } = quarterOf(record.date);
    const bucket = byQuarter.find((b) => b.quarter === quarter && b.year === year);
    if (!bucket) continue;
    bucket.count++;
    bucket.recordIds.push(record.id);
  }
  return { kind: 'count', count: records.length, recordIds: ids(records), byQuarter };
}

export function newsPosts(posts: readonly NewsPost[], period: Period): IndicatorValue {
  return countByQuarter(posts, period);
}

/** Hội nghị and sinh hoạt chuyên đề: sessions whose form is a conference or a thematic session. */
export function conferencesHeld(sessions: readonly PropagandaSession[], period: Period): IndicatorValue {
  return countByQuarter(
    sessions.filter((s) => s.form === 'conference' || s.form === 'thematicSession'),
    period,
  );
}

/**
 * Village units with at least one propaganda session of any form in the period, a broadcast,
 * a banner or a post without attendees included. Seed 000 (Nam Gia Nghĩa ward's plan for 2026),
 * line 85: "100% tổ dân phố được tuyên truyền ít nhất 01 lần/năm."
 */
export function unitsReached(units: readonly UnitEntry[], sessionsOf: (unitId: string) => readonly PropagandaSession[]): IndicatorValue {
  const reached = units.filter((u) => sessionsOf(u.id).length > 0);
  return {
    kind: 'ratio',
    numerator: reached.length,
    denominator: units.length,
    recordIds: units.flatMap((u) => ids(sessionsOf(u.id))),
  };
}

/**
 * Households reached: per unit, the households named by its sessions added up and capped at
 * the unit's household count (a household reached twice is not two households); over the
 * units' households. Units with no household count are left out of both terms.
 */
export function householdsReached(units: readonly UnitEntry[], sessionsOf: (unitId: string) => readonly PropagandaSession[]): IndicatorValue {
  let numerator = 0;
  let denominator = 0;
  const recordIds: string[] = [];
  for (const unit of units) {
    if (unit.households <= 0) continue;
    const sessions = sessionsOf(unit.id);
    const named = sessions.reduce((sum, s) => sum + s.householdsReached, 0);
    numerator += Math.min(named, unit.households);
    denominator += unit.households;
    recordIds.push(...ids(sessions));
  }
  return { kind: 'ratio', numerator, denominator, recordIds };
}

/** The day a case was handled: it reached "intervening" (or "closed", which implies it). */
export function handledOn(c: ViolenceCase): LocalDate | undefined {
  return c.statusDates.intervening ?? c.statusDates.closed;
}

/**
 * Handled in time: the case reached "intervening" or "closed" within `days` days of the day
 * it was detected (its date). A case not handled whose limit has not passed on `asOf` is
 * pending: counted in neither term, listed apart. Cases count in the period they were detected.
 */
export function casesHandledInTime(cases: readonly ViolenceCase[], days: number, asOf: LocalDate): IndicatorValue {
  const pending = cases.filter((c) => handledOn(c) === undefined && daysBetween(c.date, asOf) <= days);
  const pendingSet = new Set(pending);
  const judged = cases.filter((c) => !pendingSet.has(c));
  const inTime = judged.filter((c) => {
    const day = handledOn(c);
    return day !== undefined && daysBetween(c.date, day) <= days;
  });
  return { kind: 'ratio', numerator: inTime.length, denominator: judged.length, recordIds: ids(judged), pendingIds: ids(pending) };
}

/** Victims who need support and reached at least one support service. */
export function victimsReachedService(cases: readonly ViolenceCase[]): IndicatorValue {
  const needing = cases.filter((c) => c.victimNeedsSupport);
  const reached = needing.filter((c) => c.supportServices.length > 0);
  return { kind: 'ratio', numerator: reached.length, denominator: needing.length, recordIds: ids(needing) };
}

/**
 * Perpetrators counselled, over the perpetrators not prosecuted. Seed 003 (Lâm Đồng province's
 * plan for 2026), line 127: "85% người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát
 * hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn". A prosecuted
 * perpetrator counts in neither term; a case whose prosecution is not known yet (also every case
 * recorded before the field existed) counts in neither and is listed as missing.
 */
export function perpetratorsCounselled(cases: readonly ViolenceCase[]): IndicatorValue {
  const notProsecuted = cases.filter((c) => prosecutionOf(c) === 'notProsecuted');
  const counselled = notProsecuted.filter((c) => c.perpetratorCounselled);
  const unknown = cases.filter((c) => prosecutionOf(c) === 'notKnown');
  return { kind: 'ratio', numerator: counselled.length, denominator: notProsecuted.length, recordIds: ids(notProsecuted), missingIds: ids(unknown) };
}
