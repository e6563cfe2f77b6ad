// What the officer sees of the commune's phones: the signed-in devices (a lost one is revoked
// from there) and those whose change numbers have a hole. Shared by the server's answers and
// the office screen.
import * as z from 'zod/mini';

export const communeDevice = z.object({
  deviceId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  /** The first sign-in on this phone. */
  createdAt: z.string(),
  revokedAt: z.nullable(z.string()),
  /** The browser's user agent at its latest sign-in; null on phones signed in before it was kept. */
  userAgent: z.nullable(z.string()),
  /** The latest sign-in or use of the session, to the hour; null before it was kept. */
  lastSeenAt: z.nullable(z.string()),
});
export type CommuneDevice = z.infer<typeof communeDevice>;

/** GET /devices. */
export const deviceList = z.object({ devices: z.array(communeDevice) });

/** POST /devices/:id/revoke. */
export const revokedDevice = z.object({ deviceId: z.string(), revoked: z.boolean() });

export const deviceGap = z.object({
  deviceId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  lastSeq: z.number(),
  missingSeqs: z.array(z.number()),
});
export type DeviceGap = z.infer<typeof deviceGap>;

/** One page of the devices with gaps, by device id; `next` is the `after` of the next page. */
export const deviceGapsPage = z.object({
  devices: z.array(deviceGap),
  next: z.nullable(z.string()),
});
export type DeviceGapsPage = z.infer<typeof deviceGapsPage>;

/** Devices per page of `GET /devices/gaps` unless asked (each carries at most 1,000 missing numbers). */
export const DEVICE_GAPS_PAGE = 20;
export const MAX_DEVICE_GAPS_PAGE = 100;
