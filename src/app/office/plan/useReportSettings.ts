// The report settings of a year for the office view, read from the server when online (the
// reports are built there too); the officer's save, checked with the shared schema first.
import { useEffect, useState } from 'preact/hooks';
import { reportSettings as settingsSchema, reportSettingsResponse, type ReportSettings } from '../../../domain/plan/reportSettings.ts';
import { useServices } from '../../services.ts';
import type { SaveOutcome } from './usePlan.ts';

export interface ReportSettingsState {
  /** Undefined until the server answered (or while offline). */
  settings: ReportSettings | undefined;
  saved: boolean;
  /** The last read found no connection. */
  offline: boolean;
  save(settings: ReportSettings): Promise<SaveOutcome>;
}

export function useReportSettings(year: number, refresh = 0): ReportSettingsState {
  const { api } = useServices();
  const [state, setState] = useState<{ settings?: ReportSettings; saved: boolean; offline: boolean }>({ saved: false, offline: false });

  useEffect(() => {
    let live = true;
    setState({ saved: false, offline: false });
    void api.get(`/reports/settings/${year}`, reportSettingsResponse).then((answer) => {
      if (!live) return;
      if (answer.ok) setState({ settings: answer.value.settings, saved: answer.value.saved, offline: false });
      else setState({ saved: false, offline: answer.problem === 'offline' });
    });
    return () => {
      live = false;
    };
  }, [api, year, refresh]);

  async function save(settings: ReportSettings): Promise<SaveOutcome> {
    const checked = settingsSchema.safeParse(settings);
    if (!checked.success) return { ok: false, fields: checked.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.')])) };
    const answer = await api.send('PUT', `/reports/settings/${year}`, reportSettingsResponse, checked.data);
    if (!answer.ok) return answer.problem === 'refused' && answer.status === 400 ? { ok: false, fields: answer.fields } : { ok: false, failed: true };
    setState({ settings: answer.value.settings, saved: true, offline: false });
    return { ok: true };
  }

  return { settings: state.settings, saved: state.saved, offline: state.offline, save };
}
