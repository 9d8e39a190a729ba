import { ArrearsInputError } from "../../../core/errors";
import { readAuthorisations } from "../../../core/worklist/authorisation";

describe("the awaiting-authorisation column", () => {
  it("reads yes/no by core's one grammar, blank as no, under any accepted header", () => {
    const table = [
      ["Tenancy Ref", "Balance", "Authorisation pending"],
      ["A1", 10, "Y"],
      ["A2", 10, ""],
      ["A3", 10, true],
      ["A4", 10, "no"],
      [null, null, null],
    ];
    expect(readAuthorisations(table)).toEqual({ column: "Authorisation pending", accounts: new Set(["A1", "A3"]) });
  });

  it("is null without the column, so the worklist can say the reason was not judged", () => {
    expect(readAuthorisations([["Account", "Balance"], ["A1", 10]])).toBeNull();
    expect(readAuthorisations([])).toBeNull();
  });

  it("refuses a cell that is not yes or no, naming the row, column and value, and how many more", () => {
    const table = [["Account", "Awaiting sign-off"], ["A1", "maybe"], ["A2", "pending"]];
    expect(() => readAuthorisations(table)).toThrow(ArrearsInputError);
    expect(() => readAuthorisations(table)).toThrow('accounts row 2: awaiting authorisation (column "Awaiting sign-off") "maybe" is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0) (and 1 more problem in the accounts table)');
    expect(() => readAuthorisations([["Balance", "Awaiting authorisation"], [1, "yes"]])).toThrow(/no account reference column/);
  });
});
