// Who an audit event is by: the signed-in actor on their device, at the server's time.
import type { Context } from 'hono';
import type { AuditInput } from '../store/office/audit.ts';
import type { AuthEnv } from './auth.ts';

export function auditInput(c: Context<AuthEnv>, clock: () => Date): AuditInput {
  const actor = c.get('actor');
  return { communeId: actor.communeId, at: clock().toISOString(), userId: actor.userId, deviceId: actor.deviceId };
}
