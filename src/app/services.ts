// What the screens need from the rest of the app, handed down through one context so a
// test can build the same screens on another database or server.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceStore, NotebookDb, PhoneStore } from '../data/index.ts';
import type { ProfileResponse } from '../domain/index.ts';
import type { SyncEngine } from '../sync/index.ts';
import type { ApiClient } from './api.ts';

export interface AppServices {
  /** The signed-in account's own database on this phone. */
  db: NotebookDb;
  /** The signed-in account's device values (device id, cursor). */
  device: DeviceStore;
  phone: PhoneStore;
  engine: SyncEngine;
  session: ProfileResponse;
  /** The API calls of the screens (the sync engine has its own). */
  api: ApiClient;
  /** Asks how to sign out when records wait (send them first, or keep them for this account). */
  signOut(): void;
  /** The session ended on the server: to the sign-in screen, keeping this account's unsent records. */
  signInAgain(): void;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the signed-in app');
  return services;
}
