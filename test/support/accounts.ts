import type { Account } from "../../core/export/schema";

/**
 * A canonical account for hand-worked tests: a current secure tenancy at £100 a week, owing
 * nothing, no benefit, no holds, no action recorded; `over` replaces any field (officer,
 * balance, benefit…), so each test states only what its working depends on.
 */
export function testAccount(ref: string, over: Partial<Account> = {}): Account {
  return {
    account: ref,
    tenancyType: "secure",
    status: "current",
    weeklyRent: 100,
    officer: "Ann",
    tenancyStart: 40000,
    tenancyEnd: null,
    benefit: "none",
    ucDirect: false,
    bedrooms: 2,
    balance: 0,
    name: null,
    vulnerable: false,
    benefitPending: false,
    breathingSpaceUntil: null,
    lastAction: null,
    lastActionDate: null,
    ...over,
  };
}
