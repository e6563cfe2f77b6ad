// The report settings of the commune's year (the plan's number and date, the reports' numbers,
// the heading's agency lines, the signer, the recipients, the officer's words): the commune
// officer reads and saves them; every save is audited with the names of the fields it changed.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { changedFields } from '../../src/domain/audit.ts';
import {
  defaultReportSettings,
  reportSettings as settingsSchema,
  reportSettingsResponse,
  type ReportSettings,
  type ReportSettingsResponse,
} from '../../src/domain/plan/reportSettings.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { auditInput } from '../http/auditInput.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';

export const reportSettingsApi = {
  read: apiRoute({
    method: 'get',
    path: '/reports/settings/:year',
    summary: "The commune's report settings of a year: plan number and date, report numbers, heading, signer, recipients, the officer's words (officer)",
    answer: { description: 'The settings (the defaults until saved)', schema: reportSettingsResponse },
  }),
  save: apiRoute({
    method: 'put',
    path: '/reports/settings/:year',
    summary: "Save the commune's report settings of a year (officer; audited)",
    body: settingsSchema,
    answer: { description: 'The saved settings', schema: reportSettingsResponse },
  }),
};

function yearOf(c: Context): number | undefined {
  const raw = c.req.param('year') ?? '';
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** The settings a commune's report of that year uses: the saved ones, else the defaults. */
export async function settingsOf(
  store: Store,
  commune: { id: string; name: string; provinceName: string },
  year: number,
): Promise<{ settings: ReportSettings; saved: boolean }> {
  const saved = await store.reportSettings.load(commune.id, year);
  return saved ? { settings: saved, saved: true } : { settings: defaultReportSettings(commune), saved: false };
}

/** Mounted by reportRoutes, behind its officer-only guard of /reports/*. */
export function reportSettingsRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .get('/reports/settings/:year', async (c) => {
      const year = yearOf(c);
      if (year === undefined) return apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'invalid_format' }]);
      const commune = await store.reports.loadCommune(c.get('actor').communeId);
      if (!commune) return apiError(c, 404, 'not_found');
      const response: ReportSettingsResponse = await settingsOf(store, commune, year);
      return c.json(response, 200);
    })
    .put('/reports/settings/:year', async (c) => {
      const actor = c.get('actor');
      const year = yearOf(c);
      if (year === undefined) return apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'invalid_format' }]);
      const parsed = await parseJsonBody(c, reportSettingsApi.save.body);
      if (!parsed.ok) return parsed.response;
      const commune = await store.reports.loadCommune(actor.communeId);
      if (!commune) return apiError(c, 404, 'not_found');
      // Compared with what applied before: the saved settings, or the defaults.
      const previous = await settingsOf(store, commune, year);
      const fields = changedFields({ ...previous.settings }, { ...parsed.data });
      const audit = auditInput(c, clock);
      await store.reportSettings.save({
        communeId: commune.id,
        year,
        settings: parsed.data,
        userId: actor.userId,
        now: audit.at,
        // A save that changes nothing leaves no event.
        audit: fields.length > 0 ? { ...audit, action: 'report.settings', target: String(year), fields } : undefined,
      });
      const response: ReportSettingsResponse = { settings: parsed.data, saved: true };
      return c.json(response, 200);
    });
}
