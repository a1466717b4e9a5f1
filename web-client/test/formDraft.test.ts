import { describe, expect, it } from 'vitest';
import { changedFields, choices, formDraft, parsed, sameJson, shown } from '../src/lib/formDraft';

const FIELDS = { name: 'text', gender: 'choice', fitnessLevel: 'choice', height: 'number', dateOfBirth: 'date', medicalNotes: 'text', phone: 'text' } as const;
const trainee = {
  name: 'Maria Lopez', gender: 'female', fitnessLevel: 'intermediate', height: 172.25,
  dateOfBirth: '1990-04-12', medicalNotes: '  Asthma;\r\ninhaler in bag.  ', phone: null, version: 3,
};

describe('a form draft over a loaded resource', () => {
  it('shows every stored value as the text of its input', () => {
    const draft = formDraft(FIELDS, trainee);
    expect(draft.texts.value).toEqual({
      name: 'Maria Lopez', gender: 'female', fitnessLevel: 'intermediate', height: '172.25',
      dateOfBirth: '1990-04-12', medicalNotes: '  Asthma;\r\ninhaler in bag.  ', phone: '',
    });
  });

  it('saved unchanged sends nothing: no trimming, no "" for null, no number as text', () => {
    const draft = formDraft(FIELDS, trainee);
    expect(draft.changes.value).toEqual({});
    expect(draft.dirty.value).toBe(false);
  });

  it('sends only the fields changed, parsed back into what the API takes', () => {
    const draft = formDraft(FIELDS, trainee);
    draft.set('height', '180');
    draft.set('phone', ' +44 7700 900123 ');
    draft.set('gender', '');
    expect(draft.changes.value).toEqual({ height: 180, phone: '+44 7700 900123', gender: null });
    expect(draft.dirty.value).toBe(true);
  });

  it('a field edited and put back as it was is not sent', () => {
    const draft = formDraft(FIELDS, trainee);
    draft.set('fitnessLevel', 'advanced');
    draft.set('fitnessLevel', 'intermediate');
    draft.set('height', '172.250');
    expect(draft.changes.value).toEqual({});
  });

  it('an empty field stays null, and clearing a value sends null', () => {
    expect(changedFields(FIELDS, trainee, { ...formDraft(FIELDS, trainee).texts.value, phone: '   ' })).toEqual({});
    expect(changedFields(FIELDS, trainee, { ...formDraft(FIELDS, trainee).texts.value, dateOfBirth: '' })).toEqual({ dateOfBirth: null });
  });
});

describe('the pieces', () => {
  it('shown: null and absent are empty, numbers keep their digits', () => {
    expect(shown(null)).toBe('');
    expect(shown(undefined)).toBe('');
    expect(shown(0)).toBe('0');
    expect(shown(61.25)).toBe('61.25');
    expect(shown(' a ')).toBe(' a ');
  });

  it('parsed: typed text is trimmed, numbers are numbers, blank is null', () => {
    expect(parsed(' x ', 'text')).toBe('x');
    expect(parsed('12.5', 'number')).toBe(12.5);
    expect(parsed('  ', 'number')).toBeNull();
    expect(parsed('athlete', 'choice')).toBe('athlete');
  });

  it('choices keep a stored value this client does not know', () => {
    expect(choices(['female', 'male'], 'female')).toEqual(['female', 'male']);
    expect(choices(['female', 'male'], 'nonbinary')).toEqual(['female', 'male', 'nonbinary']);
    expect(choices(['female', 'male'], null)).toEqual(['female', 'male']);
  });

  it('sameJson ignores key order and absent versus undefined keys', () => {
    expect(sameJson([{ text: 'a', targetDate: '2026-03-01' }], [{ targetDate: '2026-03-01', text: 'a' }])).toBe(true);
    expect(sameJson({ area: 'knee', note: undefined }, { area: 'knee' })).toBe(true);
    expect(sameJson([{ area: 'knee' }], [{ area: 'knee', since: '2024-06-10' }])).toBe(false);
    expect(sameJson(1, '1')).toBe(false);
    expect(sameJson(null, undefined)).toBe(true);
  });
});
