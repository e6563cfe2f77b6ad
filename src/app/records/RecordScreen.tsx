// Create or edit one checklist record. Saving writes to the phone only (with its outbox
// entry); the sync engine sends it. Bad input is named field by field, in Vietnamese.
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteRecord, draftKey, dropDraft, keepDraft, keepMine, keepTheirs, loadDraft, openedBody, openedTheirs, saveRecordFromDraft, validateRecord, watchRecord, type FieldIssue } from '../../data/index.ts';
import { quarterKey, quarterOf, type ChecklistRecord, type RecordKind } from '../../domain/index.ts';
import { syncAfterSave } from '../../sync/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { errorText, fieldLabel, fill, text } from '../i18n/index.ts';
import { askToKeepData } from '../install/keepData.ts';
import { prefs } from '../prefs.ts';
import { navigate } from '../router.ts';
import { requestBackgroundSync } from '../sw-bridge.tsx';
import { useServices } from '../services.ts';
import { CaseFields } from './CaseFields.tsx';
import { ComplaintFields, InspectionFields, TrainingFields } from './CommuneWorkFields.tsx';
import { describeValue, differingFields } from './describe.ts';
import { draftOf, newDraft, setPath, type Draft } from './draft.ts';
import type { FormBinding } from './fields.tsx';
import { NewsFields } from './NewsFields.tsx';
import { PropagandaFields } from './PropagandaFields.tsx';
import { ContactPointFields, PreventionModelFields } from './StandingFields.tsx';

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

/** Where an issue shows: the nested status dates by their own path, others by the top field. */
function fieldKey(path: string): string {
  return path.startsWith('statusDates.') ? path.split('.').slice(0, 2).join('.') : (path.split('.')[0] ?? path);
}

function toErrorMap(issues: FieldIssue[]): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (!errors.has(key)) errors.set(key, issue.code);
  }
  return errors;
}

export function RecordScreen(props: { kind?: RecordKind; recordId?: string }) {
  const { db, engine, session } = useServices();
  const existing = useLive(() => watchRecord(db, props.recordId ?? ''), [db, props.recordId]);
  const [draft, setDraft] = useState<Draft | null>(() => (props.kind ? newDraft(props.kind, session) : null));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // A refused save moves the focus to the list of what to fix, for keyboard and screen-reader users.
  const summary = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);
  // A half-filled form is kept in IndexedDB as the user types, and comes back when the form
  // is opened again (after leaving it, or the phone killing the tab).
  const storageKey = props.recordId ? draftKey.forRecord(props.recordId) : draftKey.forNew(props.kind ?? '');
  const [draftLoaded, setDraftLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    let live = true;
    loadDraft(db, storageKey).then(
      (row) => {
        if (!live) return;
        if (row) {
          setDraft(row.draft);
          setRestored(true);
        }
        setDraftLoaded(true);
      },
      () => live && setDraftLoaded(true),
    );
    return () => void (live = false);
  }, [db, storageKey]);

  // The record with its notes opened (in memory only), and the server's version in a conflict.
  const [opened, setOpened] = useState<{ mine: ChecklistRecord; theirs?: ChecklistRecord } | null>(null);
  useEffect(() => {
    let live = true;
    if (!existing) return;
    void Promise.all([openedBody(db, existing), openedTheirs(db, existing)]).then(([mine, theirs]) => live && setOpened({ mine, theirs }));
    return () => void (live = false);
  }, [db, existing]);

  useEffect(() => {
    if (props.recordId && opened && draft === null && draftLoaded) setDraft(draftOf(opened.mine));
  }, [opened, props.recordId, draft, draftLoaded]);

  useEffect(() => {
    if (dirty && draft) void keepDraft(db, storageKey, draft);
  }, [db, storageKey, draft, dirty]);

  if (!draft) {
    return (
      <main class="screen">
        <p>{props.recordId && (existing === undefined || !draftLoaded) ? '' : text.form.notFound}</p>
        <a href="#/">{text.form.back}</a>
      </main>
    );
  }

  const kind = draft.kind as RecordKind;
  const Fields = FIELDS_OF[kind];
  const form: FormBinding = {
    draft,
    errors,
    notesOnServer: existing?.notesOnServer,
    set: (path, value) => {
      setDirty(true);
      setDraft((current) => (current ? setPath(current, path, value) : current));
      setErrors((current) => {
        if (!current.has(fieldKey(path))) return current;
        const next = new Map(current);
        next.delete(fieldKey(path));
        return next;
      });
    },
  };
  const goHome = () => navigate({ screen: 'home', kind, quarter: typeof draft.date === 'string' && draft.date ? quarterKey(quarterOf(draft.date)) : undefined });

  async function save(event: Event) {
    event.preventDefault();
    const checked = validateRecord(draft);
    if (!checked.ok) {
      setErrors(toErrorMap(checked.issues));
      setRefusals((n) => n + 1);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      await saveRecordFromDraft(db, checked.record, storageKey);
      prefs.noteSaved();
      void askToKeepData();
      syncAfterSave(engine, () => navigator.onLine);
      if (!navigator.onLine) requestBackgroundSync();
      goHome();
    } catch (error) {
      // The form keeps what was typed; what was saved before stays saved.
      setSaveError(error instanceof Error && error.name === 'QuotaExceededError' ? text.form.quotaExceeded : text.form.saveFailed);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!props.recordId || !confirm(text.form.confirmDelete)) return;
    await deleteRecord(db, props.recordId);
    await dropDraft(db, storageKey);
    syncAfterSave(engine, () => navigator.onLine);
    goHome();
  }

  async function discardDraft() {
    setDirty(false);
    setRestored(false);
    setErrors(new Map());
    await dropDraft(db, storageKey);
    setDraft(props.kind ? newDraft(props.kind, session) : opened ? draftOf(opened.mine) : null);
  }

  const title = fill(props.recordId ? text.form.editTitle : text.form.newTitle, { kind: text.kinds[kind].toLowerCase() });
  return (
    <main class="screen record">
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
                  {fieldLabel(field)}: {text.form.conflictMine} {describeValue(field, (opened.mine as Record<string, unknown>)[field])} · {text.form.conflictTheirs}{' '}
                  {describeValue(field, (opened.theirs as Record<string, unknown>)[field])}
                </li>
              ))}
            </ul>
          ) : (
            <p>{text.form.conflictDeleted}</p>
          )}
          <button class="secondary" onClick={() => void keepMine(db, existing.id).then(() => engine.syncNow())}>
            {text.form.keepMine}
          </button>
          <button class="secondary" onClick={() => void keepTheirs(db, existing.id).then(() => setDraft(null))}>
            {text.form.keepTheirs}
          </button>
        </div>
      )}
      {restored && (
        <div class="notice info" role="status">
          <p>{text.entry.draftRestored}</p>
          <button class="secondary" type="button" onClick={() => void discardDraft()}>
            {text.entry.discardDraft}
          </button>
        </div>
      )}
      <form onSubmit={save} noValidate>
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
        {saveError && (
          <p class="notice error" role="alert">
            {saveError}
          </p>
        )}
        <div class="actions">
          <button class="primary big" type="submit" disabled={saving}>
            {saving ? text.form.saving : text.form.save}
          </button>
          {props.recordId && (
            <button class="danger" type="button" onClick={() => void remove()}>
              {text.form.delete}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
