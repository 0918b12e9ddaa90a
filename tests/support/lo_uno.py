# Planbook — GPL-3.0-or-later. A running headless LibreOffice for the tests (tests/support/loUno.ts):
#   serve <pipe> <profile-dir> <pid>  starts soffice listening on the named pipe with that profile,
#                               and stops it once process <pid> (the test run) has ended;
#   csv <pipe> <file> <outdir>  loads <file> in that LibreOffice and stores every sheet as CSV, with
#                               the same filter and options as `soffice --convert-to` in toCsv;
#   pdf <pipe> <file> <outdir>  stores <file> as <outdir>/<stem>.pdf with calc_pdf_Export, the
#                               filter `soffice --convert-to pdf` picks for a spreadsheet;
#   xlsx|ods <pipe> <file> <outdir> [infilter]  stores <file> as <outdir>/<stem>.xlsx (.ods) with
#                               the filter `soffice --convert-to xlsx` (ods) picks, the file read
#                               with import filter <infilter> if given (as `--infilter=`).
# Loading applies the instance's profile (OOXMLRecalcMode/ODFRecalcMode), exactly as a one-shot run.
import os
import subprocess
import sys
import tempfile
import time

SOFFICE = os.environ.get('SOFFICE_PATH', '/usr/bin/soffice')
CSV_FILTER = 'Text - txt - csv (StarCalc)'
CSV_OPTIONS = '44,34,76,1,,0,false,true,false,false,false,-1'
SAVE_FILTERS = {'xlsx': 'Calc MS Excel 2007 XML', 'ods': 'calc8'}


def connect(pipe, wait):
    import uno
    from com.sun.star.connection import NoConnectException

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        'com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + wait
    while True:
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def prop(name, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def serve(pipe, profile, pid):
    proc = subprocess.Popen(
        [SOFFICE, f'-env:UserInstallation=file://{profile}', '--headless', '--invisible',
         '--norestore', '--nologo', '--nodefault', '--nolockcheck',
         f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext'],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while alive(pid) and proc.poll() is None:
        time.sleep(1)
    try:
        connect(pipe, 5).terminate()
    except Exception:
        pass
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
    try:
        os.remove(os.path.join(tempfile.gettempdir(), pipe + '.started'))
    except OSError:
        pass


def convert(pipe, file, outdir, ext, props, infilter=None):
    import uno

    desktop = connect(pipe, 120)
    load = [prop('Hidden', True), prop('ReadOnly', True)]
    if infilter:
        load.append(prop('FilterName', infilter))
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(file)), '_blank', 0, tuple(load))
    if doc is None:
        sys.exit(f'LibreOffice could not open {file}')
    try:
        stem = os.path.splitext(os.path.basename(file))[0]
        url = uno.systemPathToFileUrl(os.path.join(os.path.abspath(outdir), stem + ext))
        doc.storeToURL(url, tuple(prop(k, v) for k, v in props))
    finally:
        doc.close(True)


if __name__ == '__main__':
    if sys.argv[1] == 'serve':
        serve(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == 'csv':
        convert(sys.argv[2], sys.argv[3], sys.argv[4], '.csv',
                [('FilterName', CSV_FILTER), ('FilterOptions', CSV_OPTIONS)])
    elif sys.argv[1] == 'pdf':
        convert(sys.argv[2], sys.argv[3], sys.argv[4], '.pdf', [('FilterName', 'calc_pdf_Export')])
    elif sys.argv[1] in SAVE_FILTERS:
        convert(sys.argv[2], sys.argv[3], sys.argv[4], '.' + sys.argv[1],
                [('FilterName', SAVE_FILTERS[sys.argv[1]])],
                sys.argv[5] if len(sys.argv) > 5 else None)
    else:
        sys.exit(f'unknown command {sys.argv[1]}')
