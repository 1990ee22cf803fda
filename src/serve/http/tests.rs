//! Request paths: what they serve, where they redirect, what they refuse.

use super::*;

const PRETTY: UrlStyle = UrlStyle::Pretty;

/// A site with a root page, `es/x/index.html`, a stylesheet and a file
/// whose name needs escaping.
fn has(path: &str) -> bool {
    [
        "index.html",
        "es/x/index.html",
        "static/style.css",
        "ja/概要/index.html",
        "a b.txt",
        "en/a\\b\tc\nd/index.html",
    ]
    .contains(&path)
}

fn file(p: &str) -> Target {
    Target::File(p.to_string())
}

#[test]
fn folders_serve_their_index_and_files_themselves() {
    assert_eq!(target("/", PRETTY, has), file("index.html"));
    assert_eq!(target("/es/x/", PRETTY, has), file("es/x/index.html"));
    assert_eq!(target("/es/x/index.html", PRETTY, has), file("es/x/index.html"));
    assert_eq!(target("/static/style.css", PRETTY, has), file("static/style.css"));
    assert_eq!(target("/ja/%E6%A6%82%E8%A6%81/", PRETTY, has), file("ja/概要/index.html"));
    assert_eq!(target("/a%20b.txt", PRETTY, has), file("a b.txt"));
    assert_eq!(target("/./es/./x/", PRETTY, has), file("es/x/index.html"));
    // Every name `build` can write (`\\`, tab, newline) is served.
    assert_eq!(target("/en/a%5Cb%09c%0Ad/", PRETTY, has), file("en/a\\b\tc\nd/index.html"));
    assert_eq!(target("/en/a%5Cb%09c%0Ad", PRETTY, has), Target::Redirect("/en/a%5Cb%09c%0Ad/".into()));
}

#[test]
fn a_folder_without_its_slash_redirects_to_it() {
    assert_eq!(target("/es/x", PRETTY, has), Target::Redirect("/es/x/".into()));
    assert_eq!(
        target("/ja/%E6%A6%82%E8%A6%81", PRETTY, has),
        Target::Redirect("/ja/%E6%A6%82%E8%A6%81/".into())
    );
    // Built from the segments: never `//host/…`, which a browser would
    // take for another host.
    assert_eq!(target("//es/x", PRETTY, has), Target::Redirect("/es/x/".into()));
    assert_eq!(target("/es/x/index.html/", PRETTY, has), Target::NotFound);
    assert_eq!(target("/es/y", PRETTY, has), Target::NotFound);
    assert_eq!(target("/es/", PRETTY, has), Target::NotFound);
}

#[test]
fn traversals_and_strange_paths_are_refused() {
    for bad in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/..%2fCargo.toml",
        "/es/../../etc/passwd",
        "/es/..",
        "/a%00b",
        "/%zz",
        "/%e6%a6",
        "/%",
        "es/x/",
        "",
    ] {
        assert_eq!(target(bad, PRETTY, has), Target::BadRequest, "{bad}");
    }
    assert_eq!(target("//etc/passwd", PRETTY, has), Target::NotFound);
    assert_eq!(target("/etc/passwd", PRETTY, has), Target::NotFound);
    assert_eq!(target("/.../x", PRETTY, has), Target::NotFound, "three dots are a name");
    // A backslash is part of a name, never a separator: nothing to climb.
    for name in ["/..\\Cargo.toml", "/%5c..%5cCargo.toml", "/%0a", "/es%5C..%5C..%5Cetc%5Cpasswd"] {
        assert_eq!(target(name, PRETTY, has), Target::NotFound, "{name}");
    }
}

#[test]
fn content_types_carry_a_charset_for_text() {
    assert_eq!(content_type("es/x/index.html"), "text/html; charset=utf-8");
    assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
    assert_eq!(content_type("static/main.js"), "text/javascript; charset=utf-8");
    assert_eq!(content_type("tasks.json"), "application/json");
    assert_eq!(content_type("sitemap.xml"), "application/xml; charset=utf-8");
    assert_eq!(content_type("static/favicon.svg"), "image/svg+xml");
    assert_eq!(content_type("media/A.PNG"), "image/png");
    assert_eq!(content_type("media/a.jpeg"), "image/jpeg");
    assert_eq!(content_type("media/a.gif"), "image/gif");
    assert_eq!(content_type("media/a.webp"), "image/webp");
    assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
    assert_eq!(content_type("docs/guide.pdf"), "application/pdf");
    assert_eq!(content_type("LICENSE"), "application/octet-stream");
}

#[test]
fn the_script_goes_before_the_last_body_end_tag() {
    let html = b"<html><body><p>`</body>` in text</p></BODY></html>";
    let out = String::from_utf8(inject(html, 4, "es/\"x\"/index.html")).expect("utf-8");
    let script = "<script src=\"/__playbook/live.js\" data-version=\"4\" data-path=\"es/&quot;x&quot;/index.html\"></script>";
    assert_eq!(out, format!("<html><body><p>`</body>` in text</p>{script}</BODY></html>"));
    let bare = String::from_utf8(inject(b"<p>no body", 1, "a.html")).expect("utf-8");
    assert!(bare.starts_with("<p>no body<script src=\"/__playbook/live.js\""), "{bare}");
}

#[test]
fn in_the_html_style_a_page_without_its_extension_redirects_to_it() {
    let has = |p: &str| ["index.html", "es/x.html", "es/sub/index.html", "ja/概要.html"].contains(&p);
    let html = UrlStyle::Html;
    assert_eq!(target("/es/x", html, has), Target::Redirect("/es/x.html".into()));
    assert_eq!(
        target("/ja/%E6%A6%82%E8%A6%81", html, has),
        Target::Redirect("/ja/%E6%A6%82%E8%A6%81.html".into())
    );
    assert_eq!(target("/es/sub", html, has), Target::Redirect("/es/sub/".into()), "a folder is a folder");
    assert_eq!(target("/es/x.html", html, has), file("es/x.html"));
    assert_eq!(target("/es/x", PRETTY, has), Target::NotFound, "the pretty style has no .html pages");
    assert_eq!(target("/es/y", html, has), Target::NotFound);
}

#[test]
fn the_404_page_served_at_any_depth_resolves_its_links_from_the_site_root() {
    let page = b"<!DOCTYPE html><HTML><Head><link href=\"static/style.css\"></head></html>";
    let out = String::from_utf8(with_base(page)).unwrap();
    assert_eq!(
        out,
        "<!DOCTYPE html><HTML><Head><base href=\"/\"><link href=\"static/style.css\"></head></html>"
    );
    let own = b"<html><head><base href=\"/docs/\"></head></html>";
    assert_eq!(with_base(own), own.to_vec(), "a page's own <base> stays");
    assert_eq!(with_base(b"<p>no head</p>"), b"<p>no head</p>".to_vec());
}
