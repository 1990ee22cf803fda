// Browser tests of built playbook sites, in the system Chromium driven by
// Playwright (playwright-core: no browser download). Run by
// `cargo test` through tests/it/browser.rs, which builds the sites first:
//
//   node tests/browser/run.mjs --site sample=DIR --site corpus=DIR --shots DIR
//
// Each test opens fresh browser contexts on the sites served from
// 127.0.0.1 (serve.mjs), fails on any console error or failed request, and
// prints one `ok`/`not ok` line; the exit code is 1 when a test failed.
// Screenshots go to --shots. PLAYBOOK_CHROMIUM overrides /usr/bin/chromium.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { catalogTests } from "./catalog.mjs";
import { docfxTests } from "./docfx.mjs";
import { layoutTests } from "./layout.mjs";
import { partnerTests } from "./partners.mjs";
import { searchTests } from "./search.mjs";
import { sidebarTests } from "./sidebar.mjs";
import { switcherTests } from "./switcher.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

function options(argv) {
  const sites = {};
  let shots = path.join(here, "shots");
  let only = null;
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === "--site") {
      const [name, dir] = argv[++i].split(/=(.*)/s);
      sites[name] = dir;
    } else if (argv[i] === "--shots") {
      shots = argv[++i];
    } else if (argv[i] === "--only") {
      only = argv[++i];
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return { sites, shots, only };
}

/** What every test gets: the served sites, a page opener that records
 * errors, the screenshot folder and axe-core's source. */
class Harness {
  constructor(browser, urls, dirs, shots) {
    this.browser = browser;
    this.urls = urls;
    this.dirs = dirs;
    this.shots = shots;
    this.errors = [];
    this.contexts = [];
    this.axe = fs.readFileSync(path.join(here, "node_modules/axe-core/axe.min.js"), "utf8");
  }

  /** The URL of `rel` (no leading slash) on site `name`. */
  url(name, rel = "") {
    if (!this.urls[name]) throw new Error(`site ${name} was not given (--site ${name}=DIR)`);
    return `${this.urls[name]}/${rel}`;
  }

  /** The file:// URL of `rel` on site `name` (the site opened from disk). */
  file(name, rel = "") {
    if (!this.dirs[name]) throw new Error(`site ${name} was not given (--site ${name}=DIR)`);
    return pathToFileURL(path.join(this.dirs[name], rel)).href;
  }

  /** A new page in a new context (`width`, `colorScheme`, `javaScript`, more
   * context options), watched for console errors, uncaught exceptions and
   * failed requests. */
  async page({ width = 1280, height = 900, colorScheme = "light", javaScript = true, ...more } = {}) {
    const context = await this.browser.newContext({
      viewport: { width, height },
      colorScheme,
      ...more,
      deviceScaleFactor: 1,
      reducedMotion: "reduce",
      javaScriptEnabled: javaScript,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => this.errors.push(`uncaught exception on ${page.url()}: ${e.message}`));
    page.on("requestfailed", (r) => {
      // A navigation away cancels the fetches of the page left behind.
      if (r.failure()?.errorText !== "net::ERR_ABORTED") {
        this.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
      }
    });
    page.on("response", (r) => {
      if (r.status() >= 400) this.errors.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    return page;
  }

  /** Runs axe-core on `page`: its serious and critical violations. */
  async axeViolations(page) {
    await page.addScriptTag({ content: this.axe });
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  }

  async screenshot(page, name, fullPage = false) {
    fs.mkdirSync(this.shots, { recursive: true });
    await page.screenshot({ path: path.join(this.shots, `${name}.png`), fullPage });
  }

  async closeAll() {
    for (const c of this.contexts.splice(0)) await c.close();
  }
}

async function main() {
  const opts = options(process.argv);
  const servers = {};
  const urls = {};
  for (const [name, dir] of Object.entries(opts.sites)) {
    servers[name] = await serve(dir);
    urls[name] = servers[name].url;
  }
  const browser = await chromium.launch({
    executablePath: process.env.PLAYBOOK_CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const h = new Harness(browser, urls, opts.sites, opts.shots);
  const tests = [...switcherTests, ...searchTests, ...catalogTests, ...layoutTests, ...docfxTests, ...sidebarTests, ...partnerTests].filter(
    (t) => !opts.only || t.name.includes(opts.only),
  );
  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    h.errors = [];
    try {
      await t.run(h);
      assert.deepEqual(h.errors, [], "no console errors, exceptions or failed requests");
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n  ${String(e.stack || e).split("\n").join("\n  ")}`);
    } finally {
      await h.closeAll();
    }
  }
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
