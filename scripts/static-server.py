#!/usr/bin/python3
"""A static file server for build/web/dist, as a CDN would serve it.

usage: scripts/static-server.py DIR [--port N] [--host H] [--watch PROFILE]

- serves FILE.br or FILE.gz in place of FILE when the client accepts it, with
  Content-Encoding and Vary: Accept-Encoding;
- Content-Type from the extension (application/wasm for .wasm: streaming compilation
  needs it);
- Cache-Control: content-hashed files (name.0123456789.ext, fonts/0123456789/*) are immutable for a year,
  everything else (index.html, the profile) is revalidated every time.
Prints the URL once listening. Port 0 picks a free port.

--watch PROFILE (what scripts/serve uses): live editing. The server watches PROFILE and
every file in its folder (the .bib files and pictures it names live there), copies a
saved file into DIR/data/ where the page fetches it (PROFILE as data/profile.json), and
tells the open pages through Server-Sent Events at /__imfolio/events ("saved"); it marks
index.html with data-live so that only pages it serves listen. The page then fetches the
profile again and shows it in place: same section, same scroll position, no reload.
"""
import argparse
import http.server
import io
import os
import re
import shutil
import sys
import threading
import time

TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
    ".svg": "image/svg+xml", ".png": "image/png", ".otf": "font/otf", ".ttf": "font/ttf", ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
}
# name.0123456789.ext, or anything in a folder named by a hash (fonts/0123456789/...).
HASHED = re.compile(r"\.[0-9a-f]{10}\.[a-z0-9]+$|/[0-9a-f]{10}/")


EVENTS = "/__imfolio/events"


class Watcher:
    """Polls the profile's folder for saves; counts them so each page hears of each once."""

    MAX_FILES = 5000
    SKIP = {"build", "node_modules", "_site", ".git"}

    def __init__(self, profile, dist):
        self.profile = os.path.realpath(profile)
        self.folder = os.path.dirname(self.profile)
        self.data = os.path.join(dist, "data")
        self.saves = 0
        self.changed = threading.Condition()
        self.seen = self.scan()

    def scan(self):
        found = {}
        for root, dirs, files in os.walk(self.folder):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in self.SKIP]
            for name in files:
                if len(found) >= self.MAX_FILES:
                    return found
                path = os.path.join(root, name)
                try:
                    found[path] = os.stat(path).st_mtime_ns
                except OSError:
                    pass
        return found

    def run(self):
        while True:
            time.sleep(0.25)
            now = self.scan()
            saved = [p for p, m in now.items() if self.seen.get(p) != m]
            self.seen = now
            if not saved:
                continue
            for path in saved:
                rel = "profile.json" if path == self.profile else os.path.relpath(path, self.folder)
                target = os.path.join(self.data, rel)
                try:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copyfile(path, target + ".tmp")
                    os.replace(target + ".tmp", target)  # a page never reads half a file
                    for suffix in (".gz", ".br"):  # stale compressed copies would win
                        if os.path.exists(target + suffix):
                            os.remove(target + suffix)
                except OSError as e:
                    print(f"static-server: cannot copy {path}: {e}", file=sys.stderr, flush=True)
            print(f"static-server: saved {', '.join(os.path.relpath(p, self.folder) for p in saved)}", flush=True)
            with self.changed:
                self.saves += 1
                self.changed.notify_all()


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    watcher = None

    def log_message(self, fmt, *args):
        if os.environ.get("IMFOLIO_SERVER_LOG"):
            super().log_message(fmt, *args)

    def do_GET(self):
        if self.watcher and self.path.split("?")[0] == EVENTS:
            return self.events()
        return super().do_GET()

    def events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        w = self.watcher
        with w.changed:
            heard = w.saves
        try:
            self.wfile.write(b": watching\n\n")
            self.wfile.flush()
            while True:
                with w.changed:
                    w.changed.wait(timeout=15)
                    saves = w.saves
                # A comment every 15 s keeps proxies from closing an idle stream.
                self.wfile.write(b"event: saved\ndata: %d\n\n" % saves if saves != heard else b": idle\n\n")
                self.wfile.flush()
                heard = saves
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def send_head(self):
        if self.watcher and self.path.split("?")[0] in ("/", "/index.html"):
            return self.live_index()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404, "Not found")
            return None
        ext = os.path.splitext(path)[1]
        accepted = self.headers.get("Accept-Encoding", "")
        served, encoding = path, None
        for enc, suffix in (("br", ".br"), ("gzip", ".gz")):
            if enc in accepted and os.path.isfile(path + suffix):
                served, encoding = path + suffix, enc
                break
        f = open(served, "rb")
        size = os.fstat(f.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(ext, "application/octet-stream"))
        self.send_header("Content-Length", str(size))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        immutable = HASHED.search(self.path.split("?")[0])
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        return f


    def live_index(self):
        # Only pages this server serves listen for saves: the built page is unchanged.
        html = open(os.path.join(self.directory, "index.html"), "rb").read()
        html = html.replace(b'<div id="app" class="app"', b'<div id="app" class="app" data-live="' + EVENTS.encode() + b'"', 1)
        self.send_response(200)
        self.send_header("Content-Type", TYPES[".html"])
        self.send_header("Content-Length", str(len(html)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(html)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--watch", metavar="PROFILE")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"static-server: {a.dir}/index.html not found: run scripts/build first")
    if a.watch:
        Handler.watcher = Watcher(a.watch, a.dir)
        threading.Thread(target=Handler.watcher.run, daemon=True).start()
    handler = lambda *args, **kw: Handler(*args, directory=a.dir, **kw)
    server = http.server.ThreadingHTTPServer((a.host, a.port), handler)
    print(f"http://{a.host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
