#!/usr/bin/python3
"""Holds imfolio's BibTeX reader to pandoc's, entry by entry.

usage: pandoc_oracle.py BIBTEX_DUMP FILE.bib...

For each file, `pandoc -f bibtex -t csljson FILE` (an independent reader) and
`BIBTEX_DUMP FILE` (imfolio's) must give the same entries in the same order, with the
same titles, author names and years. What the two are known to do differently is
normalised away here, and only that:
  - pandoc puts titles in sentence case: titles are compared case-folded;
  - pandoc marks \\emph and friends with <i>, <b>, <span>: its tags are dropped;
  - pandoc leaves \\'\\i as a dotless i with a combining accent (ı́); imfolio composes
    it to í: both are put in NFC after mapping ı + combining mark to i + mark;
  - pandoc gives particles and suffixes apart (dropping-particle, suffix); imfolio
    keeps them in the family name, as its CSL reader does: pandoc's are joined;
  - pandoc makes ' in names a ’; imfolio keeps the owner's apostrophe;
  - spacing: every run of spaces (no-break and thin spaces included) is one space;
  - pandoc gives "and others" as a literal author "others"; imfolio as a flag.
Where imfolio reads as BibTeX does and pandoc does not, the case is in
tests/fixtures/bibtex/beyond-pandoc.bib and its unit test, not here.
Prints one line per file and exits 1 on the first difference, naming it.
"""
import json
import re
import subprocess
import sys
import unicodedata

SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def norm(s):
    s = re.sub(r"\u0131([\u0300-\u036f])", r"i\1", s or "")
    s = unicodedata.normalize("NFC", s).replace("\u2019", "'")
    return SPACES.sub(" ", s).strip()


def title(s):
    return norm(re.sub(r"</?(i|b|sup|sub|sc|span)( [^>]*)?>", "", s or "")).casefold()


def pandoc_author(a):
    if "literal" in a:
        return ("", "", norm(a["literal"]))
    family = a.get("family", "")
    for part in ("dropping-particle", "non-dropping-particle"):
        p = a.get(part)
        if p:
            family = p + ("" if p[-1] in "'\u2019-" else " ") + family
    if a.get("suffix"):
        family += ", " + a["suffix"]
    return (norm(family), norm(a.get("given", "")), "")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    dump = sys.argv[1]
    for path in sys.argv[2:]:
        theirs = json.loads(subprocess.run(["pandoc", "-f", "bibtex", "-t", "csljson", path], check=True,
                                           stdout=subprocess.PIPE).stdout)
        ours = json.loads(subprocess.run([dump, path], check=True, stdout=subprocess.PIPE).stdout)
        problems = []
        if [e["id"] for e in theirs] != [e["id"] for e in ours]:
            problems.append("entries differ: pandoc %s, imfolio %s" % ([e["id"] for e in theirs], [e["id"] for e in ours]))
        for t, o in zip(theirs, ours):
            where = "%s: %s" % (path, o["id"])
            if title(t.get("title")) != title(o["title"]):
                problems.append("%s: title: pandoc %r, imfolio %r" % (where, t.get("title"), o["title"]))
            year = t.get("issued", {}).get("date-parts", [[0]])[0][0]
            if int(year or 0) != o["year"]:
                problems.append("%s: year: pandoc %r, imfolio %r" % (where, year, o["year"]))
            names = [pandoc_author(a) for a in t.get("author", [])]
            others = bool(names) and names[-1] == ("", "", "others")
            if others:
                names.pop()
            mine = [(norm(a["family"]) + a["marker"], norm(a["given"]), norm(a["literal"])) for a in o["authors"]]
            if names != mine:
                problems.append("%s: authors: pandoc %s, imfolio %s" % (where, names, mine))
            if others != o["others"]:
                problems.append("%s: and others: pandoc %s, imfolio %s" % (where, others, o["others"]))
        if problems:
            print("\n".join(problems))
            return 1
        print("%s: %d entries agree with pandoc" % (path, len(ours)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
