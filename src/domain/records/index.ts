// The three checklists of the mission, as one union discriminated by `kind`.
import * as z from 'zod/mini';
import { newsPost } from './newsPost.ts';
import { propagandaSession } from './propagandaSession.ts';
import { violenceCase } from './violenceCase.ts';

export const checklistRecord = z.discriminatedUnion('kind', [propagandaSession, newsPost, violenceCase]);
export type ChecklistRecord = z.infer<typeof checklistRecord>;
export type RecordKind = ChecklistRecord['kind'];
export const recordKinds = ['propagandaSession', 'newsPost', 'violenceCase'] as const satisfies readonly RecordKind[];

export const schemaOfKind = { propagandaSession, newsPost, violenceCase } as const;

export * from './propagandaSession.ts';
export * from './newsPost.ts';
export * from './violenceCase.ts';
