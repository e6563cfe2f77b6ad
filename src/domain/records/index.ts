// The checklists of the mission, as one union discriminated by `kind`: the three a village
// keeps (sessions, news, cases), a unit's standing arrangements (contact point, prevention
// model) and the commune's own work (inspections, trainings, complaints).
import * as z from 'zod/mini';
import { communeOnlyKinds, complaint, inspection, training } from './communeWork.ts';
import { newsPost } from './newsPost.ts';
import { propagandaSession } from './propagandaSession.ts';
import { contactPoint, preventionModel } from './standing.ts';
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

export * from './propagandaSession.ts';
export * from './newsPost.ts';
export * from './violenceCase.ts';
export * from './standing.ts';
export * from './communeWork.ts';
