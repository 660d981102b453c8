#!/usr/bin/python3
"""What `imfolio import al-folio` writes, checked against the fixture sites.

usage: import_test.py IMFOLIO FIXTURES_DIR   (FIXTURES_DIR: tests/fixtures/al-folio)

The report itself is held line for line by tests/cli/import-*.expect; this holds the
written profile.json to the sites' content (exact values), the copied files to their
sources (bytes), `imfolio check` to accepting every output, two runs to identical bytes,
an existing profile.json to being kept without --force, and symlinks out of the site to
being refused.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

IMFOLIO = None
FIXTURES = None


def run(*args):
    return subprocess.run([IMFOLIO, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def files_under(root):
    out = {}
    for folder, _, names in os.walk(root):
        for n in names:
            path = os.path.join(folder, n)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="imfolio-import-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def imported(self, site, expect_exit=0, site_dir=None):
        out = os.path.join(self.tmp, site + "-out")
        r = run("import", "al-folio", site_dir or os.path.join(FIXTURES, site), out)
        self.assertEqual(r.returncode, expect_exit, r.stdout + r.stderr)
        with open(os.path.join(out, "profile.json"), encoding="utf-8") as f:
            return out, json.load(f), r.stdout

    def test_modern_site(self):
        out, p, _ = self.imported("modern")
        site = os.path.join(FIXTURES, "modern")
        self.assertEqual(list(p), ["$schema", "basics", "work", "education", "skills", "news", "coauthors", "venues",
                                   "bibliography", "meta"])
        self.assertEqual(p["$schema"], "./profile.schema.json")
        b = p["basics"]
        self.assertEqual(b["name"], "Ada M. Quill")
        self.assertEqual(b["label"], "Lecturer in Computational Lexicography at "
                                     "[University of Exampleton](https://uni.example.org/) · Fellow, "
                                     "*Exampleton Dictionary Society*")
        # The bio as written: Markdown and inline HTML kept; the Liquid include left out,
        # {{ site.email }} given its value.
        self.assertEqual(b["summary"],
                         "I build **dictionaries that learn**: tools that turn field recordings into searchable lexicons,\n"
                         "and methods for measuring how well a dictionary covers a language. My research statement is\n"
                         "[here](/site/assets/pdf/statement.pdf); my <a href=\"https://lexikit.example.org/\">LexiKit</a> "
                         "project is open source.<br />\n"
                         "I also keep a list of [all my papers](/publications/).\n\n"
                         "Write to me at ada.quill@example.org if you would like to work together.")
        self.assertEqual(b["image"], "assets/img/prof_pic.png")
        self.assertEqual(b["email"], "ada.quill@example.org")
        self.assertEqual(b["phone"], "+44 1632 960000")  # resume.json fills what the site lacks
        self.assertEqual(b["url"], "https://quill.example.org/site")
        self.assertEqual(b["location"], {"city": "Exampleton", "countryCode": "GB",
                                         "address": "Room 4.12, Lamport Building\n1 Example Road\nExampleton EX1 2AB"})
        self.assertEqual([(x["network"], x.get("username"), x["url"]) for x in b["profiles"]], [
            ("Google Scholar", "qUiLlAdA0000J", "https://scholar.google.com/citations?user=qUiLlAdA0000J"),
            ("GitHub", "adaquill", "https://github.com/adaquill"),
            ("ORCID", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
            ("LinkedIn", "ada-quill", "https://www.linkedin.com/in/ada-quill"),
            ("X", "adaquill", "https://x.com/adaquill"),
            ("ResearchGate", "Ada-Quill", "https://www.researchgate.net/profile/Ada-Quill/"),
            ("Lexicon Club", None, "https://lexicon-club.example.org/members/ada"),
            ("Mastodon", "ada", "https://lex.example.social/@ada"),  # from resume.json; its GitHub was a duplicate
        ])
        self.assertEqual(p["news"], [
            {"date": "2024-07-16", "title": "Best paper at FCL 2024",
             "text": "Our paper on **lexicon coverage** received the best paper award at FCL 2024.\n\n"
                     "The talk's slides are on the [publications page](/publications/)."},
            {"date": "2024-03-05", "text": "LexiKit 2.0 is out, with <a href=\"https://lexikit.example.org/\">a new website</a>."},
            {"date": "2023-09-01", "text": "Joined the [University of Exampleton](https://uni.example.org/) as a lecturer. :tada:"},
        ])
        self.assertEqual(p["coauthors"], [
            {"family": "Adams", "given": ["Edwin", "E. P.", "Edwin P."], "url": "https://adams.example.org/"},
            {"family": "Núñez", "given": ["José", "J."], "url": "https://nunez.example.org/"},
            {"family": "Okafor", "given": ["Chidi"], "url": "https://okafor.example.org/"},
            {"family": "Okafor", "given": ["Ngozi"], "url": "https://ngozi-okafor.example.org/"},
        ])
        self.assertEqual(p["venues"], {"FCL": {"url": "https://fcl.example.org/", "color": "#00369f"},
                                       "JLX": {"url": "https://jlx.example.org/"}})
        self.assertEqual(p["bibliography"], "papers.bib")
        self.assertEqual(p["meta"], {"language": "en", "version": "v1.0.0", "lastModified": "2024-08-01T10:00:00"})
        self.assertEqual([w["name"] for w in p["work"]], ["University of Exampleton", "Dictionary Works"])
        self.assertNotIn("publications", p)  # papers.bib is the list; resume.json's copy is reported

        # Exactly the files the profile and papers.bib name, byte for byte, in al-folio's layout.
        written = files_under(out)
        copied = ["assets/img/prof_pic.png", "assets/img/publication_preview/coverage.png",
                  "assets/pdf/quill2024coverage.pdf", "assets/pdf/quill2024coverage-slides.pdf", "assets/pdf/statement.pdf"]
        self.assertEqual(sorted(written), sorted(copied + ["papers.bib", "profile.json", "profile.schema.json"]))
        for rel in copied:
            self.assertEqual(written[rel], read(os.path.join(site, rel)), rel)
        self.assertEqual(written["papers.bib"], read(os.path.join(site, "_bibliography", "papers.bib")))
        schema = os.path.join(FIXTURES, "..", "..", "..", "data", "profile.schema.json")
        self.assertEqual(written["profile.schema.json"], read(schema))

    def test_legacy_site(self):
        out, p, _ = self.imported("legacy")
        b = p["basics"]
        self.assertEqual(b["name"], "Wen Lindqvist")  # middle_name is empty
        self.assertEqual(b["label"], "Phonology and sound change, Department of Linguistics, Northfield University.")
        self.assertEqual(b["summary"], "I study how sound systems change over time, with fieldwork on Nordic and Sinitic "
                                       "varieties.\n\nBefore Northfield I was a postdoc in Uppsala.")
        self.assertEqual(b["image"], "assets/img/prof_pic.jpg")
        self.assertEqual(read(os.path.join(out, "assets/img/prof_pic.jpg")),
                         read(os.path.join(FIXTURES, "legacy/assets/img/prof_pic.jpg")))
        self.assertEqual([x["url"] for x in b["profiles"]], [
            "https://github.com/wlindqvist", "https://twitter.com/wen_phon",
            "https://scholar.google.com/citations?user=LiNdQvIsT00J", "https://orcid.org/0000-0001-5109-3700",
            "https://www.researchgate.net/profile/Wen_Lindqvist/", "https://dblp.example.org/pid/00/0000.html"])
        self.assertEqual(p["meta"], {"language": "zh"})  # "cn" is not BCP 47
        self.assertEqual(p["news"], [
            {"date": "2023-11-02", "text": "Gave a talk at the [Sound Change Workshop](https://scw.example.org/)."},
            {"date": "2022-06-10", "title": "Field season in Gotland",
             "text": "Six weeks of recordings in three villages.\nWe collected 40 hours of speech."},
            {"date": "2021-01-15", "text": "Our grant on *tone sandhi* was funded."},
        ])
        self.assertEqual(p["coauthors"], [
            {"family": "Berg", "given": ["Ingrid"], "url": "https://berg.example.org/"},
            {"family": "Haugen", "given": ["Per", "P."], "url": "https://haugen.example.org/"},
        ])
        # cv.yml, section by section.
        self.assertEqual(list(p), ["$schema", "basics", "work", "education", "awards", "languages", "interests",
                                   "general_information", "teaching", "news", "coauthors", "bibliography", "meta"])
        self.assertEqual(p["work"], [
            {"name": "Northfield University", "position": "Assistant Professor", "startDate": "2019",
             "highlights": ["Teaching phonology", "Supervision: Two PhD students; Four MA students"]},
            {"name": "Uppsala Example University", "position": "Postdoctoral Researcher", "startDate": "2017-09",
             "endDate": "2019-08"},
        ])
        self.assertEqual(p["education"], [
            {"institution": "Uppsala Example University", "studyType": "PhD", "startDate": "2012", "endDate": "2017",
             "location": "Uppsala, Sweden", "highlights": ["Thesis on tone in contact varieties"]},
            {"institution": "Northfield University", "studyType": "BA", "endDate": "2012"},
        ])
        self.assertEqual(p["awards"], [
            {"title": "Early Career Grant, Northfield Research Council", "date": "2021"},
            {"title": "Teaching Prize, Northfield University", "date": "2021"},
            {"title": "Dissertation Fellowship", "date": "2016", "summary": "until 2017"},
        ])
        self.assertEqual(p["languages"], [{"language": "Swedish", "fluency": "native"},
                                          {"language": "Mandarin", "fluency": "fluent"},
                                          {"language": "English", "fluency": "fluent"}])
        self.assertEqual(p["interests"], [{"name": "Phonology", "keywords": ["Tone", "Sound change"]},
                                          {"name": "Fieldwork", "keywords": ["Documentation"]},
                                          {"name": "Choir singing"}, {"name": "Orienteering"}])
        self.assertEqual(p["general_information"], [{"title": "Date of Birth", "description": "1 January 1990"}])
        self.assertEqual(p["teaching"], [{"title": "Introduction to Phonology", "institution": "Northfield University",
                                          "startDate": "2020", "endDate": "2023",
                                          "highlights": ["Lectures for 80 students"]}])
        self.assertEqual(sorted(files_under(out)), ["assets/img/prof_pic.jpg", "assets/pdf/lindqvist2022tone.pdf",
                                                    "papers.bib", "profile.json", "profile.schema.json"])

    def test_a_broken_yaml_file_costs_only_itself(self):
        _, p, report = self.imported("broken-yaml", expect_exit=1)
        self.assertEqual(p["basics"]["name"], "Tomás Ferreira")
        self.assertNotIn("profiles", p["basics"])  # socials.yml did not parse
        self.assertEqual(p["news"], [{"date": "2024-05-01", "text": "Started a new project on Byzantine agreement."}])
        self.assertEqual(p["meta"], {"language": "pt-BR"})

    def test_check_accepts_every_import_with_no_errors(self):
        for site, code in [("modern", 0), ("legacy", 0), ("broken-yaml", 1), ("escapes", 1)]:
            out, _, _ = self.imported(site, expect_exit=code)
            r = run("check", os.path.join(out, "profile.json"))
            self.assertEqual(r.returncode, 0, site + ":\n" + r.stdout + r.stderr)
            self.assertRegex(r.stdout.splitlines()[-1], r": 0 errors, \d+ warnings?$", site)

    def test_the_exported_page_has_the_bio_every_news_item_every_paper_and_the_photo(self):
        import html as html_lib
        import re
        for site in ["modern", "legacy"]:
            out, p, _ = self.imported(site)
            site_dir = os.path.join(self.tmp, site + "-site")
            r = run("export", os.path.join(out, "profile.json"), site_dir)
            self.assertEqual(r.returncode, 0, site + ":\n" + r.stdout + r.stderr)
            page = read(os.path.join(site_dir, "index.html"), "r")
            body = page[page.index("<body"):]
            text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)).split())

            def plain(markdown):  # what a reader sees of a Markdown/HTML text
                markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
                markdown = re.sub(r"<[^>]+>", " ", markdown)
                return " ".join(markdown.replace("**", "").replace("*", "").replace("`", "").split())

            # The bio: its first sentence, as a reader sees it.
            first = plain(p["basics"]["summary"]).split(". ")[0]
            self.assertIn(first[:60], text, site + ": the bio is not on the page")
            self.assertTrue(p["news"], site)
            for item in p["news"]:
                words = plain(item.get("text") or item.get("title") or "")
                self.assertIn(words[:40], text, site + ": news item not on the page: " + words)
            bib = read(os.path.join(out, p["bibliography"]), "r")
            titles = [" ".join(t.replace("{", "").replace("}", "").split())
                      for t in re.findall(r"\btitle\s*=\s*[{\"](.+?)[}\"],?\s*\n", bib, re.I)]
            self.assertTrue(titles, site)
            for t in titles:
                self.assertIn(t[:40], text, site + ": paper not on the page: " + t)
            # The photo: an <img> with its alt text, width and height, and the file beside the page.
            image = p["basics"]["image"]
            img = re.search(r"<img [^>]*src=\"([^\"]*)\"[^>]*>", page)
            self.assertIsNotNone(img, site + ": no <img> for the photo")
            self.assertTrue(img.group(1).endswith(image), img.group(0))
            self.assertRegex(img.group(0), r'alt="[^"]+"')
            self.assertRegex(img.group(0), r'width="\d+"')
            self.assertRegex(img.group(0), r'height="\d+"')
            self.assertIn('property="og:image"', page)

    def test_two_runs_write_the_same_bytes(self):
        first, _, report1 = self.imported("modern")
        second = os.path.join(self.tmp, "again")
        r = run("import", "al-folio", os.path.join(FIXTURES, "modern"), second)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(files_under(first), files_under(second))
        self.assertEqual(report1.replace(first, "OUT"), r.stdout.replace(second, "OUT"))

    def test_an_existing_profile_is_kept_without_force(self):
        out, _, _ = self.imported("legacy")
        target = os.path.join(out, "profile.json")
        with open(target, "w") as f:
            f.write("{\"basics\": {\"name\": \"kept\"}}\n")
        r = run("import", "al-folio", os.path.join(FIXTURES, "legacy"), out)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertEqual(r.stderr, "imfolio: " + out + "/profile.json exists; pass --force to replace it\n")
        self.assertEqual(read(target, "r"), "{\"basics\": {\"name\": \"kept\"}}\n")
        r = run("import", "al-folio", os.path.join(FIXTURES, "legacy"), out, "--force")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(json.loads(read(target, "r"))["basics"]["name"], "Wen Lindqvist")

    def test_symlinks_out_of_the_site_are_refused(self):
        site = os.path.join(self.tmp, "site")
        shutil.copytree(os.path.join(FIXTURES, "modern"), site, symlinks=True)
        secret = os.path.join(self.tmp, "secret.txt")
        with open(secret, "w") as f:
            f.write("not for the profile\n")
        os.symlink(secret, os.path.join(site, "assets/pdf/leak.pdf"))
        os.remove(os.path.join(site, "assets/img/prof_pic.png"))
        os.symlink(secret, os.path.join(site, "assets/img/prof_pic.png"))
        os.symlink(secret, os.path.join(site, "_news/leak.md"))
        # A link that stays inside the site is followed.
        os.symlink("quill2024coverage.pdf", os.path.join(site, "assets/pdf/alias.pdf"))
        with open(os.path.join(site, "_bibliography/papers.bib"), "a") as f:
            f.write("\n@misc{leak, title = {Leak}, pdf = {leak.pdf}, slides = {alias.pdf}}\n")
        out, p, report = self.imported("modern", expect_exit=1, site_dir=site)
        lines = report.splitlines()
        bib = [l for l in lines if "papers.bib" in l and "leak.pdf" in l]
        self.assertEqual(len(bib), 1, report)
        self.assertRegex(bib[0], r"papers\.bib:\d+:\d+: error: pdf=\{leak\.pdf\} in leak names assets/pdf/leak\.pdf, "
                                 r"a symlink to .*/secret\.txt, outside the site: refused, not copied$")
        self.assertTrue(any(l.endswith(": error: profile.image names assets/img/prof_pic.png, a symlink to " + secret +
                                       ", outside the site: refused, not copied") for l in lines), report)
        self.assertTrue(any(l.endswith("_news: error: refused _news/leak.md: a symlink to " + secret + ", outside the site")
                            for l in lines), report)
        written = files_under(out)
        self.assertNotIn("assets/pdf/leak.pdf", written)
        self.assertNotIn("assets/img/prof_pic.png", written)
        self.assertNotIn("image", p["basics"])
        self.assertEqual(written["assets/pdf/alias.pdf"], read(os.path.join(site, "assets/pdf/quill2024coverage.pdf")))
        for rel, data in written.items():
            self.assertNotIn(b"not for the profile", data, rel)

    def test_out_dir_inside_the_site_leaves_the_site_intact(self):
        site = os.path.join(self.tmp, "site")
        shutil.copytree(os.path.join(FIXTURES, "legacy"), site)
        before = files_under(site)
        r = run("import", "al-folio", site, site)
        self.assertEqual(r.returncode, 0, r.stdout)
        after = files_under(site)
        for rel, data in before.items():
            self.assertEqual(after[rel], data, rel)  # the photo and the PDF were already in place
        self.assertEqual(sorted(set(after) - set(before)), ["papers.bib", "profile.json", "profile.schema.json"])

    def test_package_puts_the_files_beside_the_profile(self):
        # scripts/package (and so scripts/serve FILE) copies what the import wrote next
        # to the profile, so its relative links resolve in the built site.
        import importlib.machinery
        import importlib.util
        root = os.path.join(FIXTURES, "..", "..", "..")
        loader = importlib.machinery.SourceFileLoader("package", os.path.join(root, "scripts", "package"))
        spec = importlib.util.spec_from_loader("package", loader)
        package = importlib.util.module_from_spec(spec)
        loader.exec_module(package)
        out, _, _ = self.imported("modern")
        data = os.path.join(self.tmp, "dist-data")
        package.copy_profile_files(os.path.join(out, "profile.json"), data)
        expected = {rel: b for rel, b in files_under(out).items() if rel not in ("profile.json", "profile.schema.json")}
        self.assertEqual(files_under(data), expected)
        none = os.path.join(self.tmp, "default-data")
        package.copy_profile_files(os.path.join(root, "data", "profile.json"), none)
        self.assertFalse(os.path.exists(none))  # the default profile names no files


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    IMFOLIO, FIXTURES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"])
