// GET /api/v1/openapi.json: every route the app serves is in it (read from the Hono app itself,
// as the authorisation matrix does, so a new route fails here until it is declared), nothing
// else is, and what it states holds over HTTP: a body missing the fields it calls required is
// refused naming them, and the answers follow the schemas it gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGroups, createApp } from '../../server/app.ts';
import type { Store } from '../../server/store/store.ts';
import { roles, type Role } from '../../src/domain/index.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';
import { actors, call, seedRoles, tokenFor } from './roles.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  requestBody?: { content: { 'application/json': { schema: { required?: string[] } } } };
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const probe = createApp({ store: {} as Store, clock: () => new Date(), settings: {} });
const servedRoutes = [...new Set(probe.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${r.path}`))].sort();

/** The declared routes, as the app names them: `POST /api/v1/units/:id/merge`. */
const declared = Object.values(apiGroups)
  .flatMap((group) => Object.values(group))
  .map((route) => ({ route, key: `${route.method.toUpperCase()} /api/v1${route.path}` }));

const concrete = (path: string) => path.replace(':year', '2026').replace(':id', 'tdp-1');

let server: TestServer;
let tokens: Record<Role, string>;
let document: Document;
beforeAll(async () => {
  server = await startServer();
  await seedRoles(server);
  tokens = {} as Record<Role, string>;
  for (const role of roles) tokens[role] = (await tokenFor(server, actors[role])).token;
  const response = await call(server, 'GET', '/api/v1/openapi.json');
  expect(response.status).toBe(200);
  document = response.json;
});
afterAll(async () => {
  await server.close();
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, served without a session', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('names every route the app serves, and only those', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(documented).toEqual(servedRoutes);
    expect(declared.map((d) => d.key).sort()).toEqual(servedRoutes);
    expect(servedRoutes.length).toBeGreaterThan(30);
  });

  it('marks exactly the routes answered without a session as public', async () => {
    for (const { route, key } of declared) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method]!;
      const response = await call(server, route.method.toUpperCase(), concrete(`/api/v1${route.path}`), undefined, route.method === 'get' ? undefined : {});
      expect(response.status === 401, `${key}: ${response.status}`).toBe(operation.security === undefined);
    }
  });

  it.each(declared.filter(({ route }) => route.body).map(({ key, route }) => [key, route] as const))(
    '%s refuses a body without the fields the document calls required, naming them',
    async (key, route) => {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method]!;
      const required = operation.requestBody?.content['application/json'].schema.required ?? [];
      if (required.length === 0) return; // every field optional (a unit's change): nothing to leave out
      // Roles are checked before bodies: the answer of the role that may call it is the one that counts.
      const answers = await Promise.all(roles.map((role) => call(server, route.method.toUpperCase(), concrete(`/api/v1${route.path}`), tokens[role], {})));
      const validated = answers.find((answer) => answer.status === 400);
      expect(validated, `${key}: ${answers.map((a) => a.status).join(', ')}`).toBeDefined();
      expect(validated!.json.error).toBe('invalid_body');
      expect(validated!.json.fields.map((f: { path: string }) => f.path).sort()).toEqual([...required].sort());
    },
  );

  it('the answers follow the schemas it gives', async () => {
    const checked: string[] = [];
    for (const { route, key } of declared) {
      const schema = route.answer.schema;
      if (route.method !== 'get' || !schema) continue;
      const answers = await Promise.all(roles.map((role) => call(server, 'GET', concrete(`/api/v1${route.path}`), tokens[role])));
      const ok = answers.filter((answer) => answer.status === (route.answer.status ?? 200));
      expect(ok.length, key).toBeGreaterThan(0);
      for (const answer of ok) expect(schema.safeParse(answer.json).success, key).toBe(true);
      checked.push(key);
    }
    // A push, in both of its answers' forms.
    const head = await server.device('tdp1');
    for (const answer of [undefined, 'compact'] as const) {
      const seq = answer ? 2 : 1;
      const body = { deviceId: head.deviceId, changes: [upsertOf(propagandaSession(), seq)], ...(answer ? { answer } : {}) };
      const pushed = await call(server, 'POST', '/api/v1/sync/push', head.token, body);
      expect(pushed.status).toBe(200);
      expect(apiGroups.sync.push.answer.schema.safeParse(pushed.json).success).toBe(true);
    }
    expect(checked.sort()).toEqual([
      'GET /api/v1/accounts',
      'GET /api/v1/audit',
      'GET /api/v1/case-access',
      'GET /api/v1/devices',
      'GET /api/v1/devices/gaps',
      'GET /api/v1/me',
      'GET /api/v1/plans/:year',
      'GET /api/v1/province/indicators',
      'GET /api/v1/province/plan/:year',
      'GET /api/v1/province/plan/:year/changes',
      'GET /api/v1/reports/settings/:year',
      'GET /api/v1/reviews',
      'GET /api/v1/sync/pull',
      'GET /api/v1/unit-types',
      'GET /api/v1/units',
    ]);
  });
});
