// What a quality check finds. A finding is about the report (as published),
// never about our reading of it: stored as a flag of source 'quality', kept
// apart from extraction doubts, never blocking 已核实.

export const QUALITY_KINDS = ['late_publication', 'publication_date_unknown', 'copied_text', 'missing_section', 'year_mismatch', 'prose_mismatch'] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export interface Finding {
  kind: QualityKind;
  /** Flag targets: field ids (prose_mismatch: the table cells) or sections (`section.5`). */
  fields: string[];
  /**
   * English, and stable while the finding is the same (an acceptance matches
   * the flag by it): no percentages or other figures that drift as the
   * archive grows — those go in `detail`.
   */
  message: string;
  expected?: number | null;
  found?: number | null;
  /** The figures the wording (zh/en) is built from. */
  detail: Record<string, string | number | null>;
}

export type AgencyKind = 'department' | 'government' | 'township';

export interface QualitySettings {
  /** A prose section at least this share (0..1) the same as an earlier report's is flagged copied_text. */
  copiedThreshold: number;
  /** A sentence found in at least this many agencies' reports of a year is boilerplate. */
  boilerplateAgencies: number;
  /** Publication deadline (MM-DD of the year after the report's) per agency kind, 条例第四十九条. */
  deadlines: Record<AgencyKind, string>;
}

export const DEFAULT_SETTINGS: QualitySettings = {
  copiedThreshold: 0.8,
  boilerplateAgencies: 3,
  deadlines: { department: '01-31', government: '03-31', township: '03-31' },
};

/** A change of settings: any of them, any of the deadlines. */
export type SettingsPatch = Partial<Omit<QualitySettings, 'deadlines'>> & { deadlines?: Partial<Record<AgencyKind, string>> };
