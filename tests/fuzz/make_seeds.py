#!/usr/bin/python3
"""Write the fuzzer's seed corpus into DIR.

usage: tests/fuzz/make_seeds.py DIR [--small]

The corpus is every profile the project already has (data/*.json, data/examples/,
tests/fixtures/ when present: the format engineer's good and bad files) plus broken
and hostile inputs generated here, one kind of damage per file, so that the fuzzer
starts at each edge instead of having to find it: empty and non-JSON files, truncation,
wrong types everywhere, invalid UTF-8, byte-order marks, duplicate keys, nesting and
string lengths either side of the limits, too many entries, problems and glyphs, hostile
links and markup, and numbers JSON allows but C++ must not trust.
--small keeps only inputs up to 64 KiB that run in well under a second: what
scripts/fuzz starts from, so that libFuzzer's mutations stay fast. The others (the
limits' far sides: 16 MiB, 20000 entries, 4000+ glyphs) run in ctest's replay.
DIR is emptied first. Deterministic: the same files every run.
"""
import json
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KIB = 1024
MIB = 1024 * KIB


def existing_files():
    """(name, bytes) of every profile or fixture already in the tree."""
    out = []
    for folder in ("data", os.path.join("data", "examples"), os.path.join("tests", "fixtures")):
        base = os.path.join(ROOT, folder)
        if not os.path.isdir(base):
            continue
        for dirpath, _, files in os.walk(base):
            if folder == "data" and dirpath != base:
                continue  # data/examples is its own entry; data/fonts and the like are not profiles
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                if os.path.getsize(path) > 4 * MIB:
                    continue
                rel = os.path.relpath(path, ROOT).replace(os.sep, "_")
                with open(path, "rb") as f:
                    out.append((rel, f.read()))
    return out


def dump(value):
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


# Under a second each, but seconds under ASan: an atlas of 4000 glyphs, 20000 entries.
SLOW = {"many-glyphs", "many-entries", "many-links"}


def generated(seed_profile):
    g = {}
    seed = dump(seed_profile)

    # Not a profile at all.
    g["empty"] = b""
    g["whitespace"] = b" \n\t\r\n  "
    g["null"] = b"null"
    g["number"] = b"42"
    g["string"] = b'"a profile"'
    g["array"] = b'[{"basics": {"name": "A"}}]'
    g["html-page"] = b"<!doctype html><html><body><h1>404 Not Found</h1></body></html>"
    g["nul-bytes"] = b'{"basics": {"name": "A\x00B"}}\x00\x00'
    g["syntax-trailing-comma"] = b'{\n  "basics": {\n    "name": "A",\n  }\n}'
    g["syntax-single-quotes"] = b"{'basics': {'name': 'A'}}"
    g["syntax-comment"] = b'{"basics": {"name": "A"} /* note */}'
    g["syntax-line-comment"] = b'// a profile\n{"basics": {"name": "A", // the name\n "url": "https://a.example/b//c"}}'
    g["syntax-unclosed-comment"] = b'{"basics": {"name": "A"} /* never closed'
    g["syntax-unclosed-string"] = b'{"basics": {"name": "A'
    g["syntax-bad-escape"] = b'{"basics": {"name": "\\x41"}}'
    g["syntax-two-documents"] = b'{"basics": {}} {"basics": {}}'
    for cut in (1, 2, 17, len(seed) // 3, len(seed) // 2, len(seed) - 1):
        g["truncated-%d" % cut] = seed[:cut]

    # Encodings.
    g["bom"] = b"\xef\xbb\xbf" + seed
    g["bom-only"] = b"\xef\xbb\xbf"
    g["utf16-le-bom"] = b"\xff\xfe" + '{"basics": {"name": "A"}}'.encode("utf-16-le")
    g["invalid-utf8-in-string"] = b'{"basics": {"name": "Ad\xffa \xc3\x28 \xe2\x82 \xf0\x9f\x98", "label": "\xed\xa0\x80"}}'
    g["invalid-utf8-in-key"] = b'{"basics": {"na\xfeme": "A", "\xc0\xaf": 1}}'
    g["overlong-utf8"] = b'{"basics": {"name": "\xc0\xbc\xe0\x80\xbcscript\xf0\x80\x80\xbc"}}'
    g["lone-surrogate-escapes"] = b'{"basics": {"name": "\\ud800 \\udfff \\ud83d\\u0041"}}'
    g["escaped-controls"] = b'{"basics": {"name": "\\u0000\\u0001\\u001b[31m\\u007f\\u202e\\u2028"}}'

    # Structure.
    g["duplicate-keys"] = b'{"basics": {"name": "A", "name": "B"}, "basics": {"name": "C"}, "work": [], "work": {}}'
    for depth in (63, 64, 65, 200, 20000):
        g["deep-arrays-%d" % depth] = b'{"basics": {"name": "A"}, "x": ' + b"[" * depth + b"]" * depth + b"}"
    g["deep-objects-in-section"] = b'{"work": [' + b'{"a":' * 100 + b"1" + b"}" * 100 + b"]}"
    g["deep-unclosed"] = b"[" * 100000
    g["wrong-types-top"] = dump({k: v for k, v in zip(
        ["basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages",
         "interests", "references", "projects", "news", "openings", "meta"],
        [5, {}, "x", True, 1.5, None, {"a": 1}, [[]], [None], [1, "x", []], "refs", {}, [3], [True], []])})
    g["wrong-types-fields"] = dump({
        "basics": {"name": ["A"], "label": {"x": 1}, "email": 5, "url": [], "profiles": {"network": "x"},
                   "otherNames": [5, None, {"name": 3}], "location": "here", "summary": False},
        "work": [{"name": 1, "startDate": {"y": 2020}, "endDate": [2021], "highlights": "one", "current": "maybe"}],
        "education": [{"courses": [1, None, {}, []], "startDate": -5, "endDate": 99999}],
        "publications": [{"author": "A", "issued": 2020, "custom": [], "title": None},
                         {"author": [1, [], {"family": 2}], "issued": {"date-parts": "2020"}},
                         {"issued": {"date-parts": [[]]}}, {"issued": {"date-parts": [["x", "y", "z"]]}},
                         {"issued": {"date-parts": [[-5, 99, 99]]}}, {"issued": {"raw": 7}},
                         {"issued": {"literal": ""}}, {"issued": {}}],
        "news": [{"date": 2025.5, "title": {"t": 1}, "url": 7}],
        "meta": {"order": 5, "theme": [], "lastModified": 20250101},
    })
    g["numbers"] = (b'{"basics": {"name": 1e400, "label": -0, "phone": 18446744073709551616, "summary": -1e-400},'
                    b' "awards": [{"date": 9223372036854775807}, {"date": -9223372036854775808}, {"date": 1e308},'
                    b' {"title": 123456789012345678901234567890}],'
                    b' "publications": [{"issued": {"date-parts": [[9223372036854775807, -1, 2147483648]]}}]}')
    g["empty-everything"] = dump({"basics": {}, "work": [{}], "education": [{}], "awards": [{}], "publications": [{}],
                                  "news": [{}], "openings": [{}], "interests": [{}], "projects": [{}], "skills": [{}]})
    g["dates"] = dump({"work": [{"name": "A", "startDate": d, "endDate": d} for d in (
        "", "0000", "2025-00", "2025-13", "2023-02-29", "2024-02-29", "2025-06-31", "2025-06-15T", "9999-12-31",
        "20250615", "2025-6-1", "-2025", "2025-06-15garbage", "２０２５")]})

    # Hostile text and links.
    xss = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    g["xss"] = dump({
        "basics": {"name": xss, "label": "</script><script>alert(3)</script>", "url": "javascript:alert(4)",
                   "email": "a@b.c\"><script>alert(5)</script>", "summary": "<!-- --><style>*{}</style>&amp;&lt;",
                   "profiles": [{"network": "X", "url": u} for u in (
                       "javascript:alert(6)", "JaVaScRiPt:alert(7)", " javascript:alert(8)", "java\tscript:alert(9)",
                       "java\nscript:alert(10)", "\x01javascript:alert(11)", "data:text/html,<script>alert(12)</script>",
                       "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x", "\\\\evil\\x", "https:evil",
                       "http://ok.example/\"><script>", "mailto:a@b.c?body=<script>", "#/about", "#/../../x")]},
        "publications": [{"title": xss, "URL": "javascript:alert(13)", "DOI": "10.1/\"><script>alert(14)</script>",
                          "custom": {"pdf": "javascript:alert(15)", "code": "data:,x", "abbr": "<b>"}}],
        "news": [{"date": "2025", "title": xss, "url": "jav&#x09;ascript:alert(16)"}],
        "meta": {"canonical": "javascript:alert(17)"},
    })
    # Inline Markdown and the HTML al-folio writes in it, well and badly nested.
    g["markdown"] = dump({
        "basics": {"name": "A", "summary": "Advised by [Prof. X](https://x.example/) *and* **B**, `code`.  \n"
                   "<p>With <a href=\"https://y.example/\">Y</a><br/><b>b <i>bi</b> i</i></p>\n\n- one\n- two\n\n"
                   "1. first\n\n   loose\n\n> quote\n\n# heading\n\n```\nfenced\n```\n"
                   "[x](javascript:alert(1)) <a href='java&#x09;script:x'>y</a> <a href=https://z.example>z</a> "
                   "<script>s</script> <!-- c --> &#0; &#xD800; &#x10FFFF; &amp;&nbsp; [ref][r]\n\n[r]: https://r.example"},
        "work": [{"name": "W", "highlights": ["*a*", "**", "[](https://e.example)", "<a href=\"https://e\">", "</a>"],
                  "description": "***x*** _y_ __z__ \\*no\\* https://auto.example/path."}],
        "news": [{"date": "2025", "text": "<em>x</em> [n](https://n.example \"title\")"}],
        "openings": [{"title": "O", "summary": "![img](https://i.example/x.png) alt"}],
    })
    g["bidi-and-combining"] = dump({"basics": {"name": "A\u202eevil\u202c" + "Z" + "\u0301" * 300,
                                               "label": "\u200b" * 100 + "\ufeff\u2060"}})
    g["emoji-sequences"] = dump({"basics": {"name": "\U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F3F3\uFE0F\u200D\U0001F308",
                                            "label": "\U0001F44D\U0001F3FD \u267B\uFE0F \U0001FAE0 \U000E0067"}})
    g["private-use-and-unassigned"] = dump({"basics": {"name": "\uf000\uf8ff\U000F0000\U0010FFFD\ufffe"}})

    # Limits, either side.
    g["string-at-limit"] = dump({"basics": {"name": "A", "summary": "x" * (256 * KIB)}})
    g["string-over-limit"] = dump({"basics": {"name": "A", "summary": "x" * (256 * KIB + 1)}})
    g["key-over-limit"] = b'{"' + b"k" * (256 * KIB + 1) + b'": 1}'
    g["one-long-word"] = dump({"basics": {"name": "A", "summary": "W" * 5000}})
    g["many-entries"] = b'{"news": [' + b",".join([b'{"title": "n"}'] * 20001) + b"]}"
    g["many-problems"] = dump({"basics": {"name": "A", **{"unknown%d" % i: i for i in range(800)}}})
    cjk = "".join(chr(0x4E00 + i) for i in range(5000))
    g["many-glyphs"] = dump({"basics": {"name": "A" + cjk[:50], "summary": cjk}})
    g["many-links"] = dump({"basics": {"name": "A", "profiles": [
        {"network": "n%d" % i, "url": "https://e.example/%d" % i} for i in range(3000)]}})
    g["file-over-limit"] = b'{"basics": {"name": "A"}, "pad": "' + b"x" * (16 * MIB) + b'"}'
    g["minified-2mib-line"] = dump({"news": [{"title": "t%d" % i, "text": "x" * 200} for i in range(9000)]})

    # Bibliographies: the profile fuzzer merges what follows a "%%BIB%%" line (bibtex_fuzzer.cpp
    # has the .bib shapes; these are the merge's: duplicates by DOI and title, order, links).
    bib_dir = os.path.join(ROOT, "tests", "fixtures", "bibtex")
    with_bib = dump({"basics": {"name": "Ingrid Halvorsen-Tanaka"}, "bibliography": ["pubs/papers.bib", "x.bib"],
                     "publications": [{"title": "Lantern", "DOI": "10.5555/ICIV.2024.0042", "custom": {"abbr": "J"}},
                                      {"title": "The Grammar of Nowhere", "issued": "2018"}]})
    for name in ("alfolio.bib", "realworld.bib", "slips.bib", "latex.bib"):
        with open(os.path.join(bib_dir, name), "rb") as f:
            g["bibliography-" + name] = with_bib + b"\n%%BIB%%\n" + f.read()
    g["bibliography-missing"] = with_bib
    g["bibliography-as-written"] = (dump({"basics": {"name": "A"}, "bibliography": "a.bib", "meta": {"order": "as-written"},
                                          "publications": [{"title": "J", "issued": "2001"}]}) +
                                    b"\n%%BIB%%\n@misc{a, title={B}, year=2020}\n@misc{b, title={J}, year=2001}")
    g["bibliography-bad-names"] = dump({"basics": {"name": "A"}, "bibliography": ["/abs.bib", "https://x/y.bib", 3, ""]})
    return g


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    small = "--small" in sys.argv
    out = args[0]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with open(os.path.join(ROOT, "data", "profile.json"), encoding="utf-8") as f:
        seed_profile = json.load(f)
    files = existing_files()
    gen = generated(seed_profile)
    if small:
        gen = {k: v for k, v in gen.items() if k not in SLOW}
        files = [(k, v) for k, v in files if len(v) <= 64 * KIB]
    files += sorted(("gen_" + k, v) for k, v in gen.items() if not small or len(v) <= 64 * KIB)
    for name, data in files:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("make_seeds: %d inputs in %s" % (len(files), out))


if __name__ == "__main__":
    main()
