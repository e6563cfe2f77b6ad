// Create or edit one checklist record. Saving writes to the phone only (with its outbox
// entry); the sync engine sends it. Bad input is named field by field, in Vietnamese.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { deleteRecord, keepMine, keepTheirs } from '../../data/index.ts';
import { quarterKey, quarterOf, type RecordKind } from '../../domain/index.ts';
import { syncAfterSave } from '../../sync/index.ts';
import { errorText, fieldLabel, fill, text } from '../i18n/index.ts';
import { askToKeepData } from '../install/keepData.ts';
import { prefs } from '../prefs.ts';
import { navigate } from '../router.ts';
import { requestBackgroundSync } from '../sw-bridge.tsx';
import { ConfirmSheet } from '../ConfirmSheet.tsx';
import { savedNotice } from '../home/savedNotice.ts';
import { useServices } from '../services.ts';
import { CaseFields } from './CaseFields.tsx';
import { ComplaintFields, InspectionFields, TrainingFields } from './CommuneWorkFields.tsx';
import { ChangedUnderForm, SaveConflict, formatMoment } from './ChangedUnderForm.tsx';
import { describeValue, differingFields } from './describe.ts';
import type { FormBinding } from './fields.tsx';
import { NewsFields } from './NewsFields.tsx';
import { PropagandaFields } from './PropagandaFields.tsx';
import { ContactPointFields, PreventionModelFields } from './StandingFields.tsx';
import { useRecordForm } from './useRecordForm.ts';

const FIELDS_OF: Record<RecordKind, (props: { form: FormBinding }) => preact.JSX.Element> = {
  propagandaSession: PropagandaFields,
  newsPost: NewsFields,
  violenceCase: CaseFields,
  contactPoint: ContactPointFields,
  preventionModel: PreventionModelFields,
  inspection: InspectionFields,
  training: TrainingFields,
  complaint: ComplaintFields,
};

export function RecordScreen(props: { kind?: RecordKind; recordId?: string }) {
  const { db, engine } = useServices();
  const form$ = useRecordForm(props);
  const { existing, opened, draft, errors, conflict } = form$;
  // A refused save moves the focus to the list of what to fix, for keyboard and screen-reader users.
  const summary = useRef<HTMLDivElement>(null);
  const [askingDelete, setAskingDelete] = useState(false);
  useEffect(() => {
    if (form$.refusals > 0) summary.current?.focus();
  }, [form$.refusals]);
  // A form opens at its top, its title in sight, wherever the home screen was scrolled to.
  useLayoutEffect(() => window.scrollTo(0, 0), []);

  if (!draft) {
    return (
      <main class="screen">
        <p>{props.recordId && existing === undefined ? '' : text.form.notFound}</p>
        <a href="#/">{text.form.back}</a>
      </main>
    );
  }

  const kind = draft.kind as RecordKind;
  const Fields = FIELDS_OF[kind];
  const form: FormBinding = { draft, errors, notesOnServer: existing?.notesOnServer, set: form$.set };
  const goHome = () =>
    navigate({ screen: 'home', kind, quarter: typeof draft.date === 'string' && draft.date ? quarterKey(quarterOf(draft.date)) : undefined });

  async function save(event?: Event, preferMine = false) {
    event?.preventDefault();
    if ((await form$.save({ preferMine })) !== 'saved') return;
    prefs.noteSaved();
    void askToKeepData();
    syncAfterSave(engine, () => navigator.onLine);
    if (!navigator.onLine) requestBackgroundSync();
    savedNotice.raise();
    goHome();
  }

  async function remove() {
    setAskingDelete(false);
    if (!props.recordId) return;
    await deleteRecord(db, props.recordId);
    await form$.discardDraft();
    syncAfterSave(engine, () => navigator.onLine);
    goHome();
  }

  const title = fill(props.recordId ? text.form.editTitle : text.form.newTitle, { kind: text.kinds[kind].toLowerCase() });
  return (
    <main class="screen record" data-offers-checked={form$.offersChecked || undefined}>
      <header class="top">
        <a class="link" href="#/" onClick={(e) => (e.preventDefault(), goHome())}>
          ‹ {text.form.back}
        </a>
        <h1>{title}</h1>
      </header>
      {existing?.syncState === 'rejected' && existing.rejection && (
        <p class="notice error" role="alert">
          {fill(text.form.rejectedBecause, { reason: existing.rejection.fields.map(fieldLabel).join(', ') || existing.rejection.reason })}
        </p>
      )}
      {existing?.syncState === 'conflict' && (
        <div class="notice warn" role="alert">
          <p>{text.form.conflictExplain}</p>
          {opened?.theirs ? (
            <ul class="conflict-fields">
              {differingFields(opened.mine, opened.theirs).map((field) => (
                <li key={field}>
                  {fieldLabel(field)}: {text.form.conflictMine} {describeValue(field, (opened.mine as Record<string, unknown>)[field])} ·{' '}
                  {text.form.conflictTheirs} {describeValue(field, (opened.theirs as Record<string, unknown>)[field])}
                </li>
              ))}
            </ul>
          ) : (
            <p>{text.form.conflictDeleted}</p>
          )}
          <button class="secondary" onClick={() => void keepMine(db, existing.id).then(() => engine.syncNow())}>
            {text.form.keepMine}
          </button>
          <button class="secondary" onClick={() => void keepTheirs(db, existing.id).then(form$.resetTyping)}>
            {text.form.keepTheirs}
          </button>
        </div>
      )}
      {form$.offered && (
        <div class="notice info" role="status" data-draft-offered>
          <p>{fill(text.entry.draftOffered, { at: formatMoment(form$.offered.savedAt) })}</p>
          <button class="secondary" type="button" onClick={() => void form$.reopenOffered()}>
            {text.entry.reopenDraft}
          </button>
          <button class="link" type="button" onClick={() => void form$.discardOffered()}>
            {text.entry.dropOffered}
          </button>
        </div>
      )}
      {form$.restored && (
        <div class="notice info" role="status">
          <p>{text.entry.draftRestored}</p>
          <button class="secondary" type="button" onClick={() => void form$.discardDraft()}>
            {text.entry.discardDraft}
          </button>
        </div>
      )}
      {form$.changedUnder && <ChangedUnderForm change={form$.changedUnder} />}
      {conflict && (
        <SaveConflict
          conflict={conflict}
          mine={draft}
          onKeepMine={() => void save(undefined, true)}
          onTakeTheirs={form$.takeTheirs}
          onDiscard={() => void form$.discardDraft().then(goHome)}
        />
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        {errors.size > 0 && (
          <div class="notice error" role="alert" tabIndex={-1} ref={summary}>
            <p>{text.form.fixErrors}</p>
            <ul>
              {[...errors].map(([path, code]) => (
                <li key={path}>
                  {fieldLabel(path)}: {errorText(code)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Fields form={form} />
        {form$.saveError && (
          <p class="notice error" role="alert">
            {form$.saveError === 'quota' ? text.form.quotaExceeded : text.form.saveFailed}
          </p>
        )}
        <div class="actions">
          <button class="primary big" type="submit" disabled={form$.saving}>
            {form$.saving ? text.form.saving : text.form.save}
          </button>
          {props.recordId && (
            <button class="danger" type="button" onClick={() => setAskingDelete(true)}>
              {text.form.delete}
            </button>
          )}
        </div>
      </form>
      {askingDelete && (
        <ConfirmSheet
          title={text.form.deleteTitle}
          message={text.form.confirmDelete}
          confirm={text.form.delete}
          cancel={text.form.keep}
          onConfirm={() => void remove()}
          onCancel={() => setAskingDelete(false)}
        />
      )}
    </main>
  );
}
