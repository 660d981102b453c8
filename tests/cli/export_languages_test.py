#!/usr/bin/python3
"""imfolio export of a profile with translations: one page per language.

usage: export_languages_test.py IMFOLIO PROFILE OUT_DIR

The first language at the top (index.html), each other in TAG/index.html; every page names
every language with <link rel="alternate" hreflang> and x-default, carries <html lang> and
JSON-LD in its own language, reaches the assets from its folder, and sitemap.xml lists them all.
"""
import json
import os
import re
import shutil
import subprocess
import sys


def main():
    imfolio, profile, out = sys.argv[1:4]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    run = subprocess.run([imfolio, "export", profile, out, "--site-url", "https://example.org/site"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    top = open(os.path.join(out, "index.html"), encoding="utf-8").read()
    zh = open(os.path.join(out, "zh-Hans", "index.html"), encoding="utf-8").read()
    for page, lang in ((top, "en"), (zh, "zh-Hans")):
        assert f'<html lang="{lang}">' in page, lang
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
        assert alternates == [("en", "https://example.org/site/"), ("zh-Hans", "https://example.org/site/zh-Hans/"),
                              ("x-default", "https://example.org/site/")], alternates
        ld = json.loads(re.search(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', page, re.S).group(1))
        assert ld["name"] == ("Tomasz Achterberg-Lin" if lang == "en" else "林拓马"), ld["name"]
    assert '<link rel="canonical" href="https://example.org/site/zh-Hans/">' in zh
    assert "<h2>经历</h2>" in zh and "西湖地球科学研究院" in zh and "2021年8月 \u2013 至今" in zh
    assert "<h2>Experience</h2>" in top and "Westlake Institute of Earth Sciences" in top and "研究院" not in top
    # The language's own page reaches the shared assets one folder up.
    assert 'data-root="../"' in zh and 'data-profile="../data/profile.json"' in zh and 'data-lang="zh-Hans"' in zh
    assert 'data-root=""' in top and 'data-lang=""' in top
    # Without the app the other language is a link in the static top bar.
    assert '<li><a href="zh-Hans/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a></li>' in top
    assert '<li><a href="../" hreflang="en" lang="en">English</a></li>' in zh
    sitemap = open(os.path.join(out, "sitemap.xml"), encoding="utf-8").read()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs == ["https://example.org/site/", "https://example.org/site/zh-Hans/"], locs
    assert sitemap.count('hreflang="zh-Hans"') == 2
    print("export: 2 pages, hreflang, JSON-LD and sitemap in both languages")


if __name__ == "__main__":
    main()
