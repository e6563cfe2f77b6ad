// A Store over any Kysely database with our schema: the queries do not depend on the engine.
import type { Kysely } from 'kysely';
import * as accounts from './accounts.ts';
import { engineTraits } from './engine.ts';
import type { Engine } from './engine.ts';
import { migrateToLatest } from './migrations.ts';
import * as audit from './audit.ts';
import * as communeAccounts from './communeAccounts.ts';
import { ensureFacts } from './facts.ts';
import { devicesWithGaps, listCommuneDevices, revokeDevice } from './devices.ts';
import { groupCommittedPushes } from './groupCommit.ts';
import { pushChanges } from './push.ts';
import { pullRecords } from './records.ts';
import * as province from './province.ts';
import * as reports from './reports.ts';
import * as reviews from './reviews.ts';
import * as throttle from './throttle.ts';
import * as units from './units.ts';
import * as unitTypes from './unitTypes.ts';
import type { Database } from './schema.ts';
import type { PushInput, Store } from './store.ts';
import type { CommitFlush } from './walFlush.ts';
import type { PushStatements } from './pushReads.ts';

/** `statements`: the push's reads and row writes when the engine has faster ones than Kysely's (pushReads.ts, pushWrites.ts). */
export function kyselyStore(db: Kysely<Database>, engine: Engine, commitFlush?: CommitFlush, statements?: PushStatements): Store {
  const traits = engineTraits(engine);
  // One writer (SQLite): concurrent pushes share a commit; many writers (PostgreSQL): one each.
  const push = traits.rowLocks ? (input: PushInput) => pushChanges(db, traits, input) : groupCommittedPushes(db, traits, commitFlush, statements);
  return {
    engine,
    migrate: async () => {
      const ran = await migrateToLatest(db as Kysely<unknown>, engine);
      await ensureFacts(db, engine);
      return ran;
    },
    hasAnyCommune: () => accounts.hasAnyCommune(db),
    hasAnyProvince: () => accounts.hasAnyProvince(db),
    seedCommune: (seed) => accounts.seedCommune(db, seed),
    seedProvince: (seed) => accounts.seedProvince(db, seed),
    findUserForSignIn: (username) => accounts.findUserForSignIn(db, username),
    bindDevice: (input) => accounts.bindDevice(db, input),
    findActor: (tokenHash) => accounts.findActor(db, tokenHash),
    findSession: (tokenHash, now) => accounts.findSession(db, tokenHash, now),
    setSessionExpiry: (deviceId, expiresAt) => accounts.setSessionExpiry(db, deviceId, expiresAt),
    loadProfile: (userId) => accounts.loadProfile(db, userId),
    push,
    pull: async (input) => {
      const response = await pullRecords(db, input);
      // Nothing goes out to a phone before it is on disk (walFlush.ts): its cursor would pass it.
      await commitFlush?.flush();
      return response;
    },
    devicesWithGaps: (input) => devicesWithGaps(db, input),
    loadCommune: (communeId) => reports.loadCommune(db, communeId),
    listCommuneRecords: (input) => reports.listCommuneRecords(db, input),
    loadPlan: (communeId, year) => reports.loadPlan(db, communeId, year),
    savePlan: (input) => reports.savePlan(db, input),
    listUnits: (communeId) => units.listUnits(db, communeId),
    addUnit: (communeId, unit) => units.addUnit(db, communeId, unit),
    changeUnit: (unitId, change) => units.changeUnit(db, unitId, change),
    retireUnit: (unitId) => units.retireUnit(db, unitId, null),
    mergeUnit: (communeId, unitId, into) => units.mergeUnit(db, traits, communeId, unitId, into),
    listUnitTypes: (communeId) => unitTypes.listUnitTypes(db, communeId),
    saveUnitTypes: (communeId, types) => unitTypes.saveUnitTypes(db, communeId, types),
    listReviewEvents: (scope) => reviews.listReviewEvents(db, scope),
    addReviewEvent: (communeId, event) => reviews.addReviewEvent(db, communeId, event),
    listCommuneDevices: (communeId) => listCommuneDevices(db, communeId),
    revokeDevice: (input) => revokeDevice(db, input),
    tokenRefusal: (tokenHash) => accounts.tokenRefusal(db, tokenHash),
    findCommuneUser: (communeId, userId) => accounts.findCommuneUser(db, communeId, userId),
    loadProvince: (provinceId) => province.loadProvince(db, provinceId),
    provinceFigures: (input) => province.provinceFigures(db, engine, input),
    listProvincePlans: (provinceId, year) => province.listProvincePlans(db, provinceId, year),
    signInLockedUntil: (keys, now) => throttle.lockedUntil(db, keys, now),
    reserveSignInAttempt: (key, now, rule) => throttle.reserveAttempt(db, key, now, rule),
    settleSignInFailure: (key, now, rule) => throttle.settleFailure(db, key, now, rule),
    refundSignInAttempt: (key, rule) => throttle.refundAttempt(db, key, rule),
    clearSignInFailures: (key) => throttle.clearFailures(db, key),
    listCommuneAccounts: (communeId, now, accountKey) => communeAccounts.listCommuneAccounts(db, communeId, now, accountKey),
    createAccount: (input) => communeAccounts.createAccount(db, input),
    issueEnrolmentCode: (input) => communeAccounts.issueEnrolmentCode(db, input),
    setAccountDisabled: (input) => communeAccounts.setAccountDisabled(db, input),
    useEnrolmentCode: (input) => communeAccounts.useEnrolmentCode(db, input),
    forgetOldFailures: (now) => throttle.forgetOldFailures(db, now),
    appendAudit: (event) => audit.appendAudit(db, event),
    listAuditTrail: (input) => audit.listAuditTrail(db, input),
    logCaseAccess: (reads) => audit.logCaseAccess(db, reads),
    listCaseAccess: (input) => audit.listCaseAccess(db, input),
    close: () => db.destroy(),
  };
}
