import { describe, expect, it } from 'vitest';
import { waitWords } from './use-wait-times';

describe('waitWords', () => {
  it.each([
    { seconds: 0, words: 'under a minute' },
    { seconds: 59, words: 'under a minute' },
    { seconds: 60, words: 'about 1 min' },
    { seconds: 250, words: 'about 4 min' },
    { seconds: 271, words: 'about 5 min' },
  ])('$seconds s is "$words"', ({ seconds, words }) => {
    expect(waitWords(seconds)).toBe(words);
  });
});
