// A violence case: codes and categories only, never who the people are. What every case needs
// comes first, each choice one tap; the rest (who reported it, the code, measures, notes) is
// folded until needed. A status's date is offered (today) as the case reaches it.
import { caseStatuses, dayInVietnam } from '../../domain/index.ts';
import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { ChoiceList, RadioChoice, SelectField, TextField, YesNo, type FormBinding } from './fields.tsx';
import { MoreFields } from './MoreFields.tsx';

type Status = (typeof caseStatuses)[number];
const reachedBy = (status: Status) => caseStatuses.slice(0, caseStatuses.indexOf(status) + 1);
const MORE = ['reportedBy', 'caseCode', 'measures', 'perpetratorCounselled', 'referredToPolice', 'notes'];

export function CaseFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  const d = form.draft;
  const status = (d.status as Status | undefined) ?? 'received';
  const dates = (d.statusDates as Record<string, string | undefined> | undefined) ?? {};
  const chooseStatus = (next: string) => {
    form.set('status', next);
    const today = dayInVietnam(new Date());
    for (const step of reachedBy(next as Status)) if (!dates[step]) form.set(`statusDates.${step}`, today);
  };
  const filled =
    (d.reportedBy !== undefined && d.reportedBy !== 'villageHead') ||
    (d.measures as unknown[] | undefined)?.length ||
    d.perpetratorCounselled === true ||
    d.referredToPolice === true ||
    !!d.notes;
  return (
    <>
      <DateField form={form} path="date" label={f.date} />
      <ChoiceList form={form} path="acts" label={f.acts} options={text.options.acts} />
      <RadioChoice form={form} path="victimSex" label={f.victimSex} options={text.options.sex} inline />
      <RadioChoice form={form} path="victimAgeBand" label={f.victimAgeBand} options={text.options.ageBand} />
      <RadioChoice form={form} path="perpetratorSex" label={f.perpetratorSex} options={text.options.sex} inline />
      <SelectField form={form} path="perpetratorRelation" label={f.perpetratorRelation} options={text.options.relation} />
      <YesNo form={form} path="victimNeedsSupport" label={f.victimNeedsSupport} />
      {d.victimNeedsSupport === true && <ChoiceList form={form} path="supportServices" label={f.supportServices} options={text.options.support} />}
      <RadioChoice form={form} path="status" label={f.status} options={text.options.status} onChoose={chooseStatus} />
      {reachedBy(status).map((step) => (
        <DateField key={step} form={form} path={`statusDates.${step}`} label={(f as Record<string, string>)[`statusDates.${step}`] ?? step} />
      ))}
      <MoreFields form={form} paths={MORE} filled={!!filled} what={text.entry.moreCase}>
        <SelectField form={form} path="reportedBy" label={f.reportedBy} options={text.options.reportedBy} />
        <TextField form={form} path="caseCode" label={f.caseCode} hint={f.caseCodeHint} upper />
        <ChoiceList form={form} path="measures" label={f.measures} options={text.options.measures} />
        <YesNo form={form} path="perpetratorCounselled" label={f.perpetratorCounselled} />
        <YesNo form={form} path="referredToPolice" label={f.referredToPolice} />
        <TextField form={form} path="notes" label={f.notes} multiline hint={form.notesOnServer ? f.notesOnServer : undefined} />
      </MoreFields>
    </>
  );
}
