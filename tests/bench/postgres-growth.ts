// npm run bench:pg — how pulls and the province view's indicator query grow with the data:
// synthetic records at 10 k, 100 k and 1 M over 3,000 units of 100 communes of one province
// (every record dated in the year the province asks for: the worst case for its query), on
// a throwaway PostgreSQL cluster with the default durability. Prints medians of a few runs,
// writes tests/bench/results/postgres-growth.md and the EXPLAIN (ANALYZE, BUFFERS) plan of
// the province query at each size. The records are loaded with SQL, then the province's facts
// rebuilt from them (timed); at each size a device also pushes batches of new records and
// edits through the real push path, which keeps the facts (changes per second).
// BENCH_PG_PULLS=0 leaves the pulls out; BENCH_PG_PUSHES=31 times more push batches. Figures only; no test asserts a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { rebuildFacts } from '../../server/store/province/facts.ts';
import { openPostgresStore } from '../../server/store/postgres.ts';
import { provinceFiguresQuery, type ProvinceFiguresInput } from '../../server/store/province/province.ts';
import type { Actor } from '../../server/store/store.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import type { Change, ChecklistRecord } from '../../src/domain/index.ts';
import { provinceTable } from '../../src/domain/province/index.ts';
import { createDatabase, startCluster } from '../support/postgres.ts';

// BENCH_PG_SIZES=10000,100000 runs other sizes (the results file then names them).
const SIZES = (process.env.BENCH_PG_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const COMMUNES = 100;
const UNITS_PER_COMMUNE = 30;
const RUNS = 7;
const RESULTS = 'tests/bench/results';
const TARGET_MS = 1000;
const PULLS = process.env.BENCH_PG_PULLS !== '0';
/** Pushes timed at each size: batches of new records and of edits moving records to another quarter. */
const PUSH_BATCHES = Number(process.env.BENCH_PG_PUSHES ?? 9);
const PUSH_NEW = 400;
const PUSH_EDITS = 100;

const started = performance.now();
const cluster = await startCluster({ durable: true });
try {
  const database = await createDatabase(cluster);
  const store = openPostgresStore(database.url);
  const { db } = store;
  await store.migrate();
  await sql`insert into provinces (id, name) values ('tinh-thu', 'Tỉnh Thử')`.execute(db);
  await sql`insert into communes (id, name, province_name, province_id)
    select 'xa-' || c, 'Xã ' || c, 'Thử', 'tinh-thu' from generate_series(1, ${COMMUNES}::int) c`.execute(db);
  await sql`insert into units (id, commune_id, name, type, households)
    select 'xa-' || c || '-thon-' || u, 'xa-' || c, 'Thôn ' || u, 'thon', 150 + (u * 7) % 100
    from generate_series(1, ${COMMUNES}::int) c, generate_series(1, ${UNITS_PER_COMMUNE}::int) u`.execute(db);
  // Units reorganised: one in ten communes merged its last unit into the first.
  await sql`update units set retired = 1, merged_into = replace(id, '-thon-${sql.raw(String(UNITS_PER_COMMUNE))}', '-thon-1')
    where id like '%-thon-${sql.raw(String(UNITS_PER_COMMUNE))}' and commune_id like '%0'`.execute(db);
  // Another province's commune, so the query has something to leave out.
  await sql`insert into provinces (id, name) values ('tinh-khac', 'Tỉnh Khác')`.execute(db);
  await sql`insert into communes (id, name, province_name, province_id) values ('xa-khac', 'Xã Khác', 'Khác', 'tinh-khac')`.execute(db);

  const head: Actor = { userId: 'bench', role: 'villageHead', communeId: 'xa-1', unitId: 'xa-1-thon-1', deviceId: 'bench' };
  // The officer of xa-1 pushes from one device (the push locks its row).
  const pusher: Actor = { userId: 'bench-officer', role: 'communeOfficer', communeId: 'xa-1', unitId: 'xa-1-thon-1', deviceId: randomUUID() };
  await sql`insert into users (id, username, display_name, role, commune_id, unit_id, pin_hash)
    values (${pusher.userId}, ${pusher.userId}, 'Cán bộ', 'communeOfficer', 'xa-1', 'xa-1-thon-1', 'x')`.execute(db);
  await sql`insert into devices (id, user_id, token_hash, created_at) values (${pusher.deviceId}, ${pusher.userId}, ${pusher.deviceId}, '2026-01-01T00:00:00Z')`.execute(
    db,
  );
  let pushSeq = 0;
  const pushed: Array<{ record: ChecklistRecord; rev: number }> = [];
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + (n % 365))).toISOString().slice(0, 10);
  const newRecord = (n: number): ChecklistRecord => {
    const common = { id: randomUUID(), unitId: `xa-1-thon-${1 + (n % UNITS_PER_COMMUNE)}`, reporterId: pusher.userId, date: day(n * 11) };
    if (n % 3 === 0) return { ...common, kind: 'newsPost', channel: 'communePortal', title: 'Tin bình đẳng giới', link: `https://example.gov.vn/tin/${n}` };
    if (n % 3 === 1) {
      return {
        ...common,
        kind: 'propagandaSession',
        form: 'conference',
        topics: ['genderEqualityLaw'],
        menCount: 10,
        womenCount: 12,
        householdsReached: n % 50,
        language: 'vi',
      };
    }
    return {
      ...common,
      kind: 'violenceCase',
      caseCode: `PUSH-${n}`,
      reportedBy: 'neighbour',
      acts: ['physical'],
      victimSex: 'female',
      victimAgeBand: 'from16to59',
      perpetratorSex: 'male',
      perpetratorRelation: 'spouse',
      victimNeedsSupport: n % 2 === 0,
      supportServices: [],
      measures: ['orderedToStop'],
      perpetratorCounselled: false,
      referredToPolice: false,
      status: 'intervening',
      statusDates: { received: common.date, intervening: common.date },
    } as ChecklistRecord;
  };
  /** One batch: PUSH_NEW new records and PUSH_EDITS edits of earlier ones (another day, most often another quarter). */
  const pushBatch = async () => {
    const changes: Change[] = [];
    for (let i = 0; i < PUSH_EDITS && i < pushed.length; i++) {
      const entry = pushed[(pushSeq * 7 + i * 13) % pushed.length]!;
      const record = { ...entry.record, date: day(Date.parse(entry.record.date) / 86_400_000 + 97) } as ChecklistRecord;
      if (record.kind === 'violenceCase') record.statusDates = { received: record.date, intervening: record.date };
      changes.push({ changeId: randomUUID(), seq: ++pushSeq, op: 'upsert', recordId: record.id, baseRev: entry.rev, record });
      entry.record = record;
      entry.rev += 1;
    }
    for (let i = 0; i < PUSH_NEW; i++) {
      const record = newRecord(pushSeq);
      changes.push({ changeId: randomUUID(), seq: ++pushSeq, op: 'upsert', recordId: record.id, baseRev: 0, record });
      pushed.push({ record, rev: 1 });
    }
    const outcome = await store.sync.push({ actor: pusher, changes, receivedAt: new Date().toISOString() });
    if (!outcome.ok || outcome.response.results.some((result) => result.status !== 'applied')) throw new Error('bench push not applied');
    return changes.length;
  };
  const officer: Actor = { ...head, role: 'communeOfficer', unitId: 'xa-1' };
  const asOf = '2026-11-22';
  const yearInput: ProvinceFiguresInput = { provinceId: 'tinh-thu', period: { year: 2026 }, asOf, defaultHandledInTimeDays: 7 };
  const quarterInput: ProvinceFiguresInput = { ...yearInput, period: { year: 2026, quarter: 3 } };
  const provinceView = async (input: ProvinceFiguresInput) => {
    const [figures, plans] = await Promise.all([store.province.figures(input), store.province.listPlans(input.provinceId, input.period.year)]);
    return provinceTable({
      province: { id: 'tinh-thu', name: 'Tỉnh Thử' },
      figures,
      planOf: (id) => plans.get(id) ?? defaultPlan(id, 2026),
      period: input.period,
      asOf,
    });
  };
  const median = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  const explain = async (input: ProvinceFiguresInput) => {
    const compiled = provinceFiguresQuery('postgres', input).compile(db);
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]));
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  let inserted = 0;
  const rows: string[] = [];
  const planNotes: string[] = [];
  mkdirSync(RESULTS, { recursive: true });
  for (const size of SIZES) {
    const loadStart = performance.now();
    // A third each of sessions, posts and cases, over the year 2026, 2 % deleted; cases
    // handled after 0–13 days or not yet, half needing support; bodies as the phone writes them.
    // Server seqs follow the counter (pushes of the smaller sizes took some).
    const seqBase = Number((await sql<{ value: number }>`select value from counters where name = 'server_seq'`.execute(db)).rows[0]!.value) - inserted;
    await sql`insert into records (id, kind, unit_id, commune_id, reporter_id, date, rev, deleted, body, server_seq, received_at, last_device_id, last_user_id)
      select id, kind, unit_id, commune_id, 'bench', day, 1, case when i % 50 = 0 then 1 else 0 end,
        case kind
          when 'propagandaSession' then json_build_object('kind', kind, 'id', id, 'unitId', unit_id, 'reporterId', 'bench', 'date', day,
            'form', (array['loudspeaker', 'villageMeeting', 'conference', 'thematicSession', 'talk', 'socialMedia'])[1 + i % 6],
            'topics', json_build_array('genderEqualityLaw', 'domesticViolencePrevention'), 'menCount', 18, 'womenCount', 27,
            'householdsReached', i % 60, 'language', 'vi', 'note', 'Sinh hoạt chuyên đề về bình đẳng giới tại nhà văn hóa thôn')
          when 'newsPost' then json_build_object('kind', kind, 'id', id, 'unitId', unit_id, 'reporterId', 'bench', 'date', day,
            'channel', 'communePortal', 'title', 'Hưởng ứng Tháng hành động vì bình đẳng giới', 'link', 'https://example.gov.vn/tin/' || i)
          else json_build_object('kind', kind, 'id', id, 'unitId', unit_id, 'reporterId', 'bench', 'date', day, 'caseCode', 'BENCH-' || i,
            'reportedBy', 'neighbour', 'acts', json_build_array('physical'), 'victimSex', 'female', 'victimAgeBand', 'from16to59',
            'perpetratorSex', 'male', 'perpetratorRelation', 'spouse', 'victimNeedsSupport', i % 2 = 0,
            'supportServices', case when i % 4 = 0 then json_build_array('medical') else json_build_array() end,
            'measures', json_build_array('orderedToStop'), 'perpetratorCounselled', i % 3 = 0, 'referredToPolice', false,
            'status', case when i % 14 = 0 then 'received' else 'intervening' end,
            'statusDates', case when i % 14 = 0 then json_build_object('received', day)
              else json_build_object('received', day, 'intervening', to_char(day::date + i % 13, 'YYYY-MM-DD')) end)
        end::text,
        ${seqBase}::bigint + i, '2026-06-01T00:00:00.000Z', 'bench', 'bench'
      from (
        select i, md5(i::text)::uuid::text as id, (array['propagandaSession', 'newsPost', 'violenceCase'])[1 + i % 3] as kind,
          'xa-' || (1 + (i / ${UNITS_PER_COMMUNE}::int) % ${COMMUNES}::int) || '-thon-' || (1 + i % ${UNITS_PER_COMMUNE}::int) as unit_id,
          'xa-' || (1 + (i / ${UNITS_PER_COMMUNE}::int) % ${COMMUNES}::int) as commune_id,
          to_char(date '2026-01-01' + (i * 7) % 365, 'YYYY-MM-DD') as day
        from generate_series(${inserted + 1}::int, ${size}::int) i
      ) generated`.execute(db);
    await sql`update counters set value = ${seqBase}::bigint + ${size}::bigint where name = 'server_seq'`.execute(db);
    inserted = size;
    const loadSeconds = (performance.now() - loadStart) / 1000;
    console.log(`${size} records loaded in ${loadSeconds.toFixed(1)} s`);
    // Loaded with SQL, not pushed: the facts are computed from the records, as at start-up.
    const rebuildStart = performance.now();
    await rebuildFacts(db, 'postgres');
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    console.log(`  facts rebuilt in ${rebuildSeconds.toFixed(1)} s`);
    await sql`vacuum analyze`.execute(db);
    const top = Number((await sql<{ value: number }>`select value from counters where name = 'server_seq'`.execute(db)).rows[0]!.value);

    const pull = (work: () => Promise<unknown>) => (PULLS ? median(work) : Promise.resolve(Number.NaN));
    const headFirst = await pull(() => store.sync.pull({ actor: head, since: 0, limit: 500 }));
    const headLate = await pull(() => store.sync.pull({ actor: head, since: top - 3000, limit: 500 }));
    const officerFirst = await pull(() => store.sync.pull({ actor: officer, since: 0, limit: 1000 }));
    const officerLate = await pull(() => store.sync.pull({ actor: officer, since: top - 10_000, limit: 1000 }));
    const provinceYear = await median(() => provinceView(yearInput));
    const provinceQuarter = await median(() => provinceView(quarterInput));
    const pushTimes: number[] = [];
    let changesPushed = 0;
    for (let batch = 0; batch < PUSH_BATCHES; batch++) {
      const start = performance.now();
      changesPushed = await pushBatch();
      pushTimes.push(performance.now() - start);
    }
    const pushMedian = pushTimes.sort((a, b) => a - b)[Math.floor(PUSH_BATCHES / 2)]!;
    const perSecond = (changesPushed / pushMedian) * 1000;
    console.log(`  push of ${changesPushed} changes: ${pushMedian.toFixed(1)} ms (${perSecond.toFixed(0)} changes/s)`);
    rows.push(
      `| ${size.toLocaleString('en')} | ${loadSeconds.toFixed(1)} s | ${rebuildSeconds.toFixed(1)} s | ${[
        headFirst,
        headLate,
        officerFirst,
        officerLate,
        provinceQuarter,
        provinceYear,
        pushMedian,
      ]
        .map((ms) => (Number.isNaN(ms) ? '–' : `${ms.toFixed(1)} ms`))
        .join(' | ')} | ${perSecond.toFixed(0)} |`,
    );
    const plan = await explain(yearInput);
    writeFileSync(
      `${RESULTS}/province-plan-${size}.txt`,
      `EXPLAIN (ANALYZE, BUFFERS) of the province query for the year 2026, ${size.toLocaleString('en')} records\n\n${plan}\n`,
    );
    const execution = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
    planNotes.push(`- ${size.toLocaleString('en')} records: executed in ${execution} ms inside PostgreSQL (\`province-plan-${size}.txt\`)`);
    console.log(`  province year query: ${provinceYear.toFixed(1)} ms (target ≤ ${TARGET_MS} ms), plan in ${RESULTS}/province-plan-${size}.txt`);
  }
  const header = [
    '| records | load | facts rebuild | head pull from 0 | head pull, late cursor | officer pull from 0 | officer pull, late cursor | province view, a quarter | province view, the year | push of 500 changes | changes/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const report = [
    '# PostgreSQL growth (`npm run bench:pg`)',
    '',
    `${COMMUNES} communes × ${UNITS_PER_COMMUNE} units of one province, every record dated in 2026 (the year the province view asks for), 2 % deleted.`,
    `Medians of ${RUNS} runs on a shared 2-core machine; the province view is the real store query (one SQL statement) and the`,
    `judging of its ${COMMUNES} rows against the communes' plans, as GET /api/v1/province/indicators runs it. Target: the year ≤ ${TARGET_MS} ms at 1 M.`,
    `The records are loaded with SQL, then the facts rebuilt from them in one statement (facts.ts). A push: ${PUSH_NEW} new records and ${PUSH_EDITS}`,
    `edits moving records to another day (median of ${PUSH_BATCHES} batches from one device, the facts kept in the same transaction).`,
    '',
    ...header,
    ...rows,
    '',
    'Plans of the year query (EXPLAIN ANALYZE, BUFFERS):',
    ...planNotes,
    '',
  ].join('\n');
  writeFileSync(`${RESULTS}/postgres-growth.md`, report);
  console.log(`\n${report}`);
  console.log(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await store.close();
} finally {
  cluster.stop();
}
