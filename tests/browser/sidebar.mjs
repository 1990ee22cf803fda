// The sidebar holds each page's branch of the navigation: collapsed
// entries expand from <tag>/toc.js (mouse and keyboard), long lists show a
// window with "N more" rows, the followed link keeps its place in the
// sidebar, nothing moves when the script runs; without JavaScript the
// collapsed entries lead to the contents page, which lists everything.
import assert from "node:assert/strict";
import { SEED } from "./switcher.mjs";

/** Records the layout shifts of elements inside the sidebar (Chromium's
 * Layout Instability API): `window.__sidebarShift`. Others (the header's
 * search box, "On this page" on phones) are not the sidebar's business. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__sidebarShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const inside = e.sources.some((s) => {
          const el = s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement);
          return el && el.closest("#sidebar");
        });
        if (inside && !e.hadRecentInput) window.__sidebarShift += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Where each entry of the sidebar is drawn. */
function boxes(page) {
  return page.$$eval("#sidebar ul[data-toc] .nav-row", (rows) =>
    rows.map((r) => {
      const b = r.getBoundingClientRect();
      return [r.textContent, b.x, b.y, b.width, b.height];
    }),
  );
}

/** The sidebar's entries as [name, kind] (link, label, more), in order. */
function entries(page) {
  return page.$$eval("#sidebar ul[data-toc] .nav-row", (rows) =>
    rows
      .filter((r) => r.getClientRects().length > 0)
      .map((r) => {
        const first = r.firstElementChild;
        return [first.textContent, first.classList.contains("nav-more") ? "more" : first.tagName.toLowerCase()];
      }),
  );
}

/** The caret button of the entry named `name`. */
function caret(page, name) {
  return page.locator(`#sidebar .nav-row:has(> :first-child:text-is("${name}")) > button.nav-caret`);
}

export const sidebarTests = [
  {
    name: "sidebar: the seed page's branch at 1280 and 375 px, expanded from toc.js by mouse and keyboard",
    async run(h) {
      for (const [label, width] of [["desktop", 1280], ["mobile", 375]]) {
        const page = await h.page({ width, height: 900 });
        await watchShifts(page);
        const tocRequests = [];
        page.on("request", (r) => r.url().endsWith("/toc.js") && tocRequests.push(r.url()));
        await page.goto(h.url("corpus", SEED));
        if (width < 900) {
          await page.click("[data-menu-toggle]");
          await page.waitForFunction(() => document.getElementById("sidebar").getBoundingClientRect().x >= 0);
        }
        // The branch of the page: the phases open, the page current, the rest collapsed.
        const current = page.locator("#sidebar [aria-current='page']");
        assert.equal(await current.textContent(), "Conduct Engagement Completion Discussion (migration)");
        assert.ok(await current.isVisible(), "the current page is in view");
        assert.equal(await caret(page, "Lifecycle Phases").getAttribute("aria-expanded"), "true");
        assert.equal(await caret(page, "Guidance").getAttribute("aria-expanded"), "false");
        assert.equal(await page.locator("#sidebar a.nav-caret").count(), 0, "every collapsed link became a button");
        assert.equal(tocRequests.length, 0, "toc.js is loaded only when needed");
        assert.equal(await page.evaluate(() => window.__sidebarShift), 0, "nothing moved when the script ran");
        if (width >= 900) {
          const without = await h.page({ width, height: 900, javaScript: false });
          await without.goto(h.url("corpus", SEED));
          assert.deepEqual(await boxes(page), await boxes(without), "drawn where it is without JavaScript");
        }
        await h.screenshot(page, `sidebar-seed-${label}`);

        // Mouse: Guidance opens from toc.js, its links work, and it closes again.
        await caret(page, "Guidance").click();
        // toc.js arrives by a <script> element: the branch opens when it has run.
        const ftop = page.locator("#sidebar a", { hasText: "FTOP Notes Guidance" });
        await ftop.waitFor();
        assert.equal(await caret(page, "Guidance").getAttribute("aria-expanded"), "true");
        assert.equal(tocRequests.length, 1);
        assert.match(await ftop.getAttribute("href"), /^\.\.\/guidance-ftop-notes-guidance-partner-es\/index\.html$/);
        assert.equal(await caret(page, "FTOP Notes Guidance").getAttribute("aria-expanded"), "false");
        await h.screenshot(page, `sidebar-seed-${label}-expanded`);
        await caret(page, "Guidance").click();
        assert.equal(await ftop.isVisible(), false, "collapsed again");

        // Keyboard: a label's caret is a button with the entry's name.
        const resources = caret(page, "Resources");
        assert.equal(await resources.getAttribute("aria-label"), "Resources");
        await resources.focus();
        await page.keyboard.press("Enter");
        await page.locator("#sidebar a", { hasText: "Business Value Discussions (BVD)" }).waitFor();
        assert.equal(await resources.getAttribute("aria-expanded"), "true");
        await page.keyboard.press("Space");
        assert.equal(await resources.getAttribute("aria-expanded"), "false");
        // A label opens its entry too.
        await page.locator("#sidebar .nav-label", { hasText: "Resources" }).click();
        assert.equal(await resources.getAttribute("aria-expanded"), "true");

        // A link of an expanded branch leads to its page.
        await caret(page, "Guidance").click();
        await Promise.all([page.waitForURL(/guidance-ftop-notes-guidance-partner-es\/index\.html$/), ftop.click()]);
        assert.equal(
          await page.locator("#sidebar [aria-current='page']").textContent(),
          "FTOP Notes Guidance",
        );
      }
    },
  },
  {
    name: "sidebar: the followed link keeps its place in a scrolled sidebar",
    async run(h) {
      const page = await h.page({ width: 1280, height: 420 });
      await page.goto(h.url("corpus", SEED));
      for (const name of ["Guidance", "No Intent", "Resources", "Initiate Phase", "Assess Phase"]) {
        await caret(page, name).click();
        await page.waitForFunction(
          (name) => [...document.querySelectorAll("#sidebar button.nav-caret")].some(
            (b) => b.getAttribute("aria-label") === name && b.getAttribute("aria-expanded") === "true",
          ),
          name,
        );
      }
      await page.locator("#sidebar a", { hasText: "Executive Sponsorship" }).waitFor();
      const offsetOf = (text) =>
        page.evaluate((text) => {
          const scroller = document.querySelector(".sidebar-scroll");
          const link = [...scroller.querySelectorAll("a")].find((a) => a.textContent === text);
          return link.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        }, text);
      const target = page.locator("#sidebar a", { hasText: "Executive Sponsorship" });
      await target.scrollIntoViewIfNeeded();
      assert.ok(await page.evaluate(() => document.querySelector(".sidebar-scroll").scrollTop > 0), "scrolled");
      const before = await offsetOf("Executive Sponsorship");
      await Promise.all([page.waitForURL(/l1l2l3-no-intent-executive-sponsorship-es\/index\.html$/), target.click()]);
      const after = await offsetOf("Executive Sponsorship");
      assert.ok(Math.abs(after - before) <= 2, `the link moved from ${before}px to ${after}px in the sidebar`);
    },
  },
  {
    name: "sidebar: a long list shows a window around the page and expands its rest",
    async run(h) {
      const page = await h.page({ width: 1280, height: 900 });
      await page.goto(h.url("flat", "en/page-00020/"));
      const shown = await entries(page);
      assert.deepEqual(shown[0], ["14 more entries", "more"]);
      assert.deepEqual(shown[1], ["Page 00015", "a"]);
      assert.deepEqual(shown.at(-1), ["15 more entries", "more"]);
      assert.equal(shown.length, 13);
      const more = page.locator("#sidebar button.nav-more").first();
      await more.focus();
      await page.keyboard.press("Enter");
      await page.locator("#sidebar a", { hasText: "Page 00001" }).waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement.textContent),
        "Page 00001",
        "focus goes on where the button was",
      );
      await page.locator("#sidebar button.nav-more").click();
      const all = await entries(page);
      assert.equal(all.length, 40);
      assert.ok(all.every(([, kind]) => kind === "a"), JSON.stringify(all));
      assert.equal(await page.locator("#sidebar [aria-current='page']").count(), 1);
    },
  },
  {
    name: "sidebar without JavaScript: collapsed entries lead to the contents page",
    async run(h) {
      const page = await h.page({ width: 1280, height: 900, javaScript: false });
      await page.goto(h.url("corpus", SEED));
      assert.equal(await page.locator("#sidebar button.nav-caret:visible").count(), 0, "no dead buttons");
      const guidance = page.locator("#sidebar a.nav-caret[aria-label='Guidance: ver en el índice']");
      assert.equal(await guidance.getAttribute("href"), "../contents/index.html#t28");
      await Promise.all([page.waitForURL(/\/es\/contents\/index\.html#t28$/), guidance.click()]);
      assert.equal(await page.locator("h1").textContent(), "Índice");
      const target = page.locator("#t28 > a");
      assert.equal(await target.textContent(), "Guidance");
      assert.ok(await target.isVisible(), "the entry is in view");
      // Every entry of the toc, the seed page among them.
      assert.equal(await page.locator(".contents-list li").count(), 59);
      assert.equal(await page.locator(`.contents-list a[href='../${SEED.split("/")[1]}/index.html']`).count(), 1);
      await h.screenshot(page, "contents-nojs");
      // A long list's rows lead there too.
      await page.goto(h.url("flat", "en/page-00020/"));
      const more = page.locator("#sidebar a.nav-more").first();
      assert.equal(await more.textContent(), "14 more entries");
      await Promise.all([page.waitForURL(/\/en\/contents\/index\.html#t0$/), more.click()]);
      assert.equal(await page.locator(".contents-list li").count(), 40);
    },
  },
  {
    name: "accessibility: axe-core on the expanded sidebar and the contents page (light and dark)",
    async run(h) {
      const found = [];
      for (const colorScheme of ["light", "dark"]) {
        const page = await h.page({ colorScheme });
        await page.goto(h.url("corpus", SEED));
        await caret(page, "Guidance").click();
        await page.locator("#sidebar a", { hasText: "FTOP Notes Guidance" }).waitFor();
        for (const v of await h.axeViolations(page)) found.push({ page: `seed expanded (${colorScheme})`, ...v });
        for (const rel of ["es/contents/", "ja/contents/"]) {
          await page.goto(h.url("corpus", rel));
          for (const v of await h.axeViolations(page)) found.push({ page: `${rel} (${colorScheme})`, ...v });
        }
        await page.goto(h.url("flat", "en/page-00020/"));
        for (const v of await h.axeViolations(page)) found.push({ page: `flat (${colorScheme})`, ...v });
      }
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    },
  },
];
