import { describe, expect, it } from 'vitest';
import { isBarbell, plates } from '../src/lib/plates';

describe('plate math', () => {
  it('loads kg plates per side on a 20 kg bar, heaviest first', () => {
    expect(plates(100, 'kg')).toEqual({ bar: 20, perSide: [25, 15], loaded: 100, exact: true });
    expect(plates(142.5, 'kg').perSide).toEqual([25, 25, 10, 1.25]);
    expect(plates(22.5, 'kg').perSide).toEqual([1.25]);
    expect(plates(20, 'kg')).toEqual({ bar: 20, perSide: [], loaded: 20, exact: true });
  });

  it('loads lb plates on a 45 lb bar', () => {
    expect(plates(225, 'lb')).toEqual({ bar: 45, perSide: [45, 45], loaded: 225, exact: true });
    expect(plates(185, 'lb').perSide).toEqual([45, 25]);
    expect(plates(140, 'lb').perSide).toEqual([45, 2.5]);
  });

  it('says when a weight cannot be made exactly, and what comes closest below', () => {
    expect(plates(101, 'kg')).toMatchObject({ exact: false, loaded: 100, perSide: [25, 15] });
    expect(plates(137, 'lb')).toMatchObject({ exact: false, loaded: 135, perSide: [45] });
    expect(plates(15, 'kg')).toMatchObject({ exact: false, loaded: 20, perSide: [] });
  });

  it('knows a barbell lift by its equipment, or by its name when no equipment is known', () => {
    const lift = (exerciseName: string, equipment: string[] = []) => isBarbell({ exerciseName, equipment });
    expect(lift('Back squat')).toBe(true);
    expect(lift('Bench Press')).toBe(true);
    expect(lift('Romanian deadlift')).toBe(true);
    expect(lift('Barbell row')).toBe(true);
    expect(lift('Curl', ['Barbell'])).toBe(true);
    expect(lift('Bench press', ['dumbbell'])).toBe(false);
    expect(lift('Plank')).toBe(false);
  });
});
