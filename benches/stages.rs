//! Stage micro-benchmarks on the real corpus (`cargo bench --bench stages`):
//! front matter, markdown parse (the whole `Document`), task tables alone,
//! link resolution, check rules, HTML rendering of a page body, a full page
//! through the theme, the search indexes. A regression in one stage shows
//! here before it hides in a whole build. The corpus is `$PLAYBOOK_CORPUS`, else
//! `../shared/corpus/fasttrack-playbook`. Benchmarks, not tests.

use playbook::config::Options;
use playbook::model::Site;
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let corpus = std::env::var_os("PLAYBOOK_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo.join("../shared/corpus/fasttrack-playbook"));
        let opts = Options {
            root: Some(corpus),
            config: Some(repo.join("tests/fixtures/fasttrack.toml")),
            out: None,
        };
        playbook::load_site(&opts).expect("corpus loads").0
    })
}

/// The markdown of every page, with where its body starts.
fn pages() -> Vec<(&'static playbook::source::SourceFile, usize, usize)> {
    site().pages.iter().map(|p| (&p.source, p.front.body_start, p.locale.0 as usize)).collect()
}

/// `parse::document` on every page (one thread): the markdown pass of
/// `check` and `build`.
#[divan::bench(sample_count = 20)]
fn parse_all_pages(bencher: divan::Bencher) {
    let pages = pages();
    let config = &site().config;
    bencher.bench(|| {
        for (source, body, locale) in &pages {
            divan::black_box(playbook::parse::document(source, *body, &config.locales[*locale].vocabulary));
        }
    });
}

/// pulldown-cmark alone over the same text: the floor under `parse`.
#[divan::bench(sample_count = 20)]
fn pulldown_only(bencher: divan::Bencher) {
    let pages = pages();
    bencher.bench(|| {
        for (source, body, _) in &pages {
            let md = &source.text[*body..];
            let n = pulldown_cmark::Parser::new_ext(md, playbook::config::markdown_options())
                .into_offset_iter()
                .count();
            divan::black_box(n);
        }
    });
}

/// Resolving every link of every page.
#[divan::bench(sample_count = 20)]
fn resolve_all_links() {
    let site = site();
    for page in &site.pages {
        for link in &page.doc.links {
            divan::black_box(playbook::resolve::link(site, page.id, link));
        }
    }
}

/// Every site-level check rule.
#[divan::bench(sample_count = 20)]
fn check_rules() {
    divan::black_box(playbook::check::site(site()));
}

/// The HTML of every page body (markdown → HTML with rewritten links).
#[divan::bench(sample_count = 20)]
fn render_all_bodies(bencher: divan::Bencher) {
    let site = site();
    let catalog = playbook::catalog::TaskCatalog::of(site);
    let label = |_: playbook::render::markdown::Word<'_>| String::from("Note");
    bencher.bench(|| {
        for page in &site.pages {
            divan::black_box(playbook::render::markdown::body(site, page, &catalog, &label));
        }
    });
}

/// The whole render stage: every page, catalog, sitemap (parallel).
#[divan::bench(sample_count = 10)]
fn render_site(bencher: divan::Bencher) {
    let site = site();
    let catalog = playbook::catalog::TaskCatalog::of(site);
    let i18n =
        std::sync::Arc::new(playbook::render::engine::i18n::I18n::load(&site.config).expect("ui strings"));
    let theme = playbook::render::Theme::load(&site.config, std::sync::Arc::clone(&i18n)).expect("theme");
    bencher
        .bench(|| divan::black_box(playbook::render::site(site, &catalog, &theme, &i18n).expect("renders")));
}

/// The same with every page rendered by tera (`render::site_through_tera`):
/// what `render::fast` saves, and a regression of either path, show here.
#[divan::bench(sample_count = 10)]
fn render_site_through_tera(bencher: divan::Bencher) {
    let site = site();
    let catalog = playbook::catalog::TaskCatalog::of(site);
    let i18n =
        std::sync::Arc::new(playbook::render::engine::i18n::I18n::load(&site.config).expect("ui strings"));
    let theme = playbook::render::Theme::load(&site.config, std::sync::Arc::clone(&i18n)).expect("theme");
    bencher.bench(|| {
        divan::black_box(playbook::render::site_through_tera(site, &catalog, &theme, &i18n).expect("renders"))
    });
}

/// The search index of every locale (`render::search::files`: locales in
/// parallel, each read from its pages' markdown in one pass).
#[divan::bench(sample_count = 20)]
fn search_indexes() {
    let site = site();
    static CATALOG: OnceLock<playbook::catalog::TaskCatalog> = OnceLock::new();
    static I18N: OnceLock<playbook::render::engine::i18n::I18n> = OnceLock::new();
    let catalog = CATALOG.get_or_init(|| playbook::catalog::TaskCatalog::of(site));
    let i18n =
        I18N.get_or_init(|| playbook::render::engine::i18n::I18n::load(&site.config).expect("ui strings"));
    divan::black_box(playbook::render::search::files(site, catalog, i18n));
}
