// The whole HTTP server as a function of its dependencies, so tests run it in-process and
// main.ts is the only place that reads the environment.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { SignInThrottle } from './auth/signInThrottle.ts';
import { apiError } from './http/errors.ts';
import { rateLimit } from './http/rateLimit.ts';
import type { RateLimit } from './http/rateLimit.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { accountApi, accountRoutes } from './routes/accounts.ts';
import { auditApi, auditRoutes } from './routes/audit.ts';
import { enrolmentApi, enrolmentRoutes } from './routes/enrolments.ts';
import type { EnrolmentSettings } from './auth/enrolmentCodes.ts';
import { compressJsonAnswers, gzipRequestBodies } from './http/compression.ts';
import { deviceApi, deviceRoutes } from './routes/devices.ts';
import { planApi, planRoutes } from './routes/plans.ts';
import { provinceApi, provinceRoutes } from './routes/province.ts';
import { provincePlanApi } from './routes/provincePlan.ts';
import { reportApi, reportRoutes } from './routes/reports.ts';
import { reportSettingsApi } from './routes/reportSettings.ts';
import { reviewApi, reviewRoutes } from './routes/reviews.ts';
import { sessionApi, sessionRoutes } from './routes/sessions.ts';
import { openApiApi, openApiRoutes } from './routes/openapi.ts';
import { staticRoutes } from './routes/static.ts';
import { syncApi, syncRoutes } from './routes/sync.ts';
import { unitApi, unitRoutes } from './routes/units.ts';
import { unitTypeApi, unitTypeRoutes } from './routes/unitTypes.ts';
import type { Store } from './store/store.ts';
import { withSessionCache } from './auth/sessionCache.ts';
import { apiRoute } from './http/apiRoute.ts';

export interface AppSettings {
  /** The built app (Vite's dist); nothing but the API is served without it. */
  staticDir?: string;
  /** Largest request body accepted; 1 MiB unless set. */
  bodyLimitBytes?: number;
  /** Behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto (deploy/nginx). */
  trustProxy?: boolean;
  /** Requests per address on the API; no limit unless set (main.ts sets one). */
  rateLimit?: RateLimit;
  /** Failed sign-ins before a lock-out; DEFAULT_SIGN_IN_THROTTLE unless set. */
  signInThrottle?: SignInThrottle;
  /** How long a session lasts after its last use; SESSION_LIFETIME_SECONDS (90 days) unless set. */
  sessionLifetimeSeconds?: number;
  /** Enrolment codes' lifetime and guessing limits; DEFAULT_ENROLMENT_SETTINGS unless set. */
  enrolment?: EnrolmentSettings;
}

export interface AppDeps {
  store: Store;
  clock: () => Date;
  settings: AppSettings;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

const healthApi = {
  health: apiRoute({
    method: 'get',
    path: '/health',
    summary: 'The process is up (for the proxy and the operator)',
    public: true,
    answer: { description: '{ ok: true }' },
  }),
};

/** Every group of routes mounted below, for the OpenAPI document; tests/server/openapi.test.ts checks that none is missing. */
export const apiGroups = {
  health: healthApi,
  sessions: sessionApi,
  enrolments: enrolmentApi,
  sync: syncApi,
  devices: deviceApi,
  accounts: accountApi,
  reports: reportApi,
  reportSettings: reportSettingsApi,
  plans: planApi,
  units: unitApi,
  unitTypes: unitTypeApi,
  reviews: reviewApi,
  province: provinceApi,
  provincePlan: provincePlanApi,
  audit: auditApi,
  openApi: openApiApi,
};

export function createApp(appDeps: AppDeps) {
  // Session lookups answered from memory for a moment, emptied by any write that may change them.
  const deps: AppDeps = { ...appDeps, store: withSessionCache(appDeps.store) };
  const trustProxy = deps.settings.trustProxy ?? false;
  const maxBody = deps.settings.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const api = new Hono();
  const lifetime = deps.settings.sessionLifetimeSeconds;
  if (lifetime !== undefined) {
    api.use('*', async (c, next) => {
      c.set('sessionLifetimeSeconds' as never, lifetime as never);
      await next();
    });
  }
  // The origin check of cookie-carried changes (http/auth.ts) reads the scheme from a trusted proxy.
  api.use('*', async (c, next) => {
    c.set('trustProxy' as never, trustProxy as never);
    await next();
  });
  // Every answer carries the server's time by its own clock (Node would add one by the machine's):
  // the phone measures its clock against it at each sync (src/domain/clock.ts).
  api.use('*', async (c, next) => {
    await next();
    c.header('Date', deps.clock().toUTCString());
  });
  if (deps.settings.rateLimit) api.use('*', rateLimit(deps.settings.rateLimit, { trustProxy, clock: deps.clock }));
  api
    // JSON answers over 1 kB go out gzip-compressed to clients that accept it (a pull of 500 records: 205 kB → about 30 kB).
    .use('*', compressJsonAnswers({ threshold: 1024 }))
    // A gzip request body is inflated first, so the body limit counts the inflated bytes.
    .use('*', gzipRequestBodies({ maxSize: maxBody }))
    .use(
      '*',
      bodyLimit({
        maxSize: maxBody,
        onError: (c) => apiError(c, 413, 'body_too_large'),
      }),
    )
    .get('/health', (c) => c.json({ ok: true as const }, 200))
    .route('/', sessionRoutes(deps))
    .route('/', enrolmentRoutes(deps))
    .route('/', syncRoutes(deps))
    .route('/', deviceRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/', planRoutes(deps))
    .route('/', unitRoutes(deps))
    .route('/', unitTypeRoutes(deps))
    .route('/', reviewRoutes(deps))
    .route('/', provinceRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', openApiRoutes(apiGroups))
    .all('*', (c) => apiError(c, 404, 'not_found'));

  const app = new Hono()
    .use('*', securityHeaders({ trustProxy }))
    .route('/api/v1', api)
    .all('/api/*', (c) => apiError(c, 404, 'not_found'));
  if (deps.settings.staticDir) app.route('/', staticRoutes(deps.settings.staticDir));
  app.notFound((c) => apiError(c, 404, 'not_found'));
  app.onError((error, c) => {
    // Log the kind of failure only: a request body may hold a violence case.
    console.error(`[server] ${c.req.method} ${c.req.path}: ${error.name}`);
    return apiError(c, 500, 'internal');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
