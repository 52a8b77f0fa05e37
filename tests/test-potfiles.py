#!/usr/bin/python3
"""Fails when a source file with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in lists a file that does not exist."""
import pathlib
import re
import sys

MARKERS = re.compile(r'\b(?:N_|_|C_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')

def main(top):
    top = pathlib.Path(top)
    listed = set()
    for line in (top / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

    failures = 0
    print("1..2")
    missing = []
    for path in sorted(top.glob("src/**/*")):
        if path.suffix not in {".c", ".ui"} and not path.name.endswith((".desktop.in", ".xml.in")):
            continue
        rel = path.relative_to(top).as_posix()
        if MARKERS.search(path.read_text(encoding="utf-8", errors="replace")) and rel not in listed:
            missing.append(rel)
    for rel in missing:
        print(f"# not in po/POTFILES.in: {rel}")
    print(("not ok" if missing else "ok") + " 1 every file with translatable strings is listed")
    failures += bool(missing)

    stale = sorted(rel for rel in listed if not (top / rel).exists())
    for rel in stale:
        print(f"# listed but missing: {rel}")
    print(("not ok" if stale else "ok") + " 2 every listed file exists")
    failures += bool(stale)
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
