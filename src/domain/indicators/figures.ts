// Descriptive figures of a period for the report's text: how many sessions, participants by
// sex, posts by channel, cases by act and by the victim's sex and age band. No targets here.
import type { LocalDate } from '../dates.ts';
import { ageBands, attendeesOf, newsChannels, propagandaForms, sexes, violenceActGroups, type ChecklistRecord } from '../records/index.ts';
import { periodDates, type Period } from './period.ts';
import type { RecordEntry } from './table.ts';

type Tally<K extends string> = Record<K, number>;

const tally = <K extends string>(keys: readonly K[]): Tally<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Tally<K>;

export interface PeriodFigures {
  propagandaSessions: number;
  sessionsByForm: Tally<(typeof propagandaForms)[number]>;
  menParticipants: number;
  womenParticipants: number;
  /** Households named by sessions, added up (a household reached twice counts twice). */
  householdVisits: number;
  minorityLanguageSessions: number;
  newsPosts: number;
  postsByChannel: Tally<(typeof newsChannels)[number]>;
  violenceCases: number;
  casesByAct: Tally<(typeof violenceActGroups)[number]>;
  victimsBySex: Tally<(typeof sexes)[number]>;
  victimsByAgeBand: Tally<(typeof ageBands)[number]>;
  casesReferredToPolice: number;
  inspections: number;
  trainings: number;
  trainingMen: number;
  trainingWomen: number;
  complaintsReceived: number;
  /** Of those received in the period, handled by their `handledOn` (any day up to now). */
  complaintsHandled: number;
  lastRecordDate: LocalDate | null;
}

export function periodFigures(records: Iterable<RecordEntry>, period: Period): PeriodFigures {
  const f: PeriodFigures = {
    propagandaSessions: 0,
    sessionsByForm: tally(propagandaForms),
    menParticipants: 0,
    womenParticipants: 0,
    householdVisits: 0,
    minorityLanguageSessions: 0,
    newsPosts: 0,
    postsByChannel: tally(newsChannels),
    violenceCases: 0,
    casesByAct: tally(violenceActGroups),
    victimsBySex: tally(sexes),
    victimsByAgeBand: tally(ageBands),
    casesReferredToPolice: 0,
    inspections: 0,
    trainings: 0,
    trainingMen: 0,
    trainingWomen: 0,
    complaintsReceived: 0,
    complaintsHandled: 0,
    lastRecordDate: null,
  };
  const { first, last } = periodDates(period);
  for (const entry of records) {
    const r: ChecklistRecord | null = entry.record;
    if (entry.deleted || !r || r.date < first || r.date > last) continue;
    if (!f.lastRecordDate || r.date > f.lastRecordDate) f.lastRecordDate = r.date;
    if (r.kind === 'propagandaSession') {
      f.propagandaSessions++;
      f.sessionsByForm[r.form]++;
      // A broadcast, a banner or a post has no attendees: it adds none, whatever it carries.
      const { men, women } = attendeesOf(r);
      f.menParticipants += men;
      f.womenParticipants += women;
      f.householdVisits += r.householdsReached;
      if (r.language === 'minority') f.minorityLanguageSessions++;
    } else if (r.kind === 'newsPost') {
      f.newsPosts++;
      f.postsByChannel[r.channel]++;
    } else if (r.kind === 'inspection') {
      f.inspections++;
    } else if (r.kind === 'training') {
      f.trainings++;
      f.trainingMen += r.menCount;
      f.trainingWomen += r.womenCount;
    } else if (r.kind === 'complaint') {
      f.complaintsReceived++;
      if (r.handledOn) f.complaintsHandled++;
    } else if (r.kind === 'violenceCase') {
      f.violenceCases++;
      for (const act of r.acts) f.casesByAct[act]++;
      f.victimsBySex[r.victimSex]++;
      f.victimsByAgeBand[r.victimAgeBand]++;
      if (r.referredToPolice) f.casesReferredToPolice++;
    }
  }
  return f;
}
