import { onPaneRequest, requestPane } from "../../../addin/taskpane/paneRequests";

// The ribbon button and the pane share only the page's window: a request must reach
// the pane whether it is made before the pane has rendered or after.
describe("pane requests from the ribbon", () => {
  const host = () => new EventTarget() as unknown as Parameters<typeof requestPane>[0];

  it("hands over a request made before the pane listened, once", () => {
    const win = host();
    requestPane(win, { view: "formulas", run: true });
    const seen: unknown[] = [];
    onPaneRequest(win, (r) => seen.push(r));
    expect(seen).toEqual([{ view: "formulas", run: true }]);
    // Taken, not left for a second listener to run again.
    onPaneRequest(win, (r) => seen.push(r));
    expect(seen).toHaveLength(1);
  });

  it("hands over later requests as they come, until unsubscribed", () => {
    const win = host();
    const seen: unknown[] = [];
    const stop = onPaneRequest(win, (r) => seen.push(r));
    requestPane(win, { view: "formulas", run: true });
    requestPane(win, { view: "formulas", run: false });
    expect(seen).toEqual([
      { view: "formulas", run: true },
      { view: "formulas", run: false },
    ]);
    stop();
    requestPane(win, { view: "formulas", run: true });
    expect(seen).toHaveLength(2);
  });
});
