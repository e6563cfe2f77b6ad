// The report settings of a commune's year (src/domain/plan/reportSettings.ts): what the officer
// saved, as JSON; the save and its audit event in one transaction (audit.ts withAudit).
import type { Kysely } from 'kysely';
import type { ReportSettings } from '../../../src/domain/plan/reportSettings.ts';
import type { Database } from '../schema/tables.ts';
import { storeGroup } from '../group.ts';
import { withAudit, type AuditEventInput } from './audit.ts';

export interface ReportSettingsSave {
  communeId: string;
  year: number;
  settings: ReportSettings;
  userId: string;
  now: string;
  audit?: AuditEventInput;
}

/** The store's part for report settings: `store.reportSettings.load`, `.save`. */
export type ReportSettingsStore = {
  /** What the officer saved for that year; undefined while the defaults apply. */
  load(communeId: string, year: number): Promise<ReportSettings | undefined>;
  save(input: ReportSettingsSave): Promise<void>;
};

/** The group keeps the cached sessions: it writes no user and no device. */
export const reportSettingsGroup = storeGroup('keeps', ({ db }) => reportSettingsStore(db));

function reportSettingsStore(db: Kysely<Database>): ReportSettingsStore {
  return {
    async load(communeId, year) {
      const row = await db.selectFrom('report_settings').select('body').where('commune_id', '=', communeId).where('year', '=', year).executeTakeFirst();
      return row ? (JSON.parse(row.body) as ReportSettings) : undefined;
    },
    save: ({ audit, communeId, year, settings, userId, now }) =>
      withAudit(db, audit, async (trx) => {
        const body = JSON.stringify(settings);
        await trx
          .insertInto('report_settings')
          .values({ commune_id: communeId, year, body, updated_at: now, updated_by: userId })
          .onConflict((oc) => oc.columns(['commune_id', 'year']).doUpdateSet({ body, updated_at: now, updated_by: userId }))
          .execute();
      }),
  };
}
