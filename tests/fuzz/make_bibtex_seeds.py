#!/usr/bin/python3
"""Write the BibTeX fuzzer's seed corpus into DIR.

usage: tests/fuzz/make_bibtex_seeds.py DIR [--small]

The corpus is every .bib fixture (tests/fixtures/bibtex/) plus inputs generated from
them, one kind of damage per file, so that the fuzzer starts at each edge instead of
having to find it: every fixture cut short at several points, with a brace, a quote,
a comma or an '=' taken out, with CRLF line ends, a byte-order mark, invalid UTF-8 and
NUL bytes; and generated shapes: nesting either side of the depth limit, values either
side of the length limit, @string macros that double at each step, many entries, many
problems, every recovery case, LaTeX and math of every kind, long single lines.
--small keeps only inputs up to 64 KiB (what scripts/fuzz starts from, so mutations stay
fast); the others run in ctest's replay. DIR is emptied first. Deterministic.
"""
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "bibtex")
KIB = 1024


def fixtures():
    out = []
    for name in sorted(os.listdir(FIXTURES)):
        if name.lower().endswith(".bib"):
            with open(os.path.join(FIXTURES, name), "rb") as f:
                out.append((name, f.read()))
    return out


def damaged(name, data):
    """One kind of damage per input, derived from a fixture."""
    g = {}
    for cut in (1, 7, len(data) // 3, len(data) // 2, len(data) - 2):
        if 0 < cut < len(data):
            g["%s-cut-%d" % (name, cut)] = data[:cut]
    for what, byte in (("brace", b"}"), ("open-brace", b"{"), ("quote", b'"'), ("comma", b","), ("equals", b"=")):
        at = data.find(byte, len(data) // 2)
        if at >= 0:
            g["%s-no-%s" % (name, what)] = data[:at] + data[at + 1:]
    g[name + "-crlf"] = data.replace(b"\n", b"\r\n")
    g[name + "-bom"] = b"\xef\xbb\xbf" + data
    g[name + "-bad-utf8"] = data[: len(data) // 2] + b"\xff\xc3\x28\xe2\x82" + data[len(data) // 2:]
    g[name + "-nul"] = data.replace(b" ", b"\x00", 3)
    return g


def generated():
    g = {}
    entry = b"@article{k%d, title = {T%d}, author = {A, B and C, D}, year = %d}\n"
    g["empty"] = b""
    g["only-at"] = b"@"
    g["at-no-brace"] = b"@article"
    g["at-open"] = b"@article{"
    g["at-key"] = b"@article{key"
    g["at-key-comma"] = b"@article{key,"
    g["field-no-value"] = b"@article{key, title ="
    g["field-open"] = b"@article{key, title = {"
    g["quote-open"] = b'@article{key, title = "'
    g["paren-entry"] = b'@article(key, title = "A (b) c", year = 2020)'
    g["string-forms"] = (b'@string{a = "x"}\n@string{b = {y},}\n@STRING{ c = a # b # "z" }\n'
                         b"@string{d = c # c, e = d # d}\n@misc{k, title = e # jan # dec, note = undefined}\n")
    g["front-matter"] = b"---\nlayout: x\n---\n" + entry % (1, 1, 2020)
    g["front-matter-open"] = b"---\nlayout: x\n" + entry % (1, 1, 2020)
    g["junk"] = b"text\n% comment\nmore text me@example.org\n" + entry % (1, 1, 2020) + b"}, year = 1}\n"
    g["comment-preamble"] = b'@comment{a {b} c}\n@preamble{"\\newcommand"}\n@comment(x)\n' + entry % (1, 1, 2020)
    g["recovery"] = (b"@article{a,\n  url = {x}\n  pdf = {y.pdf},\n  year = 2020,\n\n"
                     b"@article{b,\n  title = {Open,\n  year = 2021,\n}\n"
                     b'@article{c,\n  title = "Open,\n  year = 2022,\n}\n'
                     b"@article{d,\n  title {No equals},\n  ??? junk,\n  year = 2023\n}\n"
                     b'@article{e, title = "Stray}, year = 2024}\n')
    for depth in (63, 64, 65, 1000):
        g["depth-%d" % depth] = b"@misc{k, title = " + b"{" * depth + b"x" + b"}" * depth + b"}"
    g["depth-unclosed"] = b"@misc{k, title = " + b"{" * 5000
    for n in (256 * KIB, 256 * KIB + 1):
        g["length-%d" % n] = b"@misc{k, title = {" + b"x" * n + b"}}"
    bomb = b"@string{m0 = {xxxxxxxxxxxxxxxx}}\n"
    for k in range(1, 30):
        bomb += b"@string{m%d = m%d # m%d}\n" % (k, k - 1, k - 1)
    g["macro-bomb"] = bomb + b"".join(b"@misc{e%d, note = m14}\n" % k for k in range(50))
    g["many-entries"] = b"".join(entry % (k, k, 2000 + k % 30) for k in range(20001))
    g["many-problems"] = b"".join(b"@misc{k%d, unknown%d = {x}}\n" % (k, k) for k in range(700))
    g["duplicates"] = b"@misc{k, title={A}, title={B}}\n@misc{k, title={C}}\n@misc{title={No key}}\n"
    g["latex"] = ("@misc{k, title = {{\\\"u}\\\"{u}\\\"u \\'e {\\'\\i} \\c{c} \\v{s} \\~n \\o \\ss \\aa \\l \\i \\AE \\oe "
                  "\\`a \\^o \\=o \\.z \\u{a} \\H{o} \\r{u} \\k{a} \\d{a} \\b{b} \\t{oo} \\'{\\\"u} \\'{} "
                  "-- --- `` '' ~ \\, \\& \\% \\_ \\$ \\# \\emph{e} \\textbf{b} {\\em x} \\textsc{s} "
                  "\\textsuperscript{2} \\textsubscript{2} \\url{https://x.example/a\\_b} "
                  "\\href{https://y.example}{y} \\href{javascript:x}{z} \\foo{bar} \\baz $\\alpha$ $x^2$ $x_{10}$ "
                  "$^{th}$ $\\frac{a}{b}$ $\\mathbb{R}$ $\\hat{x}$ \\(\\beta\\) \\ensuremath{\\gamma} "
                  "Zu\u0308rich e\u0323\u0302}, author = {Zhao*, W and Li\\textsuperscript{\\dag}, M and "
                  "Osei$^*$, K and {The Consortium} and van der Berg, Jr, P and others}}").encode("utf-8")
    g["names"] = (b"@misc{k, author = {A One AND B Two and {C and D} and E, F, G, H and , and and others and "
                  b"{\\'E}mile d'Artagnan and {\\relax Th}orvaldur X and Ludwig {van} Aalst}}")
    g["links"] = (b"@misc{k, pdf = {a b.pdf}, preview = {p.png}, slides = {/s.pdf}, code = {javascript:x}, "
                  b"html = {//evil.example}, url = {\\url{https://x.example}}, arxiv = {arXiv:2101.00001v2}, "
                  b"eprint = {cs/0101001}, doi = {https://doi.org/10.1/X}, selected = {maybe}}")
    g["dates"] = (b"@misc{a, year = {in press}}\n@misc{b, year = 2023a, month = {23--29 Jul}}\n"
                  b"@misc{c, date = {2020-02-30}}\n@misc{d, date = {2019-05-02/2019-05-04}, day = 3}\n"
                  b"@misc{e, year = 2020, month = 13, day = 40}\n")
    g["long-line"] = b" ".join(entry.strip() % (k, k, 2000) for k in range(3000))
    g["at-storm"] = b"@" * 20000
    g["brace-storm"] = b"@misc{k, title = " + b"{}" * 50000 + b"}"
    g["newline-storm"] = b"@misc{k, title = {" + b"\n  x = {" * 5000
    return g


# Under a second natively, but seconds under ASan: left to ctest's replay, so mutations stay fast.
SLOW = {"many-entries", "macro-bomb", "many-problems", "newline-storm"}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    small = "--small" in sys.argv
    out = args[0]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    files = fixtures()
    inputs = dict(files)
    for name, data in files:
        inputs.update(damaged(name, data))
    inputs.update(("gen_" + k, v) for k, v in generated().items())
    written = 0
    for name, data in sorted(inputs.items()):
        if small and (len(data) > 64 * KIB or name[4:] in SLOW):
            continue
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        written += 1
    print("make_bibtex_seeds: %d inputs in %s" % (written, out))


if __name__ == "__main__":
    main()
