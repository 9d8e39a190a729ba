"""Times LibreOffice Calc's full recalculation of a workbook, for `npm run bench`.

Starts a private headless soffice (its own profile in a temp folder, its own port),
loads the workbook hidden, runs calculateAll() `--warmup` times unmeasured and `--runs`
times measured (only the recalculation is timed, not the load), reads back the
calculated values of the sheets named in `--sheets`, and writes one JSON object to
`--out`. Cells holding an error value are read back as "#ERROR <code>", so they can
never agree with a figure. soffice is stopped at the end, whatever happened.

Run with the system Python, which has LibreOffice's `uno` module:
  /usr/bin/python3 scripts/bench/libreoffice_calc.py --file book.xlsx --out result.json
"""

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno  # noqa: F401  (LibreOffice's bridge; importing it sets up the com.sun.star modules)
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

ERROR = 4  # com.sun.star.sheet.FormulaResult.ERROR


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port, proc, deadline_s):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with {proc.returncode} before accepting a connection")
            if time.monotonic() > deadline:
                raise RuntimeError(f"soffice did not accept a connection within {deadline_s} s")
            time.sleep(0.25)


def stop_group(proc):
    """Stops the process group this script started (soffice's launcher and soffice.bin), if anything in it is left."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def sheet_values(sheet):
    """The used area from A1 as rows of numbers and text, errors marked."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    rows = [list(r) for r in sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()]
    errors = 0
    ranges = sheet.queryFormulaCells(ERROR)
    for addr in ranges.getRangeAddresses():
        for r in range(addr.StartRow, addr.EndRow + 1):
            for c in range(addr.StartColumn, addr.EndColumn + 1):
                code = sheet.getCellByPosition(c, r).getError()
                rows[r][c] = f"#ERROR {code}"
                errors += 1
    return rows, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sheets", default="")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--start-timeout", type=float, default=90)
    args = ap.parse_args()

    soffice = shutil.which("soffice")
    if not soffice:
        raise RuntimeError("soffice is not on the PATH")
    profile = tempfile.mkdtemp(prefix="bench-lo-profile-")
    port = free_port()
    cmd = [
        soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=socket,host=127.0.0.1,port={port};urp;",
    ]
    # Its own process group, so the stop at the end reaches soffice.bin behind the launcher script.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    result = {}
    try:
        ctx = connect(port, proc, args.start_timeout)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/Product"),))
        version = f"{access.getByName('ooName')} {access.getByName('ooSetupVersionAboutBox')}"

        t0 = time.perf_counter()
        url = uno.systemPathToFileUrl(os.path.abspath(args.file))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
        if doc is None:
            raise RuntimeError(f"LibreOffice could not open {args.file}")
        load_s = time.perf_counter() - t0

        for _ in range(args.warmup):
            doc.calculateAll()
        runs_ms = []
        for _ in range(args.runs):
            t = time.perf_counter()
            doc.calculateAll()
            runs_ms.append((time.perf_counter() - t) * 1000)

        sheets = {}
        errors = 0
        for name in [s for s in args.sheets.split(",") if s]:
            rows, n = sheet_values(doc.Sheets.getByName(name))
            sheets[name] = rows
            errors += n
        doc.close(True)
        result = {"version": version, "loadS": load_s, "runsMs": runs_ms, "errors": errors, "sheets": sheets}
        try:
            desktop.terminate()
        except Exception:  # the bridge drops as soffice exits; that is the expected end
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    finally:
        stop_group(proc)
        shutil.rmtree(profile, ignore_errors=True)
    # Largest resident set of any waited-for descendant: soffice.bin, load and recalculation included (kB on Linux).
    result["peakRssMb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)


def stopped(signum, _frame):
    # The bench's time limit: leave through main's finally, so soffice is stopped too.
    raise SystemExit(f"stopped by signal {signum}")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stopped)
    try:
        main()
    except Exception as e:  # one line for the bench's table, not a traceback
        sys.stderr.write(f"{type(e).__name__}: {e}\n")
        sys.exit(1)
