import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies are ES modules jest cannot require on Node 20; give it just the enum.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", Project: "project", PowerPoint: "powerpoint", Word: "word" } }));
import { DEFAULT_TEMPLATE, FIXED_HEADERS, criteriaOf, newDraft, scoreReview, withResponse } from "../../../core";
import { ExcelReviewStore } from "../../../addin/storage/excelReviewStore";

// The Office.js store against Microsoft's office-addin-mock, which fails any read of a
// property that was not loaded and synced: this checks the store's load/sync discipline.

const T = DEFAULT_TEMPLATE;
const HEADERS = [...FIXED_HEADERS, ...criteriaOf(T).map((c) => c.id)];

function draft(id: string) {
  let d = { ...newDraft(T, id, new Date("2026-11-20T10:00:00Z"), "Pat"), officer: "Sam Officer", callDate: "2026-11-18", reference: "ACC-1" };
  for (const c of criteriaOf(T)) d = withResponse(d, c.id, { answer: c.id === "B1" ? "partly" : "met" }, new Date("2026-11-20T10:05:00Z"));
  return d;
}

/** A workbook with a QAReviews table holding one earlier row, and a protected-or-not sheet. */
function mockWorkbook(sheetProtected: boolean) {
  const rowsAdded: unknown[][][] = [];
  const earlier = HEADERS.map((h) => (h === "Review ID" ? "earlier" : h === "Officer" ? "Alex Agent" : ""));
  let body: OfficeMockObject | null = null;
  const absent = { isNullObject: true, load: () => absent, delete: () => undefined };
  const seed = {
    context: {
      workbook: {
        tables: {
          qaReviews: {
            header: { values: [HEADERS] },
            body: { values: [earlier] },
            worksheet: { protection: { protected: sheetProtected } },
            columns: { add: () => ({}) },
            rows: {
              add(_index: unknown, values: unknown[][]) {
                rowsAdded.push(values);
                // What Excel does on sync: the body gains the row.
                (body as unknown as { setValue(name: string, value: unknown): void }).setValue("values", [earlier, ...values]);
                return { getRange: () => ({ getCell: () => ({}) }) };
              },
            },
            getHeaderRowRange() {
              return (this as unknown as { header: unknown }).header;
            },
            getDataBodyRange() {
              return (this as unknown as { body: unknown }).body;
            },
          },
          getItemOrNullObject(name: string) {
            return name === "QAReviews" ? (this as unknown as { qaReviews: unknown }).qaReviews : absent;
          },
        },
        worksheets: { getItemOrNullObject: () => absent },
        settings: { getItemOrNullObject: () => absent },
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(seed) as unknown as { context: { workbook: { tables: { qaReviews: Record<string, unknown> & { body: OfficeMockObject } } } } };
  // isNullObject is set by Excel on sync, never loaded; the mock cannot model that, so set it plainly.
  mock.context.workbook.tables.qaReviews.isNullObject = false;
  body = mock.context.workbook.tables.qaReviews.body;
  return { mock, rowsAdded };
}

describe("ExcelReviewStore with office-addin-mock", () => {
  it("appends one row aligned to the table's headers and returns it as read back", async () => {
    const { mock, rowsAdded } = mockWorkbook(false);
    (globalThis as Record<string, unknown>).Excel = mock;
    const d = draft("rev-mock-1");
    const saved = await new ExcelReviewStore({ now: () => new Date("2026-11-20T10:30:00Z") }).saveReview(d, T, scoreReview(T, d.responses));
    expect(rowsAdded).toHaveLength(1);
    const row = rowsAdded[0][0];
    expect(row).toHaveLength(HEADERS.length);
    expect(row[HEADERS.indexOf("Review ID")]).toBe("rev-mock-1");
    expect(row[HEADERS.indexOf("B1")]).toBe("Partly");
    // B1 weight 5 at half credit: 97.5.
    expect(saved).toMatchObject({ reviewId: "rev-mock-1", officer: "Sam Officer", score: 97.5, grade: "Excellent", criticalFail: false });
  });

  it("refuses to write to a protected sheet", async () => {
    const { mock, rowsAdded } = mockWorkbook(true);
    (globalThis as Record<string, unknown>).Excel = mock;
    const d = draft("rev-mock-2");
    await expect(new ExcelReviewStore().saveReview(d, T, scoreReview(T, d.responses))).rejects.toThrow(/The sheet holding QAReviews is protected/);
    expect(rowsAdded).toHaveLength(0);
  });
});
