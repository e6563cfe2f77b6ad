// What the commune's reports of a year say that no record holds: the plan they answer (its number
// and date), the reports' numbers, the agency lines of the heading, who signs and to whom the
// report goes, and the officer's own words (the direction given, the causes of what was not met,
// next year's direction, the proposals). The officer edits them in the plan editor; the server
// keeps them per commune and year and fills them into the Word reports.
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';

/** Limits the form states in Vietnamese and the server checks. */
export const reportSettingLimits = {
  number: 10,
  line: 80,
  lines: 4,
  recipients: 12,
  recipient: 120,
  name: 60,
  words: 4000,
} as const;

const L = reportSettingLimits;

/** A document number as the office's clerk gives it: digits, maybe a letter ("125", "12a"); empty until issued. */
const documentNumber = z.string().check(z.maxLength(L.number), z.regex(/^(\d+[a-zA-Z]?)?$/));
const line = z.string().check(z.trim(), z.minLength(1), z.maxLength(L.line));
const words = z.string().check(z.maxLength(L.words));

export const reportSettings = z.strictObject({
  /** The year's gender-equality plan the report answers: "Kế hoạch số 125/KH-UBND ngày 15/01/2026". */
  planNumber: documentNumber,
  /** Empty while the officer has not given it. */
  planDate: z.union([z.literal(''), localDate]),
  /** The numbers of the yearly report and of each quarter's ("Số: 45/BC-UBND"). */
  reportNumbers: z.strictObject({ year: documentNumber, q1: documentNumber, q2: documentNumber, q3: documentNumber, q4: documentNumber }),
  /** The heading's agency lines, top to bottom ("ỦY BAN NHÂN DÂN", "PHƯỜNG NAM GIA NGHĨA"). */
  agencyLines: z.array(line).check(z.minLength(1), z.maxLength(L.lines)),
  /** The signer's authority and title, top to bottom ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  signerLines: z.array(line).check(z.minLength(1), z.maxLength(L.lines)),
  signerName: z.string().check(z.trim(), z.maxLength(L.name)),
  /** "Nơi nhận", one recipient a line, without the leading dash. */
  recipients: z.array(line).check(z.minLength(1), z.maxLength(L.recipients)),
  /** Section I: the direction and the documents the commune issued. */
  direction: words,
  /** Section III: the causes of what was not met. */
  causes: words,
  /** Section IV.1: the direction for the next period. */
  nextSteps: words,
  /** Section IV.2: proposals to the province. */
  proposals: words,
});
export type ReportSettings = z.infer<typeof reportSettings>;

/** The answer of GET and PUT /reports/settings/:year. */
export const reportSettingsResponse = z.object({
  settings: reportSettings,
  /** False while the defaults apply. */
  saved: z.boolean(),
});
export type ReportSettingsResponse = z.infer<typeof reportSettingsResponse>;

/** "Phường Nam Gia Nghĩa" → { level: "phường", place: "Nam Gia Nghĩa" }. */
export function communeParts(name: string): { level: string; place: string } {
  const match = /^(xã|phường|đặc khu|thị trấn)\s+(.+)$/iu.exec(name.trim());
  return match ? { level: match[1]!.toLowerCase(), place: match[2]! } : { level: 'xã', place: name.trim() };
}

/** What applies until the officer saves: the agency lines, the signer's title and the usual recipients; numbers, name and words empty. */
export function defaultReportSettings(commune: { name: string; provinceName: string }): ReportSettings {
  const { level, place } = communeParts(commune.name);
  return {
    planNumber: '',
    planDate: '',
    reportNumbers: { year: '', q1: '', q2: '', q3: '', q4: '' },
    agencyLines: ['ỦY BAN NHÂN DÂN', `${level} ${place}`.toUpperCase()],
    signerLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signerName: '',
    recipients: [`Sở Nội vụ tỉnh ${commune.provinceName} (b/c)`, `TT. Đảng ủy ${level}`, `TT. HĐND ${level}`, `CT, các PCT UBND ${level}`, 'Lưu: VT, VHXH'],
    direction: '',
    causes: '',
    nextSteps: '',
    proposals: '',
  };
}

export type ReportSettingField = 'planNumber' | 'planDate' | 'reportNumber' | 'signerName' | 'direction' | 'causes' | 'nextSteps' | 'proposals';

/**
 * What the report of the period would leave out because the officer has not given it: the
 * editor names these before a download (which still works, without them).
 */
export function missingReportSettings(settings: ReportSettings, quarter?: 1 | 2 | 3 | 4): ReportSettingField[] {
  const number = quarter ? settings.reportNumbers[`q${quarter}`] : settings.reportNumbers.year;
  const missing: Array<[ReportSettingField, boolean]> = [
    ['planNumber', settings.planNumber === ''],
    ['planDate', settings.planDate === ''],
    ['reportNumber', number === ''],
    ['signerName', settings.signerName.trim() === ''],
    ['direction', settings.direction.trim() === ''],
    ['causes', settings.causes.trim() === ''],
    ['nextSteps', settings.nextSteps.trim() === ''],
    ['proposals', settings.proposals.trim() === ''],
  ];
  return missing.filter(([, empty]) => empty).map(([field]) => field);
}
