import { DEFAULT_LIMITS, type LimitName } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import {
  boundsWords,
  durationWords,
  entryOf,
  type LimitEntry,
  limitChanges,
  parseEntry,
} from './limit-fields';

const seconds = (text: string): LimitEntry => ({ text, unit: 'seconds' });
const minutes = (text: string): LimitEntry => ({ text, unit: 'minutes' });

describe('durationWords', () => {
  it.each([
    [1, '1 second'],
    [10, '10 seconds'],
    [90, '90 seconds'],
    [60, '1 minute'],
    [300, '5 minutes'],
    [3600, '1 hour'],
    [14_400, '4 hours'],
  ])('%i seconds read "%s"', (value, words) => {
    expect(durationWords(value)).toBe(words);
  });
});

describe('boundsWords', () => {
  it.each([
    ['drinksPerCode', 'From 1 to 5000.'],
    ['dailyLimit', 'From 1 to 100.'],
    ['codeSeconds', 'From 10 seconds to 1 hour.'],
    ['customerTimeoutSeconds', 'From 5 seconds to 1 hour.'],
    ['baristaTimeoutSeconds', 'From 10 seconds to 4 hours.'],
  ] as const)('%s: "%s"', (name, words) => {
    expect(boundsWords(name)).toBe(words);
  });
});

describe('entryOf', () => {
  it.each([
    ['capacity', 120, { text: '120', unit: 'seconds' }],
    ['codeSeconds', 300, { text: '5', unit: 'minutes' }],
    ['codeSeconds', 90, { text: '90', unit: 'seconds' }],
    ['customerTimeoutSeconds', 20, { text: '20', unit: 'seconds' }],
  ] as const)('shows %s = %i as %o', (name, value, entry) => {
    expect(entryOf(name, value)).toEqual(entry);
  });
});

describe('parseEntry', () => {
  it.each([
    ['drinksPerCode', seconds(' 12 '), 12],
    ['capacity', seconds('5000'), 5000],
    ['codeSeconds', minutes('5'), 300],
    ['codeSeconds', seconds('10'), 10],
    ['customerTimeoutSeconds', minutes('1.5'), 90],
    ['customerTimeoutSeconds', minutes('0.1'), 6],
    ['baristaTimeoutSeconds', minutes('240'), 14_400],
  ] as const)('takes %s %o as %i', (name, entry, value) => {
    expect(parseEntry(name, entry)).toEqual({ value });
  });

  it.each([
    ['drinksPerCode', seconds(''), 'Enter a whole number from 1 to 5000.'],
    ['drinksPerCode', seconds('0'), 'Enter a whole number from 1 to 5000.'],
    ['capacity', seconds('5001'), 'Enter a whole number from 1 to 5000.'],
    ['dailyLimit', seconds('2.5'), 'Enter a whole number from 1 to 100.'],
    ['dailyLimit', seconds('ten'), 'Enter a whole number from 1 to 100.'],
    ['codeSeconds', seconds('9'), 'Enter a time from 10 seconds to 1 hour.'],
    ['codeSeconds', minutes('61'), 'Enter a time from 10 seconds to 1 hour.'],
    ['codeSeconds', minutes('-1'), 'Enter a time from 10 seconds to 1 hour.'],
    ['customerTimeoutSeconds', seconds('7.5'), 'Enter a time in whole seconds, from 5 seconds to 1 hour.'],
    ['baristaTimeoutSeconds', minutes('241'), 'Enter a time from 10 seconds to 4 hours.'],
  ] as const)('refuses %s %o: "%s"', (name, entry, error) => {
    expect(parseEntry(name, entry)).toEqual({ error });
  });
});

describe('limitChanges', () => {
  it('sends only the fields whose value changed', () => {
    const edited: Partial<Record<LimitName, LimitEntry>> = {
      capacity: seconds('30'),
      dailyLimit: seconds('5'),
      codeSeconds: minutes('5'),
      baristaTimeoutSeconds: seconds('600'),
    };
    expect(limitChanges(DEFAULT_LIMITS, edited)).toEqual({
      changes: { capacity: 30, baristaTimeoutSeconds: 600 },
      errors: {},
    });
  });

  it('names every field that is out of bounds', () => {
    const result = limitChanges(DEFAULT_LIMITS, { capacity: seconds('0'), dailyLimit: seconds('6') });
    expect(result.errors).toEqual({ capacity: 'Enter a whole number from 1 to 5000.' });
    expect(result.changes).toEqual({ dailyLimit: 6 });
  });
});
