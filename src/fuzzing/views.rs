//! Random pages for the fast writers (`render::fast`), made from bytes: a
//! content page (`PageView`) and a task page (its locale's `Chrome` and the
//! page's `TaskPage`), each written by the fast writer and rendered by tera
//! from the built-in templates, and compared byte for byte. The fuzz
//! target `fast_writers` feeds it libFuzzer's bytes; the property test
//! `render::fast::tests::random_pages_are_tera_s_bytes` feeds it
//! proptest's. Every field a template prints is drawn: empty or absent
//! values (tera's falsy ones), markup and quotes, long and non-Latin
//! text, lists of zero to several entries, every state of a row.
//!
//! Must not touch the disk (the theme is the built-in one, the UI strings
//! the embedded ones).

use crate::config::{Config, LocaleConfig, Vocabulary};
use crate::render::Theme;
use crate::render::engine::i18n::I18n;
use crate::render::fast::Writer;
use crate::render::views::compare::{TaskPage, TranslationRow};
use crate::render::views::nav::Crumb;
use crate::render::views::page::{Alternate, CatalogLink, HeadingLink, HomeView, LangLink, PageView, Shell};
use crate::render::views::tasks::{CatalogHrefs, Chrome, TaskRow};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The locales of the site the pages belong to.
const LOCALES: [&str; 6] = ["en", "es", "de", "ja", "pt-BR", "ar"];

/// Pieces that random text is made of.
const PIECES: [&str; 16] = [
    "",
    "a",
    "Tarea 4060",
    "<b>x</b>",
    "&",
    "\"",
    "'",
    "guía",
    "移行",
    " ",
    "{{ x }}",
    "\u{202e}",
    "&amp;",
    "../x/#a b",
    "\n",
    "%20",
];

/// A source of choices: each takes the next bytes, and zeros once the
/// bytes are used up (so any input is a whole pair of pages).
struct Choices<'a> {
    data: &'a [u8],
    at: usize,
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A number below `n` (`n` at most 256).
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn text(&mut self) -> String {
        (0..self.below(4)).map(|_| PIECES[self.below(PIECES.len())]).collect()
    }

    /// `None`, `Some("")` or some text: what tera treats as absent, falsy
    /// and (usually) true.
    fn maybe(&mut self) -> Option<String> {
        match self.below(4) {
            0 => None,
            1 => Some(String::new()),
            _ => Some(self.text()),
        }
    }

    /// Some text, rarely absent.
    fn mostly(&mut self) -> Option<String> {
        if self.one_in(16) { None } else { Some(self.text()) }
    }

    fn list<T>(&mut self, most: usize, mut one: impl FnMut(&mut Self) -> T) -> Vec<T> {
        (0..self.below(most + 1)).map(|_| one(self)).collect()
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
}

/// The site's theme and UI strings, loaded once.
fn engine() -> &'static (Theme, Arc<I18n>) {
    static ENGINE: OnceLock<(Theme, Arc<I18n>)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let locales = LOCALES
            .iter()
            .map(|t| LocaleConfig {
                tag: t.to_string(),
                dir: t.to_string(),
                suffix: String::new(),
                name: None,
                vocabulary: Vocabulary::builtin(t),
            })
            .collect();
        // A folder that does not exist: no site overrides, nothing is read.
        let config = Config::new("/nonexistent/playbook-fuzz", locales);
        let i18n = Arc::new(I18n::load(&config).expect("invariant: the embedded UI strings load"));
        let theme = Theme::load(&config, Arc::clone(&i18n)).expect("invariant: the built-in theme loads");
        (theme, i18n)
    })
}

/// The fast writers against tera on a content page and a task page made
/// from `data`: panics where their bytes differ. Returns how many of the
/// two pages the writer wrote (it declines what it is not sure to write
/// as tera would; tera renders those).
pub fn fast_writers(data: &[u8]) -> usize {
    let (theme, i18n) = engine();
    let mut c = Choices { data, at: 0 };
    let lang = c.pick(&LOCALES);
    let writer = Writer::new(theme, i18n, lang).expect("invariant: the built-in theme has writers");
    // Mostly the writer's own language (a page of another is declined).
    let page_lang = if c.one_in(8) { c.pick(&LOCALES) } else { lang };
    let meta = BTreeMap::new();
    let view = page_view(&mut c, page_lang, &meta);
    let mut written = 0;
    if let Some(fast) = writer.page(&view) {
        let tera = theme.render("page.html", &view, None).expect("tera renders a page view");
        same(&fast, &tera, "content page");
        written += 1;
    }
    let chrome = chrome(&mut c, lang);
    let page = task_page(&mut c);
    if let Some(fast) = writer.task(&chrome, &page) {
        let whole = theme.render("task.html", &page.clone().into_view(chrome.clone()), None);
        same(&fast, &whole.expect("tera renders a task view"), "task page");
        let base = theme.base("task.html", &chrome).expect("a chrome serializes");
        let over = theme.render("task.html", &page, Some(&base)).expect("tera renders over a base");
        same(&fast, &over, "task page over its locale's base");
        written += 1;
    }
    written
}

fn same(fast: &[u8], tera: &[u8], what: &str) {
    assert!(
        fast == tera,
        "a {what} differs from tera's:\n--- fast\n{}\n--- tera\n{}",
        String::from_utf8_lossy(fast),
        String::from_utf8_lossy(tera)
    );
}

fn shell(c: &mut Choices, lang: &str) -> Shell {
    let title = c.text();
    Shell {
        lang: lang.to_string(),
        dir: c.pick(&["ltr", "rtl"]),
        // The title bar omits the site title when both are the same.
        site_title: if c.one_in(4) { title.clone() } else { c.text() },
        title,
        description: c.maybe(),
        root: c.pick(&["", "../", "../../", "/pb/"]).to_string(),
        home_href: c.text(),
        root_href: c.text(),
        has_code: c.one_in(2),
        canonical: c.maybe(),
        alternates: c.list(3, |c| Alternate { hreflang: c.text(), href: c.text() }),
        catalog_link: (!c.one_in(3)).then(|| CatalogLink {
            href: c.text(),
            matrix: c.text(),
            current: c.pick(&[None, Some("page"), Some("true"), Some("")]),
        }),
        sidebar: c.text(),
    }
}

fn languages(c: &mut Choices) -> Vec<LangLink> {
    c.list(4, |c| LangLink {
        tag: c.text(),
        name: c.text(),
        dir: c.pick(&["ltr", "rtl"]),
        href: c.text(),
        translated: !c.one_in(3),
        current: c.one_in(3),
    })
}

fn headings(c: &mut Choices) -> Vec<HeadingLink> {
    c.list(4, |c| HeadingLink { level: c.pick(&[2, 3, 1, 6]), text: c.text(), id: c.text() })
}

fn crumb(c: &mut Choices) -> Crumb {
    Crumb { name: c.text(), href: c.maybe() }
}

fn page_view<'m>(c: &mut Choices, lang: &str, meta: &'m BTreeMap<String, serde_json::Value>) -> PageView<'m> {
    let date = c.maybe();
    PageView {
        shell: shell(c, lang),
        meta,
        body: c.text(),
        phase: c.maybe(),
        // A date comes with its ISO form, but for rare views.
        date_iso: if date.is_some() && !c.one_in(16) { Some(c.text()) } else { c.maybe() },
        date,
        languages: languages(c),
        breadcrumbs: c.list(3, crumb),
        prev: (!c.one_in(3)).then(|| crumb(c)),
        next: (!c.one_in(3)).then(|| crumb(c)),
        on_this_page: headings(c),
        h1_in_body: c.one_in(2),
        main_version: c.maybe(),
        edit_url: c.maybe(),
        // A locale home is declined (tera renders `locale_home.html`).
        home: c.one_in(16).then(|| HomeView {
            page_count: 1,
            task_count: 0,
            from_toc: false,
            sections: Vec::new(),
            print_href: String::new(),
        }),
    }
}

fn chrome(c: &mut Choices, lang: &str) -> Chrome {
    Chrome {
        shell: shell(c, lang),
        languages: languages(c),
        on_this_page: if c.one_in(8) { headings(c) } else { Vec::new() },
        breadcrumbs: c.list(2, |c| Crumb { name: c.text(), href: c.mostly() }),
        crumb: c.text(),
        links: CatalogHrefs { catalog: c.text(), matrix: c.text(), json: c.text(), csv: c.text() },
    }
}

fn task_row(c: &mut Choices) -> TaskRow {
    let section = c.maybe();
    TaskRow {
        id: c.pick(&[0, 7, 4060, u32::MAX]),
        name: c.text(),
        requirement: c.pick(&["mandatory", "optional", "X", ""]).to_string(),
        requirement_label: c.text(),
        requirement_class: c.pick(&["mandatory", "optional", "other"]),
        role: c.text(),
        services: c.list(3, Choices::text),
        phase: c.maybe(),
        page_title: c.text(),
        row_href: c.text(),
        section_href: if section.is_some() { c.mostly() } else { c.maybe() },
        section,
        task_href: c.text(),
    }
}

fn task_page(c: &mut Choices) -> TaskPage {
    let task = task_row(c);
    // Usually the first row is the task itself; others may differ from it.
    let mut rows = vec![if c.one_in(4) { task_row(c) } else { task.clone() }];
    rows.extend(c.list(2, task_row));
    TaskPage {
        title: c.text(),
        crumb: c.text(),
        alternates: c.list(3, |c| Alternate { hreflang: c.text(), href: c.text() }),
        canonical: c.maybe(),
        languages: languages(c),
        task,
        rows,
        translations: c.list(4, |c| {
            let state = c.pick(&["this", "same", "differs", "missing"]);
            let present = |c: &mut Choices| if state == "missing" { c.maybe() } else { c.mostly() };
            TranslationRow {
                tag: c.text(),
                language: c.text(),
                dir: c.pick(&["ltr", "rtl"]),
                state,
                name: present(c),
                requirement_label: present(c),
                row_href: present(c),
                task_href: present(c),
            }
        }),
    }
}
