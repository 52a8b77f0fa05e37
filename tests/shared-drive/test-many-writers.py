#!/usr/bin/env python3
"""Many writers on one database, through one folder or two FUSE mounts of it.

Every writer is a separate process using the real store API
(pd-stress-writer); it prints a commit's ledger token only after the commit
was acknowledged. Afterwards every acknowledged token must be in the
ledger, the rows must equal the acknowledgements, and integrity_check and
foreign_key_check must be ok. No SQLITE_BUSY may reach a writer.

Usage: test-many-writers.py WRITER ADMIN local|two-mounts N_WRITERS N_EACH

"two-mounts" mounts the folder twice with bindfs (each mount its own kernel
cache and locks, as two machines on a share) and splits the writers between
them; it is skipped (exit 77) where bindfs or FUSE is not available.
Prints TAP, then `metric` lines.
"""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77


def unmount(mount):
    for command in (["fusermount", "-u", mount], ["fusermount3", "-u", mount], ["umount", mount]):
        if shutil.which(command[0]) and subprocess.run(command, capture_output=True).returncode == 0:
            return


def main():
    writer, admin, mode, n_writers, n_each = sys.argv[1:6]
    n_writers, n_each = int(n_writers), int(n_each)
    top = tempfile.mkdtemp(prefix="panel-desk-writers-")
    shared = os.path.join(top, "share")
    os.mkdir(shared)
    mounts = []
    try:
        path = os.path.join(shared, "panel.paneldesk")
        subprocess.run([admin, "init", path], check=True, stdout=subprocess.DEVNULL)
        paths = [path]
        if mode == "two-mounts":
            if shutil.which("bindfs") is None or not os.path.exists("/dev/fuse"):
                print("1..0 # SKIP bindfs or FUSE is not available here")
                return SKIP
            for name in ("machine-a", "machine-b"):
                mount = os.path.join(top, name)
                os.mkdir(mount)
                result = subprocess.run(["bindfs", shared, mount], capture_output=True, text=True)
                if result.returncode != 0:
                    print("1..0 # SKIP bindfs cannot mount here: " + result.stderr.strip())
                    return SKIP
                mounts.append(mount)
            paths = [os.path.join(m, "panel.paneldesk") for m in mounts]

        procs = []
        for i in range(n_writers):
            procs.append(subprocess.Popen([writer, paths[i % len(paths)], str(n_each), "w%d" % i],
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        acknowledged, kinds, errors = [], {}, []
        for p in procs:
            out, err = p.communicate(timeout=3000)
            for line in out.split("\n"):
                if line:
                    token, kind = line.split(" ", 1)
                    acknowledged.append(token)
                    kinds[kind] = kinds.get(kind, 0) + 1
            errors += [e for e in err.split("\n") if e]

        for m in mounts:
            unmount(m)
        mounts = []

        present, n_referrals, integrity, fk = set(), -1, "not checked", []
        n_edits = n_recommendations = n_attachments = -1
        try:
            con = sqlite3.connect(path)
            present = {row[0] for row in con.execute("SELECT token FROM ledger")}
            n_referrals = con.execute("SELECT count(*) FROM referrals WHERE pseudonym GLOB 'w*-*'").fetchone()[0]
            n_edits = con.execute("SELECT count(*) FROM audit_log WHERE entity = 'referral' "
                                  "AND action = 'update'").fetchone()[0]
            n_recommendations = con.execute("SELECT count(*) FROM decisions "
                                            "WHERE rationale = 'Stress: learning only.'").fetchone()[0]
            stored = {row[0] for row in con.execute("SELECT sha256 FROM documents WHERE kind = 'chronology'")}
            present |= {"sha256:" + h for h in stored if attachment_file_ok(path, h)}
            n_attachments = len(stored)
            integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            con.close()
        except sqlite3.DatabaseError as e:
            integrity = "the database cannot be read: %s" % e
        lost = [t for t in acknowledged if t not in present]

        checks = [
            (len(lost) == 0, "every acknowledged commit is in the ledger (%d acknowledged, %d lost)"
             % (len(acknowledged), len(lost))),
            (n_referrals == kinds.get("insert", 0) and n_edits == kinds.get("edit", 0)
             and n_recommendations == kinds.get("recommendation", 0)
             and n_attachments == kinds.get("attachment", 0),
             "rows equal acknowledgements (referrals %d/%d, edits %d/%d, recommendations %d/%d, "
             "attachments %d/%d)"
             % (n_referrals, kinds.get("insert", 0), n_edits, kinds.get("edit", 0),
                n_recommendations, kinds.get("recommendation", 0),
                n_attachments, kinds.get("attachment", 0))),
            (integrity == "ok", "integrity_check: " + integrity),
            (not fk, "foreign_key_check: %d problems" % len(fk)),
            (not any(e == "busy" for e in errors), "no SQLITE_BUSY reached a writer"),
            (len(acknowledged) == n_writers * n_each,
             "every write was acknowledged (%d of %d; errors: %s)"
             % (len(acknowledged), n_writers * n_each, "; ".join(sorted(set(errors))[:3]) or "none")),
        ]
        print("1..%d" % len(checks))
        for i, (ok, what) in enumerate(checks, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
        prefix = "two_mount" if mode == "two-mounts" else "many_writers"
        # TAP comments, which build-aux/summarize-tests.py repeats as metrics.
        print("# metric %s_acknowledged %d commits" % (prefix, len(acknowledged)))
        print("# metric %s_lost %d commits" % (prefix, len(lost)))
        return 0 if all(ok for ok, _ in checks) else 1
    finally:
        for m in mounts:
            unmount(m)
        shutil.rmtree(top, ignore_errors=True)


def attachment_file_ok(db_path, sha256):
    """The stored file of an attachment is there, under its hash, and holds it."""
    store = os.path.splitext(db_path)[0] + ".paneldesk-files"
    folder = os.path.join(store, sha256[:2])
    try:
        names = [n for n in os.listdir(folder) if n.startswith(sha256)]
    except FileNotFoundError:
        return False
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() == sha256:
                return True
    return False


if __name__ == "__main__":
    sys.exit(main())
