#!/usr/bin/python3
"""End to end through the accessibility tree: log a new referral through the
controls' accessible names, then find it again by search. TAP output.

Usage: test-e2e-new-referral.py PANEL_DESK PANEL_DESK_ADMIN"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdtest  # noqa: E402,F401  (sets dogtail up before anything imports it)
from dogtail import rawinput  # noqa: E402
from pdtest import exit_code, find_all, find_named, report, running_app, text_of, wait_for  # noqa: E402

PSEUDONYM = "Young Person Zeta"
ROW = re.compile(r"^(PRP-\d{4}-\d{3,}), ([^,]+),")


def set_text(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)


def rows(app):
    return [ROW.match(text_of(n)) for n in find_all(app, lambda n: n.roleName == "label"
                                                       and ROW.match(text_of(n) or ""))]


def main():
    panel_desk, admin = sys.argv[1], sys.argv[2]
    print("1..5")
    with running_app(panel_desk, admin, 20) as app:
        new = app and wait_for(lambda: find_named(app, "push button", "New Referral…"))
        report(new is not None, "the New Referral button is found by its name")
        if new is None:
            for _ in range(3):
                report(False, "skipped: no button")
            return
        new.doActionNamed("click")

        pseudonym = wait_for(lambda: find_named(app, "text", "Pseudonym, such as “Child A”"))
        save = pseudonym and find_named(app, "push button", "Save")
        if pseudonym is not None:
            set_text(pseudonym, PSEUDONYM)
        report(pseudonym is not None and save is not None, "the form's pseudonym and Save are found by name")
        if save is None:
            for _ in range(2):
                report(False, "skipped: no form")
            return
        save.doActionNamed("click")

        back = wait_for(lambda: find_named(app, "push button", "Back to the referrals"))
        title = wait_for(lambda: [n for n in find_all(app, lambda n: n.roleName == "label"
                                                      and re.match(r"^PRP-\d{4}-\d{3,}$", text_of(n) or ""))])
        reference = text_of(title[0]) if title else ""
        report(bool(reference), "saved, the new referral opens", "reference %r" % reference)
        if back is not None:
            back.doActionNamed("click")

        # Ctrl+F opens the search bar, as a user would; the entry is then
        # filled through its accessible name.
        rawinput.keyCombo("<Control>f")
        search = wait_for(lambda: find_named(app, "entry", "Search referrals"))
        if search is not None:
            set_text(search, "zeta")
        # Only the new referral is left in the list.
        found = wait_for(lambda: [m for m in rows(app)] if all(m.group(2) == PSEUDONYM for m in rows(app))
                         and rows(app) else None, timeout=10)
        report(bool(found) and found[0].group(1) == reference,
               "found again by searching for a word of its pseudonym",
               "rows: %r" % [m.group(0) for m in rows(app)][:5])


if __name__ == "__main__":
    main()
    sys.exit(exit_code())
