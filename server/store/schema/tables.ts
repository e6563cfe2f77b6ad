// The tables as Kysely sees them (migration 0001). Column names are snake_case; booleans
// are 0/1 integers so the same queries run on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface CommuneTable {
  id: string;
  name: string;
  province_name: string;
  /** Migration 0008: the province the commune belongs to. */
  province_id: string | null;
}

/** Migration 0008: a province (tỉnh / thành phố), owner of communes and of province accounts. */
export interface ProvinceTable {
  id: string;
  name: string;
}

export interface UnitTable {
  id: string;
  commune_id: string;
  name: string;
  type: string;
  households: number;
  retired: Generated<number>;
  /** Migration 0002: the unit this one was merged into, when retired by a merge. */
  merged_into?: string | null;
  /** Migration 0012: the day the officer added it (Vietnam); null for units from before, which count in every period. */
  started_on?: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** Null for a province user (migration 0008), set for everyone else. */
  commune_id: string | null;
  unit_id: string | null;
  pin_hash: string;
  /** Migration 0008: set for a province user only. */
  province_id: string | null;
  /** Migration 0005: set while the commune officer has disabled the account. */
  disabled_at?: string | null;
  /** Migration 0005: 0 until the owner chose a PIN with an enrolment code. */
  pin_set?: Generated<number>;
}

export interface DeviceTable {
  /** Made on the phone. */
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seq: Generated<number>;
  revoked_at: string | null;
  /** ISO time the session ends unless used again (0006); null: made before expiry existed. */
  session_expires_at: Generated<string | null>;
  /** The browser's user agent at the latest sign-in, cut to 300 characters (0011). */
  user_agent: Generated<string | null>;
  /** The latest sign-in or session slide (an hour's precision, http/session.ts) (0011). */
  last_seen_at: Generated<string | null>;
}

export interface RecordTable {
  id: string;
  kind: string;
  unit_id: string;
  commune_id: string;
  reporter_id: string;
  /** The day the user chose; null only on a tombstone of a record the server never saw. */
  date: string | null;
  rev: number;
  deleted: number;
  /** The record as JSON; kept on a tombstone, null when the server never saw the record. */
  body: string | null;
  server_seq: number;
  received_at: string;
  last_device_id: string;
  last_user_id: string;
}

export interface AppliedChangeTable {
  change_id: string;
  device_id: string;
  seq: number;
  record_id: string;
  body_hash: string;
  /** The ChangeResult as JSON, answered again to a repeat. */
  result: string;
  received_at: string;
}

export interface DeviceMissingSeqTable {
  device_id: string;
  seq: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

/** Every revision of every record, appended on each write: the base of a merge, and the history. */
export interface RecordVersionTable {
  record_id: string;
  rev: number;
  deleted: number;
  body: string | null;
  device_id: string;
  user_id: string;
  received_at: string;
}

/** Migration 0002: a commune's plan of a year, edited by its officer. */
/** One row per commune and year whose report settings the officer saved. */
export interface ReportSettingsTable {
  commune_id: string;
  year: number;
  /** The ReportSettings (src/domain/plan/reportSettings.ts) as JSON. */
  body: string;
  updated_at: string;
  updated_by: string;
}

/** Migration 0016: the province's plan of a year. */
export interface ProvincePlanTable {
  province_id: string;
  year: number;
  /** The ProvincePlan (src/domain/plan/provincePlan.ts) as JSON. */
  body: string;
  updated_at: string;
  updated_by: string;
}

export interface PlanTable {
  commune_id: string;
  year: number;
  /** The Plan (src/domain/plan) as JSON. */
  body: string;
  updated_at: string;
  updated_by: string;
}

/** Migration 0002: review of a unit's period, one row per event. */
export interface ReviewEventTable {
  id: string;
  commune_id: string;
  unit_id: string;
  period: string;
  seq: number;
  action: string;
  comment: string | null;
  user_id: string;
  at: string;
}

/** Migration 0004: failed sign-ins of one account ("account:<username>") or one address ("address:<ip>"). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** Migration 0007: a commune's list of village unit types. */
export interface UnitTypeTable {
  commune_id: string;
  id: string;
  name: string;
  retired: number;
  position: number;
}

/** Migration 0005: a one-time enrolment code, kept only as a slow hash. */
export interface EnrolmentCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  /** Set when a newer code was issued for the same account. */
  replaced_at: string | null;
}

/** Migration 0005: an account or office event (append-only). */
export interface AuditEventTable {
  id: Generated<number>;
  commune_id: string;
  at: string;
  user_id: string;
  device_id: string | null;
  action: string;
  target: string;
  /** JSON array of the names of the fields changed. */
  fields: string;
}

/** Migration 0005: one read of a violence case's details (append-only). */
export interface CaseAccessTable {
  id: Generated<number>;
  commune_id: string;
  at: string;
  user_id: string;
  device_id: string;
  record_id: string;
  via: string;
}

export interface Database {
  provinces: ProvinceTable;
  communes: CommuneTable;
  units: UnitTable;
  users: UserTable;
  devices: DeviceTable;
  records: RecordTable;
  applied_changes: AppliedChangeTable;
  device_missing_seqs: DeviceMissingSeqTable;
  counters: CounterTable;
  record_versions: RecordVersionTable;
  plans: PlanTable;
  province_plans: ProvincePlanTable;
  report_settings: ReportSettingsTable;
  review_events: ReviewEventTable;
  sign_in_throttle: SignInThrottleTable;
  unit_types: UnitTypeTable;
  enrolment_codes: EnrolmentCodeTable;
  audit_events: AuditEventTable;
  case_access: CaseAccessTable;
  unit_quarter_facts: UnitQuarterFactTable;
  fact_definitions: FactDefinitionTable;
}

/** The province's facts (0009, facts.ts): what a unit's live records of a quarter contribute, per key. */
export interface UnitQuarterFactTable {
  commune_id: string;
  unit_id: string;
  year: number;
  quarter: number;
  /** Cases: days from detection to being handled (0 when not handled); 0 for other records. */
  handled_after: number;
  /** Cases not handled: the detection day; '' for every other record. */
  pending_day: string;
  records: number;
  news_posts: number;
  conferences: number;
  sessions: number;
  households_named: number;
  cases: number;
  victims_needing: number;
  victims_reached: number;
  /** Cases whose perpetrator is not prosecuted, counselled (0013: of those not prosecuted). */
  perpetrators_counselled: number;
  /** Migration 0013: cases whose perpetrator is not prosecuted. */
  perpetrators_not_prosecuted: number;
}

/** The digest of the definitions each table of facts was computed with (0009). */
export interface FactDefinitionTable {
  name: string;
  digest: string;
}
