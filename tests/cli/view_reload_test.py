#!/usr/bin/python3
"""imfolio view FILE reloads on a save (issue 14, live editing), of the profile or of a
BibTeX file it names. usage: view_reload_test.py IMFOLIO XVFB_RUN

Runs the viewer in a virtual display, saves the files, and reads what the viewer says on
the terminal ("imfolio: reloaded FILE: N publications, M problems")."""
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

imfolio, xvfb = sys.argv[1], sys.argv[2]
folder = tempfile.mkdtemp(prefix="imfolio-view-")
profile = os.path.join(folder, "profile.json")
bib = os.path.join(folder, "papers.bib")


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


write(profile, '{"basics": {"name": "Ada Quill", "label": "Before"}, "bibliography": "papers.bib"}')
write(bib, "@article{a1, title = {First Paper}, author = {Quill, Ada}, year = 2024}\n")

env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
proc = subprocess.Popen([xvfb, "-a", "-s", "-screen 0 1280x900x24", imfolio, "view", profile],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                        start_new_session=True)  # xvfb-run's children (Xvfb, the viewer) end with it
lines = []
threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in proc.stdout], daemon=True).start()


def wait_for(needle, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if any(needle in l for l in lines):
            return True
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    return False


failures = []
try:
    time.sleep(3)  # the window is open and idle
    if proc.poll() is not None:
        failures.append("the viewer exited: " + " | ".join(lines))
    else:
        saved = time.time()
        write(profile, '{"basics": {"name": "Ada Quill", "label": "After"}, "bibliography": "papers.bib", "oops": 1}')
        if not wait_for("reloaded " + profile + ": 1 publications, 1 problems", 2.5):
            failures.append("a save of the profile was not shown: " + " | ".join(lines))
        else:
            print("profile save shown after %.2f s" % (time.time() - saved))
        saved = time.time()
        with open(bib, "a", encoding="utf-8") as f:
            f.write("@inproceedings{a2, title = {Second Paper}, author = {Quill, Ada}, year = 2025}\n")
        if not wait_for("2 publications, 1 problems", 2.5):
            failures.append("a save of papers.bib was not shown: " + " | ".join(lines))
        else:
            print("bibliography save shown after %.2f s" % (time.time() - saved))
finally:
    # The whole group: terminating xvfb-run alone left the viewer and Xvfb running.
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
for f in failures:
    print("FAIL:", f)
print("ok" if not failures else "failed")
sys.exit(1 if failures else 0)
