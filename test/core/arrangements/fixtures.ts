import type { Arrangement } from "../../../core/arrangements/schema";

/** Monday 6 April 2026: 2026-01-01 is serial 46023 (2025-01-01 = 45658, + 365), then + 31 + 28 + 31 + 5 = 46118. */
export const S = 46118;

/** A weekly £10 "total" tenant arrangement from S for A1 (Jo), with any field replaced. */
export const arrangement = (over: Partial<Arrangement> = {}): Arrangement => ({
  account: "A1",
  startDate: S,
  instalment: 10,
  basis: "total",
  frequency: "weekly",
  type: "tenant",
  startBalance: null,
  endDate: null,
  status: "active",
  officer: "Jo",
  ...over,
});
