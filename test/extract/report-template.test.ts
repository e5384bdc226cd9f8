// The template of a report when it has none of its own: one rule (catalogue
// reportTemplate), used by the export, the quality checks and the report view.
import { describe, expect, it } from 'vitest';
import { FALLBACK_TEMPLATE, reportTemplate } from '../../src-main/core/catalogue/index.js';

describe('reportTemplate', () => {
  it('keeps the report’s own template, else takes its year’s, else none', () => {
    expect(reportTemplate('2019', 2023)).toBe('2019'); // read or set with the 2019 labels: kept even for a later year
    expect(reportTemplate(null, 2021)).toBe('2021');
    expect(reportTemplate(undefined, 2020)).toBe('2019');
    expect(reportTemplate(null, 2018)).toBeNull();
    expect(reportTemplate(null, null)).toBeNull();
    expect(reportTemplate(null, null) ?? FALLBACK_TEMPLATE).toBe('2019');
  });
});
