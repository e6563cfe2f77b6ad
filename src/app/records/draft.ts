// A form's state is a draft of the record: loose until saved, then checked by the shared
// schema. New drafts start with sensible defaults: today in Vietnam, the user's unit.
import { dayInVietnam, newId, type ChecklistRecord, type ProfileResponse, type RecordKind } from '../../domain/index.ts';

export type Draft = Record<string, unknown>;

function caseCode(today: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (b) => alphabet[b % alphabet.length]).join('');
  return `VV-${today.replaceAll('-', '').slice(2)}-${random}`;
}

export function newDraft(kind: RecordKind, session: ProfileResponse, now = new Date()): Draft {
  const today = dayInVietnam(now);
  const common = { kind, id: newId(), unitId: session.user.unitId, reporterId: session.user.id, date: today };
  switch (kind) {
    case 'propagandaSession':
      return { ...common, topics: [], language: 'vi' };
    case 'newsPost':
      return { ...common, title: '' };
    case 'violenceCase':
      return {
        ...common,
        caseCode: caseCode(today),
        // Most cases a village head records are ones she was told of or found herself.
        reportedBy: session.user.role === 'villageHead' ? 'villageHead' : undefined,
        acts: [],
        victimNeedsSupport: false,
        supportServices: [],
        measures: [],
        perpetratorCounselled: false,
        referredToPolice: false,
        status: 'received',
        statusDates: { received: today },
      };
    case 'contactPoint':
    case 'preventionModel':
    case 'inspection':
    case 'complaint':
      return common;
    case 'training':
      return { ...common, audience: [] };
  }
}

export function draftOf(record: ChecklistRecord): Draft {
  return structuredClone(record) as Draft;
}

/** Sets `path` ("title", "statusDates.closed") in a copy of the draft; empty text clears it. */
export function setPath(draft: Draft, path: string, value: unknown): Draft {
  const cleaned = typeof value === 'string' ? (value.trim() === '' ? undefined : value.normalize('NFC')) : value;
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) return { ...draft, [head]: cleaned };
  const inner = { ...((draft[head] as Draft | undefined) ?? {}), [tail]: cleaned };
  return { ...draft, [head]: inner };
}

export function getPath(draft: Draft, path: string): unknown {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = draft[head];
  return tail === undefined ? value : (value as Draft | undefined)?.[tail];
}
