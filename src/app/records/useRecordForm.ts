// The state of one opened record form. It remembers what it was opened on (the record's
// revision and values: its base), so that a save is made on what the person saw: a change
// that reaches the phone while the form is open (a sync bringing another phone's edit, another
// tab's save) is shown at once, merged by field on save, or, when both changed the same field,
// put to the person before anything is saved. Each opened form has its own draft.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  draftKey,
  dropDraft,
  EditConflict,
  keepDraft,
  loadDraft,
  openedBody,
  openedTheirs,
  saveRecord,
  unfinishedDrafts,
  validateRecord,
  ValidationError,
  watchRecord,
  type FieldIssue,
  type FormBase,
} from '../../data/index.ts';
import { daysAfter, newId, type ChecklistRecord, type RecordKind } from '../../domain/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { serverToday } from '../serverClock.ts';
import { useServices } from '../services.ts';
import { differingFields } from './describe.ts';
import { draftOf, newDraft, setPath, type Draft } from './draft.ts';
import { draftKeysHeldElsewhere, useDraftWriter, useHeldDraftKey } from './formDrafts.ts';
import { fieldIssueCode } from './issueText.ts';

/** Where an issue shows: the nested status dates by their own path, others by the top field. */
export function fieldKey(path: string): string {
  return path.startsWith('statusDates.') ? path.split('.').slice(0, 2).join('.') : (path.split('.')[0] ?? path);
}

function toErrorMap(issues: FieldIssue[], draft: Draft | null): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (!errors.has(key)) errors.set(key, draft ? fieldIssueCode(draft, issue.path, issue.code) : issue.code);
  }
  return errors;
}

const sameRecord = (a: object, b: object) => differingFields(a, b).length === 0;

/** The record on the phone now, notes opened in memory, and the server's version in a conflict. */
export interface OpenedRecord {
  mine: ChecklistRecord;
  theirs?: ChecklistRecord;
  rev: number;
}

/** What changed in the record under the open form: the fields, their values before and now. */
export interface ChangeUnderForm {
  fields: string[];
  before: ChecklistRecord;
  after: ChecklistRecord;
  /** The person had typed: her edit will be merged with it. Otherwise the form now shows it. */
  merging: boolean;
}

export type SaveOutcome = 'saved' | 'refused' | 'conflict' | 'failed';

export function useRecordForm(props: { kind?: RecordKind; recordId?: string }) {
  const { db, session, engine } = useServices();
  const existing = useLive(() => watchRecord(db, props.recordId ?? ''), [db, props.recordId]);
  const target = props.recordId ? draftKey.forRecord(props.recordId) : draftKey.forNew(props.kind ?? '');
  const [storageKey, setStorageKey] = useState(() => draftKey.forForm(newId()));
  useHeldDraftKey(db.name, storageKey);
  const writer = useDraftWriter();
  const saved = useRef(false);

  const [draft, setDraft] = useState<Draft | null>(() => (props.kind ? newDraft(props.kind, session) : null));
  const [base, setBase] = useState<FormBase | undefined>(() => (props.kind ? { rev: 0 } : undefined));
  const [opened, setOpened] = useState<OpenedRecord | null>(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [offered, setOffered] = useState<{ key: string; savedAt: string } | null>(null);
  const [offersChecked, setOffersChecked] = useState(false);
  const [refreshed, setRefreshed] = useState<ChangeUnderForm | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [refusals, setRefusals] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<'quota' | 'failed' | null>(null);
  const [conflict, setConflict] = useState<EditConflict | null>(null);

  // The record as the phone holds it now, opened whenever the row changes (a pull, another tab).
  useEffect(() => {
    let live = true;
    if (!existing || existing.deleted) return;
    void Promise.all([openedBody(db, existing), openedTheirs(db, existing)]).then(([mine, theirs]) => live && setOpened({ mine, theirs, rev: existing.rev }));
    return () => void (live = false);
  }, [db, existing]);

  // An edit form starts from the record as it is, and remembers it as its base.
  useEffect(() => {
    if (props.recordId && opened && draft === null) {
      setDraft(draftOf(opened.mine));
      setBase({ rev: opened.rev, record: opened.mine });
    }
  }, [opened, props.recordId, draft]);

  // The record changed under a form with nothing typed yet: the form shows the new version, and says so.
  useEffect(() => {
    if (dirty || !opened || !base?.record || sameRecord(opened.mine, base.record)) return;
    setRefreshed({ fields: differingFields(base.record, opened.mine), before: base.record, after: opened.mine, merging: false });
    setDraft(draftOf(opened.mine));
    setBase({ rev: opened.rev, record: opened.mine });
  }, [opened, base, dirty]);

  // Unfinished drafts of the same record or kind, left by a form that is no longer open: offered, never taken unasked.
  useEffect(() => {
    let live = true;
    void draftKeysHeldElsewhere(db.name)
      .then((held) => unfinishedDrafts(db, target, new Set([...held, storageKey])))
      .then(
        (drafts) => {
          if (!live) return;
          setOffered(drafts[0] ?? null);
          setOffersChecked(true);
        },
        () => live && setOffersChecked(true),
      );
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened form: a key taken from an offered draft is not a reason to offer again
  }, [db, target]);

  // What is typed is kept as a draft of this form (a moment after the typing stops).
  useEffect(() => {
    if (!dirty || !draft || saved.current) return;
    const key = storageKey;
    const snapshot = draft;
    const opening = base;
    writer.schedule(() => keepDraft(db, key, snapshot, { target, base: opening }));
  }, [db, storageKey, draft, dirty, base, target, writer]);

  const changedUnder: ChangeUnderForm | null =
    dirty && opened && base?.record && !sameRecord(opened.mine, base.record)
      ? { fields: differingFields(base.record, opened.mine), before: base.record, after: opened.mine, merging: true }
      : refreshed;

  function set(path: string, value: unknown): void {
    setDirty(true);
    setDraft((current) => (current ? setPath(current, path, value) : current));
    setErrors((current) => {
      if (!current.has(fieldKey(path))) return current;
      const next = new Map(current);
      next.delete(fieldKey(path));
      return next;
    });
  }

  function startAgain(): void {
    setStorageKey(draftKey.forForm(newId()));
    setDirty(false);
    setRestored(false);
    setRefreshed(null);
    setErrors(new Map());
    setConflict(null);
    if (props.kind) {
      setDraft(newDraft(props.kind, session));
      setBase({ rev: 0 });
    } else if (opened) {
      setDraft(draftOf(opened.mine));
      setBase({ rev: opened.rev, record: opened.mine });
    }
  }

  /** Takes the offered unfinished draft into this form, with the base it was started on. */
  async function reopenOffered(): Promise<void> {
    if (!offered) return;
    const row = await loadDraft(db, offered.key);
    setOffered(null);
    if (!row) return;
    await writer.cancel();
    await dropDraft(db, storageKey);
    setStorageKey(row.key);
    setDraft(row.draft);
    // A draft from before drafts kept their base: made on the record as it is now.
    setBase(row.base ?? (props.recordId && opened ? { rev: opened.rev, record: opened.mine } : { rev: 0 }));
    setDirty(true);
    setRestored(true);
    setRefreshed(null);
    setErrors(new Map());
  }

  async function discardOffered(): Promise<void> {
    if (!offered) return;
    await dropDraft(db, offered.key);
    setOffered(null);
  }

  /** Drops what this form typed and starts again from the record (or an empty form). */
  async function discardDraft(): Promise<void> {
    await writer.cancel();
    await dropDraft(db, storageKey);
    startAgain();
  }

  async function save(options: { preferMine?: boolean } = {}): Promise<SaveOutcome> {
    const checked = validateRecord(draft);
    if (!checked.ok) {
      setErrors(toErrorMap(checked.issues, draft));
      setRefusals((n) => n + 1);
      return 'refused';
    }
    // What happened cannot be dated after today (by the server's clock when the phone knows it).
    const late = daysAfter(checked.record, serverToday(engine));
    if (late.length > 0) {
      setErrors(
        toErrorMap(
          late.map((path) => ({ path, code: 'afterToday' })),
          null,
        ),
      );
      setRefusals((n) => n + 1);
      return 'refused';
    }
    setSaving(true);
    setSaveError(null);
    try {
      // The draft as typed last is on the phone before the save drops it, in the same transaction as the record.
      await writer.flush();
      await saveRecord(db, checked.record, { draftKey: storageKey, base, preferMine: options.preferMine });
      saved.current = true;
      await writer.cancel();
      setConflict(null);
      return 'saved';
    } catch (error) {
      if (error instanceof EditConflict) {
        setConflict(error);
        return 'conflict';
      }
      if (error instanceof ValidationError) {
        setErrors(toErrorMap(error.issues, draft));
        setRefusals((n) => n + 1);
        return 'refused';
      }
      // The form keeps what was typed; what was saved before stays saved.
      setSaveError(error instanceof Error && error.name === 'QuotaExceededError' ? 'quota' : 'failed');
      return 'failed';
    } finally {
      setSaving(false);
    }
  }

  /** In a save conflict: the other version of the fields both changed; her other changes stay. */
  function takeTheirs(): void {
    const current = conflict?.current;
    if (!conflict || !current || !draft) return;
    const hers = differingFields(base?.record ?? {}, draft).filter((field) => !conflict.fields.includes(field));
    const next: Draft = draftOf(current);
    for (const field of hers) {
      if (draft[field] === undefined) delete next[field];
      else next[field] = draft[field];
    }
    setDraft(next);
    setBase({ rev: existing?.rev ?? base?.rev ?? 0, record: current });
    setRefreshed(null);
    setConflict(null);
  }

  return {
    existing,
    opened,
    draft,
    errors,
    refusals,
    saving,
    saveError,
    restored,
    offered,
    /** The unfinished drafts were looked for (tests wait on it). */
    offersChecked,
    changedUnder,
    conflict,
    set,
    save,
    takeTheirs,
    reopenOffered,
    discardOffered,
    discardDraft,
    storageKey,
    /** After the conflict's "keep the server's": nothing of hers is left to keep. */
    resetTyping: () => setDirty(false),
  };
}
