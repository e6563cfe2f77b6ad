// Storage behind one interface, grouped by module (groups.ts), implemented over SQLite
// (sqlite/store.ts) and PostgreSQL (postgres.ts) by the same Kysely queries (kysely.ts).
import type { Change, PushResponse, Role, SeqRange, SignedInUser, Unit } from '../../src/domain/index.ts';
import type { Engine } from './engine.ts';
import type { StoreGroups } from './groups.ts';

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

/**
 * The store: its groups (groups.ts), one per module, e.g. `store.units.add(…)`,
 * `store.sessions.find(…)`; and at the top what concerns the whole database.
 */
export interface Store extends StoreGroups {
  readonly engine: Engine;
  /** Applies pending migrations; returns the names applied by this call. */
  migrate(): Promise<string[]>;
  hasAnyCommune(): Promise<boolean>;
  hasAnyProvince(): Promise<boolean>;
  seedCommune(seed: CommuneSeed): Promise<void>;
  /** Creates the province if new, and its province accounts. */
  seedProvince(seed: ProvinceSeed): Promise<void>;
  close(): Promise<void>;
}
