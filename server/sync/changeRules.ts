// What a pushed change may do, decided from the actor, the change and the stored record.
// Pure: the store reads the rows, this decides, the store writes.
import { communeOnlyKinds, type Change, type RecordKind } from '../../src/domain/index.ts';
import type { Actor } from '../store/store.ts';

/** The parts of a stored record the rules look at. */
export interface StoredHead {
  kind: string;
  unitId: string;
  communeId: string;
  reporterId: string;
  rev: number;
  lastDeviceId: string;
}

export type RejectReason = 'forbidden_unit' | 'forbidden_record' | 'forbidden_kind' | 'wrong_reporter' | 'immutable_field';

export type Verdict = { action: 'apply' } | { action: 'conflict' } | { action: 'reject'; reason: RejectReason; fields: string[] };

/** Whose records an actor reads: one unit, one commune, or none (deny by default). */
export type ReadScope = { unitId: string } | { communeId: string } | null;

export function readScope(actor: Actor): ReadScope {
  switch (actor.role) {
    case 'villageHead':
      return { unitId: actor.unitId };
    case 'communeOfficer':
    case 'communeReporter':
      return { communeId: actor.communeId };
    default:
      return null;
  }
}

/**
 * Violence cases are shown only to the roles that handle them: the commune officer (the whole
 * commune) and the village head (their own unit's). A commune reporter may be the police or
 * the health station, but also the women's union or a service centre, and the role does not
 * say which: so a reporter sees only the cases they recorded themselves (the safer default).
 * Returns the reporter whose cases alone the actor may see, or undefined for all in scope.
 */
export function caseReporterLimit(actor: Actor): string | undefined {
  return actor.role === 'communeReporter' ? actor.userId : undefined;
}

function mayHandleCase(actor: Actor, stored: StoredHead): boolean {
  if (stored.kind !== 'violenceCase') return true;
  const limit = caseReporterLimit(actor);
  return limit === undefined || stored.reporterId === limit;
}

/** Where an actor writes records: one unit, the whole commune, or nowhere. */
export function writeScope(actor: Actor): ReadScope {
  switch (actor.role) {
    case 'villageHead':
      return { unitId: actor.unitId };
    // DESIGN §1: the other commune reporters (police, health station, women's union) record
    // "what is theirs at commune level"; a village's records are its head's (and the officer's).
    // So a reporter writes only in their own unit, the commune-level one. Reading stays commune-wide.
    case 'communeReporter':
      return { unitId: actor.unitId };
    case 'communeOfficer':
      return { communeId: actor.communeId };
    default:
      return null;
  }
}

/** unitCommuneId: the commune the unit belongs to, undefined when the unit is unknown. */
export function canWriteUnit(actor: Actor, unitId: string, unitCommuneId: string | undefined): boolean {
  const scope = writeScope(actor);
  if (!scope) return false;
  if ('unitId' in scope) return unitId === scope.unitId;
  return unitCommuneId !== undefined && unitCommuneId === scope.communeId;
}

const reject = (reason: RejectReason, ...fields: string[]): Verdict => ({ action: 'reject', reason, fields });

/** Inspections, trainings and complaints are the commune level's work: a village head records none. */
export function mayRecordKind(actor: Actor, kind: string): boolean {
  return actor.role !== 'villageHead' || !(communeOnlyKinds as readonly string[]).includes(kind);
}

/**
 * Field paths are relative to the change ("record.unitId"), so a stored result reads the
 * same wherever a resend puts the change in its batch.
 */
export function judgeChange(actor: Actor, change: Change, stored: StoredHead | undefined, targetUnitCommuneId: string | undefined): Verdict {
  if (!mayRecordKind(actor, change.op === 'upsert' ? change.record.kind : change.kind))
    return reject('forbidden_kind', change.op === 'upsert' ? 'record.kind' : 'kind');
  if (change.op === 'upsert') {
    const record = change.record;
    if (!canWriteUnit(actor, record.unitId, targetUnitCommuneId)) return reject('forbidden_unit', 'record.unitId');
    if (stored && !canWriteUnit(actor, stored.unitId, stored.communeId)) return reject('forbidden_unit', 'recordId');
    if (stored && !mayHandleCase(actor, stored)) return reject('forbidden_record', 'recordId');
    if (!stored) {
      return record.reporterId === actor.userId ? { action: 'apply' } : reject('wrong_reporter', 'record.reporterId');
    }
    const changed = [
      record.kind !== stored.kind && 'record.kind',
      record.unitId !== stored.unitId && 'record.unitId',
      record.reporterId !== stored.reporterId && 'record.reporterId',
    ].filter((field): field is string => field !== false);
    if (changed.length > 0) return reject('immutable_field', ...changed);
  } else {
    if (!stored) {
      // A tombstone for a record the server never saw lands in the actor's own unit.
      return canWriteUnit(actor, actor.unitId, actor.communeId) ? { action: 'apply' } : reject('forbidden_unit', 'recordId');
    }
    if (!canWriteUnit(actor, stored.unitId, stored.communeId)) return reject('forbidden_unit', 'recordId');
    if (!mayHandleCase(actor, stored)) return reject('forbidden_record', 'recordId');
    if (change.kind !== (stored.kind as RecordKind)) return reject('immutable_field', 'kind');
  }
  // An edit on an old revision is a conflict, unless this device made the newer revision itself.
  if (stored.rev !== change.baseRev && stored.lastDeviceId !== actor.deviceId) return { action: 'conflict' };
  return { action: 'apply' };
}
