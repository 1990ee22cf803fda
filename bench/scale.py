#!/usr/bin/env python3
"""Scaled copies of the real corpus, for benchmarks.

    bench/scale.py CORPUS OUT FACTOR [--hugo HUGO_OUT]

Writes OUT, a copy of CORPUS in which every locale folder holds FACTOR copies
of each page: copy 1 keeps its name, copy k is `<stem>-c<k><suffix>.md`, so
pairing across locales still works. Relative links inside copy k are
rewritten to the copy-k names of their targets, so the link graph stays
valid (a link that was broken stays broken, once per copy). toc.yml and media
are copied once: the navigation stays the size of the original, so page
count grows and per-page work does not.

With --hugo, also writes the same pages as a Hugo site (one content folder
per language, a minimal template with title, body and a nav).
"""
import os, re, shutil, sys

LOCALES = [  # (tag, folder, suffix) as in tests/fixtures/fasttrack.toml
    ("en", "english-playbook", ""),
    ("es", "spanish-playbook", "-es"),
    ("pt-br", "portuguese-playbook", "-pr"),
    ("de", "german-playbook", "-de"),
    ("ja", "japanese-playbook", "-jp"),
    ("zh-hans", "simplified-chineses-playbook", "-sc"),
]
LINK = re.compile(r"(\]\()([^)\s#?]+\.md)([#?][^)\s]*)?(\s[^)]*)?\)")


def copy_name(name, suffix, k):
    """`x-es.md` → `x-c3-es.md` (copy 3); copy 1 keeps its name."""
    if k == 1:
        return name
    stem = name[:-3]
    if suffix and stem.endswith(suffix):
        return f"{stem[: -len(suffix)]}-c{k}{suffix}.md"
    return f"{stem}-c{k}.md"


def rewrite(text, pages, suffix, k):
    def sub(m):
        target = m.group(2)
        if "/" in target or target not in pages:
            return m.group(0)
        return f"{m.group(1)}{copy_name(target, suffix, k)}{m.group(3) or ''}{m.group(4) or ''})"
    return LINK.sub(sub, text)


def scale(corpus, out, factor):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for entry in os.listdir(corpus):
        src = os.path.join(corpus, entry)
        if os.path.isfile(src):
            shutil.copy(src, out)
        elif entry == "media":
            shutil.copytree(src, os.path.join(out, entry))
    for tag, folder, suffix in LOCALES:
        src, dst = os.path.join(corpus, folder), os.path.join(out, folder)
        os.makedirs(dst)
        pages = {n for n in os.listdir(src) if n.endswith(".md")}
        for n in os.listdir(src):
            p = os.path.join(src, n)
            if os.path.isdir(p):
                shutil.copytree(p, os.path.join(dst, n))
            elif not n.endswith(".md"):
                shutil.copy(p, dst)
        for n in sorted(pages):
            text = open(os.path.join(src, n), encoding="utf-8-sig", errors="surrogateescape").read()
            for k in range(1, factor + 1):
                with open(os.path.join(dst, copy_name(n, suffix, k)), "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(rewrite(text, pages, suffix, k))


HUGO_CONFIG = """baseURL = "http://localhost/"
title = "FastTrack Partner Playbook"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = true
"""
SINGLE = """<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
LIST = """<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""


def hugo(scaled, out):
    """The scaled corpus as a Hugo site: content/<lang>/, minimal layouts."""
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "layouts", "_default"))
    config = HUGO_CONFIG
    for i, (tag, folder, _) in enumerate(LOCALES):
        config += f'[languages.{tag}]\ncontentDir = "content/{tag}"\nweight = {i + 1}\n'
        dst = os.path.join(out, "content", tag)
        os.makedirs(dst)
        for n in os.listdir(os.path.join(scaled, folder)):
            p = os.path.join(scaled, folder, n)
            target = os.path.join(dst, "_index.md" if n == "index.md" else n)
            if n.endswith(".md"):
                shutil.copy(p, target)
            elif os.path.isdir(p):
                shutil.copytree(p, target)
    open(os.path.join(out, "hugo.toml"), "w").write(config)
    open(os.path.join(out, "layouts", "_default", "single.html"), "w").write(SINGLE)
    open(os.path.join(out, "layouts", "_default", "list.html"), "w").write(LIST)


if __name__ == "__main__":
    args = sys.argv[1:]
    hugo_out = None
    if "--hugo" in args:
        i = args.index("--hugo")
        hugo_out = args[i + 1]
        del args[i : i + 2]
    corpus, out, factor = args[0], args[1], int(args[2])
    scale(corpus, out, factor)
    if hugo_out:
        hugo(out, hugo_out)
