/**
 * An in-memory stand-in for the part of Excel's JavaScript API that
 * addin/storage/excelReviewStore.ts calls, with Office.js's batching rules:
 * commands queue until context.sync(); properties can be read only after
 * load() + sync(); isNullObject only after sync(); a failing command rejects
 * the sync with an error carrying a `code` (AccessDenied, ItemNotFound, ...).
 * Used by the storage tests in Node and, transpiled as one script, in the
 * browser tests in place of office.js. It has no imports on purpose.
 */

type Cell = string | number | boolean;

interface SheetModel {
  name: string;
  protected: boolean;
  cells: Record<string, Cell>;
  bold: string[];
}

interface TableModel {
  name: string;
  sheet: string;
  row: number;
  col: number;
  headers: string[];
  rows: Cell[][];
  formats: Record<string, string>;
}

/** The whole fake workbook: plain data, so it can be saved to sessionStorage and inspected by tests. */
export interface FakeWorkbookState {
  sheets: SheetModel[];
  tables: TableModel[];
  settings: Record<string, unknown>;
  readOnly: boolean;
  activeSheet: string;
}

/**
 * A failure to inject, as met in real Excel (a dropped connection, a read that
 * fails). Each fault fires once, on the first sync it matches, then is removed.
 */
export type FakeFault =
  /** The sync that appends a table row applies every command, then rejects as if the connection dropped before Excel answered. */
  | { kind: "lostAfterRowAdded" }
  /** The sync that reads the named table's values (header or body) rejects at that read. */
  | { kind: "tableReadFails"; table: string }
  /** The sync that reads every workbook setting (settings.load) rejects at that read. */
  | { kind: "settingsReadFails" };

/** Test controls over the fake workbook. */
export interface FakeExcelControl {
  state: FakeWorkbookState;
  /** Every Excel.run batch (number of syncs) so far. */
  runs: number;
  /**
   * Two panes on one workbook: when on, concurrent Excel.run batches take turns at
   * sync(). Each sync waits for the next macrotask, and every sync the panes reach by
   * then applies together in arrival order, so every pane reads before any of them
   * writes: the worst interleaving two team leaders saving at once can meet.
   */
  lockstep: boolean;
  /** Applied syncs in order, as "run.sync" (run 3's second sync is "3.2"). */
  syncLog: string[];
  /** Faults still waiting to fire (see {@link FakeFault}). */
  faults: FakeFault[];
  /** Queues a fault for the next sync it matches. */
  failNext(fault: FakeFault): void;
  /** Table as a grid with its header row, or null. */
  tableGrid(name: string): Cell[][] | null;
  protectSheet(name: string, on: boolean): void;
  renameTable(from: string, to: string): void;
  /** Renames a sheet, as a user would by double-clicking its tab; its tables move with it. */
  renameSheet(from: string, to: string): void;
  setReadOnly(on: boolean): void;
  addTable(sheet: string, name: string, headers: string[], rows: Cell[][]): void;
  /** Cells of a sheet written with getRangeByIndexes, as rows. */
  sheetGrid(name: string): Cell[][];
}

function excelError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

const notLoaded = (what: string) => excelError("PropertyNotLoaded", `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

function parseAddress(address: string): { row: number; col: number; width: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, "").toUpperCase());
  if (!m) throw excelError("InvalidArgument", `Bad address ${address}`);
  const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = colOf(m[1]);
  const c2 = m[3] ? colOf(m[3]) : c1;
  return { row: Number(m[2]) - 1, col: c1, width: c2 - c1 + 1 };
}

/** Creates a fake Excel over `initial` (or an empty workbook with one sheet). `onSync` sees the state after each successful sync. */
export function createFakeExcel(initial?: FakeWorkbookState, onSync?: (s: FakeWorkbookState) => void): { Excel: any; control: FakeExcelControl } {
  const state: FakeWorkbookState = initial ?? { sheets: [{ name: "Sheet1", protected: false, cells: {}, bold: [] }], tables: [], settings: {}, readOnly: false, activeSheet: "Sheet1" };
  const control: FakeExcelControl = {
    state,
    runs: 0,
    lockstep: false,
    syncLog: [],
    faults: [],
    failNext(fault) {
      control.faults.push(fault);
    },
    tableGrid(name) {
      const t = state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return t ? [t.headers.slice(), ...t.rows.map((r) => r.slice())] : null;
    },
    protectSheet(name, on) {
      findSheet(name)!.protected = on;
    },
    renameTable(from, to) {
      findTable(from)!.name = to;
    },
    renameSheet(from, to) {
      const sheet = findSheet(from)!;
      for (const t of state.tables) if (t.sheet === sheet.name) t.sheet = to;
      if (state.activeSheet === sheet.name) state.activeSheet = to;
      sheet.name = to;
    },
    setReadOnly(on) {
      state.readOnly = on;
    },
    addTable(sheet, name, headers, rows) {
      if (!findSheet(sheet)) state.sheets.push({ name: sheet, protected: false, cells: {}, bold: [] });
      state.tables.push({ name, sheet, row: 0, col: 0, headers, rows, formats: {} });
    },
    sheetGrid(name) {
      const s = findSheet(name);
      if (!s) return [];
      const out: Cell[][] = [];
      for (const [k, v] of Object.entries(s.cells)) {
        const [r, c] = k.split(",").map(Number);
        while (out.length <= r) out.push([]);
        while (out[r].length <= c) out[r].push("");
        out[r][c] = v;
      }
      return out;
    },
  };

  function findSheet(name: string): SheetModel | undefined {
    return state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  function findTable(name: string): TableModel | undefined {
    return state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  function assertWritable(sheet: SheetModel | undefined) {
    if (state.readOnly) throw excelError("AccessDenied", "You can't make changes because this workbook is read-only.");
    if (sheet?.protected) throw excelError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }
  function assertWorkbookWritable() {
    if (state.readOnly) throw excelError("AccessDenied", "You can't make changes because this workbook is read-only.");
  }

  /** Removes and returns the first waiting fault that matches, if any. */
  function takeFault(match: (f: FakeFault) => boolean): FakeFault | undefined {
    const i = control.faults.findIndex(match);
    return i < 0 ? undefined : control.faults.splice(i, 1)[0];
  }

  // Lockstep turns: every sync issued before the next macrotask applies together, in arrival order.
  // A pane's code between two syncs (even ending one Excel.run and starting the next) runs in
  // microtasks, so each pane reaches its next sync before the turn ends: no pane runs ahead.
  let waiting: (() => void)[] = [];
  let turnScheduled = false;
  const turn = () =>
    new Promise<void>((resume) => {
      waiting.push(resume);
      if (turnScheduled) return;
      turnScheduled = true;
      setTimeout(() => {
        turnScheduled = false;
        const go = waiting;
        waiting = [];
        for (const r of go) r();
      }, 0);
    });

  class Context {
    private queue: (() => void)[] = [];
    private syncs = 0;
    /** Set by a table row append during the sync being applied. */
    rowAdded = false;
    readonly workbook: any;
    constructor(private readonly run: number) {
      this.workbook = makeWorkbook(this);
    }
    enqueue(op: () => void) {
      this.queue.push(op);
    }
    async sync(): Promise<void> {
      const ops = this.queue;
      this.queue = [];
      if (control.lockstep) await turn();
      else await Promise.resolve();
      control.syncLog.push(`${this.run}.${++this.syncs}`);
      this.rowAdded = false;
      try {
        for (const op of ops) op(); // the first failure rejects the sync; earlier commands stay applied, as in Excel
      } finally {
        onSync?.(state);
      }
      if (this.rowAdded && takeFault((f) => f.kind === "lostAfterRowAdded")) {
        throw excelError("ConnectionFailure", "The connection to Excel was lost before it answered.");
      }
    }
  }

  /** A proxy whose target is found when the queue runs; isNullObject and loaded properties appear after sync. */
  function proxy<T>(ctx: Context, resolve: () => T | null, orNull: boolean, describe: string) {
    const p: any = { _synced: false, _target: null as T | null, _loaded: {} as Record<string, unknown> };
    ctx.enqueue(() => {
      p._target = resolve();
      if (!p._target && !orNull) throw excelError("ItemNotFound", `${describe} was not found.`);
      p._synced = true;
    });
    Object.defineProperty(p, "isNullObject", {
      get() {
        if (!p._synced) throw excelError("PropertyNotLoaded", "isNullObject is available after context.sync().");
        return p._target === null;
      },
    });
    p.target = (): T => {
      const t = p._target ?? resolve();
      if (!t) throw excelError("ItemNotFound", `${describe} was not found.`);
      return t;
    };
    p.loadable = (name: string, read: () => unknown) => {
      Object.defineProperty(p, name, {
        get() {
          if (!(name in p._loaded)) throw notLoaded(name);
          return p._loaded[name];
        },
        set(v) {
          p[`set_${name}`]?.(v);
        },
        configurable: true,
      });
      p[`read_${name}`] = read;
    };
    p.load = (props?: string) => {
      const names = (props ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      ctx.enqueue(() => {
        if (!p._target && !orNull) return;
        for (const n of names) {
          const reader = p[`read_${n}`];
          if (reader && p._target) p._loaded[n] = reader();
          else if (reader) p._loaded[n] = undefined;
        }
      });
      return p;
    };
    return p;
  }

  function rangeProxy(ctx: Context, read: () => Cell[][], write: ((v: Cell[][]) => void) | null, sheet: () => SheetModel | undefined) {
    const r = proxy(ctx, () => ({}), false, "Range");
    r.loadable("values", () => read().map((row) => row.slice()));
    r.set_values = (v: Cell[][]) =>
      ctx.enqueue(() => {
        assertWritable(sheet());
        if (!write) throw excelError("InvalidArgument", "This range cannot be written.");
        write(v);
      });
    return r;
  }

  function makeTable(ctx: Context, resolve: () => TableModel | null, orNull: boolean) {
    const t = proxy<TableModel>(ctx, resolve, orNull, "The table");
    const sheetOf = () => findSheet(t.target().sheet);
    const readable = <V>(read: () => V) => () => {
      const name = t.target().name.toLowerCase();
      if (takeFault((f) => f.kind === "tableReadFails" && f.table.toLowerCase() === name)) throw excelError("GeneralException", "An internal error has occurred.");
      return read();
    };
    t.loadable("name", () => t.target().name);
    t.set_name = (name: string) =>
      ctx.enqueue(() => {
        assertWorkbookWritable();
        if (findTable(name) && findTable(name) !== t.target()) throw excelError("InvalidArgument", `A table named ${name} already exists.`);
        t.target().name = name;
      });
    Object.defineProperty(t, "worksheet", { get: () => makeSheet(ctx, () => sheetOf() ?? null, false) });
    t.getHeaderRowRange = () =>
      rangeProxy(
        ctx,
        readable(() => [t.target().headers.slice()]),
        (v) => {
          const tm = t.target();
          if (v.length !== 1 || v[0].length !== tm.headers.length) throw excelError("InvalidArgument", "The number of header values does not match the table.");
          tm.headers = v[0].map(String);
        },
        sheetOf,
      );
    t.getDataBodyRange = () => rangeProxy(ctx, readable(() => t.target().rows), null, sheetOf);
    t.columns = {
      add(_index?: number, _values?: unknown, name?: string) {
        ctx.enqueue(() => {
          assertWritable(sheetOf());
          const tm = t.target();
          tm.headers.push(name ?? `Column${tm.headers.length + 1}`);
          tm.rows.forEach((r: Cell[]) => r.push(""));
        });
        return {};
      },
    };
    t.rows = {
      add(index?: number, values?: Cell[][]) {
        let first = -1;
        ctx.enqueue(() => {
          assertWritable(sheetOf());
          const tm = t.target();
          if (index !== undefined && index !== null) throw excelError("NotImplemented", "The stand-in only appends rows.");
          for (const v of values ?? [[]]) {
            if (v.length !== tm.headers.length) throw excelError("InvalidArgument", `The row has ${v.length} values but the table has ${tm.headers.length} columns.`);
            if (v.some((c) => c === null || c === undefined)) throw excelError("InvalidArgument", "Row values must not be null.");
          }
          first = tm.rows.length;
          for (const v of values ?? [[]]) tm.rows.push(v.slice());
          ctx.rowAdded = true;
        });
        return {
          getRange() {
            return {
              getCell(_r: number, c: number) {
                const cell: any = {};
                Object.defineProperty(cell, "numberFormat", {
                  set(f: string[][]) {
                    ctx.enqueue(() => {
                      const tm = t.target();
                      if (first < 0) throw excelError("InvalidOperation", "The row was not added.");
                      tm.formats[tm.headers[c]] = f[0][0];
                    });
                  },
                });
                return cell;
              },
            };
          },
        };
      },
    };
    return t;
  }

  function makeSheet(ctx: Context, resolve: () => SheetModel | null, orNull: boolean): any {
    const s = proxy<SheetModel>(ctx, resolve, orNull, "The worksheet");
    s.loadable("name", () => s.target().name);
    s.activate = () => ctx.enqueue(() => (state.activeSheet = s.target().name));
    const protection = proxy(ctx, () => ({}), false, "Protection");
    protection.loadable("protected", () => s.target().protected);
    s.protection = protection;
    s.tables = {
      add(address: string, _hasHeaders: boolean) {
        const ref: { t: TableModel | null } = { t: null };
        ctx.enqueue(() => {
          const sheet = s.target();
          assertWritable(sheet);
          const a = parseAddress(address);
          if (state.tables.some((x) => x.sheet === sheet.name)) throw excelError("InvalidArgument", "A table can't overlap another table.");
          let n = 1;
          while (findTable(`Table${n}`)) n++;
          ref.t = { name: `Table${n}`, sheet: sheet.name, row: a.row, col: a.col, headers: Array.from({ length: a.width }, (_, i) => `Column${i + 1}`), rows: [], formats: {} };
          state.tables.push(ref.t);
        });
        return makeTable(ctx, () => ref.t, false);
      },
    };
    s.getUsedRangeOrNullObject = () => {
      const used = proxy(ctx, () => {
        const sheet = s.target();
        const hasCells = Object.values(sheet.cells).some((v) => v !== "");
        return hasCells || state.tables.some((x) => x.sheet === sheet.name) ? {} : null;
      }, true, "Used range");
      used.getSpecialCellsOrNullObject = (type: string) => formulaAreas(ctx, s, type);
      return used;
    };
    s.getRange = () => ({
      clear() {
        ctx.enqueue(() => {
          const sheet = s.target();
          assertWritable(sheet);
          sheet.cells = {};
          sheet.bold = [];
        });
      },
    });
    s.getRangeByIndexes = (row: number, col: number, rows: number, cols: number) => {
      const r = rangeProxy(
        ctx,
        () => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => s.target().cells[`${row + i},${col + j}`] ?? "")),
        (v) => {
          if (v.length !== rows || v.some((line) => line.length !== cols)) throw excelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
          v.forEach((line, i) => line.forEach((val, j) => (s.target().cells[`${row + i},${col + j}`] = val)));
        },
        () => s.target(),
      );
      r.format = {
        font: {
          set bold(on: boolean) {
            ctx.enqueue(() => {
              if (on) s.target().bold.push(`${row},${col}`);
            });
          },
        },
        autofitColumns() {
          /* layout only */
        },
      };
      return r;
    };
    return s;
  }

  /**
   * The formula cells of a sheet as RangeAreas, for the ARREARS re-entry pass: one area
   * over the sheet's cells from A1 (values read back as themselves, as Excel's formulas
   * property does for constants). Spills are not modelled: no cell has a spill parent.
   */
  function formulaAreas(ctx: Context, s: any, type: string) {
    if (type !== "Formulas") throw excelError("NotImplemented", `The stand-in has no special cells of type ${type}.`);
    const grid = () => {
      const out: Cell[][] = [];
      for (const [k, v] of Object.entries((s.target() as SheetModel).cells)) {
        const [r, c] = k.split(",").map(Number);
        while (out.length <= r) out.push([]);
        out[r][c] = v;
      }
      const width = Math.max(0, ...out.map((row) => row.length));
      return out.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    };
    const areas = proxy(ctx, () => (Object.values((s.target() as SheetModel).cells).some((v) => typeof v === "string" && v.startsWith("=")) ? {} : null), true, "Special cells");
    const area: any = { _loaded: {} as Record<string, unknown> };
    for (const name of ["formulas", "address"]) {
      Object.defineProperty(area, name, {
        get() {
          if (!(name in area._loaded)) throw notLoaded(name);
          return area._loaded[name];
        },
      });
    }
    area.getCell = (row: number, col: number) => {
      const address = `${String.fromCharCode(65 + col)}${row + 1}`;
      const cell = proxy(ctx, () => ({}), false, "Range");
      cell.loadable("address", () => address);
      cell.set_formulas = (v: Cell[][]) =>
        ctx.enqueue(() => {
          assertWritable(s.target());
          (s.target() as SheetModel).cells[`${row},${col}`] = v[0][0];
        });
      Object.defineProperty(cell, "formulas", { set: (v: Cell[][]) => cell.set_formulas(v) });
      cell.getSpillParentOrNullObject = () => {
        const parent = proxy(ctx, () => null, true, "Spill parent");
        parent.loadable("address", () => "");
        return parent;
      };
      return cell;
    };
    areas.areas = { items: [area] };
    areas.load = () => {
      ctx.enqueue(() => {
        area._loaded.formulas = grid();
        area._loaded.address = "A1";
      });
      return areas;
    };
    return areas;
  }

  function makeSetting(ctx: Context, key: string) {
    const st = proxy(ctx, () => (key in state.settings ? { key } : null), true, "Setting");
    st.loadable("value", () => state.settings[key]);
    st.loadable("key", () => key);
    st.delete = () =>
      ctx.enqueue(() => {
        assertWorkbookWritable();
        delete state.settings[key];
      });
    return st;
  }

  function makeWorkbook(ctx: Context) {
    return {
      tables: {
        getItemOrNullObject: (name: string) => makeTable(ctx, () => findTable(name) ?? null, true),
        getItem: (name: string) => makeTable(ctx, () => findTable(name) ?? null, false),
        items: undefined as unknown,
        load(_props?: string) {
          ctx.enqueue(() => {
            // Every table with its name loaded, as "items/name" asks.
            this.items = state.tables.map((model) => {
              const t = makeTable(ctx, () => model, false);
              t._target = model;
              t._synced = true;
              t._loaded.name = model.name;
              return t;
            });
          });
          return this;
        },
      },
      worksheets: {
        items: undefined as unknown,
        load(_props?: string) {
          ctx.enqueue(() => {
            // Every sheet with its name and protection loaded, as "items/name,items/protection/protected" asks.
            this.items = state.sheets.map((sheet) => {
              const sh = makeSheet(ctx, () => sheet, false);
              sh._target = sheet;
              sh._synced = true;
              sh._loaded.name = sheet.name;
              sh.protection._target = {};
              sh.protection._synced = true;
              sh.protection._loaded.protected = sheet.protected;
              return sh;
            });
          });
          return this;
        },
        getItemOrNullObject: (name: string) => makeSheet(ctx, () => findSheet(name) ?? null, true),
        getItem: (name: string) => makeSheet(ctx, () => findSheet(name) ?? null, false),
        add(name: string) {
          ctx.enqueue(() => {
            assertWorkbookWritable();
            if (findSheet(name)) throw excelError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
            if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw excelError("InvalidArgument", `${name} is not a valid sheet name.`);
            state.sheets.push({ name, protected: false, cells: {}, bold: [] });
          });
          return makeSheet(ctx, () => findSheet(name) ?? null, false);
        },
      },
      settings: {
        getItemOrNullObject: (key: string) => makeSetting(ctx, key),
        add(key: string, value: unknown) {
          ctx.enqueue(() => {
            assertWorkbookWritable();
            state.settings[key] = JSON.parse(JSON.stringify(value));
          });
          return makeSetting(ctx, key);
        },
        load(_props?: string) {
          const coll: any = { items: undefined };
          ctx.enqueue(() => {
            if (takeFault((f) => f.kind === "settingsReadFails")) throw excelError("GeneralException", "An internal error has occurred.");
            coll.items = Object.entries(state.settings).map(([key, value]) => ({ key, value }));
          });
          return coll;
        },
      },
    };
  }

  const Excel = {
    SpecialCellType: { formulas: "Formulas" },
    async run<T>(batch: (ctx: any) => Promise<T>): Promise<T> {
      control.runs++;
      return batch(new Context(control.runs));
    },
  };
  return { Excel, control };
}

/**
 * Installs the stand-in as office.js would: Office (onReady, context),
 * Excel, and a CustomFunctions stub for the shared runtime's functions bundle.
 * The workbook is kept in sessionStorage, because reloading the pane does not
 * close the workbook in real Excel. Faults (a JSON list of FakeFault) put in
 * sessionStorage under FAULTS_KEY are queued on the next load, then removed.
 */
export const FAULTS_KEY = "fake-excel-faults";
export function installFakeOffice(win: any): void {
  const KEY = "fake-excel-workbook";
  let initial: FakeWorkbookState | undefined;
  try {
    const saved = win.sessionStorage.getItem(KEY);
    if (saved) initial = JSON.parse(saved);
  } catch {
    /* start empty */
  }
  const persist = (s: FakeWorkbookState) => win.sessionStorage.setItem(KEY, JSON.stringify(s));
  const { Excel, control } = createFakeExcel(initial, persist);
  // Faults a test set before a reload (they must be in place before the pane's first read).
  try {
    const faults = win.sessionStorage.getItem(FAULTS_KEY);
    win.sessionStorage.removeItem(FAULTS_KEY);
    if (faults) control.faults.push(...(JSON.parse(faults) as FakeFault[]));
  } catch {
    /* none */
  }
  const origRun = Excel.run;
  // Controls change state outside a sync, so persist after each of them too.
  for (const k of ["protectSheet", "renameTable", "renameSheet", "setReadOnly", "addTable"] as const) {
    const f = control[k] as (...a: any[]) => void;
    (control as any)[k] = (...a: any[]) => {
      f(...a);
      persist(control.state);
    };
  }
  win.Excel = { run: origRun, SpecialCellType: Excel.SpecialCellType };
  win.Office = {
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    // A saved file's address, which Office.js gives as document.url.
    // Languages and theme as a UK user's Office gives them; a test sets win.__fakeOfficeHost first to be someone else (e.g. FAKE_OFFICE_HOSTS.darkUs).
    context: { requirements: { isSetSupported: () => true }, document: { url: "https://contoso.sharepoint.com/sites/income/Call%20reviews.xlsx" }, ...FAKE_OFFICE_HOSTS.lightUk, ...win.__fakeOfficeHost },
    HostType: { Excel: "Excel" },
    // Ribbon commands: what the add-in associates, for a test to press (win.__officeActions[name](event)).
    actions: { associate: (name: string, fn: unknown) => ((win.__officeActions ??= {})[name] = fn) },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
  class CfError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  win.CustomFunctions = { associate() {}, Error: CfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
  win.__fakeExcel = control;
  persist(control.state);
}

/**
 * What Office.context says about the user: languages, and theme colours of the
 * kind Office gives for its light ("Colorful") and dark ("Black") themes.
 */
export const FAKE_OFFICE_HOSTS = {
  lightUk: {
    contentLanguage: "en-GB",
    displayLanguage: "en-GB",
    officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false, themeId: "Colorful" },
  },
  darkUs: {
    contentLanguage: "en-US",
    displayLanguage: "en-US",
    officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#1F1F1F", controlForegroundColor: "#FFFFFF", isDarkTheme: true, themeId: "Black" },
  },
};
