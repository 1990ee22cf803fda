// Layout at phone and desktop widths (no sideways scrolling, the menu on
// phones), screenshots of the seed page in light and dark, and axe-core
// accessibility checks.
import assert from "node:assert/strict";
import { SEED } from "./switcher.mjs";

const PAGES = [
  ["seed", SEED],
  ["home-es", "es/"],
  ["catalog-es", "es/tasks/"],
];
const WIDTHS = [
  ["mobile", 375],
  ["desktop", 1280],
];

/** Elements wider than the viewport make the page scroll sideways. */
function overflow(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
}

export const layoutTests = [
  {
    name: "layout: seed page, a locale home and the catalog at 375 and 1280 px",
    async run(h) {
      for (const [label, width] of WIDTHS) {
        const page = await h.page({ width, height: 900 });
        for (const [name, rel] of PAGES) {
          await page.goto(h.url("corpus", rel));
          const o = await overflow(page);
          assert.ok(o.scroll <= o.width, `${name} at ${width}px scrolls sideways: ${JSON.stringify(o)}`);
          assert.ok(await page.locator("h1").first().isVisible(), `${name} at ${width}px: title shown`);
          await h.screenshot(page, `${name}-${label}`);
        }
        // The sidebar: beside the text on a desktop, behind a menu button on a phone.
        await page.goto(h.url("corpus", SEED));
        const sidebar = page.locator("#sidebar");
        if (width < 900) {
          assert.equal(await sidebar.isVisible(), false, "the sidebar waits behind the menu button");
          await page.click("[data-menu-toggle]");
          await sidebar.waitFor({ state: "visible" });
          await page.waitForFunction(() => document.getElementById("sidebar").getBoundingClientRect().x >= 0);
          assert.ok(await page.locator("#sidebar [aria-current='page']").isVisible(), "the menu shows the page");
          await h.screenshot(page, `seed-${label}-menu`);
          await page.keyboard.press("Escape");
        } else {
          assert.ok(await sidebar.isVisible(), "sidebar shown");
        }
      }
    },
  },
  {
    name: "layout: seed page screenshots, desktop and mobile, light and dark",
    async run(h) {
      for (const colorScheme of ["light", "dark"]) {
        for (const [label, width] of WIDTHS) {
          const page = await h.page({ width, height: 900, colorScheme });
          await page.goto(h.url("corpus", SEED));
          const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
          assert.equal(dark, colorScheme === "dark");
          await h.screenshot(page, `seed-${label}-${colorScheme}`, true);
        }
      }
    },
  },
  {
    name: "accessibility: axe-core finds no serious or critical violation (light and dark)",
    async run(h) {
      const pages = [...PAGES.map(([n, rel]) => ["corpus", n, rel]), ["sample", "sample-home-en", "en/"]];
      const found = [];
      for (const colorScheme of ["light", "dark"]) {
        const page = await h.page({ colorScheme });
        for (const [site, name, rel] of pages) {
          await page.goto(h.url(site, rel));
          for (const v of await h.axeViolations(page)) found.push({ page: `${name} (${colorScheme})`, ...v });
        }
      }
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    },
  },
];
