import type { Transaction } from "../../../core/export/schema";
import { rentYearStart, unreportedRentChanges } from "../../../core/worklist/ucRentChange";
import { S } from "./fixtures";

// S is Monday 6 April 2026; 1 April 2026 is S - 5, 1 March S - 36, 1 May S + 25; 1 April 2025 is S - 370.
const rent = (date: number, pounds: number, account = "U1"): Transaction => ({ date, account, type: "rent", amount: pounds, method: null });
const uc = (date: number, pounds: number, account = "U1"): Transaction => ({ date, account, type: "uc", amount: -pounds, method: null });
const flagged = (tx: Transaction[], asOf = S + 40) => unreportedRentChanges(tx, new Set(["U1"]), asOf, 30).get("U1") ?? null;

describe("UC credits unchanged since the April rent rise", () => {
  it("takes the rent year from 1 April: a date in January to March belongs to the year before", () => {
    expect(rentYearStart(S)).toBe(S - 5);
    expect(rentYearStart(S - 5)).toBe(S - 5);
    expect(rentYearStart(S - 6)).toBe(S - 370); // 31 March 2026 is in the year from 1 April 2025
  });

  it("flags an unchanged credit after a rise, and says which debit and credit it saw", () => {
    expect(flagged([rent(S - 36, 400), rent(S - 5, 420), uc(S - 32, 380), uc(S + 29, 380)])).toEqual({ changeDate: S - 5, oldDebit: 400, newDebit: 420, credit: 380 });
  });

  it("does not flag a changed credit, a rent fall, no rent before April, a credit only within the settling days, or lines after the as-of date", () => {
    expect(flagged([rent(S - 36, 400), rent(S - 5, 420), uc(S - 32, 380), uc(S + 29, 395)])).toBeNull();
    expect(flagged([rent(S - 36, 400), rent(S - 5, 390), uc(S - 32, 380), uc(S + 29, 380)])).toBeNull();
    expect(flagged([rent(S - 5, 420), uc(S - 32, 380), uc(S + 29, 380)])).toBeNull();
    expect(flagged([rent(S - 36, 400), rent(S - 5, 420), uc(S - 32, 380), uc(S + 25, 380)])).toBeNull(); // S + 25 is exactly 30 days on
    expect(flagged([rent(S - 36, 400), rent(S - 5, 420), uc(S - 32, 380), uc(S + 29, 380)], S + 28)).toBeNull();
    // One later credit that moved is enough to clear it: every credit after the change must match.
    expect(flagged([rent(S - 36, 400), rent(S - 5, 420), uc(S - 32, 380), uc(S + 29, 380), uc(S + 35, 400)])).toBeNull();
  });
});
