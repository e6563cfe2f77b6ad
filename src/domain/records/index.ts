// The checklists of the mission, as one union discriminated by `kind`: the three a village
// keeps (sessions, news, cases), a unit's standing arrangements (contact point, prevention
// model) and the commune's own work (inspections, trainings, complaints).
import * as z from 'zod/mini';
import { communeOnlyKinds, complaint, inspection, training } from './communeWork.ts';
import { newsPost } from './newsPost.ts';
import { propagandaSession } from './propagandaSession.ts';
import { contactPoint, preventionModel, runningOn } from './standing.ts';
import { violenceCase } from './violenceCase.ts';

export const checklistRecord = z.discriminatedUnion('kind', [
  propagandaSession,
  newsPost,
  violenceCase,
  contactPoint,
  preventionModel,
  inspection,
  training,
  complaint,
]);
export type ChecklistRecord = z.infer<typeof checklistRecord>;
export type RecordKind = ChecklistRecord['kind'];
export const recordKinds = [
  'propagandaSession',
  'newsPost',
  'violenceCase',
  'contactPoint',
  'preventionModel',
  'inspection',
  'training',
  'complaint',
] as const satisfies readonly RecordKind[];

export const schemaOfKind = { propagandaSession, newsPost, violenceCase, contactPoint, preventionModel, inspection, training, complaint } as const;

/** The kinds a role records: a village head keeps their unit's, the commune level all of them. */
export function kindsFor(role: string): readonly RecordKind[] {
  return role === 'villageHead' ? recordKinds.filter((k) => !(communeOnlyKinds as readonly string[]).includes(k)) : recordKinds;
}

/**
 * Kinds whose records stay on the list of every quarter they are active in: arrangements that
 * run (a contact point, a model) and cases not closed yet, so a head never records them twice.
 */
export const lastingKinds = ['contactPoint', 'preventionModel', 'violenceCase'] as const satisfies readonly RecordKind[];

/** Active on some day from `first` to `last`: dated by then, and not stopped (or closed) before `first`. */
export function activeBetween(record: ChecklistRecord, first: string, last: string): boolean {
  if (record.date > last) return false;
  if (record.date >= first) return true;
  if (record.kind === 'contactPoint' || record.kind === 'preventionModel') return runningOn(record, first);
  if (record.kind === 'violenceCase') return record.statusDates.closed === undefined || record.statusDates.closed >= first;
  return false;
}

export * from './propagandaSession.ts';
export * from './newsPost.ts';
export * from './violenceCase.ts';
export * from './standing.ts';
export * from './communeWork.ts';
export * from './recordDays.ts';
export { maxTextLength } from './limits.ts';
