// Storage behind one interface, implemented over SQLite (sqlite/store.ts) and PostgreSQL
// (postgres.ts) by the same Kysely queries (kysely.ts).
import type { CommuneDevice, DeviceGapsPage } from './office/devices.ts';
import type { Reservation, ThrottleRule } from './accounts/signInThrottle.ts';
import type { Change, PullResponse, PushResponse, Role, SeqRange, SignedInUser, Unit } from '../../src/domain/index.ts';
import type { Engine } from './engine.ts';
import type { RecordEntry } from '../../src/domain/indicators/index.ts';
import type { Plan } from '../../src/domain/plan/index.ts';
import type { MergeRefusal, SetupUnit, StartedUnit, UnitChange } from '../../src/domain/setup/units.ts';
import type { UnitType } from '../../src/domain/setup/unitTypes.ts';
import type { ReviewEvent } from '../../src/domain/review/review.ts';
import type { CommuneWithUnits } from './office/reports.ts';
import type { CommuneFigures } from '../../src/domain/province/index.ts';
import type { ProvinceFiguresInput } from './province/province.ts';
import type { AuditEventInput, AuditInput, CaseReads } from './office/audit.ts';
import type { EnrolmentOutcome, IssueInput } from './accounts/accounts.ts';
import type { CommuneAccount, NewAccount } from '../../src/domain/communeAccounts.ts';
import type { AuditPage, CaseAccessPage } from '../../src/domain/audit.ts';

/** Who is acting: the signed-in user on one device. */
export interface Actor {
  userId: string;
  role: Role;
  /** Empty for a province user, who belongs to no commune (and so matches none). */
  communeId: string;
  /** Empty for a province user. */
  unitId: string;
  deviceId: string;
  /** Set for a province user only: the province whose communes' indicators they read. */
  provinceId?: string;
}

/** The device a session was bound to; `refused` says why the id sent was not used. */
export interface DeviceBinding {
  deviceId: string;
  refused?: 'otherAccount' | 'revoked';
}

export interface BindDeviceInput {
  deviceId: string;
  userId: string;
  tokenHash: string;
  now: string;
  expiresAt?: string;
  /** The signing-in browser's user agent, cut to USER_AGENT_LENGTH. */
  userAgent?: string;
}

/** The user agent kept of a device: enough to tell browser and system apart. */
export const USER_AGENT_LENGTH = 300;

export interface UserForSignIn {
  id: string;
  pinHash: string;
}

export interface Profile {
  user: SignedInUser;
  /** The commune's units that are not retired, the commune-level unit included. */
  units: Unit[];
}

export interface PushInput {
  actor: Actor;
  changes: Change[];
  /** Server time, ISO 8601. */
  receivedAt: string;
  /** The changes' fingerprints (changeHash.ts) in their order, when made before (pushWriter.ts). */
  changeHashes?: readonly string[];
}

export type PushOutcome =
  | { ok: true; response: PushResponse }
  /**
   * Nothing of the batch was stored, for the change at `index`: its changeId already used with
   * another body, or its seq too far past the device's highest (SEQ_WINDOW).
   */
  | { ok: false; refusal: 'changeIdReused' | 'seqJump'; index: number };

export interface PullInput {
  actor: Actor;
  since: number;
  limit: number;
  /** Server seqs of the actor's device's own changes it already holds: left out when still the latest. */
  skipOwn?: readonly SeqRange[];
}

export interface CommuneSeed {
  /** The province the commune belongs to, created if new. */
  province: { id: string; name: string };
  /** provinceName: the province's short name kept on the commune for the reports ("Lâm Đồng"). */
  commune: { id: string; name: string; provinceName: string };
  units: Unit[];
  users: Array<{ id: string; username: string; displayName: string; role: Role; unitId: string; pinHash: string }>;
}

export interface ProvinceSeed {
  province: { id: string; name: string };
  users: Array<{ id: string; username: string; displayName: string; pinHash: string }>;
}

export interface Store {
  readonly engine: Engine;
  /** Applies pending migrations; returns the names applied by this call. */
  migrate(): Promise<string[]>;
  hasAnyCommune(): Promise<boolean>;
  hasAnyProvince(): Promise<boolean>;
  seedCommune(seed: CommuneSeed): Promise<void>;
  /** Creates the province if new, and its province accounts. */
  seedProvince(seed: ProvinceSeed): Promise<void>;

  findUserForSignIn(username: string): Promise<UserForSignIn | undefined>;
  /**
   * A new token (only its hash is stored) on the device: the id sent when it is new or already
   * this user's and not revoked, else a fresh id (accounts.ts), which the sign-in answer carries.
   */
  bindDevice(input: BindDeviceInput): Promise<DeviceBinding>;
  /** The actor behind a token hash, if the device exists and is not revoked. */
  findActor(tokenHash: string): Promise<Actor | undefined>;
  /** The actor behind a token hash whose session has not ended at `now` (ISO), and when it ends. */
  findSession(tokenHash: string, now: string): Promise<{ actor: Actor; expiresAt: string | null } | undefined>;
  /** Moves the end of a device's session: later on use, or to now on sign-out; `seenAt` is the device's last contact. */
  setSessionExpiry(deviceId: string, expiresAt: string, seenAt: string): Promise<void>;
  loadProfile(userId: string): Promise<Profile | undefined>;

  /** The whole batch in one transaction: all of it is stored, or nothing. */
  push(input: PushInput): Promise<PushOutcome>;
  pull(input: PullInput): Promise<PullResponse>;
  /** One page of the commune's devices with missing change numbers, by device id after `after`. */
  devicesWithGaps(input: { communeId: string; after: string | null; limit: number }): Promise<DeviceGapsPage>;

  /** A commune with all its units, retired ones included (reports). */
  loadCommune(communeId: string): Promise<CommuneWithUnits | undefined>;
  /** The commune's live records dated from `from` to `to`, both included, and the contact points and models set up before `from` (reports). */
  listCommuneRecords(input: { communeId: string; from: string; to: string }): Promise<RecordEntry[]>;
  /** The plan the commune's officer saved for a year; undefined when the defaults apply. */
  loadPlan(communeId: string, year: number): Promise<Plan | undefined>;
  /** `audit`, here and below: the event that records the change, written in its transaction (audit.ts withAudit). */
  savePlan(input: { plan: Plan; userId: string; now: string; audit?: AuditEventInput }): Promise<void>;

  /** The commune's units for its officer's setup screen, retired ones included. */
  listUnits(communeId: string): Promise<SetupUnit[]>;
  /** The commune's unit types in their order (the defaults until the officer saves a list). */
  listUnitTypes(communeId: string): Promise<UnitType[]>;
  saveUnitTypes(communeId: string, types: readonly UnitType[]): Promise<void>;
  /** False when the id is already taken. */
  addUnit(communeId: string, unit: StartedUnit, audit?: AuditEventInput): Promise<boolean>;
  changeUnit(unitId: string, change: UnitChange, audit?: AuditEventInput): Promise<void>;
  /** Retires a unit: it is no longer counted, nor offered to the phones. */
  retireUnit(unitId: string, audit?: AuditEventInput): Promise<void>;
  /** Merges a unit into another of the commune (its records count there from then on), or says why not. */
  mergeUnit(communeId: string, unitId: string, into: string, audit?: AuditEventInput): Promise<MergeRefusal | undefined>;

  /** Review events of a commune (optionally one unit, one period), oldest first. */
  listReviewEvents(scope: { communeId: string; unitId?: string; period?: string }): Promise<ReviewEvent[]>;
  addReviewEvent(communeId: string, event: ReviewEvent, audit?: AuditEventInput): Promise<void>;

  /** The phones signed in to the commune, revoked ones included. */
  listCommuneDevices(communeId: string): Promise<CommuneDevice[]>;
  /** Revokes one of the commune's devices (its token stops working); false when not found there. */
  revokeDevice(input: { communeId: string; deviceId: string; now: string; audit?: AuditEventInput }): Promise<boolean>;
  /** Why a known token names no actor: a revoked device (the phone wipes itself) or a disabled account. */
  tokenRefusal(tokenHash: string): Promise<'device_revoked' | 'account_disabled' | undefined>;
  findCommuneUser(communeId: string, userId: string): Promise<{ id: string; username: string; role: Role } | undefined>;

  /** The province's name, or undefined when there is no such province. */
  loadProvince(provinceId: string): Promise<{ id: string; name: string } | undefined>;
  /** Every commune of the province with its indicators for the period, computed by the database (province.ts). */
  provinceFigures(input: ProvinceFiguresInput): Promise<CommuneFigures[]>;
  /** The plans the province's communes saved for a year, by commune. */
  listProvincePlans(provinceId: string, year: number): Promise<Map<string, Plan>>;

  /** Sign-in throttling (accounts/signInThrottle.ts): the latest lock among the keys still running at `now`. */
  signInLockedUntil(keys: string[], now: string): Promise<string | undefined>;
  /** Counts an attempt before its secret is checked, unless the key is locked or full (accounts/signInThrottle.ts). */
  reserveSignInAttempt(key: string, now: Date, rule: ThrottleRule): Promise<Reservation>;
  /** After a failed check: locks the key when its count is full. */
  settleSignInFailure(key: string, now: Date, rule: ThrottleRule): Promise<void>;
  /** Gives back a reserved attempt that succeeded. */
  refundSignInAttempt(key: string, rule: ThrottleRule): Promise<void>;
  /** True when there was something to clear (and only then is `audit` written). */
  clearSignInFailures(key: string, audit?: AuditEventInput): Promise<boolean>;

  /** The commune's accounts with their state (accounts/accounts.ts); `accountKey` names an account's throttle key. */
  listCommuneAccounts(communeId: string, now: string, accountKey: (username: string) => string): Promise<CommuneAccount[]>;
  /** A new account waiting for enrolment, with its first code; false when the username is taken. */
  createAccount(input: { communeId: string; userId: string; account: NewAccount; pinHash: string } & Omit<IssueInput, 'userId'>): Promise<boolean>;
  /** A new code for the account; its earlier unused codes stop working. */
  issueEnrolmentCode(input: IssueInput): Promise<void>;
  /** False when the account was already in that state. */
  setAccountDisabled(input: { userId: string; disabled: boolean; audit: AuditInput }): Promise<boolean>;
  useEnrolmentCode(input: { codeHash: string; pinHash: string; deviceId: string; now: string }): Promise<EnrolmentOutcome>;
  /** Opportunistic clean-up of sign_in_throttle; returns the rows deleted. */
  forgetOldFailures(now: Date): Promise<number>;

  appendAudit(event: AuditEventInput): Promise<void>;
  listAuditTrail(input: { communeId: string; before: string | null; limit: number }): Promise<AuditPage>;
  logCaseAccess(reads: CaseReads): Promise<void>;
  listCaseAccess(input: { communeId: string; before: number | null; limit: number }): Promise<CaseAccessPage>;

  close(): Promise<void>;
}
