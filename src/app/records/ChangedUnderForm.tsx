// What the form says when the record changed under it while open (a sync brought another
// phone's edit, another tab saved), and the choice it puts to the person when both changed
// the same field: nothing is saved until she chooses.
import type { EditConflict } from '../../data/index.ts';
import { fieldLabel, text } from '../i18n/index.ts';
import { describeValue } from './describe.ts';
import type { Draft } from './draft.ts';
import type { ChangeUnderForm } from './useRecordForm.ts';

const moment = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** "10:05, 20/11" */
export function formatMoment(iso: string): string {
  const part = (type: string) => moment.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}, ${part('day')}/${part('month')}`;
}

const valueOf = (record: object, field: string) => (record as Record<string, unknown>)[field];

export function ChangedUnderForm(props: { change: ChangeUnderForm }) {
  const { change } = props;
  return (
    <div class={`notice ${change.merging ? 'warn' : 'info'}`} role="status" data-changed-under-form>
      <p>{change.merging ? text.entry.changedWhileTyping : text.entry.changedAndShown}</p>
      <ul>
        {change.fields.map((field) => (
          <li key={field}>
            {fieldLabel(field)}: {describeValue(field, valueOf(change.before, field))} → {describeValue(field, valueOf(change.after, field))}
          </li>
        ))}
      </ul>
      {change.merging && <p>{text.entry.willMerge}</p>}
    </div>
  );
}

export function SaveConflict(props: { conflict: EditConflict; mine: Draft; onKeepMine: () => void; onTakeTheirs: () => void; onDiscard: () => void }) {
  const { conflict, mine } = props;
  const current = conflict.current;
  return (
    <div class="notice warn" role="alert" data-save-conflict>
      {current ? (
        <>
          <p>{text.entry.bothChanged}</p>
          <ul class="conflict-fields">
            {conflict.fields.map((field) => (
              <li key={field}>
                {fieldLabel(field)}: {text.entry.yours} «{describeValue(field, mine[field])}» · {text.entry.theirs} «
                {describeValue(field, valueOf(current, field))}»
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{text.entry.deletedWhileTyping}</p>
      )}
      <button class="primary" type="button" onClick={props.onKeepMine}>
        {text.entry.saveMine}
      </button>
      {current ? (
        <button class="secondary" type="button" onClick={props.onTakeTheirs}>
          {text.entry.takeTheirs}
        </button>
      ) : (
        <button class="secondary" type="button" onClick={props.onDiscard}>
          {text.entry.dropMine}
        </button>
      )}
    </div>
  );
}
