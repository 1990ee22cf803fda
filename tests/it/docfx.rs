//! A DocFX repository (`tests/fixtures/docfx-harbor`: our own text, in
//! English and German, with `docfx.json` and a `playbook.toml` that adds
//! the languages): its findings, exactly, and its rendered HTML, in the
//! `html` URL style a site from `docfx.json` gets by default (DocFX's
//! addresses) and in the `pretty` style `playbook.toml` may ask for.

use crate::harness::{playbook, repo, temp_dir, text, tree};
use crate::url_style::internal_links;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    repo().join("tests/fixtures/docfx-harbor")
}

/// (file, line, column, code) of every finding of `check` on `root`, plus
/// the messages by file.
/// (file, line, column, code).
type Finding = (String, Option<u64>, Option<u64>, String);

fn findings(root: &Path) -> (Vec<Finding>, Vec<(String, String)>) {
    findings_exiting(root, 1)
}

/// [`findings`] of a repository that `check` passes (exit 0).
fn findings_of(root: &Path) -> (Vec<Finding>, Vec<(String, String)>) {
    findings_exiting(root, 0)
}

fn findings_exiting(root: &Path, code: i32) -> (Vec<Finding>, Vec<(String, String)>) {
    let o = playbook(&["check", "--root", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(code), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let diags = json["diagnostics"].as_array().expect("diagnostics");
    let key = |d: &serde_json::Value| {
        (
            d["file"].as_str().unwrap().to_string(),
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["code"].as_str().unwrap().to_string(),
        )
    };
    let messages = diags
        .iter()
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()));
    (diags.iter().map(key).collect(), messages.collect())
}

#[test]
fn docfx_repository_findings_are_exactly_these() {
    let (found, messages) = findings(&fixture());
    let f = |file: &str, line: u64, column: u64, code: &str| {
        (file.to_string(), Some(line), Some(column), code.to_string())
    };
    let whole = |file: &str, code: &str| (file.to_string(), None, None, code.to_string());
    let expected = vec![
        // Keys playbook does not use: one info, at the first of them.
        f("docfx.json", 23, 1, "docfx"),
        // A link in an included file resolves from that file, and the
        // finding names it (and the page it was reached through).
        f("guide/de/includes/sicherheit.md", 3, 49, "broken-anchor"),
        f("guide/de/index.md", 10, 1, "task-locale-mismatch"),
        f("guide/en/docking.md", 17, 33, "broken-link"),
        f("guide/en/docking.md", 21, 11, "malformed-url"),
        f("guide/en/docking.md", 46, 3, "dfm"),
        f("guide/en/docking.md", 51, 21, "include"),
        // Three includes deep: index → safety → contacts → sign-off.
        f("guide/en/includes/deeper/sign-off.md", 1, 32, "broken-link"),
        f("guide/en/includes/loop-b.md", 3, 15, "include"),
        f("guide/en/index.md", 12, 45, "broken-link"),
        f("guide/en/index.md", 14, 26, "include"),
        whole("guide/en/samples.md", "missing-translation"),
        f("guide/en/samples.md", 13, 21, "include"),
        f("guide/en/toc--crew.yml", 15, 12, "toc"),
        f("guide/en/toc--crew.yml", 16, 9, "toc"),
        whole("guide/en/tutorials/night-shift.md", "missing-translation"),
        f("guide/en/tutorials/night-shift.md", 5, 1, "dfm"),
        f("guide/en/tutorials/night-shift.md", 7, 1, "dfm"),
        f("guide/en/tutorials/night-shift.md", 9, 1, "dfm"),
    ];
    assert_eq!(found, expected);
    let message = |file: &str, part: &str| {
        assert!(
            messages.iter().any(|(f, m)| f == file && m.contains(part)),
            "no `{part}` for {file}: {messages:#?}"
        )
    };
    message(
        "guide/en/includes/deeper/sign-off.md",
        "(included through `guide/en/index.md:9` → `guide/en/includes/safety.md:8` → `guide/en/includes/deeper/contacts.md:1`)",
    );
    message(
        "guide/en/includes/loop-b.md",
        "include cycle: `guide/en/includes/loop-a.md` → `guide/en/includes/loop-b.md` → `guide/en/includes/loop-a.md`",
    );
    message("guide/en/index.md", "include `includes/not-written-yet.md` not found");
    message("guide/en/docking.md", "include `../../../outside.md` leaves the content root");
    message("guide/en/index.md", "no page has uid `harbor.roster`");
    message("docfx.json", "does not use build.template, build.postProcessors, build.xref");
    // Nothing from the folders docfx.json and playbook.toml exclude.
    assert!(!messages.iter().any(|(f, _)| f.contains("archive/") || f.contains("drafts/")));
}

/// The fixture, built once for the whole test binary (exit 1: it has
/// findings on purpose). Read it, never write.
pub fn built() -> &'static PathBuf {
    static OUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir("docfx-harbor").join("site");
        let o = playbook(&["build", "--root", fixture().to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        out
    })
}

fn page(path: &str) -> String {
    std::fs::read_to_string(built().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn no_page_shows_docfx_syntax_as_text() {
    let files = tree(built());
    let html: Vec<&(String, Vec<u8>)> = files.iter().filter(|(p, _)| p.ends_with(".html")).collect();
    assert!(html.len() > 10);
    for (path, bytes) in html {
        let text = String::from_utf8_lossy(bytes);
        for syntax in ["[!INCLUDE", "[!include", ":::image", "[!VIDEO", "[!div", "#tab/", "[!code"] {
            assert!(!text.contains(syntax), "{path} shows `{syntax}`");
        }
    }
}

#[test]
fn included_excluded_and_resource_files() {
    let paths: Vec<String> = tree(built()).into_iter().map(|(p, _)| p).collect();
    let has = |p: &str| paths.iter().any(|x| x == p);
    for p in [
        "en/index.html",
        "en/docking.html",
        "en/samples.html",
        "en/tutorials/first-shift.html",
        "de/docking.html",
    ] {
        assert!(has(p), "{p} missing: {paths:#?}");
    }
    // Included-only files, excluded folders: not pages.
    assert!(
        !paths.iter().any(|p| p.contains("includes")
            || p.contains("archive")
            || p.contains("drafts")
            || p.contains("loop")),
        "{paths:#?}"
    );
    // build.resource: copied though no page links to it.
    assert!(has("en/media/unlinked-poster.png"));
}

#[test]
fn includes_render_in_place_with_links_from_the_included_file() {
    let index = page("en/index.html");
    // Block include three deep, inline includes inside it.
    assert!(index.contains("<h2 id=\"safety-briefing\">Safety briefing"), "{index}");
    assert!(index.contains("Call the harbor master on channel 12. Sign the log book"));
    // `../docking.md` written in includes/safety.md reaches guide/en/docking.md.
    assert!(index.contains("The full rules are in <a href=\"docking.html\">the docking page</a>"));
    // A task table of an included file belongs to the page.
    assert!(index.contains("<tr id=\"task-7002\">"));
    // xref: a link to the page of that uid; an autolink shows its title.
    assert!(index.contains("Read <a href=\"docking.html\">Docking a vessel</a> next, or see <a href=\"docking.html\">Docking a vessel</a>"));
    assert!(index.contains("lives at roster."), "an unknown uid is not live");
    // A heading of an included file is an anchor other pages may use.
    let first = page("en/tutorials/first-shift.html");
    assert!(first.contains("href=\"../index.html#safety-briefing\""), "{first}");
    // One include in pages of two depths: its images and links, written
    // relative to the included file, are relative to each page.
    assert!(index.contains("<img src=\"media/crane.png\" alt=\"The quay sign below the crane\""), "{index}");
    assert!(index.contains("<img src=\"media/anchor-icon.png\" alt=\"Anchor\""));
    assert!(index.contains("<a href=\"docking.html#pilots\">the pilots section</a>"));
    assert!(
        first.contains("<img src=\"../media/crane.png\" alt=\"The quay sign below the crane\""),
        "{first}"
    );
    assert!(first.contains("<img src=\"../media/anchor-icon.png\" alt=\"Anchor\""));
    assert!(first.contains("<a href=\"../docking.html#pilots\">the pilots section</a> says, or\nread <a href=\"../docking.html\">Docking a vessel</a>"));
}

#[test]
fn dfm_blocks_render_accessibly() {
    let dock = page("en/docking.html");
    let has = |part: &str| assert!(dock.contains(part), "no `{part}` in {dock}");
    has(
        "<p class=\"dfm-image dfm-border\"><a href=\"media/crane-large.png\"><img src=\"media/crane.png\" alt=\"The gantry crane over berth 4\" loading=\"lazy\"></a></p>",
    );
    has("<img src=\"media/anchor-icon.png\" alt=\"\" role=\"presentation\" loading=\"lazy\">");
    has(
        "<figure class=\"dfm-image\"><img src=\"media/berth-plan.png\" alt=\"Plan of the berths\" aria-describedby=\"dfm-description-1\" loading=\"lazy\">\n\
         <p class=\"dfm-description-label\">Image description</p>\n<div class=\"dfm-description\" id=\"dfm-description-1\">\n<p>Berths 1 to 4",
    );
    has(
        "<div class=\"dfm-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/harbor-tour\" title=\"Video (www.youtube-nocookie.com)\"",
    );
    assert!(!dock.contains("<iframe src=\"http://"), "plain http is never embedded");
    has("<p class=\"dfm-video-unavailable\">Video not embedded: http://video.example.com/unsafe</p>");
    // Tabs: every panel in the page, each labelled.
    has(
        "<div class=\"tabs\" data-tabs role=\"group\" aria-label=\"Alternatives\">\n<section class=\"tab-panel\" id=\"tabpanel_0_north\" aria-labelledby=\"tab_0_north\" data-tab=\"north\">\n<p class=\"tab-label\" id=\"tab_0_north\">North quay</p>\n<p>Tie up bow first at the north quay.</p>\n</section>",
    );
    has(
        "<p class=\"tab-label\" id=\"tab_0_south\">South quay</p>\n<p>Tie up stern first at the south quay, then <a href=\"tutorials/first-shift.html\">start your first shift</a>.</p>\n</section>\n</div>",
    );
    assert!(!dock.contains("<hr"), "the `---` that ends the tabs is syntax");
    has("<div class=\"zone\" role=\"region\" aria-label=\"Applies to: tug, pilot-boat\">\n\
         <p class=\"zone-label\">Applies to: tug, pilot-boat</p>");
    has(
        "<div class=\"nextstepaction\">\n<p><a href=\"tutorials/first-shift.html\">Start your first shift</a></p>\n</div>",
    );
    has("<div>\n<p>This class is not on the allow-list.</p>");
    let de = page("de/docking.html");
    assert!(de.contains("<div class=\"checklist\">\n<ul>"), "{de}");
    // The words the blocks print are the page's language (Fluent).
    for part in [
        "<div class=\"zone\" role=\"region\" aria-label=\"Gilt für: docs\">\n<p class=\"zone-label\">Gilt für: docs</p>",
        "title=\"Video (www.youtube-nocookie.com)\"",
        "<div class=\"tabs\" data-tabs role=\"group\" aria-label=\"Alternativen\">",
    ] {
        assert!(de.contains(part), "no `{part}` in {de}");
    }
}

#[test]
fn code_snippets_are_regions_and_lines_highlighted() {
    let samples = page("en/samples.html");
    assert!(samples.contains("<pre class=\"code hl-code\" data-lang=\"cs\">"), "{samples}");
    assert!(samples.contains(">Tension</span>") && !samples.contains("using"), "the Setup region only");
    assert!(
        samples.contains("data-lang=\"py\"")
            && samples.contains(">HIGH</span>")
            && !samples.contains("level")
    );
}

#[test]
fn the_toc_docfx_names_with_folder_tocs_uid_and_expanded() {
    let night = page("en/tutorials/night-shift.html");
    // toc--crew.yml is first in the locale's toc list (toc.yml is not used).
    assert!(night.contains("Weather desk") && !night.contains("Only here"), "{night}");
    // `href: tutorials/` brings tutorials/toc.yml in; `topicHref` is the entry's page.
    assert!(night.contains("href=\"first-shift.html\""));
    // `uid: harbor.docking` reaches the page of that uid.
    assert!(night.contains("<a href=\"../docking.html\">Docking a vessel</a>"), "{night}");
    // `expanded: true` opens its group on every page, not only on its own
    // (where its parent is shown: the page holds one branch of the toc).
    let open = |name: &str| format!("class=\"nav-caret\" aria-expanded=\"true\" aria-label=\"{name}\">");
    assert!(night.contains(&open("Docking a vessel")) && night.contains(">Code samples</a>"), "{night}");
    let home = page("en/index.html");
    let sidebar = &home[home.find("data-toc=").unwrap()..home.find("</nav>").unwrap()];
    assert!(sidebar.contains(&open("Docking a vessel")), "{sidebar}");
    assert!(!sidebar.contains("First shift"), "inside a collapsed entry: {sidebar}");
    // sidebar.js opens it when its parent is expanded.
    assert!(page("en/toc.js").contains(r#"{"n":"First shift","h":"tutorials/first-shift.html","e":1,"c":["#));
}

/// The fixture copied to a temp folder `name`, with `playbook_toml` as its
/// `playbook.toml` (none when `None`).
pub fn copy(name: &str, playbook_toml: Option<&str>) -> PathBuf {
    let root = temp_dir(name);
    for (path, bytes) in tree(&fixture()) {
        if path != "playbook.toml" {
            let to = root.join(&path);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
    }
    if let Some(toml) = playbook_toml {
        std::fs::write(root.join("playbook.toml"), toml).unwrap();
    }
    root
}

/// The internal links of `out` that lead to no file are exactly the two
/// the fixture breaks on purpose (`check` reports them): a link of an
/// included file that climbs out of the content, and a missing picture of
/// the docking page (at `docking`).
fn only_the_broken_links_are_dead(out: &Path, docking: &str) -> std::collections::BTreeSet<String> {
    let found = internal_links(out);
    let mut dead = found.dead;
    dead.sort();
    // The print version holds both pages: a missing picture leads where it
    // leads from its page; a link out of the site stays as written.
    let folder = docking.strip_prefix("en/").and_then(|d| d.strip_suffix("index.html")).unwrap_or("");
    let mut expected = vec![
        (docking.to_string(), "media/missing-photo.png".to_string()),
        ("en/index.html".to_string(), "../../logbook-rules.md".to_string()),
        ("en/print/index.html".to_string(), "../../logbook-rules.md".to_string()),
        ("en/print/index.html".to_string(), format!("../{folder}media/missing-photo.png")),
    ];
    expected.sort();
    assert_eq!(dead, expected);
    assert!(found.checked > 300, "links checked: {}", found.checked);
    found.links
}

#[test]
fn a_docfx_site_keeps_docfx_s_html_addresses() {
    let out = built();
    let paths: Vec<String> = tree(out).into_iter().map(|(p, _)| p).collect();
    for p in ["en/docking.html", "en/tutorials/night-shift.html", "en/tasks/7001.html", "de/index.html"] {
        assert!(paths.iter().any(|x| x == p), "{p}: {paths:#?}");
    }
    let folders = ["en/docking/", "en/tutorials/night-shift/", "en/tasks/7001/", "de/docking/"];
    assert!(!paths.iter().any(|p| folders.iter().any(|f| p.starts_with(f))), "{paths:#?}");
    let links = only_the_broken_links_are_dead(out, "en/docking.html");
    // Every link names a file: none ends in a folder.
    for link in &links {
        let path = link.split(['#', '?']).next().unwrap();
        assert!(!path.ends_with('/') && !path.is_empty(), "{link} is a folder link in an html site");
    }
}

#[test]
fn url_style_pretty_beside_docfx_json_wins_and_every_dfm_link_follows_it() {
    let toml = std::fs::read_to_string(fixture().join("playbook.toml")).unwrap();
    let root = copy("docfx-pretty", Some(&format!("url_style = \"pretty\"\n{toml}")));
    let out = root.join("site");
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(out.join("en/docking/index.html").is_file() && !out.join("en/docking.html").exists());
    assert!(out.join("en/tasks/7001/index.html").is_file());
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let dock = read("en/docking/index.html");
    for part in [
        // :::image with its lightbox, the link in a tab panel, [!div].
        "<a href=\"../media/crane-large.png\"><img src=\"../media/crane.png\"",
        "then <a href=\"../tutorials/first-shift/index.html\">start your first shift</a>",
        "<div class=\"nextstepaction\">\n<p><a href=\"../tutorials/first-shift/index.html\">",
    ] {
        assert!(dock.contains(part), "no `{part}` in {dock}");
    }
    let index = read("en/index.html");
    for part in [
        // A link of an include, xref links, an include's images.
        "The full rules are in <a href=\"docking/index.html\">the docking page</a>",
        "Read <a href=\"docking/index.html\">Docking a vessel</a> next",
        "<img src=\"media/crane.png\" alt=\"The quay sign below the crane\"",
        "<a href=\"docking/index.html#pilots\">the pilots section</a>",
    ] {
        assert!(index.contains(part), "no `{part}` in {index}");
    }
    let first = read("en/tutorials/first-shift/index.html");
    for part in [
        "href=\"../../index.html#safety-briefing\"",
        "<img src=\"../../media/crane.png\" alt=\"The quay sign below the crane\"",
        "<img src=\"../../media/anchor-icon.png\" alt=\"Anchor\"",
        "<a href=\"../../docking/index.html#pilots\">the pilots section</a>",
    ] {
        assert!(first.contains(part), "no `{part}` in {first}");
    }
    // Toc hrefs: an included toc's entry, a uid entry.
    let night = read("en/tutorials/night-shift/index.html");
    assert!(
        night.contains("href=\"../first-shift/index.html\"")
            && night.contains("<a href=\"../../docking/index.html\">Docking a vessel</a>")
    );
    let links = only_the_broken_links_are_dead(&out, "en/docking/index.html");
    let html_style = ["docking.html", "shift.html", "samples.html", "7001.html", "matrix.html"];
    assert!(!links.iter().any(|l| html_style.iter().any(|h| l.contains(h))), "{links:?}");
}

#[test]
fn docfx_json_alone_is_a_configuration() {
    let root = copy("docfx-alone", None);
    // `--root` as a user types it: relative to the working folder.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_playbook"))
        .args(["build", "--root", root.file_name().unwrap().to_str().unwrap()])
        .current_dir(root.parent().unwrap())
        .output()
        .expect("run playbook");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // build.dest is the output folder; the one locale is the content's src.
    let out = root.join("_site");
    assert!(out.join("en/en/docking.html").is_file(), "{}", text(&o));
    assert!(out.join("en/de/docking.html").is_file());
    assert!(out.join("en/en/drafts/wip.html").is_file(), "only playbook.toml excluded drafts/");
    assert!(!out.join("en/en/archive/old-rules.html").exists(), "docfx.json excludes archive/");
    assert_eq!(text(&o).matches("info[docfx]").count(), 1, "{}", text(&o));
    // The site title is globalMetadata._appTitle.
    let home = std::fs::read_to_string(out.join("en/en/index.html")).unwrap();
    assert!(home.contains("Harbor Operations Guide"));
}

#[test]
fn docfx_json_alone_builds_in_the_language_its_global_metadata_names() {
    let root = temp_dir("docfx-spanish");
    let files = [
        (
            "docfx.json",
            r#"{"build": {"content": [{"files": ["**/*.md"], "src": "articulos"}], "globalMetadata": {"ms.locale": "es-es"}}}"#,
        ),
        (
            "articulos/index.md",
            "# Guía del puerto\n\n> [!NOTE]\n> Lea esto primero.\n\n\
             | Id. de Tarea | Nombre | (M)/(O) | Rol | Servicios |\n|---|---|---|---|---|\n| 5010 | Amarrar | M | Práctico | Radio |\n",
        ),
    ];
    crate::harness::write_files(&root, &files);
    let out = root.join("salida");
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // The one locale is `es-ES` (BCP 47's spelling of `es-es`): its folder,
    // its `lang`, Spanish UI words and task-table headers.
    let home = std::fs::read_to_string(out.join("es-ES/index.html")).expect("es-ES/index.html");
    assert!(home.contains("<html lang=\"es-ES\""), "{home}");
    assert!(home.contains("<p class=\"alert-title\">Nota</p>"), "{home}");
    assert!(home.contains("id=\"task-5010\""), "a Spanish task table: {home}");
    assert!(out.join("es-ES/tasks/5010.html").is_file());
    assert!(!out.join("en").exists());
}

#[test]
fn an_active_resource_is_published_only_when_security_lists_it_and_never_silently_left_out() {
    let toml = std::fs::read_to_string(fixture().join("playbook.toml")).unwrap();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    for (name, security, published) in
        [("docfx-escape", "", false), ("docfx-escape-listed", "[security]\nassets = [\".svg\"]\n", true)]
    {
        let root = copy(name, Some(&format!("{toml}\n[markdown]\nraw_html = \"escape\"\n{security}")));
        std::fs::write(root.join("guide/en/media/route.svg"), svg).unwrap();
        let out = root.join("site");
        let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert_eq!(out.join("en/media/route.svg").is_file(), published, "{name}");
        assert!(out.join("en/media/unlinked-poster.png").is_file(), "a PNG resource is always published");
        let (found, messages) = findings(&root);
        let at_svg: Vec<&Finding> = found.iter().filter(|f| f.0 == "guide/en/media/route.svg").collect();
        if published {
            assert!(at_svg.is_empty(), "{at_svg:?}");
        } else {
            assert_eq!(
                at_svg,
                [&("guide/en/media/route.svg".to_string(), None, None, "ignored-file".to_string())]
            );
            assert!(
                messages.iter().any(|(f, m)| f.ends_with("route.svg") && m.contains("docfx.json resource"))
            );
        }
    }
}

/// `docfx.json` whose content rules publish their files under `dest`
/// folders (and a resource rule too), optionally with languages from a
/// `playbook.toml`.
fn dest_site(name: &str, docfx: &str, toml: Option<&str>, files: &[(&str, &str)]) -> (PathBuf, PathBuf) {
    let root = temp_dir(name);
    let mut all = vec![("docfx.json", docfx)];
    all.extend_from_slice(files);
    if let Some(toml) = toml {
        all.push(("playbook.toml", toml));
    }
    crate::harness::write_files(&root, &all);
    crate::harness::write_bytes(&root, &[("docs/images/dock.png", b"\x89PNG")]);
    // Outside the root: with content rules in two folders, the content
    // folder is the root itself.
    let out = root.with_file_name(format!("{name}-out"));
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let found = internal_links(&out);
    assert_eq!(found.dead, Vec::<(String, String)>::new(), "every link leads to a file of OUT");
    (root, out)
}

#[test]
fn content_dest_publishes_each_rule_s_files_in_its_folder_as_docfx_does() {
    let docfx = r#"{"build": {
      "content": [
        {"files": ["**/*.md", "toc.yml"], "src": "docs", "dest": "articles"},
        {"files": "**/*.md", "src": "api-guide", "dest": "reference/v2/"}
      ],
      "resource": [{"files": "**/*.png", "src": "docs/images", "dest": "articles/media"}]
    }}"#;
    let files = [
        (
            "docs/index.md",
            "# Harbor\n\n[Berths](how-to/berths.md), [the API](../api-guide/calls.md#hail) and ![dock](images/dock.png).\n",
        ),
        ("docs/how-to/berths.md", "# Berths\n\nBack [home](../index.md).\n"),
        ("api-guide/calls.md", "# Calls\n\n## Hail\n\nSee [berths](../docs/how-to/berths.md).\n"),
        ("docs/toc.yml", "- name: Harbor\n  href: index.md\n- name: Berths\n  href: how-to/berths.md\n"),
    ];
    let (_, out) = dest_site("docfx-dest", docfx, None, &files);
    // docfx.json alone: the one language is DocFX's whole site, under its tag.
    for file in ["en/articles/index.html", "en/articles/how-to/berths.html", "en/reference/v2/calls.html"] {
        assert!(out.join(file).is_file(), "{file}");
    }
    assert!(out.join("en/articles/media/dock.png").is_file(), "the resource rule's dest");
    assert!(!out.join("en/docs").exists() && !out.join("en/api-guide").exists());
    let home = std::fs::read_to_string(out.join("en/articles/index.html")).unwrap();
    for href in
        ["href=\"how-to/berths.html\"", "href=\"../reference/v2/calls.html#hail\"", "src=\"media/dock.png\""]
    {
        assert!(home.contains(href), "{href} in {home}");
    }
    // No base_url, no sitemap (issue 20); the search index names the page
    // at its DocFX address.
    assert!(!out.join("sitemap.xml").exists());
    let index = std::fs::read_to_string(out.join("en/search/index.js")).unwrap();
    assert!(index.contains("en/reference/v2/calls.html"), "{index}");
}

#[test]
fn content_dest_with_languages_from_playbook_toml_moves_files_inside_a_language_only() {
    let docfx = r#"{"build": {
      "content": [
        {"files": "**/*.md", "src": "site/en/api", "dest": "docs/en/reference"},
        {"files": "**/*.md", "src": "site/de/api", "dest": "elsewhere"},
        {"files": "**/*.md", "exclude": "*/api/**", "src": "site", "dest": "docs"}
      ]
    }}"#;
    let toml = "docfx = \"docfx.json\"\nurl_style = \"pretty\"\n\
                [[locale]]\ntag = \"en\"\ndir = \"site/en\"\n[[locale]]\ntag = \"de\"\ndir = \"site/de\"\n";
    let files = [
        ("site/en/index.md", "# Harbor\n\n[Calls](api/calls.md)\n"),
        ("site/en/api/calls.md", "# Calls\n\n[Home](../index.md)\n"),
        ("site/de/index.md", "# Hafen\n\n[Rufe](api/calls.md)\n"),
        ("site/de/api/calls.md", "# Rufe\n"),
    ];
    let (root, out) = dest_site("docfx-dest-languages", docfx, Some(toml), &files);
    // `docs` moves both languages as a whole (playbook puts each at its
    // tag); `docs/en/reference` lies inside English's folder `docs/en`.
    assert!(out.join("en/index.html").is_file() && out.join("de/index.html").is_file());
    assert!(out.join("en/reference/calls/index.html").is_file(), "moved inside English");
    assert!(out.join("de/api/calls/index.html").is_file(), "`elsewhere` is outside German: kept");
    let en = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    assert!(en.contains("href=\"reference/calls/index.html\""), "{en}");
    let (found, messages) = findings_of(&root);
    assert_eq!(found, [("docfx.json".to_string(), None, None, "docfx".to_string())]);
    assert!(
        messages[0].1.contains("build.content[1].dest `elsewhere`") && messages[0].1.contains("`de`"),
        "{messages:?}"
    );
}
