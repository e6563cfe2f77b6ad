import { useEffect, useState } from 'preact/hooks';
import type { SyncEngine, SyncStatus } from '../../sync/index.ts';

export function useSyncStatus(engine: SyncEngine): SyncStatus {
  const [status, setStatus] = useState(engine.status.get());
  useEffect(() => engine.status.subscribe(setStatus), [engine]);
  return status;
}
