#!/usr/bin/python3
"""End to end through the accessibility tree: start Panel Desk on a demo
database, switch to each of the four views by their accessible names, and read
a referral's reference from the list. TAP output.

Usage: test-e2e-views.py PANEL_DESK PANEL_DESK_ADMIN
Needs an X display and a D-Bus session (build-aux/test provides both)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdtest import exit_code, find_all, report, running_app, text_of, wait_for  # noqa: E402

# A row reads as one line: "PRP-2026-014, Child A, Received, ...".
REFERENCE = re.compile(r"^(PRP-\d{4}-\d{3,})(,|$)")
VIEWS = ["Referrals", "Meetings", "Decisions", "Documents"]


def switcher_button(app, title):
    """The view switcher's tab named @title. The header bar holds a wide and
    a narrow switcher; the wide one, first in the tree, is on screen."""
    def first(node, depth=0):
        # Depth first, in the tree's own order: breadth first would find the
        # bottom switcher bar, hidden in a wide window, before the header's.
        if node.roleName == "page tab" and node.name == title:
            return node
        if depth > 16 or node.roleName in ("tree table", "table"):
            return None
        for child in node.children:
            found = first(child, depth + 1)
            if found is not None:
                return found
        return None
    return first(app)


def is_selected(node):
    states = str(node.getState().getStates()).lower()
    return "selected" in states or "checked" in states


def main():
    panel_desk, admin = sys.argv[1], sys.argv[2]
    print("1..%d" % (2 + len(VIEWS) + 1))
    with running_app(panel_desk, admin, 40) as app:
        report(app is not None, "the application appears on the accessibility bus")
        if app is None:
            for _ in VIEWS + ["reference"]:
                report(False, "skipped: no application")
            return

        for title in VIEWS:
            button = wait_for(lambda: switcher_button(app, title))
            if button is None:
                report(False, "switch to %s" % title, "no control named %r" % title)
                continue
            button.doActionNamed("click")
            shown = wait_for(lambda: is_selected(switcher_button(app, title)), timeout=5)
            report(bool(shown), "switch to %s by its accessible name" % title)

        switcher_button(app, "Referrals").doActionNamed("click")
        cells = wait_for(lambda: find_all(app, lambda n: n.roleName == "label"
                                          and REFERENCE.match(text_of(n) or "")), timeout=15)
        reference = REFERENCE.match(text_of(cells[0])).group(1) if cells else ""
        report(bool(reference), "a referral's reference is read from the list",
               "read %r" % reference if reference else "no label like PRP-YYYY-NNN found")


if __name__ == "__main__":
    main()
    sys.exit(exit_code())
