#!/usr/bin/python3
"""LibreOffice's open, recalculation and save of .xlsx files, timed apart (the bench's peer).

Starts one headless LibreOffice with its own profile (cached values shown on load: the open is
LibreOffice's import alone), then for each file and run: loads it (hidden), recalculates every
formula (calculateAll), stores it as .xlsx, closes it. Prints one JSON line per file: the median
milliseconds of each phase over the runs and the peak resident memory of soffice.bin (VmHWM, KiB).

With PB_LO_OPEN_ONLY=1 only the open is timed (the document is closed right after), and the
CPU time soffice spent in each open (user + system, all its threads and processes) is printed too.

usage: libreoffice-phases.py <soffice> <runs> <file>...
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # python3-uno (Debian), the bridge LibreOffice ships
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d))
        except OSError:
            pass
    return out


def hwm(pid):
    """Peak resident memory (KiB) of pid and its descendants (the largest)."""
    best = 0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        best = max(best, int(line.split()[1]))
        except OSError:
            pass
        if p != pid:
            best = max(best, hwm(p))
    return best


def cpu_ms(pid):
    """CPU time (ms, user + system, every thread) of pid and its descendants so far."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except OSError:
        pass
    return total + sum(cpu_ms(c) for c in children(pid))


def main():
    open_only = os.environ.get("PB_LO_OPEN_ONLY") == "1"
    soffice, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    profile = tempfile.mkdtemp(prefix="pb-lo-phases-")
    pipe = f"pbbench{os.getpid()}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    ctx = None
    for _ in range(600):
        try:
            ctx = resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
            )
            break
        except Exception:
            time.sleep(0.1)
    if ctx is None:
        proc.kill()
        sys.exit("LibreOffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx
    )
    out_dir = tempfile.mkdtemp(prefix="pb-lo-phases-out-")
    try:
        for file in files:
            phases = {"open": [], "recalc": [], "save": [], "openCpu": []}
            for _ in range(runs):
                c0 = cpu_ms(proc.pid)
                t0 = time.perf_counter()
                doc = desktop.loadComponentFromURL(
                    uno.systemPathToFileUrl(os.path.abspath(file)),
                    "_blank",
                    0,
                    (prop("Hidden", True),),
                )
                t1 = time.perf_counter()
                phases["openCpu"].append(cpu_ms(proc.pid) - c0)
                if open_only:
                    doc.close(True)
                    phases["open"].append((t1 - t0) * 1000)
                    continue
                doc.calculateAll()
                t2 = time.perf_counter()
                target = os.path.join(out_dir, os.path.basename(file))
                doc.storeToURL(
                    uno.systemPathToFileUrl(target),
                    (prop("FilterName", "Calc MS Excel 2007 XML"),),
                )
                t3 = time.perf_counter()
                doc.close(True)
                phases["open"].append((t1 - t0) * 1000)
                phases["recalc"].append((t2 - t1) * 1000)
                phases["save"].append((t3 - t2) * 1000)
            med = {k: sorted(v)[len(v) // 2] if v else 0 for k, v in phases.items()}
            print(json.dumps({"file": file, **med, "hwmKiB": hwm(proc.pid)}), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


main()
