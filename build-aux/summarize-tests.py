#!/usr/bin/python3
"""Counts meson's test results from testlog.json and prints the closing line
"N passed, N failed[, N skipped]". Benchmarks' `metric NAME VALUE UNIT` lines
are repeated above it, so `build-aux/test --benchmark` shows the numbers.
Exits 1 when anything failed or nothing ran."""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

def main(path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                entry = json.loads(line)
                for output in (entry.get("stdout") or "").splitlines():
                    # TAP tests print theirs as comments: "# metric ...".
                    if output.startswith("# metric "):
                        output = output[2:]
                    if output.startswith("metric "):
                        print(output)
                result = entry.get("result")
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        print("no test results: the build or the test runner failed", file=sys.stderr)
        failed = max(failed, 1)

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
