// The province screen's words in English, for reviewers (the app shows province.vi.ts).
import type { ProvinceCatalogue } from './province.vi.ts';

export const provinceEn: ProvinceCatalogue = {
  title: 'Gender-equality indicators of the communes',
  notReportedTitle: 'Communes with no figures for {period}',
  notReportedNone: 'Every commune has figures for {period}.',
  overdue: 'overdue since {date}',
  dueBy: 'due {date}',
  tableTitle: 'Results by commune',
  commune: 'Commune',
  serverNote: 'Computed by the server from the records the communes sent, as of {date}. Each commune is judged against its own plan.',
  behindSummary: '{n} of {total} communes have indicators below target.',
  notReportedMark: 'no figures',
  periodQuarter: 'quarter {q}/{year}',
  periodYear: 'the year {year}',
  target: 'Plan: {target}',
  pending: '{n} cases still within their time limit',
  offline: 'No connection. Showing the figures loaded last ({date}).',
  offlineEmpty: 'A connection is needed to see the communes’ figures.',
  failed: 'Could not load the figures. Try again.',
  retry: 'Try again',
};
