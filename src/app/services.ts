// What the screens need from the rest of the app, handed down through one context so a
// test can build the same screens on another database or server.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceStore, NotebookDb } from '../data/index.ts';
import type { SignInResponse } from '../domain/index.ts';
import type { SyncEngine } from '../sync/index.ts';

export interface AppServices {
  db: NotebookDb;
  device: DeviceStore;
  engine: SyncEngine;
  session: SignInResponse;
  signOut(): Promise<void>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the signed-in app');
  return services;
}
