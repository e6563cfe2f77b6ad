// A Store over any Kysely database with our schema: the queries do not depend on the engine,
// except the push, which each engine applies its own way (postgres.ts, sqlite/store.ts).
import type { Kysely } from 'kysely';
import * as accounts from './accounts/sessions.ts';
import { engineTraits } from './engine.ts';
import type { Engine, EngineTraits } from './engine.ts';
import { migrateToLatest } from './schema/migrations.ts';
import * as audit from './office/audit.ts';
import * as communeAccounts from './accounts/accounts.ts';
import { ensureFacts } from './province/facts.ts';
import { devicesWithGaps, listCommuneDevices, revokeDevice } from './office/devices.ts';
import { pullRecords } from './sync/pull.ts';
import * as province from './province/province.ts';
import * as reports from './office/reports.ts';
import * as reviews from './office/reviews.ts';
import * as throttle from './accounts/signInThrottle.ts';
import * as units from './office/units.ts';
import * as unitTypes from './office/unitTypes.ts';
import type { Database } from './schema/tables.ts';
import type { PushInput, PushOutcome, Store } from './store.ts';

/** How an engine applies pushes, and what a pull's answer waits for. */
export interface PushPath {
  push(input: PushInput): Promise<PushOutcome>;
  /** Resolves once every push committed so far is on disk (SQLite's WAL flush, walFlush.ts). */
  durable?(): Promise<void>;
}

export function kyselyStore(db: Kysely<Database>, engine: Engine, pushPath: (traits: EngineTraits) => PushPath): Store {
  const traits = engineTraits(engine);
  const { push, durable } = pushPath(traits);
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
    setSessionExpiry: (deviceId, expiresAt, seenAt) => accounts.setSessionExpiry(db, deviceId, expiresAt, seenAt),
    loadProfile: (userId) => accounts.loadProfile(db, userId),
    push,
    pull: async (input) => {
      const response = await pullRecords(db, input);
      // Nothing goes out to a phone before it is on disk (walFlush.ts): its cursor would pass it.
      await durable?.();
      return response;
    },
    devicesWithGaps: (input) => devicesWithGaps(db, input),
    loadCommune: (communeId) => reports.loadCommune(db, communeId),
    listCommuneRecords: (input) => reports.listCommuneRecords(db, input),
    loadPlan: (communeId, year) => reports.loadPlan(db, communeId, year),
    savePlan: ({ audit: event, ...input }) => audit.withAudit(db, event, (trx) => reports.savePlan(trx, input)),
    listUnits: (communeId) => units.listUnits(db, communeId),
    addUnit: (communeId, unit, event) => audit.withAudit(db, event, (trx) => units.addUnit(trx, communeId, unit), (added) => added),
    changeUnit: (unitId, change, event) => audit.withAudit(db, event, (trx) => units.changeUnit(trx, unitId, change)),
    retireUnit: (unitId, event) => audit.withAudit(db, event, (trx) => units.retireUnit(trx, unitId, null)),
    mergeUnit: (communeId, unitId, into, event) => units.mergeUnit(db, traits, communeId, unitId, into, event),
    listUnitTypes: (communeId) => unitTypes.listUnitTypes(db, communeId),
    saveUnitTypes: (communeId, types) => unitTypes.saveUnitTypes(db, communeId, types),
    listReviewEvents: (scope) => reviews.listReviewEvents(db, scope),
    addReviewEvent: (communeId, review, event) => audit.withAudit(db, event, (trx) => reviews.addReviewEvent(trx, communeId, review)),
    listCommuneDevices: (communeId) => listCommuneDevices(db, communeId),
    revokeDevice: ({ audit: event, ...input }) => audit.withAudit(db, event, (trx) => revokeDevice(trx, input), (revoked) => revoked),
    tokenRefusal: (tokenHash) => accounts.tokenRefusal(db, tokenHash),
    findCommuneUser: (communeId, userId) => accounts.findCommuneUser(db, communeId, userId),
    loadProvince: (provinceId) => province.loadProvince(db, provinceId),
    provinceFigures: (input) => province.provinceFigures(db, engine, input),
    listProvincePlans: (provinceId, year) => province.listProvincePlans(db, provinceId, year),
    signInLockedUntil: (keys, now) => throttle.lockedUntil(db, keys, now),
    reserveSignInAttempt: (key, now, rule) => throttle.reserveAttempt(db, key, now, rule),
    settleSignInFailure: (key, now, rule) => throttle.settleFailure(db, key, now, rule),
    refundSignInAttempt: (key, rule) => throttle.refundAttempt(db, key, rule),
    clearSignInFailures: (key, event) => audit.withAudit(db, event, (trx) => throttle.clearFailures(trx, key), (cleared) => cleared),
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
