// What the phone does once the server has said who this is, after a sign-in with a PIN or an
// enrolment with a code alike: keep the answer (the app then opens offline) and open the app.
import type { DeviceStore } from '../../data/index.ts';
import type { SignInResponse } from '../../domain/index.ts';

export async function completeSignIn(device: DeviceStore, session: SignInResponse, onSignedIn: (session: SignInResponse) => void): Promise<void> {
  await device.setSession(session);
  onSignedIn(session);
}
