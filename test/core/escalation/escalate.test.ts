import { serialToIso } from "../../../core/dates/excelSerial";
import { ArrearsInputError } from "../../../core/errors";
import { readBalanceHistory } from "../../../core/export/readTables";
import { withBalanceTrend } from "../../../core/escalation/withTrend";
import { escalationOf, escalationsOf, type EscalationInput } from "../../../core/escalation/escalate";
import { BUILT_IN_POLICIES, DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, policyFromTable, policyToTable, PROTOCOL_STEPS, SCOTLAND_ESCALATION_POLICY } from "../../../core/escalation/policy";

const base: EscalationInput = { account: "A1", balance: 0, weeklyRent: 100, tenancyType: "secure" };
const at = (balance: number, over: Partial<EscalationInput> = {}) => escalationOf({ ...base, balance, ...over });

describe("escalation stage from arrears in weeks of rent", () => {
  it("walks the default policy's thresholds: 1, 2, 3 and 4 weeks", () => {
    expect(at(0).stage).toBe("none");
    expect(at(99.99).stage).toBe("none"); // under a week
    expect(at(100).stage).toBe("reminder");
    expect(at(250).stage).toBe("early_contact");
    expect(at(300).stage).toBe("warning");
    expect(at(400).stage).toBe("notice");
    expect(at(5000).stage).toBe("notice"); // court needs a notice first
  });

  it("says what to serve for each tenancy type at the notice stage", () => {
    expect(at(400).nextAction).toMatch(/Notice of Seeking Possession \(Housing Act 1985, Sch 2 Ground 1\)/);
    expect(at(400, { tenancyType: "assured" }).nextAction).toMatch(/section 8 notice \(Housing Act 1988, Sch 2 Grounds 8, 10, 11/);
    expect(at(400, { tenancyType: "introductory" }).nextAction).toMatch(/s128\).*review within 14 days/);
    expect(at(400, { tenancyType: "starter" }).nextAction).toMatch(/starter tenancy.*do not default to section 21/);
    expect(at(400, { tenancyType: "other" }).nextAction).toMatch(/Notice to Quit/);
  });

  it("lists the pre-action protocol steps with the contact and notice stages", () => {
    const contact = at(200);
    expect(contact.stage).toBe("early_contact");
    expect(contact.steps).toEqual(PROTOCOL_STEPS);
    expect(contact.steps.join(" ")).toMatch(/13 weeks/);
    expect(contact.steps.join(" ")).toMatch(/benefit claim is pending/);
    expect(at(400).steps.at(-1)).toMatch(/manager sign-off/);
  });

  it("is due to escalate when the arrears point past the last action, and says why", () => {
    const r = at(450, { lastAction: "Letter 2" });
    expect(r).toMatchObject({ stage: "notice", lastStage: "warning", dueToEscalate: true, weeksOwed: 4.5 });
    expect(r.reason).toBe("due: owes £450.00 (4.5 weeks of rent), at or above 4 weeks' rent for notice (secure)");
    // Thousands separated in the text: 2073.97 → "£2,073.97"; 1234567.5 → "£1,234,567.50".
    expect(at(2073.97).reason).toMatch(/^due: owes £2,073\.97 \(20\.7 weeks of rent\)/);
    expect(at(1_234_567.5).reason).toMatch(/owes £1,234,567\.50 /);
    const stay = at(450, { lastAction: "NOSP served", lastActionDate: 45760 });
    expect(stay.dueToEscalate).toBe(false);
  });

  it("moves to court only 28 days after a notice, with the date it becomes due", () => {
    const served = { lastAction: "NOSP served", lastActionDate: 45750 };
    const early = escalationOf({ ...base, balance: 600, ...served }, DEFAULT_ESCALATION_POLICY, 45770);
    expect(early).toMatchObject({ stage: "notice", dueToEscalate: false });
    expect(early.reason).toBe("owes £600.00 (6.0 weeks of rent); already at notice; Court from 2025-05-01 (28 days after the last action)"); // 3 April + 28 days
    const later = escalationOf({ ...base, balance: 600, ...served }, DEFAULT_ESCALATION_POLICY, 45778);
    expect(later).toMatchObject({ stage: "court", dueToEscalate: true });
    expect(later.nextAction).toMatch(/10 days before the hearing/);
    const noDate = escalationOf({ ...base, balance: 600, ...served }, DEFAULT_ESCALATION_POLICY, null);
    expect(noDate.reason).toMatch(/give the as-of date/);
  });

  it("holds escalation for a vulnerable tenant, a pending benefit claim or Breathing Space, and says so", () => {
    const vulnerable = at(500, { vulnerable: true });
    expect(vulnerable).toMatchObject({ stage: "notice", dueToEscalate: false, heldBy: ["vulnerable"] });
    expect(vulnerable.reason).toMatch(/^held: vulnerable-tenant flag/);
    expect(vulnerable.nextAction).toMatch(/^Review the hold before moving to notice/);
    const pending = at(500, { benefitPending: true });
    expect(pending.reason).toMatch(/benefit claim pending: protocol para 2.5/);
    // Breathing Space holds until its end date; after it, escalation resumes.
    const bs = { breathingSpaceUntil: 45800 };
    expect(escalationOf({ ...base, balance: 500, ...bs }, DEFAULT_ESCALATION_POLICY, 45790).heldBy).toEqual(["breathingSpace"]);
    expect(escalationOf({ ...base, balance: 500, ...bs }, DEFAULT_ESCALATION_POLICY, 45801).dueToEscalate).toBe(true);
    // A reminder is not held: the default policy lets it go out whatever the flags.
    expect(at(120, { vulnerable: true, benefitPending: true }).dueToEscalate).toBe(true);
  });

  it("explains credit, cleared arrears, empty homes, missing rent and unknown last actions", () => {
    expect(at(-20).reason).toBe("in credit by £20.00");
    expect(at(0, { lastAction: "NOSP" }).reason).toBe("nothing owed; arrears cleared since notice");
    expect(at(900, { status: "void" }).reason).toBe("empty home: no tenant to recover from");
    const former = at(900, { status: "former" });
    expect(former).toMatchObject({ stage: "none", dueToEscalate: false });
    expect(former.reason).toBe("former tenancy owing £900.00: recover as former tenant arrears, not through possession stages");
    const noRent = at(900, { weeklyRent: 0 });
    expect(noRent).toMatchObject({ stage: "none", weeksOwed: null });
    expect(noRent.reason).toMatch(/no weekly rent recorded: thresholds in weeks could not be judged/);
    expect(at(250, { lastAction: "phoned mum" }).reason).toMatch(/last action "phoned mum" is not a stage in the policy/);
  });

  it("rejects bad input with the user's words, and a batch keeps going past a bad account", () => {
    expect(() => at(Number.NaN)).toThrow("account A1: balance must be a number");
    expect(() => at(10, { tenancyType: "castle" as never })).toThrow(/tenancy type must be one of secure/);
    const out = escalationsOf([{ ...base, balance: 400 }, { ...base, account: "B", weeklyRent: -1, balance: 1 }]);
    expect((out[0] as { stage: string }).stage).toBe("notice");
    expect(out[1]).toBeInstanceOf(ArrearsInputError);
  });
});

describe("escalation without the reason words (words = false, as the worklist judges)", () => {
  it("gives every field but the reason exactly as with the words, over every path of the judge", () => {
    // Balances across every threshold, credit, nil, void and former tenancies, no rent,
    // known, unknown and blank last actions with dates either side of the 28-day court rule,
    // each hold, and both policies: the reason is "" and nothing else moves.
    const asOf = 46000;
    const accounts: EscalationInput[] = [];
    const actions = [undefined, "NOSP", "Letter 1", "phoned mum", "Court"];
    let n = 0;
    for (const balance of [-20, 0, 50, 150, 250, 350, 900, 2500]) {
      for (const status of ["current", "current", "former", "void"] as const) {
        for (const lastAction of actions) {
          for (const days of [null, 10, 40]) {
            n++;
            accounts.push({
              ...base,
              account: `A${n}`,
              balance,
              status,
              weeklyRent: n % 9 === 0 ? 0 : 100,
              tenancyType: n % 5 === 0 ? "assured" : "secure",
              lastAction,
              lastActionDate: days === null ? null : asOf - days,
              vulnerable: n % 7 === 0,
              benefitPending: n % 11 === 0,
              breathingSpaceUntil: n % 13 === 0 ? asOf + 5 : null,
            });
          }
        }
      }
    }
    for (const policy of [DEFAULT_ESCALATION_POLICY, SCOTLAND_ESCALATION_POLICY]) {
      const full = escalationsOf(accounts, policy, asOf);
      const lean = escalationsOf(accounts, policy, asOf, false);
      expect(lean.map((r) => ("reason" in r ? r.reason : "error"))).toEqual(full.map((r) => ("reason" in r ? "" : "error")));
      const stripped = (rs: typeof full) => rs.map((r) => ("reason" in r ? { ...r, reason: "" } : r));
      expect(stripped(lean)).toEqual(stripped(full));
      // The set covers due, held and staying cases, so the comparison is not vacuous.
      expect(full.some((r) => "dueToEscalate" in r && r.dueToEscalate)).toBe(true);
      expect(full.some((r) => "heldBy" in r && r.heldBy.length > 0)).toBe(true);
      expect(full.some((r) => "nextAction" in r && r.nextAction.startsWith("Keep monitoring"))).toBe(true);
    }
  });
});

describe("escalation policies as data", () => {
  it("validates a JSON policy and names the problem", () => {
    const bad = { ...DEFAULT_ESCALATION_POLICY, rules: [{ stage: "moon", action: "x", minWeeks: 1 }] };
    expect(() => parseEscalationPolicy(bad)).toThrow(/rule 1: stage "moon" is not one of none, reminder/);
    expect(() => parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, rules: [{ stage: "notice", action: "serve" }] })).toThrow(/needs minimum weeks, minimum £ or an after stage/);
  });

  it("reads a policy from a sheet table, with £ thresholds and tenancy-specific rules", () => {
    const policy = policyFromTable([
      ["Stage", "Tenancy type", "Min weeks", "Min £", "Next action", "Holds"],
      ["Reminder", "any", 1, "", "Text the tenant", ""],
      ["notice", "secure, assured", 6, "£500", "Serve notice after review", "vulnerable, breathing space"],
      ["Notice", "introductory", 3, "", "Serve s128 notice", "vulnerable"],
    ]);
    // Secure: notice needs 6 weeks AND £500.
    expect(escalationOf({ ...base, balance: 700 }, policy).stage).toBe("notice");
    expect(escalationOf({ ...base, weeklyRent: 50, balance: 400 }, policy).stage).toBe("reminder"); // 8 weeks but under £500
    expect(escalationOf({ ...base, tenancyType: "introductory", balance: 300 }, policy).nextAction).toBe("Serve s128 notice");
    expect(escalationOf({ ...base, balance: 700, breathingSpaceUntil: 99999 }, policy).heldBy).toEqual(["breathingSpace"]);
    expect(() => policyFromTable([["Stage", "Next action"], ["Moon", "x"]])).toThrow('policy row 2: stage "Moon" is not one of none, reminder');
    expect(() => policyFromTable([["Tier", "Do"], ["x", "y"]])).toThrow(/the policy table has no stage column; headers found: "Tier", "Do"/);
  });

  it("writes each built-in policy as a sheet table that reads back to the same rules, protocol steps included", () => {
    for (const policy of Object.values(BUILT_IN_POLICIES)) {
      const table = policyToTable(policy);
      expect(table[0]).toEqual(["Stage", "Tenancy type", "Min weeks", "Min £", "After stage", "Min days after", "Next action", "Holds"]);
      expect(table.length).toBe(policy.rules.length + 1);
      // Blank cells read back as null where the built-in rule leaves the field out.
      const filled = (rules: typeof policy.rules) => rules.map((r) => ({ ...r, minWeeks: r.minWeeks ?? null, minPounds: r.minPounds ?? null, afterStage: r.afterStage ?? null, minDaysAfter: r.minDaysAfter ?? null }));
      expect(filled(policyFromTable(table, policy).rules)).toEqual(filled(policy.rules));
    }
  });

  it("ships valid England and Scotland policies", () => {
    for (const policy of Object.values(BUILT_IN_POLICIES)) expect(parseEscalationPolicy(policy)).toEqual(policy);
    const scot = escalationOf({ ...base, balance: 450 }, SCOTLAND_ESCALATION_POLICY);
    expect(scot).toMatchObject({ stage: "notice", dueToEscalate: true });
    expect(scot.nextAction).toMatch(/s14A pre-action requirement.*Housing \(Scotland\) Act 2001 s14/);
    expect(scot.steps.join(" ")).toMatch(/reasonable plan for future rent and the arrears \(s14A\(5\)\)/);
    // Breathing Space is an England and Wales scheme: it does not hold the Scottish policy.
    expect(escalationOf({ ...base, balance: 450, breathingSpaceUntil: 99999 }, SCOTLAND_ESCALATION_POLICY).dueToEscalate).toBe(true);
    expect(escalationOf({ ...base, balance: 450, benefitPending: true }, SCOTLAND_ESCALATION_POLICY).heldBy).toEqual(["benefitPending"]);
  });
});

describe("escalation with the balance history's trend", () => {
  it("adds the 13-week trend to the reason, from wide or long history", () => {
    const results = [escalationOf({ ...base, balance: 400 }), escalationOf({ ...base, account: "B", balance: 250 }), escalationOf({ ...base, account: "C", balance: -5 })];
    // A rises £10 a week over 14 weekly snapshots (only the last 13 count); B is static; C has no history.
    const dates = Array.from({ length: 14 }, (_, k) => 45700 + 7 * k);
    const wide = readBalanceHistory([
      ["Account", ...dates.map((d) => serialToIso(d))],
      ["A1", ...dates.map((_, k) => 270 + 10 * k)],
      ["B", ...dates.map(() => 250)],
    ]);
    const out = withBalanceTrend(results, wide);
    expect(out[0].trend).toEqual({ direction: "worsening", slopePerWeek: 10, weeks: 13 });
    expect(out[0].reason).toMatch(/; arrears worsening by £10.00 a week over the last 13 weeks$/);
    expect(out[1].reason).toMatch(/; arrears static over the last 13 weeks$/);
    expect(out[2].trend).toBeNull();
    const long = readBalanceHistory([["account", "week ending", "balance"], ...dates.map((d, k) => ["A1", serialToIso(d), 270 + 10 * k])]);
    expect(withBalanceTrend(results, long)[0].trend).toEqual(out[0].trend);
    // Labels are periods in column order; a label among dates is refused, naming both columns.
    expect(readBalanceHistory([["Account", "Q1", "Q2"], ["A", 1, 2]])).toMatchObject({ axis: "periods", dates: [1, 2] });
    expect(() => readBalanceHistory([["Account", "2025-04-07", "Q2"], ["A", 1, 2]])).toThrow(/the header of column 3 is a label but the header of column 2 is a date/);
  });

  it("reads week numbers stored as numbers as weeks, not as January 1900 dates", () => {
    const results = [escalationOf({ ...base, balance: 400 })];
    // Headers 1..14 (numbers, as an xlsx stores them): A1 rises £10 between consecutive weeks,
    // so £10 a week. Read as serials 1..14 (days) the fit gave £10 a day = £70 a week, 7 times too steep.
    const weeks = Array.from({ length: 14 }, (_, k) => k + 1);
    const history = readBalanceHistory([["Account", ...weeks], ["A1", ...weeks.map((_, k) => 270 + 10 * k)]]);
    expect(history.axis).toBe("periods");
    expect(withBalanceTrend(results, history)[0].trend).toEqual({ direction: "worsening", slopePerWeek: 10, weeks: 13 });
    // 5000 could be week 5000 or 1913-09-08: refused, not guessed.
    expect(() => readBalanceHistory([["Account", 5000, 5007], ["A1", 1, 2]])).toThrow(/the header of column 2 5000 is neither a period number \(0 to 1000\) nor a date from 1980 on/);
  });
});
