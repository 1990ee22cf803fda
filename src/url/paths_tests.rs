//! Output paths: locations spelled as URLs, files, hrefs and public URLs.

use super::*;

#[test]
fn pretty_urls_are_folders_and_an_index_is_its_folder() {
    let pretty = UrlStyle::Pretty;
    assert_eq!(pretty.page("es/x-es"), "es/x-es/");
    assert_eq!(pretty.page("es/sub/index"), "es/sub/");
    assert_eq!(pretty.page("es/index"), "es/");
    assert_eq!(pretty.page("index"), "");
    assert_eq!(pretty.page("es/myindex"), "es/myindex/", "only a whole `index` name is an index");
    assert_eq!(pretty.home("de"), "de/");
    assert_eq!(pretty.catalog("es"), "es/tasks/");
    assert_eq!(pretty.matrix("es"), "es/tasks/matrix/");
    assert_eq!(pretty.task("pt-BR", 4060), "pt-BR/tasks/4060/");
    assert_eq!(pretty.root(), "");
}

#[test]
fn html_urls_are_files_and_an_index_is_its_index_html() {
    let html = UrlStyle::Html;
    assert_eq!(html.page("es/x-es"), "es/x-es.html");
    assert_eq!(html.page("es/sub/index"), "es/sub/index.html");
    assert_eq!(html.page("es/index"), "es/index.html");
    assert_eq!(html.page("index"), "index.html");
    assert_eq!(html.home("de"), "de/index.html");
    assert_eq!(html.catalog("es"), "es/tasks/index.html");
    assert_eq!(html.matrix("es"), "es/tasks/matrix.html");
    assert_eq!(html.task("pt-BR", 4060), "pt-BR/tasks/4060.html");
    assert_eq!(html.root(), "index.html");
    for url in [html.page("es/x-es"), html.catalog("es"), html.root()] {
        assert_eq!(file(&url), url, "an html URL is its own file");
    }
    assert_eq!(html.page(&numbered("es/sub/index", 2)), "es/sub-2/index.html");
    assert_eq!(html.page(&numbered("es/guide", 2)), "es/guide-2.html");
}

#[test]
fn a_page_and_an_index_of_the_same_name_collide_only_in_the_pretty_style() {
    let (page, index) = ("es/sub", "es/sub/index");
    assert_eq!(UrlStyle::Pretty.page(page), UrlStyle::Pretty.page(index));
    assert_ne!(UrlStyle::Html.page(page), UrlStyle::Html.page(index));
}

#[test]
fn a_url_without_its_extension_or_final_slash_is_redirected() {
    let files = ["es/x.html", "es/sub/index.html", "es/y"];
    let exists = |p: &str| files.contains(&p);
    assert_eq!(UrlStyle::Pretty.redirect("es/sub", exists).as_deref(), Some("es/sub/"));
    assert_eq!(UrlStyle::Html.redirect("es/sub", exists).as_deref(), Some("es/sub/"));
    assert_eq!(UrlStyle::Html.redirect("es/x", exists).as_deref(), Some("es/x.html"));
    assert_eq!(UrlStyle::Pretty.redirect("es/x", exists), None, "the pretty style has no .html pages");
    assert_eq!(UrlStyle::Html.redirect("es/z", exists), None);
}

#[test]
fn a_folder_url_s_file_is_its_index() {
    assert_eq!(file("es/x/"), "es/x/index.html");
    assert_eq!(file(""), "index.html");
    assert_eq!(file("es/x.html"), "es/x.html");
    assert_eq!(file("es/media/a.png"), "es/media/a.png");
    assert_eq!(folder("es/x/"), "es/x/");
    assert_eq!(folder("es/x.html"), "es/");
    assert_eq!(folder("index.html"), "");
    assert_eq!(root_prefix("es/x/"), "../../");
    assert_eq!(root_prefix("es/x.html"), "../");
    assert_eq!(root_prefix(""), "");
}

#[test]
fn locations_join_their_parts_and_numbered_ones_keep_their_kind() {
    assert_eq!(location("es", "", "x-es"), "es/x-es");
    assert_eq!(location("es", "sub/deep", "index"), "es/sub/deep/index");
    assert_eq!(numbered("es/x", 2), "es/x-2");
    assert_eq!(numbered("es/sub/index", 3), "es/sub-3/index");
    assert_eq!(numbered("es/index", 2), "es/index-2");
    let pretty = UrlStyle::Pretty;
    assert_eq!(pretty.page(&numbered("es/sub/index", 2)), "es/sub-2/");
    assert_eq!(pretty.page(&numbered("es/index", 2)), "es/index-2/");
}

#[test]
fn pages_of_one_level_share_a_stand_in() {
    let pretty = UrlStyle::Pretty;
    assert_eq!(pretty.level("es/a/"), "es/\u{0}/");
    assert_eq!(pretty.level("es/b/"), pretty.level("es/a/"));
    assert_eq!(pretty.level("es/tasks/4060/"), "es/tasks/\u{0}/");
    assert_eq!(pretty.level("es/"), "\u{0}/");
    assert_eq!(pretty.level(""), "\u{0}/");
    // The hrefs from the stand-in are the hrefs from each page of its level.
    for to in ["es/c/", "es/a/", "es/a/x/", "de/", "es/media/a.png"] {
        assert_eq!(href(&pretty.level("es/a/"), to), href("es/b/", to), "{to}");
    }
    let html = UrlStyle::Html;
    assert_eq!(html.level("es/a.html"), html.level("es/b.html"));
    assert_ne!(html.level("es/a.html"), html.level("es/sub/index.html"));
    assert_eq!(html.level("index.html"), html.level("de.html"));
    for to in ["es/c.html", "es/a.html", "es/a/x.html", "de/index.html", "es/media/a.png"] {
        assert_eq!(href(&html.level("es/a.html"), to), href("es/b.html", to), "{to}");
    }
}

#[test]
fn assets_move_with_their_locale_folder() {
    let locales = [("spanish-playbook", "es"), ("english-playbook", "en")];
    assert_eq!(asset("spanish-playbook/media/a.png", locales), "es/media/a.png");
    assert_eq!(asset("shared/b.pdf", locales), "shared/b.pdf");
    assert_eq!(asset("spanish-playbook-old/a.png", locales), "spanish-playbook-old/a.png");
    // A locale folder at the root holds every file.
    assert_eq!(asset("media/a.png", [("es", "es"), ("", "en")]), "en/media/a.png");
    assert_eq!(asset("es/a.png", [("es", "es"), ("", "en")]), "es/a.png");
}

#[test]
fn public_urls_are_absolute_and_encoded() {
    assert_eq!(public("", "es/x/"), "/es/x/");
    assert_eq!(public("https://a.b/pb", "es/guía y/"), "https://a.b/pb/es/guía%20y/");
    assert_eq!(public("", ""), "/");
    assert_eq!(public("", "es/x.html"), "/es/x.html");
}

#[test]
fn relative_hrefs_take_the_same_way_as_the_general_rule() {
    let paths = [
        "",
        "/",
        "es",
        "es/",
        "/es/",
        "es/a",
        "es/a/",
        "es/a/b/",
        "es/ab/",
        "es/a/x.png",
        "es/media/x y.png",
        "de/",
        "de/a/",
        "es/a/b/c.pdf",
        "a//b/",
        "//es/",
        "es/á/",
        "es/tasks/4060/",
        "es/tasks/",
        "en/x/",
    ];
    for from in paths {
        for to in paths {
            assert_eq!(relative(from, to), relative_general(from, to), "{from:?} → {to:?}");
        }
    }
}

#[test]
fn relative_hrefs_between_output_paths() {
    assert_eq!(href("es/a/", "es/b/"), "../b/");
    assert_eq!(href("es/a/", "es/a/"), "./");
    assert_eq!(href("es/", "es/b/"), "b/");
    assert_eq!(href("", "es/"), "es/");
    assert_eq!(href("es/a/", "de/"), "../../de/");
    assert_eq!(href("es/a/", "es/media/x y.png"), "../media/x%20y.png");
    assert_eq!(href("es/a/", ""), "../../");
    assert_eq!(relative("es/", "es"), "../es");
    // From a page that is a file, links start at its folder.
    assert_eq!(href("es/a.html", "es/b.html"), "b.html");
    assert_eq!(href("es/a.html", "de/index.html"), "../de/index.html");
    assert_eq!(href("index.html", "es/b.html"), "es/b.html");
}

#[test]
fn docfx_publishes_a_file_at_dest_plus_its_path_below_src() {
    assert_eq!(below("docs/a/b.md", "docs"), Some("a/b.md"));
    assert_eq!(below("docs", "docs"), Some(""));
    assert_eq!(below("docs/a.md", ""), Some("docs/a.md"));
    assert_eq!(below("docsx/a.md", "docs"), None, "whole segments only");
    assert_eq!(below("doc", "docs"), None);
    assert_eq!(docfx_output("docs/a/b.md", "docs", "articles").as_deref(), Some("articles/a/b.md"));
    assert_eq!(docfx_output("docs/a/b.md", "docs", "").as_deref(), Some("a/b.md"));
    assert_eq!(docfx_output("a/b.md", "", "v2/guide").as_deref(), Some("v2/guide/a/b.md"));
    assert_eq!(docfx_output("guide/en", "guide", "site").as_deref(), Some("site/en"), "a folder");
    assert_eq!(docfx_output("guide", "guide", "site").as_deref(), Some("site"));
    assert_eq!(docfx_output("other/a.md", "docs", "articles"), None);
}

#[test]
fn portable_links_name_the_file_of_a_folder_url() {
    let files = Links::Files;
    assert_eq!(files.href("es/a/", "es/b/"), "../b/index.html");
    assert_eq!(files.href("es/a/", "es/a/"), "index.html", "the page itself");
    assert_eq!(files.href("es/a/", ""), "../../index.html", "the root chooser");
    assert_eq!(files.href("", "es/"), "es/index.html");
    assert_eq!(files.href("es/a/", "es/media/x y.png"), "../media/x%20y.png", "a file stays a file");
    assert_eq!(files.href("es/a.html", "es/b.html"), "b.html", "html URLs are files already");
    assert_eq!(files.href("es/a.html", "es/index.html"), "index.html");
    let folders = Links::Folders;
    assert_eq!(folders.href("es/a/", "es/b/"), "../b/");
    assert_eq!(folders.href("es/a/", "es/a/"), "./");
    assert_eq!(Links::default(), Links::Files, "portable unless the config says otherwise");
}
