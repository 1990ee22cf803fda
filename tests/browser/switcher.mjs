// The language switcher: from the seed page to its translations, and to a
// locale's home, with its notice, where a page has no translation.
import assert from "node:assert/strict";

export const SEED = "es/migrate-conduct-engagement-completion-discussion-partner-es/";
const SEED_IN = {
  de: "/de/migrate-conduct-engagement-completion-discussion-partner-de/index.html",
  ja: "/ja/migrate-conduct-engagement-completion-discussion-partner-jp/index.html",
  en: "/en/migrate-conduct-engagement-completion-discussion-partner/index.html",
};

/** Opens the switcher of `page` and follows its link to `tag`. */
async function switchTo(page, tag) {
  await page.click(".lang-switch summary");
  const link = page.locator(`.lang-menu a[data-lang="${tag}"]`);
  await link.waitFor({ state: "visible" });
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(await page.getAttribute("html", "lang"), tag, "the page is in the chosen language");
}

/** From `site`'s page `rel`, the switcher's first untranslated language
 * leads to that locale's home, which shows the notice. */
async function untranslated(h, site, rel) {
  const page = await h.page();
  await page.goto(h.url(site, rel));
  const missing = page.locator(".lang-menu a.untranslated").first();
  const tag = await missing.getAttribute("data-lang");
  assert.ok(tag, `${rel} has a language without its translation`);
  await switchTo(page, tag);
  const url = new URL(page.url());
  assert.equal(url.pathname, `/${tag}/index.html`, "lands on the locale's home (links name files)");
  assert.equal(url.hash, "#untranslated");
  const notice = page.locator("#untranslated");
  assert.ok(await notice.isVisible(), "the home says the page is not translated");
  assert.ok((await notice.innerText()).trim().length > 20, "with a sentence");
  const box = await notice.boundingBox();
  const header = await page.locator(".site-header").boundingBox();
  assert.ok(box.y >= header.y + header.height - 1, "the notice is not under the header");
  // The same home reached otherwise does not show it.
  await page.goto(h.url(site, `${tag}/`));
  assert.equal(await page.locator("#untranslated").isVisible(), false, "no notice on a plain visit");
}

export const switcherTests = [
  {
    name: "switcher: the seed page lands on its German, Japanese and English translations",
    async run(h) {
      const page = await h.page();
      for (const tag of ["de", "ja", "en"]) {
        await page.goto(h.url("corpus", SEED));
        await switchTo(page, tag);
        assert.equal(new URL(page.url()).pathname, SEED_IN[tag], `${tag} translation`);
        assert.ok(await page.locator("h1").first().isVisible());
        const current = page.locator(`.lang-menu a[data-lang="${tag}"]`);
        assert.equal(await current.getAttribute("aria-current"), "true", "the switcher shows the new language");
      }
    },
  },
  {
    name: "switcher: an untranslated page leads to the locale home with its notice (corpus)",
    run: (h) => untranslated(h, "corpus", "es/phase-success-es/"),
  },
  {
    name: "switcher: an untranslated page leads to the locale home with its notice (sample)",
    run: (h) => untranslated(h, "sample", "es/phase-initiate/"),
  },
];
