// npm run bench:pg — how pulls and a province-wide count grow with the data: synthetic records
// at 10 k, 100 k and 1 M over 3,000 units of 100 communes, on a throwaway PostgreSQL cluster
// (Debian's, with its default durability). Prints medians of a few runs and the query plans.
// Figures only; no test asserts a time. The province query is a stand-in (counts per commune
// and kind for the year) until the province view's indicator queries exist.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openPostgresStore } from '../../server/store/postgres.ts';
import type { Actor } from '../../server/store/store.ts';
import { createDatabase, startCluster } from '../support/postgres.ts';

const SIZES = [10_000, 100_000, 1_000_000];
const COMMUNES = 100;
const UNITS_PER_COMMUNE = 30;
const RUNS = 7;

const cluster = await startCluster({ durable: true });
try {
  const database = await createDatabase(cluster);
  const store = openPostgresStore(database.url);
  const { db } = store;
  await store.migrate();
  await sql`insert into communes (id, name, province_name)
    select 'xa-' || c, 'Xã ' || c, 'Tỉnh Thử' from generate_series(1, ${COMMUNES}::int) c`.execute(db);
  await sql`insert into units (id, commune_id, name, type, households)
    select 'xa-' || c || '-thon-' || u, 'xa-' || c, 'Thôn ' || u, 'thon', 150 + (u * 7) % 100
    from generate_series(1, ${COMMUNES}::int) c, generate_series(1, ${UNITS_PER_COMMUNE}::int) u`.execute(db);

  const head: Actor = { userId: 'bench', role: 'villageHead', communeId: 'xa-1', unitId: 'xa-1-thon-1', deviceId: 'bench' };
  const officer: Actor = { ...head, role: 'communeOfficer', unitId: 'xa-1' };
  const median = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  const provinceCounts = sql`
    select r.commune_id, r.kind, count(*) as n from records r join communes c on c.id = r.commune_id
    where c.province_name = 'Tỉnh Thử' and r.deleted = 0 and r.date between '2026-01-01' and '2026-12-31'
    group by r.commune_id, r.kind`;
  const plan = async (query: string) =>
    (await sql.raw<{ 'QUERY PLAN': string }>(`explain (costs off) ${query}`).execute(db)).rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n');

  let inserted = 0;
  const rows: string[] = [];
  for (const size of SIZES) {
    const started = performance.now();
    await sql`insert into records (id, kind, unit_id, commune_id, reporter_id, date, rev, deleted, body, server_seq, received_at, last_device_id, last_user_id)
      select md5(i::text)::uuid::text, (array['propagandaSession', 'newsPost', 'violenceCase'])[1 + i % 3],
        'xa-' || (1 + (i / ${UNITS_PER_COMMUNE}::int) % ${COMMUNES}::int) || '-thon-' || (1 + i % ${UNITS_PER_COMMUNE}::int),
        'xa-' || (1 + (i / ${UNITS_PER_COMMUNE}::int) % ${COMMUNES}::int), 'bench', to_char(date '2026-01-01' + i % 365, 'YYYY-MM-DD'), 1, 0,
        json_build_object('kind', 'propagandaSession', 'id', md5(i::text)::uuid, 'unitId', 'xa-1-thon-1', 'reporterId', 'bench',
          'date', to_char(date '2026-01-01' + i % 365, 'YYYY-MM-DD'), 'form', 'villageMeeting',
          'topics', json_build_array('genderEqualityLaw', 'domesticViolencePrevention'), 'menCount', 18, 'womenCount', 27,
          'householdsReached', 41, 'language', 'vi', 'note', 'Sinh hoạt chuyên đề về bình đẳng giới tại nhà văn hóa thôn')::text,
        i, '2026-06-01T00:00:00.000Z', 'bench', 'bench'
      from generate_series(${inserted + 1}::int, ${size}::int) i`.execute(db);
    await sql`update counters set value = ${size}::bigint where name = 'server_seq'`.execute(db);
    await sql`analyze`.execute(db);
    inserted = size;
    const loadSeconds = (performance.now() - started) / 1000;

    const headFirst = await median(() => store.pull({ actor: head, since: 0, limit: 500 }));
    const headLate = await median(() => store.pull({ actor: head, since: size - 3000, limit: 500 }));
    const officerFirst = await median(() => store.pull({ actor: officer, since: 0, limit: 1000 }));
    const officerLate = await median(() => store.pull({ actor: officer, since: size - 10_000, limit: 1000 }));
    const province = await median(() => provinceCounts.execute(db));
    rows.push(
      `${String(size).padStart(9)} | ${loadSeconds.toFixed(1).padStart(6)} s | ${[headFirst, headLate, officerFirst, officerLate, province]
        .map((ms) => `${ms.toFixed(1).padStart(8)} ms`)
        .join(' | ')}`,
    );
    console.log(`${size} records loaded in ${loadSeconds.toFixed(1)} s`);
    if (size === SIZES.at(-1)) {
      console.log('\nPlans at the largest size:');
      console.log(`  village head's pull:\n${await plan("select * from records where server_seq > 0 and unit_id = 'xa-1-thon-1' order by server_seq limit 501")}`);
      console.log(`  officer's pull:\n${await plan("select * from records where server_seq > 0 and commune_id = 'xa-1' order by server_seq limit 1001")}`);
      console.log(`  province counts:\n${await plan(provinceCounts.compile(db).sql)}`);
    }
  }
  console.log(`\nMedians of ${RUNS} runs (head: one unit; officer: one commune; province: ${COMMUNES} communes):`);
  console.log('  records |   load   | head pull 0 | head pull late | officer pull 0 | officer late | province counts');
  for (const row of rows) console.log(row);
  await store.close();
} finally {
  cluster.stop();
}
