// The API described for tools and readers: an OpenAPI 3.1 document made from the routes' own
// declarations (server/http/apiRoute.ts), so each schema in it is the very zod schema the
// handler validates with, written once in src/domain or beside its route. Public: it names the
// shapes the app's own scripts already carry, and no data.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { errorBody } from '../../src/domain/index.ts';
import { apiRoute, type ApiRoute } from '../http/apiRoute.ts';
import { SESSION_COOKIE } from '../http/session.ts';

export const openApiApi = {
  document: apiRoute({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document: every route of the API with the schemas it validates',
    public: true,
    answer: { description: 'OpenAPI 3.1' },
  }),
};

/** The routes of one module, by name: `{ push: apiRoute(…), pull: apiRoute(…) }`. */
export type ApiGroup = Record<string, ApiRoute>;

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

/** `/units/:id` → `/units/{id}`, and its path parameters. */
function pathOf(path: string): { path: string; names: string[] } {
  const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return { path: path.replace(/:(\w+)/g, '{$1}'), names };
}

function parameters(route: ApiRoute, names: string[]) {
  const inPath = names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (!route.query) return inPath;
  const query = jsonSchema(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function operation(operationId: string, route: ApiRoute, names: string[]) {
  const { answer } = route;
  const content = answer.contentType
    ? { [answer.contentType]: { schema: { type: 'string', format: 'binary' } } }
    : answer.schema
      ? { 'application/json': { schema: jsonSchema(answer.schema, 'output') } }
      : answer.status === 204
        ? undefined
        : { 'application/json': {} };
  const params = parameters(route, names);
  return {
    operationId,
    summary: route.summary,
    ...(route.public ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses: {
      [String(answer.status ?? 200)]: { description: answer.description, ...(content ? { content } : {}) },
      '4XX': { $ref: '#/components/responses/Refused' },
    },
  };
}

/** The document for the API's route groups (app.ts passes every group it mounts, this one's included). */
export function openApiDocument(groups: Record<string, ApiGroup>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [group, routes] of Object.entries(groups)) {
    for (const [name, route] of Object.entries(routes)) {
      const { path, names } = pathOf(route.path);
      const operationId = group + name.charAt(0).toUpperCase() + name.slice(1);
      (paths[path] ??= {})[route.method] = operation(operationId, route, names);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sổ tay Bình đẳng API',
      version: '1',
      description:
        'The API of the phones and the commune office. A session rides in the HttpOnly cookie set by a sign-in, or as a Bearer token for a ' +
        'client that asks for it (X-Session-Token: body); a state-changing call carried by the cookie also sends X-Requested-With: so-tay.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearerToken: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Refused: {
          description: 'Refused: a code, a message in Vietnamese and the fields at fault',
          content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } },
        },
      },
    },
  };
}

export function openApiRoutes(groups: Record<string, ApiGroup>) {
  let document: string | undefined;
  return new Hono().get('/openapi.json', (c) => {
    // Made on the first request: the routes do not change under a running server.
    document ??= JSON.stringify(openApiDocument(groups));
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
