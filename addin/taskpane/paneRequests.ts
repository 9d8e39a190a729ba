/**
 * Requests from the ribbon to the pane. The ribbon's commands and the pane are
 * separate bundles in the one shared-runtime page, so a request is left on the
 * window (the pane may not have rendered yet) and announced with an event.
 */
export interface PaneRequest {
  /** The Formulas tab, re-entering the ARREARS formulas at once. */
  view: "formulas";
  run: boolean;
}

const KEY = "__arrearsPaneRequest";
const EVENT = "arrears:pane-request";
type Host = Pick<Window, "addEventListener" | "removeEventListener" | "dispatchEvent"> & { [KEY]?: PaneRequest };

/** Leaves a request for the pane and tells it; the latest request wins. */
export function requestPane(win: Host, request: PaneRequest): void {
  win[KEY] = request;
  win.dispatchEvent(new Event(EVENT));
}

/** Calls `handle` with a waiting request now, and with each one made later; returns the unsubscribe. */
export function onPaneRequest(win: Host, handle: (request: PaneRequest) => void): () => void {
  const take = () => {
    const r = win[KEY];
    delete win[KEY];
    if (r) handle(r);
  };
  win.addEventListener(EVENT, take);
  take();
  return () => win.removeEventListener(EVENT, take);
}
