// The commune's yearly and quarterly reports for its officer: Word, Excel or CSV, generated from
// the records the server holds, figures only, with the year's report settings; and the year's case
// list, a separate export marked MẬT whose every case is logged as read. A query parameter that is
// unknown or bad answers 400 naming it. A village head gets 403; no token, 401.
import { Hono } from 'hono';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { dayInVietnam, type Quarter } from '../../src/domain/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { acceptedRecords } from '../../src/domain/review/accepted.ts';
import { csvDelimiters, yearlyReportCsv, type CsvDelimiter } from '../exports/yearlyReportCsv.ts';
import { yearlyReportDocx } from '../exports/yearlyReportDocx.ts';
import { yearlyReportXlsx } from '../exports/yearlyReportXlsx.ts';
import { caseListXlsx, casesOfYear } from '../exports/caseListXlsx.ts';
import { buildYearlyReport, type ReportSource, type YearlyReport } from '../exports/yearlyReport.ts';
import { buildQuarterlyReport } from '../exports/quarterlyReport.ts';
import { reportSettingsRoutes, settingsOf } from './reportSettings.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

export const reportQuery = z.strictObject({
  year: z.optional(z.pipe(z.string().check(z.regex(/^\d{4}$/)), z.transform(Number))),
  /** "accepted": count only what the officer accepted (and the commune's own records). */
  basis: z._default(z.enum(['all', 'accepted']), 'all'),
});

/** The CSV's dialect: commas and a decimal point, or semicolons and a decimal comma (Vietnamese regional settings). */
const delimiter = { delimiter: z._default(z.enum(csvDelimiters), 'comma') };
const csvQuery = z.extend(reportQuery, delimiter);

/** A quarter's report: the quarter, 1 to 4, is required. */
const quarterField = {
  quarter: z.pipe(
    z.enum(['1', '2', '3', '4']),
    z.transform((q) => Number(q) as Quarter),
  ),
};
const quarterQuery = z.extend(reportQuery, quarterField);
const quarterCsvQuery = z.extend(csvQuery, quarterField);

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

/** The three files of a quarter's report: the quarter's figures and the year to date. */
const quarterlyReport = <const F extends Format>(format: F, what: string, query: typeof quarterQuery | typeof quarterCsvQuery = quarterQuery) =>
  apiRoute({
    method: 'get',
    path: `/reports/quarterly.${format}`,
    summary: `The commune's report of a quarter (its figures and the year to date) as ${what} (officer)`,
    query,
    answer: { description: `bao-cao-binh-dang-gioi-quy-<quarter>-<year>.${format}`, contentType: formats[format] },
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
  quarterlyDocx: quarterlyReport('docx', 'a Word document in the layout of Decree 30/2020/NĐ-CP'),
  quarterlyXlsx: quarterlyReport('xlsx', 'an Excel workbook'),
  quarterlyCsv: quarterlyReport('csv', 'CSV (UTF-8 with BOM; delimiter=semicolon for a spreadsheet set to Vietnamese)', quarterCsvQuery),
};

export function reportRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  /** The report of the year (or of the quarter) the query names, or the answer that refuses the query. */
  async function reportOf(c: Context<AuthEnv>, query: z.infer<typeof reportQuery> & { quarter?: Quarter }): Promise<YearlyReport | Response> {
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
    const source: ReportSource = {
      commune,
      units: commune.units,
      unitTypes: await store.unitTypes.list(commune.id),
      records: basis === 'accepted' ? acceptedRecords(received, reviews, communeUnitIds) : received,
      plan: (await store.plans.load(commune.id, year)) ?? defaultPlan(commune.id, year),
      asOf,
      reviews,
      basis,
      settings: (await settingsOf(store, commune, year)).settings,
    };
    return query.quarter ? buildQuarterlyReport(source, query.quarter) : buildYearlyReport(source);
  }

  const fileAnswer = (c: Context<AuthEnv>, body: string | Buffer, type: string, name: string) =>
    c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });

  /** The yearly report, or a quarter's when `quarterly`: one handler for the six files. */
  async function reportFile(c: Context<AuthEnv>, format: Format, quarterly: boolean): Promise<Response> {
    const schema = quarterly ? (format === 'csv' ? quarterCsvQuery : quarterQuery) : format === 'csv' ? csvQuery : reportQuery;
    const parsed = parseQuery<z.infer<typeof reportQuery> & { delimiter?: CsvDelimiter; quarter?: Quarter }>(c, schema);
    if (!parsed.ok) return parsed.response;
    const query = parsed.data;
    const report = await reportOf(c, query);
    if (report instanceof Response) return report;
    const body =
      format === 'docx' ? await yearlyReportDocx(report) : format === 'xlsx' ? await yearlyReportXlsx(report) : yearlyReportCsv(report, query.delimiter);
    // The files carry figures only, no case and no case note; who took the commune's figures out, and when, is kept.
    const period = report.quarter ? `${report.year}-Q${report.quarter}` : String(report.year);
    await store.audit.append({ ...auditInput(c, clock), action: 'report.export', target: `${period} ${format} ${query.basis}`, fields: [] });
    const name = report.quarter ? `bao-cao-binh-dang-gioi-quy-${report.quarter}-${report.year}` : `bao-cao-binh-dang-gioi-${report.year}`;
    return fileAnswer(c, body, formats[format], `${name}.${format}`);
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
    .route('/', reportSettingsRoutes(deps))
    .get('/reports/yearly.docx', (c) => reportFile(c, 'docx', false))
    .get('/reports/yearly.xlsx', (c) => reportFile(c, 'xlsx', false))
    .get('/reports/yearly.csv', (c) => reportFile(c, 'csv', false))
    .get('/reports/quarterly.docx', (c) => reportFile(c, 'docx', true))
    .get('/reports/quarterly.xlsx', (c) => reportFile(c, 'xlsx', true))
    .get('/reports/quarterly.csv', (c) => reportFile(c, 'csv', true))
    .get('/reports/cases.xlsx', caseList);
}
