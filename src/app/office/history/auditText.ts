// The audit trail and the case-access log in the officer's words: what was done to which unit,
// period, plan, phone or report by name (never an id), and the fields changed by their labels.
import type { AuditEntry, CaseAccess } from '../../../domain/audit.ts';
import { fieldLabel, fill, text } from '../../i18n/index.ts';
import { periodText } from '../../review/periodText.ts';

type EventEntry = Extract<AuditEntry, { kind: 'event' }>;
type UnitName = (id: string) => string;

/** "2026 docx all", "2026-Q3 csv accepted": the period, the file and the records it was made from. */
function exportText(target: string): string {
  const [period = '', format = '', basis = ''] = target.split(' ');
  const formats = text.history.exportFormat as Record<string, string>;
  const bases = text.history.exportBasis as Record<string, string>;
  return fill(text.history.exportOf, { period: periodText(period), format: formats[format] ?? format, basis: bases[basis] ?? basis });
}

/** What an event was about, by name. */
function subject(entry: EventEntry, unitName: UnitName): string {
  const [area] = entry.action.split('.');
  if (area === 'unit') return unitName(entry.target);
  if (area === 'review') {
    const [unitId = '', period = ''] = entry.target.split(' ');
    return `${unitName(unitId)} · ${periodText(period)}`;
  }
  if (entry.action === 'plan.update') return fill(text.history.planOfYear, { year: entry.target });
  if (entry.action === 'report.export') return exportText(entry.target);
  if (area === 'device') {
    const id = entry.target.slice(-4);
    return entry.targetName ? fill(text.history.device, { name: entry.targetName, id }) : fill(text.history.deviceUnknown, { id });
  }
  return entry.targetName ?? entry.target;
}

export function auditTitle(entry: AuditEntry, unitName: UnitName): string {
  if (entry.kind === 'event') return `${text.history.action[entry.action]} · ${subject(entry, unitName)}`;
  const kind = text.kinds[entry.recordKind as keyof typeof text.kinds] ?? entry.recordKind;
  const what = entry.deleted ? text.history.recordDeleted : entry.rev === 1 ? text.history.recordNew : '';
  return [fill(text.history.recordChange, { kind, unit: unitName(entry.unitId) }), what].filter(Boolean).join(' · ');
}

/** An event's field by its label: a plan's indicator or deadline by its name, a unit's or account's field as the office calls it. */
function eventFieldLabel(field: string): string {
  const [head = '', rest = ''] = field.split('.');
  if (head === 'indicators') return (text.office.indicators as Record<string, string>)[rest] ?? field;
  if (head === 'deadlines') return (text.office.keyDates as Record<string, string>)[rest] ?? field;
  return (text.history.eventFields as Record<string, string>)[field] ?? fieldLabel(field);
}

/** The fields changed, by their labels; none for a new record (all of its fields are new). */
export function auditFields(entry: AuditEntry): string | null {
  if (entry.fields.length === 0 || (entry.kind === 'record' && entry.rev === 1)) return null;
  const labels = entry.fields.map((field) => (entry.kind === 'event' ? eventFieldLabel(field) : fieldLabel(field)));
  return fill(text.history.fields, { fields: labels.join(', ') });
}

export function caseReadText(entry: CaseAccess, unitName: UnitName): string {
  const via = text.history.via[entry.via];
  if (entry.caseCode === null || entry.unitId === null) return `${text.history.caseGone} · ${via}`;
  return fill(text.history.caseRead, { code: entry.caseCode, unit: unitName(entry.unitId), via });
}
