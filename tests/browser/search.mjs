// Search as a reader uses it: the index loads only when the box is used,
// results appear as one types (Spanish, Japanese, task ids), snippets mark
// the words found, and the keyboard opens a result.
import assert from "node:assert/strict";
import { SEED } from "./switcher.mjs";

/** Types `query` into the search box of `page`; the result links once
 * the list shows `min` of them. */
async function search(page, query, min = 1) {
  await page.fill("#search-input", query);
  await page.waitForFunction(
    (n) => document.querySelectorAll("#search-results [role='option']").length >= n,
    min,
  );
  return page.$$eval("#search-results [role='option']", (links) =>
    links.map((a) => ({ path: new URL(a.href).pathname, hash: new URL(a.href).hash, text: a.innerText })),
  );
}

export const searchTests = [
  {
    name: "search: loads its index on first use and finds a Spanish page by a Spanish word",
    async run(h) {
      const page = await h.page();
      const fetched = [];
      page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(h.url("corpus", SEED));
      assert.ok(await page.locator("#search-input").isVisible(), "the search box is shown");
      assert.ok(!fetched.some((p) => p.endsWith("/search/index.js")), "no index before the box is used");
      await page.click("#search-input");
      const results = await search(page, "desconexión");
      assert.deepEqual(
        fetched.filter((p) => p.endsWith("/search/index.js")),
        ["/es/search/index.js"],
        "the Spanish index, once",
      );
      assert.ok(
        results.some((r) => r.path === `/${SEED}index.html`),
        `the seed page is found: ${JSON.stringify(results)}`,
      );
      // Snippets come from the result pages, with the words found marked.
      await page.waitForSelector("#search-results mark");
      const marked = await page.$$eval("#search-results mark", (m) => m.map((e) => e.textContent.toLowerCase()));
      assert.ok(marked.some((m) => m.startsWith("desconex")), `marked: ${marked}`);
      const status = await page.locator(".search-status").innerText();
      assert.match(status, /\d/, "the status says how many results");
    },
  },
  {
    name: "search: finds a Japanese page by a Japanese word",
    async run(h) {
      const page = await h.page();
      await page.goto(h.url("corpus", "ja/"));
      await page.click("#search-input");
      const results = await search(page, "完了の話し合い");
      const ja = "/ja/migrate-conduct-engagement-completion-discussion-partner-jp/index.html";
      assert.ok(results.some((r) => r.path === ja), `the Japanese seed page: ${JSON.stringify(results)}`);
      assert.ok(results.every((r) => r.path.startsWith("/ja/")), "Japanese results only");
    },
  },
  {
    name: "search: task 4060 by its id, opened with the keyboard",
    async run(h) {
      const page = await h.page();
      await page.goto(h.url("corpus", "en/"));
      await page.keyboard.press("/");
      assert.equal(await page.evaluate(() => document.activeElement.id), "search-input", "/ focuses the box");
      const results = await search(page, "4060", 2);
      assert.equal(results[0].path, "/en/tasks/4060/index.html", `the task first: ${JSON.stringify(results)}`);
      assert.ok(
        results.some((r) => r.path === "/en/migrate-conduct-engagement-completion-discussion-partner/index.html"),
        "and the page that holds it",
      );
      await page.keyboard.press("ArrowDown");
      const input = page.locator("#search-input");
      const active = await input.getAttribute("aria-activedescendant");
      assert.ok(active, "ArrowDown selects a result");
      assert.equal(await page.locator(`#${active}`).getAttribute("aria-selected"), "true");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      assert.equal(new URL(page.url()).pathname, "/en/tasks/4060/index.html");
      assert.match(await page.title(), /^Task 4060: /);
    },
  },
  {
    name: "search: the sample's Spanish index, accents folded, prefixes matched",
    async run(h) {
      const page = await h.page();
      await page.goto(h.url("sample", "es/"));
      await page.click("#search-input");
      const exact = await search(page, "migración");
      assert.ok(exact.every((r) => r.path.startsWith("/es/")), JSON.stringify(exact));
      const folded = await search(page, "migracion");
      assert.deepEqual(folded.map((r) => r.path), exact.map((r) => r.path), "accents do not matter");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".search-panel").isVisible(), false, "Escape closes the results");
    },
  },
];
