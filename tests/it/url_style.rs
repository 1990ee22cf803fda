//! `url_style = "pretty" | "html"`: one site built in both styles, and
//! every link the build wrote (pages, sidebar, switcher, breadcrumbs,
//! pager, catalog and task pages, hreflang, canonical, the sitemap, the
//! search indexes, `tasks.json`) leads to a file that exists in OUT.

use crate::harness::{playbook, temp_dir, text, tree, write_bytes, write_files};
use std::collections::BTreeSet;
use std::path::Path;

const BASE: &str = "https://example.com/pb";

/// Three locales (`es` with a suffix, `ja` without a home), nested
/// folders, an index below the locale root, a page and a folder of the
/// same name (`sub.md`, `sub/index.md`: the same URL in the pretty style
/// only), tasks, a toc, an image, and links written every way writers do
/// (raw HTML too).
fn site(name: &str, style: &str, extra: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let config = format!(
        "title = \"URL styles\"\nbase_url = \"{BASE}\"\nurl_style = \"{style}\"\n{extra}\
         [[locale]]\ntag = \"en\"\ndir = \"docs/en\"\n\
         [[locale]]\ntag = \"es\"\ndir = \"docs/es\"\nsuffix = \"-es\"\n\
         [[locale]]\ntag = \"ja\"\ndir = \"docs/ja\"\n"
    );
    let table = "| Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |\n|---|---|---|---|---|\n\
                 | 4060 | Close | M | Lead | Mail / Files |\n| 4061 | Report | O | Lead | Mail |\n";
    let tabla = "| Id. de Tareas | Nombre | (M)andatory / (O)ptional | Rol | Servicios |\n|---|---|---|---|---|\n\
                 | 4060 | Cerrar | M | Líder | Correo |\n";
    let guide = format!(
        "---\ntitle: Guide\nms.date: 10/03/2019\n---\n# Guide\n\nPhase: Migrate\n\n## Setup\n\n{table}\n\
         See [the folder](sub/), [deep](sub/deep.md#top), [home](index.md), [a page named like a folder](sub.md),\n\
         [percent-encoded](sub/%64eep.md) and ![an image](media/a.png). Task 4061 is optional.\n\n\
         <p>In raw HTML: <a href=\"sub/deep.md#top\">deep</a>, <a href=\"sub/\">a folder</a>, \
         <img src=\"media/a.png\" alt=\"raw\"></p>\n"
    );
    let guia = format!(
        "---\ntitle: Guía\n---\n# Guía\n\n## Configuración\n\n{tabla}\nVea la [guía inglesa](../en/guide.md) y la Tarea 4060.\n"
    );
    write_files(
        &dir,
        &[
            ("playbook.toml", config.as_str()),
            (
                "docs/en/index.md",
                "---\ntitle: Home\n---\n# Home\n\nStart with [the guide](guide.md#setup) or Task 4060.\n",
            ),
            ("docs/en/guide.md", guide.as_str()),
            ("docs/en/sub.md", "---\ntitle: Sub page\n---\n# Sub page\n\nBack to [the guide](guide.md).\n"),
            (
                "docs/en/sub/index.md",
                "---\ntitle: Sub\n---\n# Sub\n\n[Deep](deep.md) and [up](../guide.md).\n",
            ),
            (
                "docs/en/sub/deep.md",
                "---\ntitle: Deep\n---\n# Deep {#top}\n\n[Sub](./index.md), [home](../index.md).\n",
            ),
            (
                "docs/en/toc.yml",
                "- name: Home\n  href: index.md\n  items:\n  - name: Guide\n    href: guide.md#setup\n  - name: Sub\n    href: sub/index.md\n    items:\n    - name: Deep\n      href: sub/deep.md\n  - name: Sub page\n    href: sub.md\n",
            ),
            ("docs/es/index.md", "---\ntitle: Inicio\n---\n# Inicio\n\nVea [la guía](guide-es.md).\n"),
            ("docs/es/guide-es.md", guia.as_str()),
            ("docs/es/sub/deep-es.md", "---\ntitle: Profundo\n---\n# Profundo\n\n[Guía](../guide-es.md).\n"),
            ("docs/ja/guide.md", "---\ntitle: ガイド\n---\n# ガイド\n\n[深い](sub/deep.md)\n"),
            ("docs/ja/sub/deep.md", "---\ntitle: 深い\n---\n# 深い\n"),
        ],
    );
    write_bytes(&dir, &[("docs/en/media/a.png", b"\x89PNG\r\n\x1a\n")]);
    dir
}

/// Builds the site of `style` (`extra`: more top-level config lines);
/// returns its output folder.
fn build_with(style: &str, extra: &str) -> std::path::PathBuf {
    let dir = site(&format!("url-style-{style}-{}", extra.len()), style, extra);
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    assert!(!text(&o).contains("broken-link"), "the fixture's links are sound: {}", text(&o));
    out
}

/// Builds the site of `style` with the default links (`portable`).
pub fn build(style: &str) -> std::path::PathBuf {
    build_with(style, "")
}

/// The values of `attr="…"` in `html`, unescaped.
fn attributes(html: &str, attr: &str) -> Vec<String> {
    let open = format!(" {attr}=\"");
    html.split(open.as_str())
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|v| v.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""))
        .collect()
}

/// The file in `out` that `link`, found in the file `from` (relative to
/// `out`), leads to; `None` for a link that leaves the site (another
/// scheme or host); `Some(Err(link))` for a relative link that climbs
/// above the site root.
fn target(out: &Path, from: &str, link: &str) -> Option<Result<std::path::PathBuf, String>> {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return None; // this very file (`#fragment`)
    }
    let path = if let Some(rest) = link.strip_prefix(BASE) {
        rest.to_string()
    } else if link.contains(':') || link.starts_with("//") {
        return None;
    } else if link.starts_with('/') {
        link.to_string()
    } else {
        let folder = from.rfind('/').map_or("", |i| &from[..=i]);
        format!("/{folder}{link}")
    };
    let decoded = playbook::url::percent_decode(&path);
    let mut parts: Vec<&str> = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Err(link.to_string()));
                }
            }
            s => parts.push(s),
        }
    }
    let mut file = parts.join("/");
    if decoded.ends_with('/') || parts.is_empty() {
        file = if file.is_empty() { "index.html".into() } else { format!("{file}/index.html") };
    }
    Some(Ok(out.join(file)))
}

/// Every link of every kind of file the build wrote, as (file, link).
fn links(out: &Path) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (path, bytes) in tree(out) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if path.ends_with(".html") {
            for attr in ["href", "src"] {
                all.extend(attributes(&text, attr).into_iter().map(|l| (path.clone(), l)));
            }
        } else if path == "sitemap.xml" {
            let locs = text.split("<loc>").skip(1).filter_map(|s| s.split("</loc>").next());
            all.extend(locs.map(|l| (path.clone(), l.to_string())));
            all.extend(attributes(&text, "href").into_iter().map(|l| (path.clone(), l)));
        } else if path.ends_with("search/index.js") {
            let json =
                text.strip_prefix("playbookSearchIndex(").and_then(|t| t.strip_suffix(");\n")).unwrap();
            let index: serde_json::Value = serde_json::from_str(json).unwrap();
            for doc in index["docs"].as_array().unwrap() {
                // Relative to the output root.
                all.push((String::new(), doc[1].as_str().unwrap().to_string()));
            }
        } else if path == "tasks.json" {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            for id in json["tasks"].as_array().unwrap() {
                for e in id["entries"].as_array().unwrap() {
                    all.push((path.clone(), e["url"].as_str().unwrap().to_string()));
                }
            }
        }
    }
    all
}

/// What [`internal_links`] found.
pub struct Internal {
    /// Internal links checked, with repeats.
    pub checked: usize,
    /// The distinct internal links.
    pub links: BTreeSet<String>,
    /// (file, link) of each link that leads to no file of OUT (or above it).
    pub dead: Vec<(String, String)>,
}

/// The internal links of every file of `out` (pages, sitemap, search
/// indexes, `tasks.json`), each followed to its file.
pub fn internal_links(out: &Path) -> Internal {
    let mut found = Internal { checked: 0, links: BTreeSet::new(), dead: Vec::new() };
    for (from, link) in links(out) {
        let Some(file) = target(out, &from, &link) else { continue };
        if !file.is_ok_and(|f| f.is_file()) {
            found.dead.push((from, link.clone()));
        }
        found.links.insert(link);
        found.checked += 1;
    }
    found
}

/// Every internal link of `out` leads to a file that exists; returns the
/// internal links, for the style's own checks.
fn assert_every_link_resolves(out: &Path) -> BTreeSet<String> {
    let found = internal_links(out);
    assert_eq!(found.dead, Vec::<(String, String)>::new(), "links to no file of OUT");
    assert!(found.checked > 300, "links checked: {}", found.checked);
    found.links
}

#[test]
fn every_link_of_a_pretty_site_leads_to_a_file_of_the_site() {
    let out = build("pretty");
    for file in [
        "en/guide/index.html",
        "en/sub/index.html",
        "en/sub-2/index.html",
        "es/guide-es/index.html",
        "ja/index.html",
        "en/tasks/4060/index.html",
        "en/tasks/matrix/index.html",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let internal = assert_every_link_resolves(&out);
    // Portable (the default): a relative link names a file, which a browser
    // opens from disk too; public URLs (sitemap, hreflang, canonical,
    // tasks.json) stay folders.
    for link in internal.iter().filter(|l| !l.starts_with('/') && !l.starts_with("https:")) {
        let path = link.split(['#', '?']).next().unwrap();
        assert!(!path.ends_with('/') && !path.is_empty(), "{link} is a folder link in a portable site");
    }
    assert!(internal.iter().any(|l| l.ends_with("guide/index.html#setup")), "{internal:?}");
    assert!(internal.iter().any(|l| l == "https://example.com/pb/en/guide/"), "public URLs are folders");
    assert!(!internal.iter().any(|l| l.contains("guide.html")));
}

#[test]
fn a_site_that_is_not_portable_links_folders() {
    let out = build_with("pretty", "portable = false\n");
    let internal = assert_every_link_resolves(&out);
    assert!(internal.iter().any(|l| l.ends_with("guide/#setup")), "pretty links end in a folder");
    assert!(
        !internal.iter().any(|l| l.ends_with("/index.html") || l.contains("/index.html#")),
        "{internal:?}"
    );
}

#[test]
fn every_link_of_an_html_site_leads_to_a_file_of_the_site_and_names_it() {
    let out = build("html");
    for file in [
        "en/index.html",
        "en/guide.html",
        "en/sub.html",
        "en/sub/index.html",
        "en/sub/deep.html",
        "es/guide-es.html",
        "ja/index.html",
        "ja/guide.html",
        "en/tasks/index.html",
        "en/tasks/4060.html",
        "en/tasks/matrix.html",
        "index.html",
        "404.html",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    for folder in ["en/guide", "en/sub-2", "en/tasks/4060", "es/guide-es"] {
        assert!(!out.join(folder).exists(), "no pretty folder {folder} in an html site");
    }
    let internal = assert_every_link_resolves(&out);
    // Every link names a file (an asset, a JSON file or an .html page):
    // none ends in a folder.
    for link in &internal {
        let path = link.split(['#', '?']).next().unwrap();
        assert!(!path.ends_with('/') && !path.is_empty(), "{link} is a folder link in an html site");
    }
    assert!(internal.iter().any(|l| l == "guide.html#setup"), "{internal:?}");
    let tasks = playbook(&[
        "tasks",
        "--root",
        out.parent().unwrap().to_str().unwrap(),
        "--id",
        "4060",
        "--format",
        "json",
    ]);
    assert!(
        text(&tasks).contains("\"url\": \"https://example.com/pb/en/guide.html#task-4060\""),
        "{}",
        text(&tasks)
    );
}
