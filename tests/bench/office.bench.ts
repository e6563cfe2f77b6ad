// How the office features scale: a commune of 40 units with 20,000 records over two years
// (issue: "large communes stay quick"). Prints medians; asserts nothing about speed.
// Run: npm run bench:office
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import { buildYearlyReport } from '../../server/exports/yearlyReport.ts';
import { yearlyReportCsv } from '../../server/exports/yearlyReportCsv.ts';
import { yearlyReportDocx } from '../../server/exports/yearlyReportDocx.ts';
import { yearlyReportXlsx } from '../../server/exports/yearlyReportXlsx.ts';
import { hashPin } from '../../server/auth/secrets.ts';
import { openSqliteStore } from '../../server/store/sqlite/store.ts';
import type { ChecklistRecord } from '../../src/domain/index.ts';
import { computeIndicators, QUARTERS, type RecordEntry, type UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';

const UNITS = 40;
const RECORDS = 20_000;
const YEARS = [2025, 2026];
const communeId = 'bench-commune';

const units: UnitEntry[] = [
  { id: communeId, communeId, name: 'UBND xã Thử Nghiệm', type: 'commune', households: 0 },
  ...Array.from({ length: UNITS }, (_, i): UnitEntry => ({
    id: `thon-${i + 1}`,
    communeId,
    name: `Thôn ${i + 1}`,
    type: 'thon',
    households: 150 + ((i * 37) % 200),
  })),
];

// A fixed pseudo-random sequence so every run measures the same commune.
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const day = (year: number) => {
  const month = 1 + Math.floor(next() * 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
};

function makeRecord(i: number): ChecklistRecord {
  const unitId = pick(units).id;
  const date = day(pick(YEARS));
  const base = { id: randomUUID(), unitId, reporterId: 'bench', date };
  const roll = i % 20;
  if (roll < 12) {
    return {
      kind: 'propagandaSession',
      ...base,
      form: pick(['villageMeeting', 'conference', 'thematicSession', 'loudspeaker'] as const),
      topics: ['genderEqualityLaw'],
      menCount: 10,
      womenCount: 15,
      householdsReached: 30,
      language: 'vi',
    };
  }
  if (roll < 16) return { kind: 'newsPost', ...base, channel: 'communePortal', title: `Tin số ${i}` };
  // The commune checklist: contact points and models (some stopped), inspections, trainings, complaints.
  if (roll === 16) {
    const stoppedOn = next() < 0.3 ? day(2026) : undefined;
    const stop = stoppedOn && stoppedOn >= date ? { stoppedOn } : {};
    return i % 2 === 0
      ? { kind: 'contactPoint', ...base, keeper: 'womenUnion', ...stop }
      : { kind: 'preventionModel', ...base, modelType: 'club', name: `Câu lạc bộ ${i}`, ...stop };
  }
  if (roll === 17) {
    const atCommune = { ...base, unitId: communeId };
    if (i % 3 === 0) return { kind: 'inspection', ...atCommune, subject: 'both', scope: 'Các thôn', violationsFound: 0 };
    if (i % 3 === 1) return { kind: 'training', ...atCommune, audience: ['villageHeads'], title: `Tập huấn ${i}`, menCount: 5, womenCount: 6 };
    return { kind: 'complaint', ...atCommune, subject: 'domesticViolence', ...(next() < 0.7 ? { handledOn: date } : {}) };
  }
  const handled = next() < 0.8;
  return {
    kind: 'violenceCase',
    ...base,
    caseCode: `B-${i}`,
    reportedBy: 'neighbour',
    acts: ['physical'],
    victimSex: 'female',
    victimAgeBand: 'from16to59',
    perpetratorSex: 'male',
    perpetratorRelation: 'spouse',
    victimNeedsSupport: true,
    supportServices: handled ? ['medical'] : [],
    measures: [],
    perpetratorCounselled: handled,
    referredToPolice: false,
    ...(handled
      ? { status: 'intervening' as const, statusDates: { received: date, verified: date, intervening: date } }
      : { status: 'received' as const, statusDates: { received: date } }),
  };
}

const records: RecordEntry[] = Array.from({ length: RECORDS }, (_, i) => ({ deleted: i % 50 === 0, record: makeRecord(i) }));

async function median(label: string, runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  await work(); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const value = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(58)} median ${value.toFixed(1).padStart(8)} ms  (${runs} runs)`);
  return value;
}

console.log(`Commune: ${UNITS} units, ${RECORDS} records over ${YEARS.join(' and ')}\n`);
const plan = defaultPlan(communeId, 2026);
const asOf = '2026-11-22';
const year = await median('indicators, one year (units × indicators)', 7, () => computeIndicators({ plan, units, records, period: { year: 2026 }, asOf }));
const dashboard = await median('dashboard: the year and its four quarters', 5, () => {
  computeIndicators({ plan, units, records, period: { year: 2026 }, asOf });
  for (const quarter of QUARTERS) computeIndicators({ plan, units, records, period: { year: 2026, quarter }, asOf });
});
const source = { commune: { id: communeId, name: 'Xã Thử Nghiệm', provinceName: 'Lâm Đồng' }, units, records, plan, asOf };
await median('report content (year + quarters + figures)', 5, () => buildYearlyReport(source));
const report = buildYearlyReport(source);
await median('Word document', 5, () => yearlyReportDocx(report));
await median('Excel workbook', 3, () => yearlyReportXlsx(report));
await median('CSV', 5, () => yearlyReportCsv(report));
console.log(`\nratio dashboard / one year: ${(dashboard / year).toFixed(2)}`);

// The whole route over a real SQLite file: the query, the computation and the Word file.
const dir = mkdtempSync(join(tmpdir(), 'sotay-bench-'));
const store = openSqliteStore(join(dir, 'bench.sqlite'));
try {
  await store.migrate();
  await store.seedCommune({
    province: { id: 'lam-dong', name: 'Tỉnh Lâm Đồng' },
    commune: { id: communeId, name: 'Xã Thử Nghiệm', provinceName: 'Lâm Đồng' },
    units,
    users: [{ id: 'officer', username: 'officer', displayName: 'Cán bộ', role: 'communeOfficer', unitId: communeId, pinHash: await hashPin('1234') }],
  });
  let serverSeq = 0;
  for (let i = 0; i < records.length; i += 500) {
    await store.db
      .insertInto('records')
      .values(
        records.slice(i, i + 500).map(({ record, deleted }) => ({
          id: record!.id,
          kind: record!.kind,
          unit_id: record!.unitId,
          commune_id: communeId,
          reporter_id: 'bench',
          date: record!.date,
          rev: 1,
          deleted: deleted ? 1 : 0,
          body: JSON.stringify(record),
          server_seq: ++serverSeq,
          received_at: '2026-11-22T00:00:00Z',
          last_device_id: 'bench',
          last_user_id: 'bench',
        })),
      )
      .execute();
  }
  const app = createApp({ store, clock: () => new Date('2026-11-22T03:00:00Z'), settings: {} });
  const deviceId = randomUUID();
  const signIn = await app.request('/api/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify({ username: 'officer', pin: '1234', deviceId }),
  });
  const { token } = (await signIn.json()) as { token: string };
  for (const format of ['docx', 'xlsx', 'csv']) {
    await median(`GET /api/v1/reports/yearly.${format} (SQLite, ${RECORDS} records)`, 3, async () => {
      const response = await app.request(`/api/v1/reports/yearly.${format}?year=2026`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      await response.arrayBuffer();
    });
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
