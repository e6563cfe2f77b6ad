// A route of the API as data: its method and path, the zod schemas its handler validates the
// request with, and the shape of its answer. Each route module declares its routes once with
// apiRoute(); the handler validates with the entry's own schema (`parseJsonBody(c, api.x.body)`)
// and GET /api/v1/openapi.json is made from the same entries (server/routes/openapi.ts).
import type * as z from 'zod/mini';

export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRoute {
  method: ApiMethod;
  /** Under /api/v1, in Hono's syntax (`/units/:id`). */
  path: string;
  /** One line on what the route does, for the document. */
  summary: string;
  /** Answered without a session (sign-in, enrolment, health, this document). */
  public?: true;
  /** The JSON body the handler validates. */
  body?: z.ZodMiniType;
  /** The query string the handler validates (an object of strings). */
  query?: z.ZodMiniType;
  /** The success answer: its status (200 unless set) and the schema it follows, when one is shared. */
  answer: {
    status?: number;
    description: string;
    schema?: z.ZodMiniType;
    /** A file rather than JSON (the reports). */
    contentType?: string;
  };
}

/** Declares a route; returns it as given (literal types kept, so `api.x.body` is the schema's own type). */
export function apiRoute<const R extends ApiRoute>(route: R): R {
  return route;
}
