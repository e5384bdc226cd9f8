// "Does this flag cover this field": one rule (catalogue coversField), used by
// the archive's re-check and acceptances, the workbook marks, the CLI and the report view.
import { describe, expect, it } from 'vitest';
import { coversField, flagCoversField } from '../../src-main/core/catalogue/index.js';
import { flagFieldIds } from '../../src-main/core/archive/checks.js';

describe('coversField', () => {
  it('a cell id covers itself; a row or table prefix covers its cells; a mere string prefix does not', () => {
    expect(coversField('requests.granted.person', 'requests.granted.person')).toBe(true);
    expect(coversField('requests.granted', 'requests.granted.person')).toBe(true);
    expect(coversField('review', 'review.corrected.total')).toBe(true);
    expect(coversField('requests.grant', 'requests.granted.person')).toBe(false);
    expect(coversField('requests.granted.person', 'requests.granted')).toBe(false);
    expect(flagCoversField(['active.rules', 'requests.granted'], 'requests.granted.total')).toBe(true);
    expect(flagCoversField([], 'requests.granted.total')).toBe(false);
  });

  it('flagFieldIds expands a flag over the report fields by the same rule', () => {
    const fields = ['requests.granted.person', 'requests.granted.total', 'requests.grantedx.total', 'review.corrected.total'];
    expect(flagFieldIds({ fields: ['requests.granted', 'review.corrected.total'] }, fields).sort()).toEqual([
      'requests.granted.person',
      'requests.granted.total',
      'review.corrected.total',
    ]);
  });
});
