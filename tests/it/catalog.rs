//! The task catalog pages and JSON: on the sample content, on a tiny site
//! with a requirement mismatch, and on the real corpus.

use crate::harness::{corpus, playbook, repo, temp_dir, text, write_files};
use std::path::{Path, PathBuf};

/// The sample content, built once (see `harness::built_sample`).
fn sample() -> &'static PathBuf {
    crate::harness::built_sample()
}

/// The real corpus, built once (see `harness::built_corpus`).
fn corpus_site() -> &'static PathBuf {
    crate::harness::built_corpus()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every link a browser follows or loads: `href` of `<a>` and `<link>`
/// (except the `alternate` and `canonical` URLs, absolute or root-absolute
/// by design) and `src` of `<script>` and `<img>`, attribute-unescaped.
fn hrefs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let name = tag.split_whitespace().next().unwrap_or("");
        let attr = match name {
            "a" => "href=\"",
            "link" if !tag.contains("rel=\"alternate\"") && !tag.contains("rel=\"canonical\"") => "href=\"",
            "script" | "img" => "src=\"",
            _ => continue,
        };
        if let Some(value) = tag.split(attr).nth(1).and_then(|v| v.split('"').next()) {
            out.push(value.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""));
        }
    }
    out
}

/// Checks that `page` is valid HTML and that every local link of it
/// resolves (to a file, and with a fragment to an id in it); returns how
/// many links it has.
fn assert_links_resolve(out: &Path, page: &Path) -> usize {
    let problems = crate::html::problems_of(out, std::iter::once(page.to_path_buf()));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    hrefs(&read(page)).len()
}

#[test]
fn every_sample_locale_has_a_catalog_and_a_matrix() {
    let out = sample();
    for tag in ["en", "es", "de"] {
        let catalog = read(&out.join(tag).join("tasks/index.html"));
        assert!(catalog.contains(&format!("<html lang=\"{tag}\"")));
        assert!(catalog.contains("class=\"catalog-table\""));
        assert!(out.join(tag).join("tasks/matrix/index.html").is_file());
        assert!(out.join(tag).join("tasks.json").is_file());
    }
    let de = read(&out.join("de/tasks/index.html"));
    assert!(de.contains("6 Aufgaben"), "de has six rows, in a Fluent plural");
}

#[test]
fn the_es_catalog_links_each_row_on_its_page_and_its_task_page() {
    let out = sample();
    let page = out.join("es/tasks/index.html");
    let html = read(&page);
    for (id, name) in
        [("4060", "Cerrar la interacción en el rastreador"), ("1010", "Completar el primer contacto")]
    {
        assert!(html.contains(&format!("<a href=\"{id}/index.html\">{id}</a>")), "task page link of {id}");
        assert!(html.contains(name), "{name}");
    }
    let rows: Vec<String> = hrefs(&html).into_iter().filter(|h| h.contains("#task-")).collect();
    assert_eq!(rows.len(), 30, "one row link per es task row: {rows:?}");
    assert!(rows.contains(&"../succeed-close-engagement/index.html#task-4060".to_string()), "{rows:?}");
    assert!(assert_links_resolve(out, &page) > 90);
}

#[test]
fn every_link_of_every_sample_catalog_page_resolves() {
    let out = sample();
    let mut pages = 0;
    for tag in ["en", "es", "de"] {
        for entry in walkdir::WalkDir::new(out.join(tag).join("tasks")) {
            let entry = entry.unwrap();
            if entry.file_name() == "index.html" {
                assert_links_resolve(out, entry.path());
                pages += 1;
            }
        }
    }
    assert_eq!(pages, 3 * 2 + 30 + 30 + 6, "catalog + matrix per locale, one page per task of each locale");
    assert_links_resolve(out, &out.join("en/index.html"));
    assert_links_resolve(out, &out.join("es/succeed-close-engagement/index.html"));
}

#[test]
fn a_sample_task_page_shows_every_locale_and_the_missing_one() {
    let out = sample();
    let html = read(&out.join("es/tasks/4060/index.html"));
    assert!(html.contains("<h1>Cerrar la interacción en el rastreador</h1>"), "{html}");
    assert!(html.contains("Close the engagement in the tracker"), "the en name");
    assert!(html.contains("href=\"../../../en/tasks/4060/index.html\""), "the en task page");
    assert!(html.contains("<tr class=\"row-missing\">"), "de has no 4060");
    assert!(html.contains(
        "href=\"../../../de/tasks/index.html\" hreflang=\"de\" data-lang=\"de\" class=\"untranslated\""
    ));
    assert!(html.contains("hreflang=\"en\" href=\"/en/tasks/4060/\""), "alternate");
    let de = read(&out.join("de/tasks/1010/index.html"));
    assert!(de.contains("<tr class=\"row-same\">"), "en and es agree with de on 1010");
}

#[test]
fn a_requirement_mismatch_is_labelled_on_the_task_page_and_in_the_matrix() {
    let dir = temp_dir("catalog-mismatch");
    let table = |header: &str, row: &str| {
        format!("# T\n\n| {header} | N | M/O | R | S |\n|---|---|---|---|---|\n{row}\n")
    };
    write_files(
        &dir,
        &[
            ("content/en/a.md", &table("Task ID", "| 7 | Seven | M | Lead | Mail |")),
            ("content/es/a.md", &table("Id. de Tareas", "| 7 | Siete | O | Jefe | Mail |")),
        ],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(2), "{}", text(&o));
    let html = read(&dir.join("public/es/tasks/7/index.html"));
    assert!(html.contains("<tr class=\"row-differs\">"), "{html}");
    assert!(html.contains("obligatoriedad distinta"), "a text label, not colour only: {html}");
    let matrix = read(&dir.join("public/es/tasks/matrix/index.html"));
    assert!(matrix.contains("class=\"mx-cell mx-differs\""), "{matrix}");
    assert!(matrix.contains("presente, obligatoriedad distinta"), "{matrix}");
}

#[test]
fn the_sample_matrix_shows_tasks_missing_in_de() {
    let out = sample();
    let html = read(&out.join("en/tasks/matrix/index.html"));
    let row = html.split("<a href=\"../1040/index.html\">1040</a>").nth(1).expect("row 1040");
    let row = row.split("</tr>").next().unwrap();
    let cells: Vec<&str> =
        row.split("<td class=\"mx-cell ").skip(1).map(|c| c.split('"').next().unwrap()).collect();
    assert_eq!(cells, ["mx-present", "mx-missing", "mx-present"], "en, de, es: {row}");
    assert!(row.contains("<span class=\"visually-hidden\">missing</span>"));
    assert!(html.contains("<tr class=\"mx-total total-missing\">"), "per-locale totals");
}

#[test]
fn sample_tasks_json() {
    let json = read(&sample().join("tasks.json"));
    insta::assert_snapshot!("sample_tasks_json", json);
}

#[test]
fn a_locale_json_is_what_playbook_tasks_prints() {
    let root = repo();
    let o = playbook(&["tasks", "--root", root.to_str().unwrap(), "--locale", "es", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(read(&sample().join("es/tasks.json")), String::from_utf8(o.stdout).unwrap());
}

#[test]
fn the_sitemap_lists_catalog_pages() {
    // The sample with a base URL (a sitemap is written only with one).
    let dir = crate::harness::temp_dir("catalog-sitemap");
    let config = dir.join("playbook.toml");
    std::fs::write(&config, "title = \"Sample\"\nbase_url = \"https://example.com/pb\"\n").unwrap();
    let out = dir.join("out");
    let root = repo();
    let args = ["build", "--root", root.to_str().unwrap(), "--config", config.to_str().unwrap()];
    let o = playbook(&[&args[..], &["--out", out.to_str().unwrap()]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let xml = read(&out.join("sitemap.xml"));
    for loc in ["/en/tasks/", "/es/tasks/matrix/", "/es/tasks/4060/", "/de/tasks/3060/"] {
        assert!(xml.contains(&format!("<loc>https://example.com/pb{loc}</loc>")), "{loc}");
    }
    assert!(!xml.contains("<loc>https://example.com/pb/de/tasks/4060/</loc>"));
}

#[test]
fn corpus_task_4060_has_its_spanish_page() {
    let html = read(&corpus_site().join("es/tasks/4060/index.html"));
    assert!(html.contains("<h1>El proceso de desconexión finalizado</h1>"), "{html}");
    assert!(
        html.contains(
            "\"../../migrate-conduct-engagement-completion-discussion-partner-es/index.html#task-4060\""
        ),
        "links its row"
    );
    assert_links_resolve(corpus_site(), &corpus_site().join("es/tasks/4060/index.html"));
}

#[test]
fn corpus_task_counts_per_locale_are_pinned() {
    let options = playbook::config::Options {
        root: Some(corpus()),
        config: Some(repo().join("tests/fixtures/fasttrack.toml")),
        out: None,
    };
    let (site, _) = playbook::load_site(&options).expect("corpus loads");
    let catalog = playbook::catalog::TaskCatalog::of(&site);
    let mut counts = Vec::new();
    for locale in &site.locales {
        let ids = catalog.count(&site, locale.id);
        let rows = catalog.in_locale(&site, locale.id).count();
        let json: Vec<serde_json::Value> =
            serde_json::from_str(&read(&corpus_site().join(&locale.tag).join("tasks.json"))).unwrap();
        assert_eq!(json.len(), rows, "{} tasks.json has every row", locale.tag);
        let distinct: std::collections::BTreeSet<u64> =
            json.iter().map(|e| e["id"].as_u64().unwrap()).collect();
        assert_eq!(distinct.len(), ids, "{} distinct ids", locale.tag);
        counts.push((locale.tag.clone(), ids, rows));
    }
    let expected = [
        ("en", 224, 254),
        ("es", 220, 248),
        ("pt-BR", 220, 252),
        ("de", 220, 248),
        ("ja", 222, 250),
        ("zh-Hans", 220, 248),
    ];
    assert_eq!(counts, expected.map(|(t, i, r)| (t.to_string(), i, r)).to_vec());
    let all: serde_json::Value = serde_json::from_str(&read(&corpus_site().join("tasks.json"))).unwrap();
    assert_eq!(all["tasks"].as_array().unwrap().len(), catalog.ids().count());
    assert_eq!(catalog.ids().count(), 225);
}

#[test]
fn every_corpus_catalog_page_is_valid_html_with_working_links() {
    let out = corpus_site();
    let pages: Vec<PathBuf> = ["en", "es", "pt-BR", "de", "ja", "zh-Hans"]
        .iter()
        .flat_map(|tag| walkdir::WalkDir::new(out.join(tag).join("tasks")).into_iter().flatten())
        .filter(|e| e.file_name() == "index.html")
        .map(|e| e.path().to_path_buf())
        .collect();
    assert_eq!(
        pages.len(),
        6 * 2 + 224 + 220 * 4 + 222,
        "catalog + matrix per locale and a page per task id"
    );
    let problems = crate::html::problems_of(out, pages.into_iter());
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn corpus_task_4060_in_spanish_has_every_field() {
    let cfg = repo().join("tests/fixtures/fasttrack.toml");
    let root = corpus();
    let args = ["tasks", "--config", cfg.to_str().unwrap(), "--root", root.to_str().unwrap()];
    let o = playbook(&[&args[..], &["--id", "4060", "--locale", "es", "--format", "json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let expected = serde_json::json!([{
        "id": 4060,
        "locale": "es",
        "name": "El proceso de desconexión finalizado",
        "requirement": "mandatory",
        "role": "Administrador de FastTrack",
        "services": ["Todos los servicios"],
        "phase": "Migrar",
        "section": "Lleve a cabo la discusión de finalización de la interacción (migración)",
        "section_id": "lleve-a-cabo-la-discusión-de-finalización-de-la-interacción-migración-1",
        // The page's one name: its H1, in Spanish (the front-matter title
        // of the corpus is English in every language).
        "page_title": "Lleve a cabo la discusión de finalización de la interacción (migración)",
        "file": "spanish-playbook/migrate-conduct-engagement-completion-discussion-partner-es.md",
        "line": 79,
        "url": "/es/migrate-conduct-engagement-completion-discussion-partner-es/#task-4060"
    }]);
    assert_eq!(json, expected);
    // German `E` and Portuguese `b` mean mandatory.
    for (locale, letter_rows) in [("de", "E"), ("pt-BR", "b")] {
        let o = playbook(&[&args[..], &["--locale", locale, "--format", "json"]].concat());
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        let mandatory = rows.iter().filter(|r| r["requirement"] == "mandatory").count();
        let unknown: Vec<_> = rows
            .iter()
            .filter(|r| r["requirement"] != "mandatory" && r["requirement"] != "optional")
            .collect();
        assert!(mandatory > 100, "{locale}: `{letter_rows}` rows are mandatory ({mandatory})");
        assert!(unknown.len() <= 2, "{locale}: only malformed rows stay unknown: {unknown:?}");
    }
}

#[test]
fn the_tasks_command_prints_csv_and_tables_and_refuses_unknown_locales() {
    let root = repo();
    let o = playbook(&["tasks", "--root", root.to_str().unwrap(), "--id", "1010", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,locale,name,requirement,role,services,phase,section,file,line,url");
    assert_eq!(lines.len(), 4, "1010 in en, es, de: {csv}");
    let o = playbook(&["tasks", "--root", root.to_str().unwrap(), "--locale", "es"]);
    assert!(text(&o).contains("30 task rows"), "{}", text(&o));
    let o = playbook(&["tasks", "--root", root.to_str().unwrap(), "--locale", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("not a locale of this site (it has en, de, es)"), "{}", text(&o));
}
