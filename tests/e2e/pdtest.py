"""Helpers the end-to-end tests share: TAP output, waiting, and finding
Panel Desk's controls in the accessibility tree (dogtail, AT-SPI)."""
import contextlib
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("GTK_A11Y", "atspi")
os.environ.pop("NO_AT_BRIDGE", None)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from dogtail.config import config
    # Before importing the tree: it checks a desktop setting the test session
    # does not have, and its log lines would break the TAP output.
    config.checkForA11y = False
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    from dogtail import tree
except Exception as error:  # dogtail or AT-SPI missing: say so, do not pass silently
    print("1..0 # SKIP dogtail is not available: %s" % error)
    sys.exit(0)

config.actionDelay = 0.2
config.searchCutoffCount = 20
config.defaultDelay = 0.3

results = []


def report(ok, name, detail=""):
    results.append(ok)
    print("%s %d %s" % ("ok" if ok else "not ok", len(results), name))
    if detail:
        for line in detail.splitlines():
            print("# " + line)
    sys.stdout.flush()


def wait_for(predicate, timeout=20.0, step=0.25):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(step)
    return None


def find_app(pid):
    for app in tree.root.children:
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def text_of(node):
    try:
        return node.name or node.queryText().getText(0, -1)
    except Exception:
        return node.name or ""


def find_all(root, predicate, limit=4000):
    """Breadth-first search; dogtail's own findChildren is slow on big trees."""
    found, queue, seen = [], [root], 0
    while queue and seen < limit:
        node = queue.pop(0)
        seen += 1
        try:
            if predicate(node):
                found.append(node)
            queue.extend(node.children)
        except Exception:
            continue
    return found


def find_named(root, role, name):
    """The first control of @role whose accessible name is @name. GTK 4.8
    names a button with a mnemonic "_Save Save", so the name may also end
    the accessible name."""
    nodes = find_all(root, lambda n: n.roleName == role
                     and (n.name == name or (n.name or "").endswith(" " + name)))
    return nodes[0] if nodes else None


def exit_code():
    return 0 if results and all(results) else 1


@contextlib.contextmanager
def running_app(panel_desk, admin, referrals):
    """Makes a demo database of @referrals (one TAP line), starts Panel Desk
    on it and yields its accessible application, or None; stops it after."""
    workdir = tempfile.mkdtemp(prefix="panel-desk-e2e-")
    database = os.path.join(workdir, "demo.paneldesk")
    made = subprocess.run([admin, "demo", database, "--referrals", str(referrals)],
                          capture_output=True, text=True, timeout=120)
    report(made.returncode == 0, "demo database made", made.stderr)

    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo")
    with open(os.path.join(workdir, "app.log"), "w") as log:
        app_proc = subprocess.Popen([panel_desk, "--database", database], env=env,
                                    stdout=log, stderr=subprocess.STDOUT)
        try:
            yield wait_for(lambda: find_app(app_proc.pid), timeout=30)
        finally:
            app_proc.terminate()
            try:
                app_proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_proc.kill()
