// One line that names a record in a list (home, the office's records behind a figure). A
// violence case shows its code and status only, never its notes.
import { countsAttendees, type ChecklistRecord } from '../../domain/index.ts';
import { fill, formatDate, formatNumber, text } from '../i18n/index.ts';

export function recordSummary(record: ChecklistRecord): string {
  switch (record.kind) {
    case 'propagandaSession':
      return countsAttendees(record.form)
        ? `${text.options.form[record.form]} · ${formatNumber((record.menCount ?? 0) + (record.womenCount ?? 0))} người`
        : `${text.options.form[record.form]} · ${formatNumber(record.householdsReached)} hộ`;
    case 'newsPost':
      return record.title;
    case 'violenceCase':
      return `${record.caseCode} · ${text.options.status[record.status]}`;
    case 'contactPoint':
      return `${text.options.keeper[record.keeper]}${record.stoppedOn ? ` · ${fill(text.home.stoppedOn, { date: formatDate(record.stoppedOn) })}` : ''}`;
    case 'preventionModel':
      return `${record.name} · ${text.options.modelType[record.modelType]}`;
    case 'inspection':
      return record.scope;
    case 'training':
      return `${record.title} · ${record.menCount + record.womenCount}`;
    case 'complaint':
      return `${text.options.complaintSubject[record.subject]}${record.handledOn ? ` · ${fill(text.home.handledOn, { date: formatDate(record.handledOn) })}` : ` · ${text.home.notHandled}`}`;
  }
}
