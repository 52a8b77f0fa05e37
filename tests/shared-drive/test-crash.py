#!/usr/bin/env python3
"""A writer killed at a random moment, 200 times: nothing it was told was saved is lost.

Each round starts a writer (the real store API), kills it with SIGKILL at a
random moment, and checks the database: integrity_check ok, and every
commit the writer reported after its COMMIT returned is in the ledger. The
lock file a killed writer leaves is stale (its process is gone) and the
next writer breaks it; SQLite rolls back the hot journal.

Usage: test-crash.py WRITER ADMIN ROUNDS
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def main():
    writer, admin, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    top = tempfile.mkdtemp(prefix="panel-desk-crash-")
    rng = random.Random(20261123)
    try:
        path = os.path.join(top, "panel.paneldesk")
        subprocess.run([admin, "init", path], check=True, stdout=subprocess.DEVNULL)
        acknowledged, problems, killed_mid_write = [], [], 0
        for i in range(rounds):
            p = subprocess.Popen([writer, path, "100000", "c%d" % i],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            time.sleep(rng.uniform(0.005, 0.08))
            p.send_signal(signal.SIGKILL)
            out, _ = p.communicate()
            acknowledged += [line.split(" ")[0] for line in out.split("\n") if len(line.split(" ")[0]) == 36]
            if os.path.exists(path + "-journal") or os.path.exists(path + ".lock"):
                killed_mid_write += 1
        # Reading through the store recovers the journal and breaks the stale lock.
        subprocess.run([writer, path, "1", "after"], check=True, stdout=subprocess.DEVNULL)
        con = sqlite3.connect(path)
        present = {row[0] for row in con.execute("SELECT token FROM ledger")}
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        broken = con.execute("SELECT count(*) FROM audit_log WHERE action = 'break_stale_lock'").fetchone()[0]
        con.close()
        lost = [t for t in acknowledged if t not in present]
        checks = [
            (not lost, "every acknowledged commit survived %d kills (%d acknowledged, %d lost)"
             % (rounds, len(acknowledged), len(lost))),
            (integrity == "ok", "integrity_check: " + integrity),
            (not fk, "foreign_key_check: %d problems" % len(fk)),
            (killed_mid_write > 0, "some kills landed in the middle of a write (%d of %d), "
             "and %d stale locks were broken and audited" % (killed_mid_write, rounds, broken)),
        ]
        print("1..%d" % len(checks))
        for n, (ok, what) in enumerate(checks, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
        return 0 if all(ok for ok, _ in checks) else 1
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
