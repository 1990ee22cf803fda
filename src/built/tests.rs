//! The built-site check on a small OUT written by hand: what leads
//! somewhere passes, everything else is one `built-link` finding at its
//! page, line and column.

use super::*;

fn out(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = crate::testing::temp_dir(name);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn every_url_that_leads_nowhere_is_found_at_its_page_line_and_column() {
    let dir = out(
        "built-check",
        &[
            (
                "index.html",
                "<!DOCTYPE html>\n<link href=\"static/s.css\" rel=\"stylesheet\">\n<a href=\"es/\">es</a> <a href=\"es/guia/#paso-2\">paso</a>\n",
            ),
            ("static/s.css", "body{}"),
            (
                "es/index.html",
                "<html><head><link rel=\"canonical\" href=\"https://x.org/es/\">\n\
                 <script>if (a<b) { x('<a href=\"nowhere.html\">') }</script></head><body>\n\
                 <a href=\"guia\">folder without slash</a> <a href=\"Guia/\">case</a>\n\
                 <a href=\"guia/#paso-3\">anchor</a> <a href=\"#top\">top</a> <a href=\"#arriba\">own id</a><p id=\"arriba\">\n\
                 <img src=\"../media/falta.png\" alt=\"\"> <a href=\"../../fuera.html\">above</a>\n\
                 <a href=\"https://example.com/\">external</a> <a href=\"mailto:a@b.c\">mail</a>\n\
                 <a href=\"guia/doc.pdf#page=2\">pdf page</a> <a href=\"https://x.org/es/nada/\">own absolute</a>\n\
                 </body></html>\n",
            ),
            ("es/guia/index.html", "<h2 id=\"paso-2\">Paso 2</h2>\n<h2 id=\"paso-2b\">b</h2>"),
            ("es/guia/doc.pdf", "%PDF"),
            (
                "es/search/index.json",
                r#"{"version":1,"docs":[["Guía","es/guia/"],["Gone","es/gone/"]],"terms":[],"postings":[]}"#,
            ),
            ("es/tasks.json", "[\n  {\n    \"url\": \"/es/guia/#paso-9\"\n  }\n]\n"),
        ],
    );
    let checked = site(&dir, "https://x.org").unwrap();
    let mut found: Vec<(String, Option<usize>, Option<usize>, String)> =
        checked.diagnostics.iter().map(|d| (d.file.clone(), d.line, d.column, d.message.clone())).collect();
    found.sort();
    let f = |file: &str, line: usize, col: Option<usize>, m: &str| {
        (file.to_string(), Some(line), col, m.to_string())
    };
    assert_eq!(
        found,
        [
            f("es/index.html", 3, Some(50), "`Guia/` leads to no file of the site (`es/Guia/index.html`)"),
            f("es/index.html", 4, Some(10), "`#paso-3` is no id of `es/guia/index.html`"),
            f(
                "es/index.html",
                5,
                Some(11),
                "`../media/falta.png` leads to no file of the site (`media/falta.png`)"
            ),
            f("es/index.html", 5, Some(48), "`../../fuera.html` climbs above the site's root folder"),
            f(
                "es/index.html",
                7,
                Some(53),
                "`https://x.org/es/nada/` leads to no file of the site (`es/nada/index.html`)"
            ),
            f(
                "es/search/index.json",
                1,
                Some(51),
                "`es/gone/` leads to no file of the site (`es/gone/index.html`)"
            ),
            f("es/tasks.json", 3, Some(13), "`#paso-9` is no id of `es/guia/index.html`"),
        ],
        "{:#?}",
        checked.diagnostics
    );
    let case = checked.diagnostics.iter().find(|d| d.message.contains("Guia/")).unwrap();
    assert!(case.help.as_deref().unwrap_or("").contains("letter case"), "{case:?}");
    let anchor = checked.diagnostics.iter().find(|d| d.message.contains("paso-3")).unwrap();
    assert_eq!(anchor.help.as_deref(), Some("did you mean `#paso-2`?"));
    assert_eq!(anchor.target.as_deref(), Some("guia/#paso-3"));
    assert!(anchor.snippet.as_deref().is_some_and(|s| s.contains("guia/#paso-3")), "{anchor:?}");
    assert_eq!(checked.pages, 3);
    assert!(checked.links >= 14, "{}", checked.links);
}

#[test]
fn a_missing_output_folder_is_an_error() {
    let dir = crate::testing::temp_dir("built-none").join("nothing");
    assert!(site(&dir, "").is_err());
}
