// node --import tsx tests/bench/commune-work-plan.ts — the plan of the province view's
// commune-work query (server/store/provinceCommuneWork.ts) on PostgreSQL, with and without the
// index of migration 0010: 300 k records of three years over 100 communes of one province, of
// which 1 in 100 is commune work (contact points, models, inspections, trainings, complaints).
// Writes tests/bench/results/commune-work-plan.md. Figures only; no test asserts a time.
import { writeFileSync } from 'node:fs';
import { CompiledQuery, sql } from 'kysely';
import { openPostgresStore } from '../../server/store/postgres.ts';
import { communeWorkQuery, type CommuneWorkInput } from '../../server/store/province/communeWork.ts';
import { createDatabase, startCluster } from '../support/postgres.ts';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 300_000);
const cluster = await startCluster({ durable: true });
try {
  const store = openPostgresStore((await createDatabase(cluster)).url);
  const { db } = store;
  await store.migrate();
  await sql`insert into provinces (id, name) values ('tinh-thu', 'Tỉnh Thử')`.execute(db);
  await sql`insert into communes (id, name, province_name, province_id)
    select 'xa-' || c, 'Xã ' || c, 'Thử', 'tinh-thu' from generate_series(1, 100) c`.execute(db);
  await sql`insert into units (id, commune_id, name, type, households)
    select 'xa-' || c || '-thon-' || u, 'xa-' || c, 'Thôn ' || u, 'thon', 150 from generate_series(1, 100) c, generate_series(1, 30) u`.execute(db);
  const kinds = sql`array['contactPoint', 'preventionModel', 'inspection', 'training', 'complaint']`;
  await sql`insert into records (id, kind, unit_id, commune_id, reporter_id, date, rev, deleted, body, server_seq, received_at, last_device_id, last_user_id)
    select md5(i::text)::uuid::text, kind, unit_id, commune_id, 'bench', day, 1, 0,
      json_build_object('kind', kind, 'date', day, 'stoppedOn', case when i % 700 = 0 then '2026-08-01' end,
        'handledOn', case when i % 300 = 0 then day end, 'note', 'Sinh hoạt chuyên đề về bình đẳng giới tại nhà văn hóa thôn')::text,
      i, '2026-06-01T00:00:00.000Z', 'bench', 'bench'
    from (
      select i, case when i % 100 = 0 then (${kinds})[1 + (i / 100) % 5] else 'propagandaSession' end as kind,
        'xa-' || (1 + (i / 30) % 100) || '-thon-' || (1 + i % 30) as unit_id, 'xa-' || (1 + (i / 30) % 100) as commune_id,
        to_char(date '2024-01-01' + (i * 7) % 1095, 'YYYY-MM-DD') as day
      from generate_series(1, ${RECORDS}::int) i
    ) generated`.execute(db);
  await sql`vacuum analyze`.execute(db);
  const input: CommuneWorkInput = { provinceId: 'tinh-thu', period: { year: 2026 }, asOf: '2026-11-22' };
  const plan = async () => {
    const compiled = communeWorkQuery('postgres', input).compile(db);
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]));
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  await plan(); // warm the cache, as for the second
  const withIndex = await plan();
  await sql`drop index records_kind_commune`.execute(db);
  await plan();
  const without = await plan();
  const total = (text: string) => /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? '?';
  const report = [
    `# The commune-work query's plan (PostgreSQL, ${RECORDS.toLocaleString('en')} records, 1 % commune work, the year 2026)`,
    '',
    `With records_kind_commune (migration 0010): ${total(withIndex)} ms. Without it: ${total(without)} ms (shared 2-core machine).`,
    '',
    '## With the index',
    '',
    '```',
    withIndex,
    '```',
    '',
    '## Without it',
    '',
    '```',
    without,
    '```',
    '',
  ].join('\n');
  writeFileSync('tests/bench/results/commune-work-plan.md', report);
  console.log(`with index ${total(withIndex)} ms, without ${total(without)} ms`);
  await store.close();
} finally {
  cluster.stop();
}
