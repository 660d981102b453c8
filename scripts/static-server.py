#!/usr/bin/python3
"""A static file server for build/web/dist, as a CDN would serve it.

usage: scripts/static-server.py DIR [--port N] [--host H]

- serves FILE.br or FILE.gz in place of FILE when the client accepts it, with
  Content-Encoding and Vary: Accept-Encoding;
- Content-Type from the extension (application/wasm for .wasm: streaming compilation
  needs it);
- Cache-Control: content-hashed files (name.0123456789.ext, fonts/0123456789/*) are immutable for a year,
  everything else (index.html, the profile) is revalidated every time.
Prints the URL once listening. Port 0 picks a free port.
"""
import argparse
import http.server
import os
import re
import sys

TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
    ".svg": "image/svg+xml", ".png": "image/png", ".otf": "font/otf", ".ttf": "font/ttf", ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
}
# name.0123456789.ext, or anything in a folder named by a hash (fonts/0123456789/...).
HASHED = re.compile(r"\.[0-9a-f]{10}\.[a-z0-9]+$|/[0-9a-f]{10}/")


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("IMFOLIO_SERVER_LOG"):
            super().log_message(fmt, *args)

    def send_head(self):
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    ap.add_argument("--host", default="127.0.0.1")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"static-server: {a.dir}/index.html not found: run scripts/build first")
    handler = lambda *args, **kw: Handler(*args, directory=a.dir, **kw)
    server = http.server.ThreadingHTTPServer((a.host, a.port), handler)
    print(f"http://{a.host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
