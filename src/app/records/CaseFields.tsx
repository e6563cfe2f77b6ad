// A violence case: codes and categories only, never who the people are.
import { caseStatuses } from '../../domain/index.ts';
import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { ChoiceList, SelectField, TextField, YesNo, type FormBinding } from './fields.tsx';

export function CaseFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  const status = form.draft.status as (typeof caseStatuses)[number] | undefined;
  const reached = caseStatuses.slice(0, caseStatuses.indexOf(status ?? 'received') + 1);
  // A case recorded before the field (an older phone) has none: it reads as not known yet.
  const prosecution = { ...form, draft: { ...form.draft, prosecution: form.draft.prosecution ?? 'notKnown' } };
  return (
    <>
      <TextField form={form} path="caseCode" label={f.caseCode} hint={f.caseCodeHint} upper />
      <DateField form={form} path="date" label={f.date} />
      <SelectField form={form} path="reportedBy" label={f.reportedBy} options={text.options.reportedBy} />
      <ChoiceList form={form} path="acts" label={f.acts} options={text.options.acts} />
      <div class="row">
        <SelectField form={form} path="victimSex" label={f.victimSex} options={text.options.sex} />
        <SelectField form={form} path="victimAgeBand" label={f.victimAgeBand} options={text.options.ageBand} />
      </div>
      <div class="row">
        <SelectField form={form} path="perpetratorSex" label={f.perpetratorSex} options={text.options.sex} />
        <SelectField form={form} path="perpetratorRelation" label={f.perpetratorRelation} options={text.options.relation} />
      </div>
      <YesNo form={form} path="victimNeedsSupport" label={f.victimNeedsSupport} />
      {form.draft.victimNeedsSupport === true && <ChoiceList form={form} path="supportServices" label={f.supportServices} options={text.options.support} />}
      <ChoiceList form={form} path="measures" label={f.measures} options={text.options.measures} />
      <SelectField form={prosecution} path="prosecution" label={f.prosecution} options={text.options.prosecution} />
      <YesNo form={form} path="perpetratorCounselled" label={f.perpetratorCounselled} />
      <YesNo form={form} path="referredToPolice" label={f.referredToPolice} />
      <SelectField form={form} path="status" label={f.status} options={text.options.status} />
      {reached.map((step) => (
        <DateField key={step} form={form} path={`statusDates.${step}`} label={(f as Record<string, string>)[`statusDates.${step}`] ?? step} />
      ))}
      <TextField form={form} path="notes" label={f.notes} multiline hint={form.notesOnServer ? f.notesOnServer : undefined} />
    </>
  );
}
