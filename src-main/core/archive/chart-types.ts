// Shapes of the chart figures (archive/charts.ts), plain types with no
// imports so the contract and the renderer can use them too.
export interface RegionFilter {
  province?: string;
  city?: string;
  county?: string;
}

export interface YearTotals {
  year: number;
  /** Reports that state the number (a blank is not a zero). */
  reports: number;
  received: number;
  done: number;
  reconsideration: number;
  litigation: number;
}

export interface YearCoverage {
  year: number;
  reports: number;
  /** Agencies known to the archive (in the region filter): the reports one could expect. */
  agencies: number;
}

export interface YearQuality {
  year: number;
  reports: number;
  flagged: number;
  verified: number;
  /** Reports with a check accepted as in the original (原文如此). */
  accepted: number;
}

export interface RegionRow {
  province: string | null;
  city: string | null;
  county: string | null;
  reports: number;
  agencies: number;
  received: number;
  done: number;
}

export interface TopRow {
  agency: string;
  region: string | null;
  value: number;
  reportId: number;
}

export interface ChartsOverview {
  years: number[];
  totals: YearTotals[];
  coverage: YearCoverage[];
  quality: YearQuality[];
}

export interface ChartAgency {
  name: string;
  region: string | null;
  reports: number;
}
