#!/usr/bin/python3
"""Runs a command and holds its output to an expectation file.

usage: expect.py EXPECT_FILE COMMAND [ARG...]

The expectation file (tests/cli/*.expect) is, after comments (#) and blank lines:
  exit N          the exit code the command must return
  exact           (optional, after exit) the output has no lines besides the ones below
  then regexes,   one per line, each matching a whole line of the output (stdout and
                  stderr together), in this order; other lines may come between them.
  !REGEX          no line of the output may match.
"""
import re
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    expected_exit = None
    exact = False
    wanted, forbidden = [], []
    for raw in open(sys.argv[1], encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if expected_exit is None and line.startswith("exit "):
            expected_exit = int(line.split()[1])
        elif line == "exact" and not wanted:
            exact = True
        elif line.startswith("!"):
            forbidden.append(re.compile(line[1:]))
        else:
            wanted.append(re.compile(line))
    run = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = run.stdout.decode("utf-8", errors="replace").splitlines()
    failures = []
    if expected_exit is not None and run.returncode != expected_exit:
        failures.append(f"exit code {run.returncode}, expected {expected_exit}")
    at = 0
    for pattern in wanted:
        while at < len(output) and not pattern.fullmatch(output[at]):
            at += 1
        if at == len(output):
            failures.append(f"no line (in order) matches: {pattern.pattern}")
            at = 0
        else:
            at += 1
    if exact and len(output) != len(wanted):
        failures.append(f"{len(output)} lines of output, expected exactly {len(wanted)}")
    for pattern in forbidden:
        for line in output:
            if pattern.fullmatch(line):
                failures.append(f"line should not appear: {line}")
    if failures:
        print("output was:\n  " + "\n  ".join(output))
        print("\n".join(failures))
        return 1
    print(f"ok: exit {run.returncode}, {len(wanted)} expected lines found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
