#!/usr/bin/env python3
"""bench/run's measurements and report (run bench/run, which finds the tools).

For each toc mode (`original`: the toc keeps the corpus's size; `full`: the
toc lists every copy, bench/scale.py --full-toc) and each factor, the
corpus is scaled and these commands run in rounds, every round each command
once, in an order that rotates from round to round (interleaved, so that a
change of load on the machine reaches every tool alike), after one warm-up
round:

* `playbook build` into an absent output folder (fresh OUT: its previous
  output and its manifest are removed before each run, untimed);
* the newest Hugo and Debian's Hugo 0.111 building the same pages with a
  minimal template, each into an absent output folder too;
* `playbook check --format json` and `lychee --offline` on the same pages.

Each run is timed from the outside (wall time) and its peak resident memory
read from the kernel (`wait4`); the report gives medians. It also gives the
size of each output folder, and of the seed page, whose sidebar is what
grows with the toc. Last, a locale without a toc at several page counts
(bench/scale.py --flat) shows whether build time and output grow linearly.
"""
import argparse, os, shutil, statistics, subprocess, sys, time

SEED = "es/migrate-conduct-engagement-completion-discussion-partner-es/index.html"
LOCALE_DIRS = ["english-playbook", "spanish-playbook", "portuguese-playbook", "german-playbook",
               "japanese-playbook", "simplified-chineses-playbook"]
HERE = os.path.dirname(os.path.abspath(__file__))


class Tool:
    """A command, what to remove before each run, the exit codes that mean
    it ran (the corpus has real defects: a build or check exits 1)."""

    def __init__(self, name, cmd, clear=(), ok=(0,)):
        self.name, self.cmd, self.clear, self.ok = name, cmd, list(clear), ok
        self.times, self.peaks = [], []

    def once(self):
        for path in self.clear:
            if os.path.isdir(path):
                shutil.rmtree(path)
            elif os.path.exists(path):
                os.remove(path)
        start = time.perf_counter()
        proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in self.ok:
            sys.exit(f"{self.name} exited {proc.returncode}: {' '.join(self.cmd)}")
        return elapsed, usage.ru_maxrss / 1024

    def median(self):
        return statistics.median(self.times) if self.times else None

    def peak(self):
        return statistics.median(self.peaks) if self.peaks else None


def interleaved(tools, rounds):
    for r in range(rounds + 1):
        k = r % len(tools)
        for tool in tools[k:] + tools[:k]:
            elapsed, peak = tool.once()
            if r > 0:  # round 0 warms the caches
                tool.times.append(elapsed)
                tool.peaks.append(peak)


def size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()
        return out[0] if out else "unknown"
    except OSError:
        return "not installed"


def scale(*args):
    subprocess.run([sys.executable, os.path.join(HERE, "scale.py"), *map(str, args)], check=True)


def builds(a, work, content, hugo_site, tag):
    """The build and check commands on one scaled corpus."""
    out = lambda name: os.path.join(work, f"{name}-{tag}")
    pb_out = out("playbook")
    tools = [Tool("playbook", [a.playbook, "build", "-q", "--config", a.config, "--root", content, "--out", pb_out],
                  [pb_out, os.path.join(work, ".playbook-cache")], ok=(0, 1))]
    for name, hugo in (("hugo-new", a.hugo_new), ("hugo-old", a.hugo_old)):
        if hugo:
            tools.append(Tool(name, [hugo, "--quiet", "-s", hugo_site, "-d", out(name)],
                              [out(name), os.path.join(hugo_site, "resources"),
                               os.path.join(hugo_site, ".hugo_build.lock")]))
    tools.append(Tool("check", [a.playbook, "check", "--config", a.config, "--root", content, "--format", "json"],
                      ok=(0, 1)))
    if a.lychee:
        tools.append(Tool("lychee", [a.lychee, "--offline", "--no-progress",
                                     *[os.path.join(content, d) for d in LOCALE_DIRS]], ok=(0, 2)))
    return tools


def ms(s):
    return f"{s * 1000:,.0f} ms" if s is not None else "—"


def ratio(a, b):
    return f"{b / a:.2f}×" if a and b else "—"


def main():
    p = argparse.ArgumentParser()
    for flag in ("work", "corpus", "playbook", "config", "hugo-new", "hugo-old", "lychee"):
        p.add_argument(f"--{flag}", default="")
    p.add_argument("--factors", default="1 10 50")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--flat", default="1000 10000")
    p.add_argument("--report", default=os.path.join(HERE, "REPORT.md"))
    a = p.parse_args()
    factors = [int(f) for f in a.factors.split()]
    rows = {}
    for f in factors:
        hugo_site = os.path.join(a.work, f"hugo-x{f}")
        for mode in ("original", "full"):
            print(f"×{f}, {mode} toc: preparing…", file=sys.stderr)
            content = os.path.join(a.work, f"corpus-x{f}-{mode}")
            extra = ["--full-toc"] if mode == "full" else ["--hugo", hugo_site]
            scale(a.corpus, content, f, *extra)
            pages = sum(1 for d in LOCALE_DIRS for r, _, fs in os.walk(os.path.join(content, d))
                        for x in fs if x.endswith(".md"))
            # ×1 runs are short and the noisiest: three times as many.
            rounds = a.runs * 3 if f == 1 else min(a.runs, 5) if f >= 50 else a.runs
            tools = builds(a, a.work, content, hugo_site, f"x{f}-{mode}")
            print(f"×{f}, {mode} toc: {rounds} interleaved rounds of {len(tools)} commands…", file=sys.stderr)
            interleaved(tools, rounds)
            by = {t.name: t for t in tools}
            out = lambda name: os.path.join(a.work, f"{name}-x{f}-{mode}")
            rows[(mode, f)] = {
                "pages": pages, "tools": by,
                "mb": {n: size(out(n)) / 1e6 for n in ("playbook", "hugo-new", "hugo-old") if n in by},
                "seed": size(os.path.join(out("playbook"), SEED)),
            }
            for n in ("playbook", "hugo-new", "hugo-old"):
                if os.path.isdir(out(n)):
                    shutil.rmtree(out(n))
            shutil.rmtree(content)
        shutil.rmtree(hugo_site, ignore_errors=True)
    flat = []
    for n in [int(x) for x in a.flat.split()]:
        print(f"flat locale, {n} pages…", file=sys.stderr)
        site = os.path.join(a.work, f"flat-{n}")
        scale("--flat", n, site)
        pb_out = os.path.join(a.work, f"flat-out-{n}")
        tool = Tool("playbook", [a.playbook, "build", "-q", "--root", site, "--out", pb_out],
                    [pb_out, os.path.join(a.work, ".playbook-cache")])
        interleaved([tool], min(a.runs, 5))
        pages = [os.path.join(pb_out, "en", f"page-{i:05}", "index.html") for i in range(1, n + 1)]
        flat.append((n, tool.median(), tool.peak(), size(pb_out) / 1e6, max(map(size, pages)) / 1e3))
        shutil.rmtree(site)
        shutil.rmtree(pb_out)
    report(a, factors, rows, flat)


def report(a, factors, rows, flat):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    hugo_new = version([a.hugo_new, "version"]) if a.hugo_new else "not installed"
    hugo_old = version([a.hugo_old, "version"]) if a.hugo_old else "not installed"
    lines = [
        "# Benchmark report", "",
        f"Written by `bench/run` (commit {commit}); {os.cpu_count()} cores; tmpfs work folder.",
        f"Versions: {version([a.playbook, '--version'])}; {version(['rustc', '--version'])}; Hugo (newest): "
        f"{hugo_new}; Hugo 0.111: {hugo_old}; lychee: {version([a.lychee, '--version']) if a.lychee else 'not installed'}.",
        "",
        "Every build is into an absent output folder (fresh OUT). Each table's commands ran interleaved",
        "(one run of each per round, the order rotating; one warm-up round; 30 rounds at ×1, 10 at ×10,",
        "5 at ×50): medians of wall time and of peak resident memory. Hugo builds the same pages with a",
        "minimal template (title, body, previous/next); it has no toc, so its site is the same in both",
        "modes. playbook also writes the task catalogs, search indexes, sitemap, JSON, `toc.js` and the",
        "contents pages. *original toc*: the toc keeps the corpus's size (`bench/scale.py`); *full toc*:",
        "it lists every copy (`bench/scale.py --full-toc`), as a real playbook that size would.",
        "",
    ]
    for mode, title in (("original", "original toc"), ("full", "full toc")):
        lines += [f"## Build, {title}", "",
                  "| content | pages | playbook | Hugo newest | ÷ | Hugo 0.111 | ÷ | peak MiB playbook / newest / 0.111 "
                  "| output MB playbook / Hugo | seed page KB |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for f in factors:
            r = rows[(mode, f)]
            t = r["tools"]
            med = lambda n: t[n].median() if n in t else None
            peak = lambda n: f"{t[n].peak():.0f}" if n in t else "—"
            lines.append(
                f"| ×{f} | {r['pages']:,} | {ms(med('playbook'))} | {ms(med('hugo-new'))} | "
                f"{ratio(med('playbook'), med('hugo-new'))} | {ms(med('hugo-old'))} | "
                f"{ratio(med('playbook'), med('hugo-old'))} | {peak('playbook')} / {peak('hugo-new')} / "
                f"{peak('hugo-old')} | {r['mb']['playbook']:.1f} / {r['mb'].get('hugo-new', 0):.1f} | "
                f"{r['seed'] / 1e3:.1f} |")
        lines.append("")
    lines += ["## Check", "", "| content | toc | playbook check | lychee --offline | ÷ |", "|---|---|---|---|---|"]
    for f in factors:
        for mode in ("original", "full"):
            t = rows[(mode, f)]["tools"]
            chk, ly = t["check"].median(), t["lychee"].median() if "lychee" in t else None
            lines.append(f"| ×{f} | {mode} | {ms(chk)} | {ms(ly)} | {ratio(chk, ly)} |")
    lines += ["", "## A locale without a toc (one-line pages)", "",
              "| pages | build | peak MiB | output MB | largest page KB |", "|---|---|---|---|---|"]
    for n, t, peak, mb, page in flat:
        lines.append(f"| {n:,} | {ms(t)} | {peak:.0f} | {mb:.1f} | {page:.1f} |")
    if len(flat) >= 2:
        (n0, t0, _, mb0, _), (n1, t1, _, mb1, _) = flat[0], flat[-1]
        lines += ["", f"{n1 // n0}× the pages: {t1 / t0:.1f}× the time, {mb1 / mb0:.1f}× the output."]
    lines += ["", "## Targets", ""] + targets(factors, rows)
    text = "\n".join(lines) + "\n"
    open(a.report, "w").write(text)
    print(text)


def targets(factors, rows):
    out = []
    holds = lambda ok: "holds" if ok else "**misses**"
    speed = [(m, f, rows[(m, f)]["tools"]) for m in ("original", "full") for f in factors]
    if all("hugo-new" in t for _, _, t in speed):
        worst = min((t["hugo-new"].median() / t["playbook"].median(), m, f) for m, f, t in speed)
        out.append(f"- playbook ≥ 4× faster than the newest Hugo at every size, both modes: "
                   f"{holds(worst[0] >= 4)} (lowest {worst[0]:.2f}×, ×{worst[2]} {worst[1]} toc).")
        mem = max((t["playbook"].peak() / t["hugo-new"].peak(), m, f) for m, f, t in speed)
        out.append(f"- peak memory ≤ ¼ of the newest Hugo's: {holds(mem[0] <= 0.25)} "
                   f"(highest {mem[0]:.2f}, ×{mem[2]} {mem[1]} toc).")
    if all("lychee" in t for _, _, t in speed):
        worst = min((t["lychee"].median() / t["check"].median(), m, f) for m, f, t in speed)
        out.append(f"- check ≥ 2.5× faster than lychee --offline: {holds(worst[0] >= 2.5)} "
                   f"(lowest {worst[0]:.2f}×, ×{worst[2]} {worst[1]} toc).")
    if 1 in factors and 50 in factors:
        one, fifty = rows[("full", 1)], rows[("full", 50)]
        seed = fifty["seed"] / one["seed"]
        mb = fifty["mb"]["playbook"] / one["mb"]["playbook"]
        t = fifty["tools"]["playbook"].median() / one["tools"]["playbook"].median()
        out.append(f"- full toc, seed page ×50 ≤ 1.2× ×1: {holds(seed <= 1.2)} ({seed:.2f}×).")
        out.append(f"- full toc, output ×50 ≤ 55× ×1: {holds(mb <= 55)} ({mb:.1f}×).")
        out.append(f"- full toc, build time ×50 ≤ 30× ×1: {holds(t <= 30)} ({t:.1f}×).")
    return out


if __name__ == "__main__":
    main()
