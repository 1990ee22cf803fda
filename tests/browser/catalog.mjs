// The task catalog: its filters narrow the rows shown and say how many;
// a task's page link scrolls to the task's row, highlighted.
import assert from "node:assert/strict";

/** The rows shown: requirement and role of each. */
function shownRows(page) {
  return page.$$eval("tr[data-task]", (rows) =>
    rows
      .filter((r) => r.getClientRects().length > 0)
      .map((r) => ({
        requirement: r.getAttribute("data-requirement"),
        role: r.querySelector("[data-role]")?.textContent.trim(),
      })),
  );
}

async function countText(page) {
  return (await page.locator("[data-catalog] [data-results]").innerText()).trim();
}

/** Filters `site`'s catalog at `rel` by requirement, then also by role
 * (`role`, else its first choice), then clears. */
async function filters(h, site, rel, role) {
  const page = await h.page();
  await page.goto(h.url(site, rel));
  assert.ok(await page.locator("form[data-filters]").isVisible(), "filters shown (JavaScript runs)");
  const all = await shownRows(page);
  assert.ok(all.length > 10, `rows: ${all.length}`);
  assert.ok((await countText(page)).includes(String(all.length)), "the count says every row");

  await page.selectOption("#filter-requirement", "mandatory");
  const mandatory = await shownRows(page);
  assert.ok(mandatory.length > 0 && mandatory.length < all.length, `mandatory: ${mandatory.length}`);
  assert.ok(mandatory.every((r) => r.requirement === "mandatory"));
  assert.ok((await countText(page)).includes(String(mandatory.length)), "the count follows");

  const chosen = role || (await page.$$eval("#filter-role option", (o) => o[1].value));
  await page.selectOption("#filter-role", chosen);
  const both = await shownRows(page);
  assert.ok(both.length > 0 && both.length < mandatory.length, `${chosen}: ${both.length}`);
  assert.ok(both.every((r) => r.requirement === "mandatory" && r.role === chosen), JSON.stringify(both));

  await page.click("form[data-filters] button[type=reset]");
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("tr[data-task]")].filter((r) => r.getClientRects().length).length === n,
    all.length,
  );
}

export const catalogTests = [
  {
    name: "catalog: filters by requirement and role (corpus, en)",
    run: (h) => filters(h, "corpus", "en/tasks/", "FastTrack Manager"),
  },
  {
    name: "catalog: filters by requirement and role (sample, es)",
    run: (h) => filters(h, "sample", "es/tasks/"),
  },
  {
    name: "catalog: a task link scrolls to its highlighted row",
    async run(h) {
      const page = await h.page({ width: 1280, height: 800 });
      await page.goto(h.url("corpus", "es/tasks/"));
      const row = page.locator("tr[data-task]", { has: page.locator('.col-id a[href="4060/index.html"]') });
      const where = row.locator(".col-where > a").first();
      const href = await where.getAttribute("href");
      assert.match(href, /#task-4060$/, "the catalog links the row of the task on its page");
      // A long page name ends in "…": click its visible start, as a reader does.
      await Promise.all([page.waitForNavigation(), where.click({ position: { x: 8, y: 8 } })]);
      assert.equal(new URL(page.url()).hash, "#task-4060");
      const target = page.locator("tr#task-4060");
      const state = await target.evaluate((tr) => {
        const box = tr.getBoundingClientRect();
        const header = document.querySelector(".site-header").getBoundingClientRect();
        const other = tr.parentElement.querySelector("tr:not(:target)");
        return {
          target: tr.matches(":target"),
          top: box.top,
          bottom: box.bottom,
          headerBottom: header.bottom,
          height: window.innerHeight,
          background: getComputedStyle(tr).backgroundColor,
          otherBackground: other ? getComputedStyle(other).backgroundColor : null,
        };
      });
      assert.ok(state.target, "the row is the target");
      assert.ok(state.top >= state.headerBottom - 1, `below the header: ${JSON.stringify(state)}`);
      assert.ok(state.bottom <= state.height, `in view: ${JSON.stringify(state)}`);
      assert.notEqual(state.background, state.otherBackground, "highlighted");
      await h.screenshot(page, "task-4060-row-desktop");
    },
  },
];
