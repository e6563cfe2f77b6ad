// A report setting's field by the label the form gives it ("reportNumbers.q3" → "Số báo cáo – Báo cáo quý III"):
// for the form's errors and the audit trail's list of fields changed.
import { fill, text } from '../../i18n/index.ts';
import { QUARTER_NUMERALS } from '../indicators/PeriodPicker.tsx';

const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'] as const;

export function fieldName(path: string): string {
  const t = text.reportSettings;
  const [head, key] = path.split('.');
  if (head === 'reportNumbers' && key === undefined) return t.reportNumber;
  if (head === 'reportNumbers') {
    const q = QUARTER_KEYS.indexOf(key as (typeof QUARTER_KEYS)[number]);
    return `${t.reportNumber} – ${q >= 0 ? fill(t.reportNumberQuarter, { q: QUARTER_NUMERALS[q]! }) : t.reportNumberYear}`;
  }
  const names: Record<string, string> = {
    planNumber: t.planNumber,
    planDate: t.planDate,
    agencyLines: t.agencyLines,
    signerLines: t.signerLines,
    signerName: t.signerName,
    recipients: t.recipients,
    direction: t.direction,
    causes: t.causes,
    nextSteps: t.nextSteps,
    proposals: t.proposals,
  };
  return names[head ?? ''] ?? path;
}
