#!/usr/bin/python3
"""Startup benchmark: time from process start to the window's first painted
frame (the app reports it from its frame clock when PANEL_DESK_BENCH_FIRST_FRAME
is set), on an empty database and on the 100,000-referral demo database.
Prints `metric NAME VALUE UNIT` lines. Needs an X display.

Usage: bench-startup.py PANEL_DESK PANEL_DESK_ADMIN CACHE_DIR"""
import os
import statistics
import subprocess
import sys
import time

RUNS = 7


def first_frame_ms(panel_desk, database):
    env = dict(os.environ, PANEL_DESK_BENCH_FIRST_FRAME="1", GSETTINGS_BACKEND="memory",
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))
    start_us = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    out = subprocess.run([panel_desk, "--database", database], env=env, capture_output=True,
                         text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("first-frame-monotonic-us "):
            return (int(line.split()[1]) - start_us) / 1000.0
    raise RuntimeError("no first frame reported (exit %d): %s" % (out.returncode, out.stderr[-2000:]))


def make(admin, args, path):
    if not os.path.exists(path):
        subprocess.run([admin] + args, check=True, timeout=600)


def main():
    panel_desk, admin, cache = sys.argv[1:4]
    os.makedirs(cache, exist_ok=True)
    empty = os.path.join(cache, "bench-empty.paneldesk")
    big = os.path.join(cache, "bench-100k.paneldesk")
    make(admin, ["init", empty], empty)
    started = time.monotonic()
    make(admin, ["demo", big, "--referrals", "100000"], big)
    print("# 100k demo database ready in %.1f s" % (time.monotonic() - started))

    first_frame_ms(panel_desk, empty)  # warm the caches (fonts, shaders, page cache)
    first_frame_ms(panel_desk, big)
    empty_runs, big_runs = [], []
    for _ in range(RUNS):  # interleaved, so machine noise hits both alike
        empty_runs.append(first_frame_ms(panel_desk, empty))
        big_runs.append(first_frame_ms(panel_desk, big))

    empty_ms = statistics.median(empty_runs)
    big_ms = statistics.median(big_runs)
    print("# empty runs: %s" % " ".join("%.0f" % v for v in empty_runs))
    print("# 100k runs:  %s" % " ".join("%.0f" % v for v in big_runs))
    print("metric startup_first_frame_ms %.0f ms" % empty_ms)
    print("metric startup_first_frame_100k_ms %.0f ms" % big_ms)
    print("metric startup_ratio_100k_vs_empty %.2f x" % (big_ms / empty_ms))


if __name__ == "__main__":
    main()
