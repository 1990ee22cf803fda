//! The real binary over HTTP: pages from memory, safety, live reload and
//! broken edits, on a temporary copy of the sample playbook.

use super::client::{Server, eventually};
use super::session::{edit, sample};

const PAGE: &str = "/es/migrate-complete-cutover/";
const SOURCE: &str = "content/es/migrate-complete-cutover.md";

#[test]
fn serve_previews_edits_and_tells_open_pages_to_reload() {
    let root = sample("serve-http-reload");
    let server = Server::start(&root, &[]);
    let page = server.get(PAGE);
    assert_eq!(page.status, 200, "{}", server.stderr());
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    let text = page.text();
    assert!(text.contains("deja de usar"));
    let script = "<script src=\"/__playbook/live.js\" data-version=\"1\" data-path=\"es/migrate-complete-cutover/index.html\"></script></body>";
    assert!(text.contains(script), "live reload script before </body>");
    let live = server.get("/__playbook/live.js");
    assert_eq!(live.header("content-type"), Some("text/javascript; charset=utf-8"));
    assert!(live.text().contains("EventSource"));

    let mut events = server.events();
    events.wait_for("status", |d| d.contains("\"version\":1"));
    edit(&root, SOURCE, |t| t.replacen("deja de usar", "deja por fin de usar", 1));
    let reload = events.wait_for("reload", |d| d.contains("es/migrate-complete-cutover/index.html"));
    assert!(reload.data.contains("\"version\":2"), "{}", reload.data);
    events.wait_for("status", |d| d.contains("\"version\":2"));
    assert!(server.get(PAGE).text().contains("deja por fin de usar"));
    server.stderr_until("the rebuild line", |s| s.contains(&format!("rebuilt {SOURCE} (incremental)")));

    // An editor's atomic save (a hidden temporary file renamed over the
    // page) is one change, rebuilt once.
    let text = std::fs::read_to_string(root.join(SOURCE)).expect("page");
    let scratch = root.join("content/es/.migrate-complete-cutover.md.tmp");
    std::fs::write(&scratch, text.replacen("por fin", "al fin", 1)).expect("write scratch");
    std::fs::rename(&scratch, root.join(SOURCE)).expect("rename over the page");
    events.wait_for("reload", |d| d.contains("\"version\":3"));
    server.stderr_until("a second rebuild", |s| s.matches("\nrebuilt ").count() >= 2);
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert_eq!(server.stderr().matches("\nrebuilt ").count(), 2, "{}", server.stderr());
    assert!(server.get(PAGE).text().contains("deja al fin de usar"));

    // A page added is served without a restart.
    std::fs::write(root.join("content/es/nueva.md"), "# Nueva\n\nHola.\n").expect("add a page");
    let added = eventually("the new page", || Some(server.get("/es/nueva/")).filter(|r| r.status == 200));
    assert!(added.text().contains("Hola."));
    assert!(!root.join("public").exists(), "serve writes no output folder");
}

#[test]
fn serve_answers_with_types_redirects_and_the_sites_404() {
    let root = sample("serve-http-types");
    let server = Server::start(&root, &[]);
    for (path, kind) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/main.js", "text/javascript; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
        ("/tasks.json", "application/json"),
        ("/es/media/phases.svg", "image/svg+xml"),
    ] {
        let r = server.get(path);
        assert_eq!((r.status, r.header("content-type")), (200, Some(kind)), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
    }
    assert_eq!(server.get("/sitemap.xml").status, 404, "no base_url, no sitemap");
    let svg = server.get("/es/media/phases.svg");
    assert_eq!(svg.body, std::fs::read(root.join("content/es/media/phases.svg")).expect("asset"));
    assert!(!svg.text().contains("__playbook"), "only HTML gets the script");
    let redirect = server.get("/es/migrate-complete-cutover?x=1");
    assert_eq!(
        (redirect.status, redirect.header("location")),
        (302, Some("/es/migrate-complete-cutover/?x=1"))
    );
    let missing = server.get("/es/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("not-found") && missing.text().contains("__playbook/live.js"));
    let post = super::client::request(server.port, "POST", "/");
    assert_eq!((post.status, post.header("allow")), (405, Some("GET, HEAD")));
    let head = super::client::request(server.port, "HEAD", PAGE);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn serve_never_leaves_the_rendered_site() {
    let root = sample("serve-http-traversal");
    std::fs::write(root.join("secret.txt"), "TOP SECRET").expect("a file beside the site");
    let server = Server::start(&root, &[]);
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/es/../../secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/secret.txt%00.html",
        "//etc/passwd",
        "/etc/passwd",
        "/secret.txt",
        "/playbook.toml",
        "/content/es/migrate-complete-cutover.md",
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let r = server.get(target);
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        assert!(!r.text().contains("TOP SECRET") && !r.text().contains("root:"), "{target} leaked a file");
    }
    assert_eq!(server.get("/").status, 200, "the server still works");
}

#[test]
fn serve_keeps_the_last_good_site_through_a_template_error_and_recovers() {
    let root = sample("serve-http-broken");
    let server = Server::start(&root, &[]);
    let mut events = server.events();
    events.wait_for("status", |_| true);
    crate::harness::write_files(&root, &[("templates/page.html", "{% if %}")]);
    let failed = events.wait_for("status", |d| d.contains("\"ok\":false"));
    assert!(failed.data.contains("page.html"), "{}", failed.data);
    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("deja de usar"), "the last good page stays served");
    server.stderr_until("the error", |s| s.contains("error: ") && s.contains("page.html"));
    // Content edits while the template is broken do not break the site.
    edit(&root, SOURCE, |t| t.replacen("deja de usar", "deja ya de usar", 1));
    events.wait_for("status", |d| d.contains("\"ok\":false") && !d.contains("\"attempt\":1,"));
    assert!(server.get(PAGE).text().contains("deja de usar"));
    std::fs::remove_file(root.join("templates/page.html")).expect("fix the template");
    events.wait_for("reload", |d| d.contains("es/migrate-complete-cutover/index.html"));
    events.wait_for("status", |d| d.contains("\"ok\":true"));
    assert!(server.get(PAGE).text().contains("deja ya de usar"), "recovered without a restart");
}

#[test]
fn a_broken_front_matter_is_a_finding_in_the_overlay_not_an_error() {
    let root = sample("serve-http-yaml");
    let server = Server::start(&root, &[]);
    let mut events = server.events();
    events.wait_for("status", |_| true);
    edit(&root, SOURCE, |t| t.replacen("ms.topic: playbook-process", "ms.topic: [playbook", 1));
    let status = events.wait_for("status", |d| d.contains("front-matter"));
    assert!(status.data.contains("\"ok\":true") && status.data.contains(SOURCE), "{}", status.data);
    server.stderr_until("the finding in the terminal too", |s| s.contains("front-matter"));
}

/// Every byte of `name` but RFC 3986's unreserved ones, percent-encoded.
fn encoded(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn serve_serves_every_file_build_writes_whatever_its_name() {
    let root = crate::harness::temp_dir("serve-http-names");
    let names =
        ["back\\slash", "tab\there", "new\nline", "per%cent", "q?mark", "hash#", "two  spaces", "ünï"];
    let links: String = names.iter().map(|n| format!("[{n:?}](<{}.md>)\n\n", encoded(n))).collect();
    crate::harness::write_files(
        &root,
        &[("content/en/index.md", &format!("---\ntitle: Home\n---\n# Home\n\n{links}"))],
    );
    for name in names {
        crate::harness::write_files(
            &root,
            &[(&format!("content/en/{name}.md"), "---\ntitle: Odd\n---\n# Odd\n")],
        );
    }
    let out = root.join("site");
    let o = crate::harness::playbook(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", crate::harness::text(&o));
    let server = Server::start(&root, &[]);
    let mut served = 0;
    for entry in
        walkdir::WalkDir::new(&out).min_depth(1).into_iter().flatten().filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(&out).unwrap();
        let segments: Vec<String> =
            rel.components().map(|c| encoded(c.as_os_str().to_str().unwrap())).collect();
        if segments == [".playbook-output"] {
            continue;
        }
        let r = server.get(&format!("/{}", segments.join("/")));
        assert_eq!(r.status, 200, "{rel:?}: built, so served");
        let mut body = r.text();
        if let Some(at) = body.find("<script src=\"/__playbook/live.js\"") {
            let end = at + body[at..].find("</script>").unwrap() + "</script>".len();
            body.replace_range(at..end, "");
        }
        assert_eq!(body.as_bytes(), std::fs::read(entry.path()).unwrap(), "{rel:?}: the same bytes");
        served += 1;
    }
    assert!(served > names.len() + 5, "{served} files");
    // Every link of the home page into its locale, as a browser follows it
    // (non-ASCII sent as UTF-8 escapes).
    let home = server.get("/en/").text();
    let mut followed = 0;
    for href in home.split("href=\"").skip(1).filter_map(|h| h.split('"').next()) {
        if href.contains(':') || href.starts_with(['#', '/', '.']) {
            continue;
        }
        let target: String = href
            .chars()
            .map(|c| if c.is_ascii() { c.to_string() } else { encoded(&c.to_string()) })
            .collect();
        assert_eq!(server.get(&format!("/en/{target}")).status, 200, "{href}");
        followed += 1;
    }
    assert!(followed >= 2 * names.len(), "the body's and the sidebar's links: {followed}");
}

/// A copy of the DocFX fixture with its `playbook.toml`.
fn harbor(name: &str) -> std::path::PathBuf {
    let toml =
        std::fs::read_to_string(crate::harness::repo().join("tests/fixtures/docfx-harbor/playbook.toml"))
            .expect("fixture config");
    crate::docfx::copy(name, Some(&toml))
}

#[test]
fn serve_previews_a_docfx_repository_at_its_addresses_and_rebuilds_when_docfx_json_changes() {
    // The harbor fixture: docfx.json beside playbook.toml, outside the
    // content folder `guide/`.
    let root = harbor("serve-http-docfx");
    let server = Server::start(&root, &[]);
    let dock = server.get("/en/docking.html");
    assert_eq!(dock.status, 200, "{}", server.stderr());
    assert!(
        dock.text().contains("<div class=\"tabs\" data-tabs ")
            && dock.text().contains("Harbor Operations Guide")
    );
    let redirect = server.get("/en/docking");
    assert_eq!((redirect.status, redirect.header("location")), (302, Some("/en/docking.html")));
    assert_eq!(server.get("/en/docking/").status, 404, "no pretty address in an html site");
    // build.resource: served though no page links to it.
    assert_eq!(server.get("/en/media/unlinked-poster.png").status, 200);
    // docfx.json is configuration: its title reaches every page.
    edit(&root, "docfx.json", |t| t.replace("Harbor Operations Guide", "Quay Handbook"));
    eventually("the new title", || {
        Some(server.get("/en/docking.html")).filter(|r| r.text().contains("Quay Handbook"))
    });
}

#[test]
fn serve_rebuilds_the_pages_that_include_an_edited_file_or_show_its_code() {
    let root = harbor("serve-http-includes");
    let server = Server::start(&root, &[]);
    assert!(server.get("/en/index.html").text().contains("Wear a life vest"), "{}", server.stderr());
    let mut events = server.events();
    events.wait_for("status", |d| d.contains("\"version\":1"));
    // An included file (two deep: index → safety → contacts) is no page:
    // the page that includes it is read and rendered again, alone.
    edit(&root, "guide/en/includes/safety.md", |t| t.replace("Wear a life vest", "Wear a bright life vest"));
    let reload = events.wait_for("reload", |d| d.contains("\"version\":2"));
    assert!(reload.data.contains("en/index.html"), "{}", reload.data);
    assert!(server.get("/en/index.html").text().contains("Wear a bright life vest"));
    server.stderr_until("an incremental rebuild", |s| {
        s.contains("\nrebuilt ") && s.contains(" (incremental) ")
    });
    // A code file a snippet shows, which is also an asset candidate of the
    // content folder: the page that shows it, not only a reload.
    edit(&root, "guide/en/code/Mooring.cs", |t| t.replace("Lines * 1.5", "Lines * 2.5"));
    events.wait_for("reload", |d| d.contains("\"version\":3") && d.contains("en/samples.html"));
    assert!(server.get("/en/samples.html").text().contains("2.5"));
    let stderr = server.stderr_until("two rebuilds", |s| s.matches("\nrebuilt ").count() >= 2);
    assert_eq!(stderr.matches(" (incremental) in ").count(), 2, "{stderr}");
}
