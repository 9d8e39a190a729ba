import type { Account, Transaction } from "../../../core/export/schema";
import { testAccount } from "../../support/accounts";

/** Monday 6 April 2026 (serial 46118, as in the arrangement tests); the worklist is for S + 30, Wednesday 6 May 2026. */
export const S = 46118;
export const AS_OF = S + 30;

/** A current secure tenancy at £100 a week owing nothing, officer Jo, no tenancy start or bedrooms, with any field replaced. */
export const account = (over: Partial<Account> & { account: string }): Account => testAccount(over.account, { officer: "Jo", tenancyStart: null, bedrooms: null, ...over });

/** A tenant payment (a credit, so negative) of £`pounds` on `date`. */
export const payment = (account: string, date: number, pounds: number): Transaction => ({ date, account, type: "payment", amount: -pounds, method: null });
