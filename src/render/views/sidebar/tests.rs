//! The sidebar on hand-built sites: which entries a page's HTML holds, the
//! window of long lists, `toc.js` and the contents page, in both URL styles
//! (links name files, `portable`'s default).

use super::*;
use crate::model::{Page, Toc, TocItem};
use crate::render::tests::{config, item, locale, page, temp};
use crate::url::paths::UrlStyle;

/// A toc, depth first (numbers in brackets):
/// A[0] (A1[1] (A1a[2], A1b[3]), A2[4]), B[5] (B1[6] (B1a[7])), C[8],
/// Label[9] (L1[10]); pages 0..=8 are A, A1, A1a, A1b, A2, B, B1, B1a, C.
fn deep(style: UrlStyle) -> Site {
    let names = ["A", "A1", "A1a", "A1b", "A2", "B", "B1", "B1a", "C", "L1"];
    let url = |n: &str| match style {
        UrlStyle::Pretty => format!("es/{}/", n.to_lowercase()),
        UrlStyle::Html => format!("es/sub/{}.html", n.to_lowercase()),
    };
    let pages: Vec<Page> = names
        .iter()
        .enumerate()
        .map(|(i, n)| page(i as u32, 0, &format!("es/{n}.md"), n, &url(n), n))
        .collect();
    let it = |i: u32, kids: Vec<TocItem>| {
        let n = names[i as usize];
        item(n, Some(&format!("{n}.md")), Some(i), kids)
    };
    let items = vec![
        it(0, vec![it(1, vec![it(2, vec![]), it(3, vec![])]), it(4, vec![])]),
        it(5, vec![it(6, vec![it(7, vec![])])]),
        it(8, vec![]),
        item("Label", None, None, vec![it(9, vec![])]),
    ];
    let toc = Toc { file: "content/es/toc.yml".into(), items };
    let mut config = config(temp("sidebar-deep"), &["es"]);
    config.url_style = style;
    Site::new(config, vec![locale(0, "es", Some(toc), (0..10).collect(), None)], pages, Vec::new())
}

/// A locale without a toc and `n` pages (`p0` … ), pretty URLs.
fn flat(n: u32) -> Site {
    let pages: Vec<Page> = (0..n)
        .map(|i| page(i, 0, &format!("es/p{i}.md"), &format!("p{i}"), &format!("es/p{i}/"), &format!("P{i}")))
        .collect();
    let config = config(temp("sidebar-flat"), &["es"]);
    Site::new(config, vec![locale(0, "es", None, (0..n).collect(), None)], pages, Vec::new())
}

fn i18n(site: &Site) -> I18n {
    I18n::load(&site.config).unwrap()
}

fn sidebar(site: &Site, page: u32) -> String {
    let i18n = i18n(site);
    let p = site.page(PageId(page));
    Sidebars::new(site, &i18n).html(site.locale(p.locale), &p.url, &[p.id])
}

/// The names the sidebar shows as links or labels, in order.
fn shown(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split("<div class=\"nav-row\">").skip(1) {
        let text = part.split_once('>').map_or("", |(_, t)| t);
        if part.starts_with("<a class=\"nav-more\"") {
            out.push(format!(
                "more:{}",
                part.split("data-more=\"").nth(1).unwrap().split('"').next().unwrap()
            ));
        } else {
            out.push(text.split('<').next().unwrap().to_string());
        }
    }
    out
}

#[test]
fn a_page_shows_its_path_the_siblings_along_it_and_the_top_level() {
    let site = deep(UrlStyle::Pretty);
    let html = sidebar(&site, 2); // A1a
    assert_eq!(shown(&html), ["A", "A1", "A1a", "A1b", "A2", "B", "C", "Label"]);
    assert!(html.contains("<a href=\"../a1a/index.html\" aria-current=\"page\">A1a</a>"), "{html}");
    // Open on the path: buttons; collapsed: links to the contents page.
    assert!(html.contains("aria-expanded=\"true\" aria-label=\"A\""), "{html}");
    assert!(html.contains("aria-expanded=\"true\" aria-label=\"A1\""), "{html}");
    assert!(html.contains(
        "<a class=\"nav-caret\" href=\"../contents/index.html#t5\" aria-label=\"B: ver en el índice\">"
    ));
    assert!(
        html.contains("href=\"../contents/index.html#t9\""),
        "a label with children collapses too: {html}"
    );
    assert!(!html.contains("B1"), "B's children are not in the page: {html}");
    assert!(html.starts_with("<script src=\"../../static/sidebar.js\" defer></script>"), "{html}");
    assert!(html.contains("data-toc=\"../toc.js\""), "{html}");
}

#[test]
fn a_page_shows_its_own_children_but_not_theirs() {
    let site = deep(UrlStyle::Pretty);
    let html = sidebar(&site, 5); // B
    assert_eq!(shown(&html), ["A", "B", "B1", "C", "Label"]);
    assert!(html.contains("aria-expanded=\"true\" aria-label=\"B\""), "{html}");
    assert!(html.contains("href=\"../contents/index.html#t6\""), "B1 is collapsed: {html}");
    assert!(!html.contains("B1a"));
}

#[test]
fn a_page_outside_the_toc_shows_the_top_level_collapsed() {
    let site = deep(UrlStyle::Pretty);
    let i18n = i18n(&site);
    let html = Sidebars::new(&site, &i18n).plain(site.locale(LocaleId(0)), "es/tasks/");
    assert_eq!(shown(&html), ["A", "B", "C", "Label"]);
    assert!(!html.contains("aria-current") && !html.contains("aria-expanded"), "{html}");
}

#[test]
fn entries_marked_expanded_are_open_on_every_page() {
    let mut site = deep(UrlStyle::Pretty);
    let toc = site.locales[0].toc.as_mut().unwrap();
    toc.items[1].expanded = true; // B
    let html = sidebar(&site, 8); // C
    assert_eq!(shown(&html), ["A", "B", "B1", "C", "Label"]);
}

#[test]
fn hrefs_follow_the_url_style() {
    let site = deep(UrlStyle::Html);
    let html = sidebar(&site, 2);
    assert!(html.contains("<a href=\"a1a.html\" aria-current=\"page\">A1a</a>"), "{html}");
    assert!(html.contains("href=\"../contents.html#t5\""), "{html}");
    assert!(html.contains("data-toc=\"../toc.js\""), "{html}");
    assert!(html.starts_with("<script src=\"../../static/sidebar.js\""), "{html}");
    assert_eq!(contents_url(&site, &site.locales[0]), "es/contents.html");
}

#[test]
fn the_window_of_a_long_list_surrounds_the_page() {
    assert_eq!(window(13, Some(12)), (0, 13), "short enough: whole");
    assert_eq!(window(100, None), (0, WINDOW));
    assert_eq!(window(100, Some(50)), (45, 56));
    assert_eq!(window(100, Some(0)), (0, WINDOW));
    assert_eq!(window(100, Some(99)), (89, 100));
    assert_eq!(window(100, Some(6)), (0, 12), "no run of one is hidden: {:?}", window(100, Some(6)));
    assert_eq!(window(100, Some(93)), (88, 100));
    for len in 0..40 {
        for focus in (0..len).map(Some).chain([None]) {
            let (start, end) = window(len, focus);
            assert!(start <= end && end <= len);
            assert!(end - start <= WINDOW + 2, "{len} {focus:?}");
            if let Some(f) = focus {
                assert!((start..end).contains(&f), "the page is shown: {len} {f}");
            }
        }
    }
}

#[test]
fn a_long_flat_list_shows_a_window_and_rows_for_the_rest() {
    let site = flat(100);
    let html = sidebar(&site, 50);
    let expected: Vec<String> = std::iter::once("more:45".to_string())
        .chain((45..56).map(|i| format!("P{i}")))
        .chain(std::iter::once("more:44".to_string()))
        .collect();
    assert_eq!(shown(&html), expected);
    assert!(html.contains(
        "<a class=\"nav-more\" href=\"../contents/index.html#t0\" data-more=\"45\">45 entradas más</a>"
    ));
    assert!(html.contains("href=\"../contents/index.html#t56\" data-more=\"44\""), "{html}");
    let last = sidebar(&site, 99);
    assert_eq!(shown(&last)[0], "more:89");
    assert_eq!(shown(&last).len(), 1 + WINDOW);
}

#[test]
fn the_sidebar_does_not_grow_with_the_toc() {
    // Groups of ten pages; the page is in the first group.
    let size = |groups: u32| {
        let n = groups * 10;
        let pages: Vec<Page> = (0..n)
            .map(|i| page(i, 0, &format!("es/p{i}.md"), &format!("p{i}"), &format!("es/p{i}/"), "Page"))
            .collect();
        let items = (0..groups)
            .map(|g| {
                let kids = (1..10).map(|k| item("Page", Some("p.md"), Some(g * 10 + k), vec![])).collect();
                item("Group", Some("g.md"), Some(g * 10), kids)
            })
            .collect();
        let toc = Toc { file: "content/es/toc.yml".into(), items };
        let config = config(temp("sidebar-grow"), &["es"]);
        let site =
            Site::new(config, vec![locale(0, "es", Some(toc), (0..n).collect(), None)], pages, Vec::new());
        sidebar(&site, 3).len()
    };
    // Both top levels are windowed; the bigger one only has longer numbers.
    let (small, big) = (size(20), size(2000));
    assert!(big <= small + 64, "{small} bytes with 200 pages, {big} with 20 000");
}

#[test]
fn toc_js_holds_the_whole_tree_with_hrefs_relative_to_it() {
    for (style, guide) in [(UrlStyle::Pretty, "a1a/index.html"), (UrlStyle::Html, "sub/a1a.html")] {
        let site = deep(style);
        let i18n = i18n(&site);
        let js = String::from_utf8(Sidebars::new(&site, &i18n).script(&site.locales[0])).unwrap();
        let data = js.split_once("[\"es\"]=").unwrap().1.trim_end().trim_end_matches(';');
        let tree: serde_json::Value = serde_json::from_str(data).unwrap();
        let a1a = &tree[0]["c"][0]["c"][0];
        assert_eq!(a1a["n"], "A1a");
        assert_eq!(a1a["h"], guide, "{style:?}");
        assert!(a1a.get("c").is_none(), "no children, no key");
        assert_eq!(tree[3]["n"], "Label");
        assert!(tree[3].get("h").is_none(), "a label has no href");
        assert_eq!(tree[3]["c"][0]["n"], "L1");
        assert_eq!(tree.as_array().unwrap().len(), 4);
    }
}

#[test]
fn toc_js_and_contents_escape_names_and_mark_external_links() {
    let mut site = flat(1);
    site.locales[0].toc = Some(Toc {
        file: "content/es/toc.yml".into(),
        items: vec![
            item("<b>\"x\"</b> & </script>", Some("p0.md"), Some(0), vec![]),
            item("Out", Some("https://example.com/a?b=1&c"), None, vec![]),
        ],
    });
    let i18n = i18n(&site);
    let sidebars = Sidebars::new(&site, &i18n);
    let js = String::from_utf8(sidebars.script(&site.locales[0])).unwrap();
    assert!(js.contains(r#"{"n":"<b>\"x\"</b> & </script>","h":"p0/index.html"}"#), "{js}");
    assert!(js.contains(r#"{"n":"Out","h":"https://example.com/a?b=1&c","x":1}"#), "{js}");
    let view = contents_view(&sidebars, &i18n, &site.locales[0]);
    assert!(
        view.contents.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &lt;/script&gt;"),
        "{}",
        view.contents
    );
    assert!(
        view.contents.contains(
            "<li id=\"t1\"><a href=\"https://example.com/a?b=1&amp;c\" class=\"external\" rel=\"noopener\">"
        ),
        "{}",
        view.contents
    );
    let html = sidebars.html(&site.locales[0], "es/p0/", &[PageId(0)]);
    assert!(html.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"), "{html}");
}

#[test]
fn the_contents_page_lists_every_entry_under_its_number() {
    let site = deep(UrlStyle::Pretty);
    let i18n = i18n(&site);
    let view = contents_view(&Sidebars::new(&site, &i18n), &i18n, &site.locales[0]);
    for n in 0..11 {
        assert!(view.contents.contains(&format!("<li id=\"t{n}\">")), "t{n}: {}", view.contents);
    }
    assert!(
        view.contents.contains("<li id=\"t7\"><a href=\"../b1a/index.html\">B1a</a></li>"),
        "{}",
        view.contents
    );
    assert!(view.contents.contains("<li id=\"t9\"><span class=\"contents-label\">Label</span><ul>"));
    assert_eq!(view.shell.title, "Índice");
    assert!(
        view.shell.sidebar.contains("href=\"../contents/index.html#t5\""),
        "the contents page links itself: {}",
        view.shell.sidebar
    );
}

#[test]
fn a_page_at_the_contents_address_keeps_it() {
    let mut site = flat(3);
    let taken: Vec<Page> = ["es/contents/", "es/contents-2/"]
        .iter()
        .enumerate()
        .map(|(i, url)| page(3 + i as u32, 0, &format!("es/c{i}.md"), &format!("c{i}"), url, "Mine"))
        .collect();
    let mut pages = site.pages.clone();
    pages.extend(taken);
    site = Site::new(
        site.config.clone(),
        vec![locale(0, "es", None, (0..5).collect(), None)],
        pages,
        Vec::new(),
    );
    assert_eq!(contents_url(&site, &site.locales[0]), "es/contents-3/");
}

#[test]
fn a_title_reaches_the_pages_whose_window_shows_it() {
    let site = flat(100);
    let (pages, plain) = flat_pages_showing(&site, &site.locales[0], PageId(50));
    assert_eq!(pages, (45..56).map(PageId).collect::<Vec<_>>());
    assert!(!plain);
    let (pages, plain) = flat_pages_showing(&site, &site.locales[0], PageId(3));
    assert!(plain, "the first entries are every generated page's");
    assert!(
        pages.contains(&PageId(0)) && pages.contains(&PageId(8)) && !pages.contains(&PageId(9)),
        "{pages:?}"
    );
    let site = deep(UrlStyle::Pretty);
    assert_eq!(
        flat_pages_showing(&site, &site.locales[0], PageId(2)),
        (Vec::new(), false),
        "a toc shows names"
    );
}
