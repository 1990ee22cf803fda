// A DocFX repository built by playbook (tests/fixtures/docfx-harbor):
// its tabs read without JavaScript and work as an ARIA tab list with it,
// and its DocFX blocks pass axe-core.
import assert from "node:assert/strict";

/** The docking page. The embedded video's host is answered locally (no
 * network here), and so is the picture the fixture misses on purpose
 * (`check` reports it): neither is the site's failure. */
async function docking(h, options = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  h.contexts.push(context);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: "" }));
  await context.route(/\/missing-photo\.png$/, (route) => route.fulfill({ status: 204, body: "" }));
  const page = await context.newPage();
  page.on("pageerror", (e) => h.errors.push(`uncaught exception on ${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") h.errors.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) h.errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  // A site from docfx.json keeps DocFX's addresses (url_style html).
  await page.goto(h.url("docfx", "en/docking.html"));
  return page;
}

/** (label, visible) of each tab panel. */
function panels(page) {
  return page.$$eval(".tab-panel", (ps) =>
    ps.map((p) => [p.getAttribute("data-tab"), p.getClientRects().length > 0 && !p.hidden]),
  );
}

export const docfxTests = [
  {
    name: "docfx: without JavaScript every tab panel is shown under its label",
    run: async (h) => {
      const page = await docking(h, { javaScriptEnabled: false });
      assert.deepEqual(await panels(page), [["north", true], ["south", true]]);
      const labels = await page.$$eval(".tab-label", (ls) => ls.map((l) => [l.textContent, l.getClientRects().length > 0]));
      assert.deepEqual(labels, [["North quay", true], ["South quay", true]]);
      assert.equal(await page.locator("[role=tablist]").count(), 0);
    },
  },
  {
    name: "docfx: with JavaScript the tabs are an ARIA tab list (click, arrow keys)",
    run: async (h) => {
      const page = await docking(h);
      const tabs = page.locator('[role=tablist] [role="tab"]');
      assert.equal(await tabs.count(), 2);
      assert.deepEqual(await panels(page), [["north", true], ["south", false]]);
      assert.equal(await tabs.nth(0).getAttribute("aria-selected"), "true");
      const south = page.locator("#tabpanel_0_south");
      assert.equal(await south.getAttribute("role"), "tabpanel");
      assert.equal(await south.getAttribute("aria-labelledby"), await tabs.nth(1).getAttribute("id"));
      await tabs.nth(1).click();
      assert.deepEqual(await panels(page), [["north", false], ["south", true]]);
      await tabs.nth(1).press("ArrowRight");
      assert.deepEqual(await panels(page), [["north", true], ["south", false]]);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), "North quay");
    },
  },
  {
    name: "docfx: axe-core finds nothing serious on the DocFX blocks (light, dark)",
    run: async (h) => {
      for (const colorScheme of ["light", "dark"]) {
        const page = await docking(h, { colorScheme });
        const violations = await h.axeViolations(page);
        assert.deepEqual(violations, [], `${colorScheme}: ${JSON.stringify(violations, null, 1)}`);
        await h.screenshot(page, `docfx-docking-${colorScheme}`, true);
      }
    },
  },
];
