// One load generator process: autocannon against a server in another process, so that the
// generator's work (building bodies, parsing answers) does not share the server's process. It
// gets its job from its parent over IPC, builds each push itself, and sends back every answer's
// latency, so that the parent takes percentiles over all generators at once.
import { randomInt } from 'node:crypto';
import autocannon from 'autocannon';
import { deviceChangeId, newId } from '../../../src/domain/ids.ts';

/** A phone signed in on our server: who it is and its session token. */
export interface LoadPhone {
  deviceId: string;
  unitId: string;
  username: string;
  token: string;
}

export interface LoadJob {
  url: string;
  target: 'ours' | 'pouch';
  /** PouchDB's database, or our push endpoint. */
  path: string;
  connections: number;
  batch: number;
  /** Every connection sends one request, all at once; otherwise they keep sending for `seconds`. */
  burst: boolean;
  seconds: number;
  /** One checklist record as JSON, with `__ID__` in place of its id. */
  recordTemplate: string;
  /** Ours: one phone per connection. */
  phones: LoadPhone[];
}

export interface LoadAnswer {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** Milliseconds, one per answered request. */
  latencies: number[];
}

/** A phone's state while it pushes: its change numbers and the random half of its change ids. */
type PushingPhone = LoadPhone & { seq: number; high: number; low: number };

/** Ids as the phone makes them: records by newId (time-ordered), changes by deviceChangeId. */
function oursBody(job: LoadJob, phone: PushingPhone): string {
  const changes: string[] = [];
  for (let i = 0; i < job.batch; i++) {
    const id = newId();
    const record = job.recordTemplate
      .replace('__ID__', id)
      .replace('"tdp-1"', `"${phone.unitId}"`)
      .replace('"reporterId":"tdp1"', `"reporterId":"${phone.username}"`);
    const seq = ++phone.seq;
    changes.push(`{"changeId":"${deviceChangeId(phone.high, phone.low, seq)}","seq":${seq},"op":"upsert","recordId":"${id}","baseRev":0,"record":${record}}`);
  }
  return `{"deviceId":"${phone.deviceId}","changes":[${changes.join(',')}]}`;
}

function pouchBody(job: LoadJob): string {
  const docs: string[] = [];
  for (let i = 0; i < job.batch; i++) {
    const id = newId();
    docs.push(job.recordTemplate.replace('__ID__', id).replace('{', `{"_id":"${id}",`));
  }
  return `{"docs":[${docs.join(',')}]}`;
}

export async function generateLoad(job: LoadJob): Promise<LoadAnswer> {
  const phones: PushingPhone[] = job.phones.map((phone) => ({ ...phone, seq: 0, high: randomInt(2 ** 48 - 1), low: randomInt(2 ** 48 - 1) }));
  const latencies: number[] = [];
  let nextConnection = 0;
  const options: autocannon.Options = {
    url: job.url,
    connections: job.connections,
    ...(job.burst ? { amount: job.connections } : { duration: job.seconds }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: job.path,
        setupRequest: (request, context) => {
          const state = context as { connection?: number };
          state.connection ??= nextConnection++;
          const phone = phones[state.connection % Math.max(phones.length, 1)];
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (phone) headers.authorization = `Bearer ${phone.token}`;
          return { ...request, headers, body: job.target === 'ours' ? oursBody(job, phone!) : pouchBody(job) };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration || job.seconds,
    latencies,
  };
}

if (process.send) {
  process.once('message', (job: LoadJob) => {
    void generateLoad(job).then(
      (answer) => process.send!(answer, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
