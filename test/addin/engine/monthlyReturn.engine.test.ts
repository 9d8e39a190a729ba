import { columnLetter as col } from "../../../cli/io/xlsx";
import { parseDateToSerial } from "../../../core/dates/excelSerial";
import { buildEngine } from "../../support/hyperformulaArrears";
import { generateTeamExport, teamExportTables, type Rows } from "../../../samples/generator/teamExport";

// The monthly return's figures, as the built ARREARS functions spill them in a
// spreadsheet engine, against the same figures computed with native formulas
// (SUMIFS / COUNTIFS over pence helper columns) on the same generated export.
// They must agree to the penny, and percentages to 2 dp.

const START = 45748; // 1 April 2025
const END = 45777; // 30 April 2025

/** ISO date text to serials, as an export opened in Excel holds them. */
const serials = (rows: Rows, columns: number[]): Rows => rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (columns.includes(c) && typeof v === "string" ? parseDateToSerial(v) : v))));

describe("monthly return: ARREARS functions against native SUMIFS/COUNTIFS in the engine", () => {
  const exp = generateTeamExport({ accounts: 400, officers: 5, seed: 11, periodStart: START, periodEnd: END });
  const t = teamExportTables(exp);
  const accounts = t.accounts; // 14 columns, A..N
  const transactions = serials(t.transactions, [0]); // 5 columns
  // The generated month has few former-tenant write-offs; add one of £12.34 on the first former account so that figure is not trivially nil.
  const formerAccount = accounts.find((r) => r[2] === "former")![0];
  transactions.push([END, formerAccount, "writeoff", -12.34, null]);
  // Nor does it hold a Discretionary Housing Payment: add one of £15.50 on the first current account.
  const currentAccount = accounts.find((r) => r[2] === "current")![0];
  transactions.push([END - 3, currentAccount, "dhp", -15.5, "Council"]);
  const voids = serials(t.voids, [1, 2]); // 5 columns
  const nA = accounts.length;
  const nT = transactions.length;
  const nV = voids.length;

  // Layout: accounts A..N, account helpers P..S; transactions V..Z, helpers AA..AC; voids AD..AH, helpers AI..AJ;
  // native figures in AL..AM; ARREARS.MONTHLYRETURN spills from AO; BYOFFICER from AW; AGEING from BR; KPI cells in BZ.
  const height = Math.max(nA, nT, nV, 60);
  // The ARREARS formulas go below every table: the engine sizes a spill when it parses the formula, and it parses row by row.
  const S = height + 1;
  const sheet: unknown[][] = Array.from({ length: S + 60 }, () => []);
  const put = (rows: Rows, at: number) => rows.forEach((r, i) => r.forEach((v, c) => (sheet[i][at + c] = v)));
  put(accounts, 0);
  put(transactions, 21);
  put(voids, 29);
  const A = (c: number) => `$${col(c)}$2:$${col(c)}$${nA}`;
  const T = (c: number) => `$${col(21 + c)}$2:$${col(21 + c)}$${nT}`;
  for (let r = 1; r < nA; r++) {
    const row = r + 1;
    sheet[r][15] = `=ROUND(K${row}*100,0)`; // P: balance in pence
    sheet[r][16] = `=ROUND(D${row}*100,0)`; // Q: weekly rent in pence
    // R: age band of a current account in arrears, compared in pence as a team leader would with whole numbers.
    sheet[r][17] = `=IF(OR(C${row}<>"current",P${row}<=0),"",IF(Q${row}<=0,"norent",IF(P${row}>=13*Q${row},"b3",IF(P${row}>=8*Q${row},"b2",IF(P${row}>=4*Q${row},"b1","b0")))))`;
    // S: technical arrears: UC one month of rent (52/12 weeks), HB four weeks.
    sheet[r][18] = `=IF(AND(C${row}="current",P${row}>0,H${row}="UC"),MIN(P${row},ROUND(Q${row}*52/12,0)),IF(AND(C${row}="current",P${row}>0,H${row}="HB"),MIN(P${row},Q${row}*4),0))`;
  }
  for (let r = 1; r < nT; r++) {
    const row = r + 1;
    sheet[r][26] = `=ROUND(Y${row}*100,0)`; // AA: amount in pence
    sheet[r][27] = `=IFERROR(VLOOKUP(W${row},$A$2:$E$${nA},5,0),"(not in accounts table)")`; // AB: officer
    sheet[r][28] = `=IFERROR(VLOOKUP(W${row},$A$2:$C$${nA},3,0),"")`; // AC: account status at period end
  }
  for (let r = 1; r < nV; r++) {
    const row = r + 1;
    sheet[r][34] = `=MAX(0,MIN(IF(AF${row}="",${END},AF${row}),${END})-MAX(AE${row},${START})+1)`; // AI: void days in period
    sheet[r][35] = `=ROUND(ROUND(AG${row}*100,0)*AI${row}/7,0)`; // AJ: loss in pence
  }
  const inPeriod = `${T(0)},">="&${START},${T(0)},"<="&${END}`;
  const sumType = (type: string) => `SUMIFS(${T(5)},${T(2)},"${type}",${inPeriod})`;
  const P = A(15);
  const native: [string, string][] = [
    ["rentDue", `=${sumType("rent")}`],
    ["collected", `=-(${sumType("payment")}+${sumType("hb")}+${sumType("uc")}+${sumType("dhp")}+${sumType("refund")})`],
    ["writeoffs", `=-${sumType("writeoff")}`],
    ["dhp", `=-${sumType("dhp")}`],
    // Write-offs on accounts whose status at period end is former: the status looked up beside each transaction (AC).
    ["formerWriteoffs", `=-SUMIFS(${T(5)},${T(2)},"writeoff",$AC$2:$AC$${nT},"former",${inPeriod})`],
    ["current", `=SUMIFS(${P},${A(2)},"current",${P},">0")`],
    ["former", `=SUMIFS(${P},${A(2)},"former",${P},">0")`],
    // Default void treatment (net): current homes only, as the collection rate's rent due.
    ["annual", `=SUMIFS(${A(16)},${A(2)},"current")*52`],
    ["annualGross", `=(SUMIFS(${A(16)},${A(2)},"current")+SUMIFS(${A(16)},${A(2)},"void"))*52`],
    ["voidLoss", `=SUM($AJ$2:$AJ$${nV})`],
    ["currentCount", `=COUNTIFS(${A(2)},"current")`],
    ["inArrears", `=COUNTIFS(${A(2)},"current",${P},">0")`],
    ["ucCount", `=COUNTIFS(${A(2)},"current",${A(7)},"UC")`],
    ["ucInArrears", `=COUNTIFS(${A(2)},"current",${A(7)},"UC",${P},">0")`],
    ["ucArrears", `=SUMIFS(${P},${A(2)},"current",${A(7)},"UC",${P},">0")`],
    ["technical", `=SUM(${A(18)})`],
    ...["b0", "b1", "b2", "b3", "norent"].flatMap((b): [string, string][] => [
      [`${b}Count`, `=COUNTIFS(${A(17)},"${b}")`],
      [`${b}Pence`, `=SUMIFS(${P},${A(17)},"${b}")`],
    ]),
  ];
  native.forEach(([name, formula], i) => {
    sheet[i][37] = name;
    sheet[i][38] = formula;
  });
  const tables = `$A$1:$N$${nA},$V$1:$Z$${nT},${START},${END}`;
  const voidsRange = `$AD$1:$AH$${nV}`;
  sheet[S][40] = `=ARREARS.MONTHLYRETURN(${tables},,${voidsRange})`; // AO
  sheet[S][48] = `=ARREARS.BYOFFICER(${tables},,${voidsRange})`; // AW
  sheet[S][69] = `=ARREARS.AGEING($A$1:$N$${nA})`; // BR
  sheet[S][77] = `=ARREARS.KPI("collection_rate_arc",${tables},,${voidsRange})`; // BZ
  sheet[S + 1][77] = `=ARREARS.KPI("current_arrears",${tables},,${voidsRange})`;
  sheet[0][75] = "void treatment"; // BX1:BY1, an options range
  sheet[0][76] = "gross";
  sheet[S + 2][77] = `=ARREARS.KPI("collection_rate_arc",${tables},$BX$1:$BY$1,${voidsRange})`;
  sheet[S + 3][77] = `=ARREARS.KPI("gross_arrears_pct",${tables},$BX$1:$BY$1,${voidsRange})`;

  const hf = buildEngine(sheet);
  afterAll(() => hf.destroy());
  const cell = (row: number, c: number) => hf.getCellValue({ sheet: 0, row, col: c });
  /** A cell of the ARREARS results, counting rows from the formula row. */
  const out = (row: number, c: number) => cell(S + row, c);
  const n = (name: string): number => {
    const i = native.findIndex(([k]) => k === name);
    const v = cell(i, 38);
    if (typeof v !== "number") throw new Error(`native ${name} gave ${JSON.stringify(v)}`);
    return v;
  };
  const pct = (num: number, den: number) => Math.round((num / den) * 100 * 100 + 1e-9) / 100;

  // The MONTHLYRETURN spill: Id | KPI | Value | Unit | Definition | Source.
  const spilled = new Map<string, unknown>();
  for (let r = 1; r < 60; r++) {
    const id = out(r, 40);
    if (typeof id === "string" && id) spilled.set(id, out(r, 42));
  }
  const money = (id: string) => Math.round((spilled.get(id) as number) * 100);

  it("spills the whole return with a header and every KPI as a number", () => {
    expect(out(0, 40)).toBe("Id");
    expect(out(0, 44)).toBe("Definition");
    expect(spilled.size).toBeGreaterThanOrEqual(30);
    for (const [id, v] of spilled) expect([id, typeof v]).toEqual([id, "number"]);
    const arcRow = Array.from({ length: 60 }, (_, r) => out(r, 40)).indexOf("collection_rate_arc");
    expect(String(out(arcRow, 45))).toMatch(/Scottish Housing Regulator/);
  });

  it("agrees with native SUMIFS to the penny on every money figure", () => {
    expect(money("rent_due")).toBe(n("rentDue"));
    expect(money("rent_collected")).toBe(n("collected"));
    expect(money("writeoffs")).toBe(n("writeoffs"));
    expect(money("current_arrears")).toBe(n("current"));
    expect(money("former_arrears")).toBe(n("former"));
    expect(money("gross_arrears")).toBe(n("current") + n("former"));
    expect(money("void_loss")).toBe(n("voidLoss"));
    expect(money("uc_arrears")).toBe(n("ucArrears"));
    expect(money("technical_arrears")).toBe(n("technical"));
    // The figures are not trivially zero.
    expect(n("rentDue")).toBeGreaterThan(0);
    expect(n("voidLoss")).toBeGreaterThan(0);
    expect(n("writeoffs")).toBeGreaterThan(0);
    expect(n("formerWriteoffs")).toBeGreaterThan(0);
    expect(n("formerWriteoffs")).toBeLessThan(n("writeoffs"));
    expect(nV).toBeGreaterThan(1);
  });

  it("agrees with native formulas on every percentage (2 dp) and count", () => {
    expect(spilled.get("collection_rate_arc")).toBe(pct(n("collected"), n("rentDue")));
    expect(spilled.get("collection_rate_excl_bf")).toBe(pct(n("collected"), n("rentDue")));
    expect(spilled.get("current_arrears_pct")).toBe(pct(n("current"), n("annual")));
    expect(spilled.get("former_arrears_pct")).toBe(pct(n("former"), n("annual")));
    expect(spilled.get("gross_arrears_pct")).toBe(pct(n("current") + n("former"), n("annual")));
    expect(spilled.get("void_loss_pct")).toBe(pct(n("voidLoss"), n("rentDue") + n("voidLoss")));
    expect(spilled.get("writeoffs_pct_of_rent_due")).toBe(pct(n("writeoffs"), n("rentDue")));
    expect(money("former_writeoffs")).toBe(n("formerWriteoffs"));
    expect(money("dhp_collected")).toBe(n("dhp"));
    expect(n("dhp")).toBe(1550);
    expect(spilled.get("former_writeoffs_pct")).toBe(pct(n("formerWriteoffs"), n("annual")));
    // The period starts on 1 April, so the year to date is the month.
    expect(money("ytd_rent_due")).toBe(n("rentDue"));
    expect(money("ytd_rent_collected")).toBe(n("collected"));
    expect(spilled.get("ytd_collection_rate_arc")).toBe(pct(n("collected"), n("rentDue")));
    expect(spilled.get("current_accounts")).toBe(n("currentCount"));
    expect(spilled.get("accounts_in_arrears")).toBe(n("inArrears"));
    expect(spilled.get("accounts_in_arrears_pct")).toBe(pct(n("inArrears"), n("currentCount")));
    expect(spilled.get("uc_accounts")).toBe(n("ucCount"));
    expect(spilled.get("uc_accounts_in_arrears")).toBe(n("ucInArrears"));
    expect(spilled.get("uc_arrears_share_pct")).toBe(pct(n("ucArrears"), n("current")));
    expect(spilled.get("current_arrears_excl_technical_pct")).toBe(pct(n("current") - n("technical"), n("annual")));
  });

  it("agrees on the age bands, in the return and in ARREARS.AGEING", () => {
    ["b0", "b1", "b2", "b3"].forEach((b, i) => {
      expect(spilled.get(`arrears_band_${i + 1}_count`)).toBe(n(`${b}Count`));
      expect(money(`arrears_band_${i + 1}_amount`)).toBe(n(`${b}Pence`));
      expect(out(i + 1, 70)).toBe(n(`${b}Count`));
      expect(Math.round((out(i + 1, 71) as number) * 100)).toBe(n(`${b}Pence`));
    });
    expect(out(1, 69)).toBe("under 4 weeks");
    expect(n("b3Count")).toBeGreaterThan(0);
  });

  it("gives the same per-officer figures as SUMIFS by officer, and a team total", () => {
    const header = Array.from({ length: 20 }, (_, c) => out(0, 48 + c));
    const iRent = header.indexOf("Rent due £");
    const iArrears = header.indexOf("Current arrears £");
    const iCollected = header.indexOf("Rent collected £");
    expect(iRent).toBeGreaterThan(0);
    let r = 1;
    for (; typeof out(r, 48) === "string" && out(r, 48) !== "Team total"; r++) {
      const officer = out(r, 48) as string;
      // Native per-officer figures computed in the same engine, in a spare column.
      const at = { sheet: 0, col: 90, row: S + r };
      hf.setCellContents(at, [[`=SUMIFS(${T(5)},${T(2)},"rent",$AB$2:$AB$${nT},"${officer}",${inPeriod})`, `=SUMIFS(${P},${A(2)},"current",${P},">0",${A(4)},"${officer}")`, `=-(SUMIFS(${T(5)},${T(2)},"payment",$AB$2:$AB$${nT},"${officer}",${inPeriod})+SUMIFS(${T(5)},${T(2)},"hb",$AB$2:$AB$${nT},"${officer}",${inPeriod})+SUMIFS(${T(5)},${T(2)},"uc",$AB$2:$AB$${nT},"${officer}",${inPeriod})+SUMIFS(${T(5)},${T(2)},"dhp",$AB$2:$AB$${nT},"${officer}",${inPeriod})+SUMIFS(${T(5)},${T(2)},"refund",$AB$2:$AB$${nT},"${officer}",${inPeriod}))`]]);
      expect(Math.round((out(r, 48 + iRent) as number) * 100)).toBe(out(r, 90));
      expect(Math.round((out(r, 48 + iArrears) as number) * 100)).toBe(out(r, 91));
      expect(Math.round((out(r, 48 + iCollected) as number) * 100)).toBe(out(r, 92));
    }
    expect(r).toBe(6); // five officers
    expect(out(r, 48)).toBe("Team total");
    expect(Math.round((out(r, 48 + iRent) as number) * 100)).toBe(n("rentDue"));
  });

  it("returns single KPIs with ARREARS.KPI, with options from an array", () => {
    expect(out(0, 77)).toBe(spilled.get("collection_rate_arc"));
    expect(out(1, 77)).toBe(spilled.get("current_arrears"));
    // Gross void treatment: collected ÷ (rent due + void loss).
    expect(out(2, 77)).toBe(pct(n("collected"), n("rentDue") + n("voidLoss")));
    expect(out(2, 77)).not.toBe(out(0, 77));
    // The same setting moves Indicator 27's base: (current + former) ÷ (current + empty homes' weekly rents × 52).
    expect(out(3, 77)).toBe(pct(n("current") + n("former"), n("annualGross")));
    expect(out(3, 77)).not.toBe(spilled.get("gross_arrears_pct"));
  });
});
