#!/usr/bin/env python3
"""Scaled copies of the real corpus, for benchmarks.

    bench/scale.py CORPUS OUT FACTOR [--full-toc] [--hugo HUGO_OUT]
    bench/scale.py --flat N OUT

Writes OUT, a copy of CORPUS in which every locale folder holds FACTOR copies
of each page: copy 1 keeps its name, copy k is `<stem>-c<k><suffix>.md`, so
pairing across locales still works. Relative links inside copy k are
rewritten to the copy-k names of their targets, so the link graph stays
valid (a link that was broken stays broken, once per copy). Media are copied
once.

toc.yml: by default copied once, so the navigation stays the size of the
original: page count grows and per-page work does not. With --full-toc each
locale's toc lists every copy, as the toc of a real playbook that size
would: after the original entries come those of copies 2 … FACTOR, each a
copy of the original toc whose names end in ` (k)` and whose hrefs name the
copy-k pages (an href to a page that is not copied, in a subfolder or
outside, is kept). At ×1 both modes are the same content.

With --hugo, also writes the same pages as a Hugo site (one content folder
per language, a minimal template with title, body and a nav). Hugo has no
toc, so its site is the same in both modes.

--flat N writes a zero-config site with one locale (content/en) and no toc:
N one-line pages, whose sidebar is the flat list of every page.
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
TOC_NAME = re.compile(r"^(\s*(?:-\s+)?)name:\s*(.*?)\s*$")
TOC_HREF = re.compile(r"^(\s*(?:-\s+)?)(href|topicHref):\s*(\S+?)\s*$")


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


def toc_copy(lines, pages, suffix, k):
    """The lines of a toc.yml for copy k: names end in ` (k)`, hrefs to
    copied pages name their copy-k file."""
    out = []
    for line in lines:
        m = TOC_NAME.match(line)
        if m:
            value = m.group(2)
            if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
                value = f"{value[:-1]} ({k}){value[-1]}"
            else:
                value = f"{value} ({k})"
            out.append(f"{m.group(1)}name: {value}\n")
            continue
        m = TOC_HREF.match(line)
        if m and m.group(3) in pages:
            out.append(f"{m.group(1)}{m.group(2)}: {copy_name(m.group(3), suffix, k)}\n")
            continue
        out.append(line if line.endswith("\n") else line + "\n")
    return out


def full_toc(src, dst, pages, suffix, factor):
    """toc.yml listing every copy (see --full-toc)."""
    lines = open(src, encoding="utf-8-sig").read().splitlines(keepends=True)
    body = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
    # A toc whose root is `items:` keeps the copies under it.
    entries = body[1:] if body and body[0].rstrip() == "items:" else body
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(l if l.endswith("\n") else l + "\n" for l in lines)
        for k in range(2, factor + 1):
            f.writelines(toc_copy(entries, pages, suffix, k))


def flat(n, out):
    """A zero-config site: content/en/page-00001.md … with no toc."""
    if os.path.exists(out):
        shutil.rmtree(out)
    dst = os.path.join(out, "content", "en")
    os.makedirs(dst)
    for i in range(1, n + 1):
        with open(os.path.join(dst, f"page-{i:05}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Page {i:05}\n---\nThe one line of page {i:05}.\n")


def scale(corpus, out, factor, with_full_toc=False):
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
            elif with_full_toc and n == "toc.yml":
                full_toc(p, os.path.join(dst, n), pages, suffix, factor)
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
# Hugo ≥ 0.123 renders links and images of multilingual sites through its
# embedded hooks (unless useEmbedded = "never"), which stop the build at the
# corpus's link with a zero-width space; 0.111 has none and ignores the key.
# Both render links and images plainly, as playbook does.
[markup.goldmark.renderHooks.link]
useEmbedded = "never"
[markup.goldmark.renderHooks.image]
useEmbedded = "never"
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
    if args and args[0] == "--flat":
        flat(int(args[1]), args[2])
        sys.exit(0)
    with_full_toc = "--full-toc" in args
    if with_full_toc:
        args.remove("--full-toc")
    hugo_out = None
    if "--hugo" in args:
        i = args.index("--hugo")
        hugo_out = args[i + 1]
        del args[i : i + 2]
    corpus, out, factor = args[0], args[1], int(args[2])
    scale(corpus, out, factor, with_full_toc)
    if hugo_out:
        hugo(out, hugo_out)
