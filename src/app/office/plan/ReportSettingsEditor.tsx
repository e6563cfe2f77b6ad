// The officer writes what the year's reports print and no record holds: the plan's number and
// date, the reports' numbers, the agency lines, the signer, the recipients and their own words
// (direction, causes, what comes next, proposals). Limits are said beside each field; a field the
// schema refuses is named; what is still missing is listed (the report downloads anyway).
import { useEffect, useState } from 'preact/hooks';
import { missingReportSettings, reportSettingLimits as limits, type ReportSettings } from '../../../domain/plan/reportSettings.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, text } from '../../i18n/index.ts';
import { QUARTER_NUMERALS } from '../indicators/PeriodPicker.tsx';
import { fieldName } from './reportSettingFields.ts';
import type { ReportSettingsState } from './useReportSettings.ts';

type LinesField = 'agencyLines' | 'signerLines' | 'recipients';
type WordsField = 'direction' | 'causes' | 'nextSteps' | 'proposals';
const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'] as const;

/** What the form holds: the settings, with each list of lines as the text of its box. */
type Draft = Omit<ReportSettings, LinesField> & Record<LinesField, string>;

const toDraft = (s: ReportSettings): Draft => ({
  ...s,
  agencyLines: s.agencyLines.join('\n'),
  signerLines: s.signerLines.join('\n'),
  recipients: s.recipients.join('\n'),
});
const lines = (box: string) =>
  box
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const fromDraft = (d: Draft): ReportSettings => ({
  ...d,
  agencyLines: lines(d.agencyLines),
  signerLines: lines(d.signerLines),
  recipients: lines(d.recipients),
});

/** The settings the report still lacks, in words, or that nothing is missing. */
/** `fix`: also say where to give them (beside the downloads). */
export function MissingSettings(props: { settings: ReportSettings | undefined; quarter?: 1 | 2 | 3 | 4; fix?: boolean }) {
  if (!props.settings) return null;
  const missing = missingReportSettings(props.settings, props.quarter);
  if (missing.length === 0) return <p class="notice ok missing-settings">{text.reportSettings.missingNone}</p>;
  return (
    <div class="notice warn missing-settings" role="status">
      <p>{text.reportSettings.missingTitle}</p>
      <ul>
        {missing.map((field) => (
          <li key={field}>{text.reportSettings.missing[field]}</li>
        ))}
      </ul>
      {props.fix && <p>{text.reportSettings.missingFix}</p>}
    </div>
  );
}

export function ReportSettingsEditor(props: { state: ReportSettingsState }) {
  const online = useConnection();
  const t = text.reportSettings;
  const loaded = props.state.settings;
  const [draft, setDraft] = useState<Draft | undefined>(loaded && toDraft(loaded));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setDraft(loaded && toDraft(loaded)), [loaded]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    const outcome = await props.state.save(fromDraft(draft));
    setBusy(false);
    if (outcome.ok) setMessage({ kind: 'ok', text: t.saved });
    else if ('fields' in outcome) setMessage({ kind: 'error', text: fill(t.invalid, { fields: [...new Set(outcome.fields.map(fieldName))].join(', ') }) });
    else setMessage({ kind: 'error', text: t.failed });
  }

  const input = (label: string, value: string, set: (value: string) => void, options: { hint?: string; maxLength?: number; id: string }) => (
    <label class="field">
      <span>{label}</span>
      <input
        id={options.id}
        type="text"
        value={value}
        maxLength={options.maxLength}
        aria-describedby={options.hint ? `${options.id}-hint` : undefined}
        onInput={(e) => set((e.target as HTMLInputElement).value)}
      />
      {options.hint && (
        <small class="hint" id={`${options.id}-hint`}>
          {options.hint}
        </small>
      )}
    </label>
  );
  const box = (field: LinesField | WordsField, label: string, hint: string, rows: number) =>
    draft && (
      <label class="field">
        <span>{label}</span>
        <textarea
          id={`report-${field}`}
          rows={rows}
          value={draft[field]}
          aria-describedby={`report-${field}-hint`}
          onInput={(e) => setDraft({ ...draft, [field]: (e.target as HTMLTextAreaElement).value })}
        />
        <small class="hint" id={`report-${field}-hint`}>
          {hint}
        </small>
      </label>
    );
  const linesHint = fill(t.linesHint, { lines: limits.lines, chars: limits.line });
  const wordsHint = (field: WordsField) => fill(t.wordsHint, { n: draft?.[field].length ?? 0 });

  return (
    <details class="plan-editor report-settings">
      <summary>{t.edit}</summary>
      <p class="muted">{t.intro}</p>
      {!online && <p class="notice warn">{t.offline}</p>}
      {online && !draft && !props.state.offline && <p aria-busy="true">{t.loading}</p>}
      {draft && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <MissingSettings settings={fromDraft(draft)} />
          <div class="row">
            {input(t.planNumber, draft.planNumber, (planNumber) => setDraft({ ...draft, planNumber }), {
              id: 'report-plan-number',
              hint: t.planNumberHint,
              maxLength: limits.number,
            })}
            <label class="field">
              <span>{t.planDate}</span>
              <input
                id="report-plan-date"
                type="date"
                value={draft.planDate}
                onInput={(e) => setDraft({ ...draft, planDate: (e.target as HTMLInputElement).value })}
              />
            </label>
          </div>
          <fieldset class="report-numbers">
            <legend>{t.reportNumbers}</legend>
            <div class="row">
              {input(t.reportNumberYear, draft.reportNumbers.year, (year) => setDraft({ ...draft, reportNumbers: { ...draft.reportNumbers, year } }), {
                id: 'report-number-year',
                maxLength: limits.number,
              })}
              {QUARTER_KEYS.map((key, i) =>
                input(
                  fill(t.reportNumberQuarter, { q: QUARTER_NUMERALS[i]! }),
                  draft.reportNumbers[key],
                  (value) => setDraft({ ...draft, reportNumbers: { ...draft.reportNumbers, [key]: value } }),
                  {
                    id: `report-number-${key}`,
                    maxLength: limits.number,
                  },
                ),
              )}
            </div>
          </fieldset>
          {box('agencyLines', t.agencyLines, linesHint, 3)}
          {box('signerLines', t.signerLines, linesHint, 3)}
          {input(t.signerName, draft.signerName, (signerName) => setDraft({ ...draft, signerName }), {
            id: 'report-signer-name',
            hint: t.signerNameHint,
            maxLength: limits.name,
          })}
          {box('recipients', t.recipients, t.recipientsHint, 5)}
          {box('direction', t.direction, wordsHint('direction'), 4)}
          {box('causes', t.causes, wordsHint('causes'), 4)}
          {box('nextSteps', t.nextSteps, wordsHint('nextSteps'), 4)}
          {box('proposals', t.proposals, wordsHint('proposals'), 4)}
          {message && (
            <p class={message.kind === 'ok' ? 'notice ok' : 'notice error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <button class="primary" type="submit" disabled={!online || busy}>
            {busy ? t.saving : t.save}
          </button>
        </form>
      )}
    </details>
  );
}
