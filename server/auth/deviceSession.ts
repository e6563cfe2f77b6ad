// What a device gets once its user has proved who they are (a PIN at sign-in, or an enrolment
// code): a new token bound to the device (only its hash is stored) and the user's profile.
// Sign-in and enrolment answer with exactly this.
import type { SignInResponse } from '../../src/domain/index.ts';
import type { Store } from '../store/store.ts';
import { newToken, sha256Hex } from './secrets.ts';

export async function startDeviceSession(store: Store, input: { userId: string; deviceId: string; now: Date }): Promise<SignInResponse | undefined> {
  const token = newToken();
  await store.bindDevice({ deviceId: input.deviceId, userId: input.userId, tokenHash: sha256Hex(token), now: input.now.toISOString() });
  const profile = await store.loadProfile(input.userId);
  return profile && { token, ...profile };
}
