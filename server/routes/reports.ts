// The commune's yearly report for its officer: Word, Excel or CSV, generated from the records
// the server holds, figures only; and the year's case list, a separate export marked MẬT whose
// every case is logged as read. A village head gets 403; no token, 401.
import { Hono } from 'hono';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { dayInVietnam } from '../../src/domain/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { acceptedRecords } from '../../src/domain/review/accepted.ts';
import { csvDelimiters, yearlyReportCsv, type CsvDelimiter } from '../exports/yearlyReportCsv.ts';
import { yearlyReportDocx } from '../exports/yearlyReportDocx.ts';
import { yearlyReportXlsx } from '../exports/yearlyReportXlsx.ts';
import { caseListXlsx, casesOfYear } from '../exports/caseListXlsx.ts';
import { buildYearlyReport, type YearlyReport } from '../exports/yearlyReport.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

export const reportQuery = z.object({
  year: z.optional(z.pipe(z.string().check(z.regex(/^\d{4}$/)), z.transform(Number))),
  /** "accepted": count only what the officer accepted (and the commune's own records). */
  basis: z._default(z.enum(['all', 'accepted']), 'all'),
});

/** The CSV's dialect: commas and a decimal point, or semicolons and a decimal comma (Vietnamese regional settings). */
const csvQuery = z.extend(reportQuery, { delimiter: z._default(z.enum(csvDelimiters), 'comma') });

const formats = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof formats;

/** The three files of the yearly report, one route each; the same query. */
const yearlyReport = <const F extends Format>(format: F, what: string, query: typeof reportQuery | typeof csvQuery = reportQuery) =>
  apiRoute({
    method: 'get',
    path: `/reports/yearly.${format}`,
    summary: `The commune's yearly report as ${what} (officer)`,
    query,
    answer: { description: `bao-cao-binh-dang-gioi-<year>.${format}`, contentType: formats[format] },
  });

export const reportApi = {
  cases: apiRoute({
    method: 'get',
    path: '/reports/cases.xlsx',
    summary: "The commune's violence cases of a year, one row per case, marked MẬT; each case logged as read (officer)",
    query: reportQuery,
    answer: { description: 'danh-sach-vu-viec-MAT-<year>.xlsx', contentType: formats.xlsx },
  }),
  docx: yearlyReport('docx', 'a Word document in the layout of Decree 30/2020/NĐ-CP'),
  xlsx: yearlyReport('xlsx', 'an Excel workbook'),
  csv: yearlyReport('csv', 'CSV (UTF-8 with BOM; delimiter=semicolon for a spreadsheet set to Vietnamese)', csvQuery),
};

export function reportRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  /** The report of the year the query names, or the answer that refuses the query. */
  async function reportOf(c: Context<AuthEnv>, query: z.infer<typeof reportQuery>): Promise<YearlyReport | Response> {
    const actor = c.get('actor');
    const asOf = dayInVietnam(clock());
    const year = query.year ?? Number(asOf.slice(0, 4));
    if (year < 2000 || year > 2100) return apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'too_big' }]);
    const commune = await store.reports.loadCommune(actor.communeId);
    if (!commune) return apiError(c, 404, 'not_found');
    const received = await store.reports.listCommuneRecords({ communeId: commune.id, from: `${year}-01-01`, to: `${year}-12-31` });
    const reviews = await store.reviews.list({ communeId: commune.id });
    const communeUnitIds = new Set(commune.units.filter((u) => u.type === 'commune').map((u) => u.id));
    const basis = query.basis;
    return buildYearlyReport({
      commune,
      units: commune.units,
      unitTypes: await store.unitTypes.list(commune.id),
      records: basis === 'accepted' ? acceptedRecords(received, reviews, communeUnitIds) : received,
      plan: (await store.plans.load(commune.id, year)) ?? defaultPlan(commune.id, year),
      asOf,
      reviews,
      basis,
    });
  }

  const fileAnswer = (c: Context<AuthEnv>, body: string | Buffer, type: string, name: string) =>
    c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });

  async function yearly(c: Context<AuthEnv>, format: Format): Promise<Response> {
    const parsed = format === 'csv' ? parseQuery(c, csvQuery) : parseQuery(c, reportQuery);
    if (!parsed.ok) return parsed.response;
    const query: z.infer<typeof reportQuery> & { delimiter?: CsvDelimiter } = parsed.data;
    const report = await reportOf(c, query);
    if (report instanceof Response) return report;
    const body =
      format === 'docx' ? await yearlyReportDocx(report) : format === 'xlsx' ? await yearlyReportXlsx(report) : yearlyReportCsv(report, query.delimiter);
    // The files carry figures only, no case and no case note; who took the commune's figures out, and when, is kept.
    await store.audit.append({ ...auditInput(c, clock), action: 'report.export', target: `${report.year} ${format} ${query.basis}`, fields: [] });
    return fileAnswer(c, body, formats[format], `bao-cao-binh-dang-gioi-${report.year}.${format}`);
  }

  /** The case list: a separate, explicit export, each case in it a read of that case. */
  async function caseList(c: Context<AuthEnv>): Promise<Response> {
    const actor = c.get('actor');
    const parsed = parseQuery(c, reportApi.cases.query);
    if (!parsed.ok) return parsed.response;
    const report = await reportOf(c, parsed.data);
    if (report instanceof Response) return report;
    const body = await caseListXlsx(report);
    const audit = auditInput(c, clock);
    await store.audit.append({ ...audit, action: 'report.export', target: `${report.year} cases.xlsx ${parsed.data.basis}`, fields: [] });
    const recordIds = casesOfYear(report).map((r) => r.id);
    await store.audit.logCaseAccess({ communeId: actor.communeId, at: audit.at, userId: actor.userId, deviceId: actor.deviceId, via: 'export', recordIds });
    return fileAnswer(c, body, formats.xlsx, `danh-sach-vu-viec-MAT-${report.year}.xlsx`);
  }

  return new Hono<AuthEnv>()
    .use('/reports/*', requireActor(store, clock))
    .use('/reports/*', requireRole('communeOfficer'))
    .get('/reports/yearly.docx', (c) => yearly(c, 'docx'))
    .get('/reports/yearly.xlsx', (c) => yearly(c, 'xlsx'))
    .get('/reports/yearly.csv', (c) => yearly(c, 'csv'))
    .get('/reports/cases.xlsx', caseList);
}
