// @vitest-environment happy-dom
// The checklists' forms ask what the plans count: a broadcast, banners or a post asks no
// attendees (only the households reached), and a case asks whether its perpetrator is
// criminally prosecuted, an older case reading as not known yet.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { propagandaSession, violenceCase } from '../../../tests/fixtures/records.ts';
import { validateRecord } from '../../data/index.ts';
import { CaseFields } from './CaseFields.tsx';
import { setPath, type Draft } from './draft.ts';
import type { FormBinding } from './fields.tsx';
import { PropagandaFields } from './PropagandaFields.tsx';

function mount(Fields: (props: { form: FormBinding }) => unknown, start: Draft) {
  const out = { draft: start };
  function Form() {
    const [draft, setDraft] = useState<Draft>(start);
    out.draft = draft;
    return Fields({ form: { draft, set: (path, value) => setDraft((d) => setPath(d, path, value)), errors: new Map() } }) as preact.JSX.Element;
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(<Form />, root);
  const control = (name: string) => root.querySelector<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`);
  const change = (name: string, value: string) =>
    act(() => {
      const element = control(name)!;
      element.value = value;
      element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    });
  return { out, root, control, change };
}

describe('the propaganda form', () => {
  it('asks no attendees for a loudspeaker broadcast, still the households, and saves it without them', async () => {
    const { menCount: _m, womenCount: _w, ...rest } = propagandaSession();
    const view = mount(PropagandaFields, { ...rest, form: 'villageMeeting' });
    expect(view.control('menCount')).not.toBeNull();
    await view.change('menCount', '12');
    await view.change('form', 'loudspeaker');
    expect([view.control('menCount'), view.control('womenCount')]).toEqual([null, null]);
    expect(view.control('householdsReached')).not.toBeNull();
    // The men typed for the meeting do not stay hidden in the broadcast.
    expect(view.out.draft.menCount).toBeUndefined();
    expect(validateRecord(view.out.draft).ok).toBe(true);
  });

  it.each(['bannersPosters', 'socialMedia'])('asks no attendees for %s either, and asks them again for a meeting', async (form) => {
    const view = mount(PropagandaFields, { ...propagandaSession(), form });
    expect(view.control('menCount')).toBeNull();
    await view.change('form', 'thematicSession');
    expect([view.control('menCount'), view.control('womenCount')].every((c) => c !== null)).toBe(true);
  });
});

describe('the case form', () => {
  const choices = (root: HTMLElement) => [...root.querySelectorAll<HTMLInputElement>('input[name="prosecution"]')];

  it('asks whether the perpetrator is prosecuted, in the plan’s words, and keeps the choice', async () => {
    const view = mount(CaseFields, { ...violenceCase(), prosecution: 'notKnown' });
    const group = view.root.querySelector('[data-field="prosecution"]')!;
    expect(group.querySelector('legend')!.textContent).toBe('Người gây bạo lực bị truy cứu trách nhiệm hình sự?');
    expect(choices(view.root).map((c) => c.closest('label')!.textContent)).toEqual([
      'Chưa rõ',
      'Đã bị truy cứu trách nhiệm hình sự',
      'Chưa bị truy cứu trách nhiệm hình sự',
    ]);
    await act(() =>
      choices(view.root)
        .find((c) => c.value === 'notProsecuted')!
        .click(),
    );
    expect(view.out.draft.prosecution).toBe('notProsecuted');
    expect(validateRecord(view.out.draft).ok).toBe(true);
  });

  it('shows a case recorded before the question (an older phone) as not known yet', () => {
    const view = mount(CaseFields, violenceCase());
    expect(
      choices(view.root)
        .filter((c) => c.checked)
        .map((c) => c.value),
    ).toEqual(['notKnown']);
  });
});
