import { describe, expect, it } from 'vitest';
import { firstName } from '../src/lib/names';

describe('firstName', () => {
  it('is the first word of the name, as the server cuts it for displays', () => {
    expect(firstName('  Maria  Lopez Garcia ')).toBe('Maria');
    expect(firstName('Cher')).toBe('Cher');
    expect(firstName(null)).toBe('');
  });
});
