//! Unit tests of the HTML pass, on hand-built sites whose `Document`s hold
//! what `parse` would record.

use super::*;
use crate::config::{Config, LocaleConfig, Vocabulary};
use crate::model::{
    Alert, Document, FrontMatter, Heading, Link, LinkKind, Locale, LocaleId, PageId, Table, TableKind, Task,
};
use crate::render::engine::highlight;
use crate::source::{SourceFile, Span};

fn config() -> Config {
    let locale = |tag: &str| LocaleConfig {
        tag: tag.to_string(),
        dir: tag.to_string(),
        suffix: String::new(),
        name: None,
        vocabulary: Vocabulary::builtin(tag),
    };
    let mut c = Config::new(".", vec![locale("en"), locale("es")]);
    c.title = "Test".to_string();
    c.content_dir = String::new();
    c.required_keys = Vec::new();
    c
}

/// A page of locale `es` with front matter `---\ntitle: T\n---\n` before
/// `markdown`.
fn page(id: u32, path: &str, markdown: &str, doc: Document) -> Page {
    let front = "---\ntitle: T\n---\n";
    let key = path.trim_start_matches("es/").trim_end_matches(".md").to_string();
    Page {
        id: PageId(id),
        locale: LocaleId(1),
        source: SourceFile::new(path, format!("{front}{markdown}")),
        front: FrontMatter { body_start: front.len(), ..FrontMatter::default() },
        url: format!("es/{key}/"),
        key,
        primary: true,
        committed: None,
        doc,
    }
}

/// Page 0 `es/a.md` with `markdown` and `doc`, page 1 `es/b.md`, and the
/// asset `es/media/x.png`.
fn site(markdown: &str, doc: Document) -> Site {
    let pages = vec![page(0, "es/a.md", markdown, doc), page(1, "es/b.md", "# B\n", Document::default())];
    let locale = |id: u16, tag: &str, pages: Vec<PageId>| Locale {
        id: LocaleId(id),
        tag: tag.to_string(),
        dir: tag.to_string(),
        suffix: String::new(),
        toc: None,
        pages,
        home: None,
    };
    let locales = vec![locale(0, "en", vec![]), locale(1, "es", vec![PageId(0), PageId(1)])];
    Site::new(config(), locales, pages, vec!["es/media/x.png".to_string()])
}

fn label(label: &BodyLabel<'_>) -> String {
    match label {
        BodyLabel::Alert(AlertKind::Note) => "Nota".to_string(),
        BodyLabel::Alert(AlertKind::Unknown(word)) => format!("«{word}»"),
        BodyLabel::CopyCode => "Copiar".to_string(),
        BodyLabel::Copied => "Copiado".to_string(),
        other => format!("{other:?}"),
    }
}

fn render(markdown: &str, doc: Document) -> Body {
    let site = site(markdown, doc);
    body(&site, site.page(PageId(0)), &TaskCatalog::of(&site), &label)
}

/// Absolute offset of `needle` in page 0's source (front matter included).
fn at(markdown: &str, needle: &str) -> usize {
    "---\ntitle: T\n---\n".len() + markdown.find(needle).expect("needle in markdown")
}

fn link(markdown: &str, needle: &str, dest: &str, kind: LinkKind) -> Link {
    let start = at(markdown, needle);
    Link {
        dest: dest.to_string(),
        kind,
        image: needle.starts_with('!'),
        span: Span::new(start, start),
        start,
    }
}

fn heading(id: &str) -> Heading {
    Heading { level: 2, text: String::new(), id: id.to_string(), span: Span::default(), line: 1 }
}

fn file(path: &str, fragment: Option<&str>) -> LinkKind {
    LinkKind::File { path: path.to_string(), fragment: fragment.map(str::to_string) }
}

#[test]
fn heading_ids_come_from_the_document() {
    let doc = Document { headings: vec![heading("from-doc"), heading("second")], ..Document::default() };
    let html = render("## Hello World\n\n## Again\n\n## Third\n", doc).html;
    assert!(html.contains("<h2 id=\"from-doc\">Hello World<a class=\"heading-anchor\" href=\"#from-doc\""));
    assert!(html.contains("<h2 id=\"second\">Again"), "{html}");
    // More headings than the Document knows: no id, no panic.
    assert!(html.contains("<h2>Third</h2>"), "{html}");
}

#[test]
fn inline_html_in_a_heading_is_escaped() {
    let doc = Document { headings: vec![heading("x")], ..Document::default() };
    let html = render("## Hi <img src=x onerror=alert(1)>\n", doc).html;
    assert!(html.contains("Hi &lt;img src=x onerror=alert(1)&gt;"), "{html}");
    assert!(!html.contains("<img"), "{html}");
}

#[test]
fn event_handler_heading_attributes_are_dropped() {
    let doc = Document { headings: vec![heading("x")], ..Document::default() };
    let html = render("## T {onclick=alert(1) .big data-x=1}\n", doc).html;
    assert!(html.contains("<h2 id=\"x\" class=\"big\" data-x=\"1\">"), "{html}");
    assert!(!html.contains("onclick"), "{html}");
}

#[test]
fn link_to_another_page_is_relative_with_fragment() {
    let md = "See [B](b.md#Sección 2).\n";
    let md = &md.replace("Sección 2", "secci%C3%B3n-2");
    let doc = Document {
        links: vec![link(md, "[B]", "b.md#secci%C3%B3n-2", file("b.md", Some("sección 2")))],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(html.contains("<a href=\"../b/index.html#secci%C3%B3n%202\">B</a>"), "{html}");
}

#[test]
fn same_page_fragment_link() {
    let md = "[up](#top)\n";
    let doc = Document {
        links: vec![link(md, "[up]", "#top", LinkKind::Fragment("top".into()))],
        ..Document::default()
    };
    assert!(render(md, doc).html.contains("<a href=\"#top\">up</a>"));
}

#[test]
fn link_to_an_asset_is_rewritten_and_listed() {
    let md = "![pic](media/x.png) and [again](./media/x.png)\n";
    let doc = Document {
        links: vec![
            link(md, "![pic]", "media/x.png", file("media/x.png", None)),
            link(md, "[again]", "./media/x.png", file("./media/x.png", None)),
        ],
        ..Document::default()
    };
    let out = render(md, doc);
    assert!(out.html.contains("<img src=\"../media/x.png\" alt=\"pic\" />"), "{}", out.html);
    assert!(out.html.contains("<a href=\"../media/x.png\">again</a>"), "{}", out.html);
    assert_eq!(out.assets, vec!["es/media/x.png".to_string()]);
}

#[test]
fn missing_link_is_kept_as_written() {
    let md = "[gone](success-review-es.md)\n";
    let doc = Document {
        links: vec![link(md, "[gone]", "success-review-es.md", file("success-review-es.md", None))],
        ..Document::default()
    };
    assert!(render(md, doc).html.contains("<a href=\"success-review-es.md\">gone</a>"));
}

#[test]
fn javascript_link_is_not_live() {
    let md = "[click](javascript:alert(1)) [img]( JaVaScRiPt:x) [e](&#106;avascript&#x3A;x) ![i](data:text/html,x)\n";
    let malformed = || LinkKind::Malformed { reason: "unsafe".into(), suggestion: None };
    let doc = Document {
        links: vec![
            link(md, "[click]", "javascript:alert(1)", malformed()),
            link(md, "![i]", "data:text/html,x", malformed()),
        ],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(html.contains("<p>click img e i</p>"), "{html}");
    assert!(!html.to_ascii_lowercase().contains("script:"), "{html}");
    assert!(!html.contains("data:"), "{html}");
    assert!(!html.contains("<a") && !html.contains("<img"), "{html}");
}

#[test]
fn unsafe_scheme_detection_ignores_case_blanks_and_invisibles() {
    assert!(has_unsafe_scheme(" \u{200B}jav\nascript:x"));
    assert!(has_unsafe_scheme("VBScript:x"));
    assert!(has_unsafe_scheme("DATA:x"));
    assert!(!has_unsafe_scheme("https://example.com/javascript:"));
    assert!(!has_unsafe_scheme("data.md"));
}

#[test]
fn mailto_is_kept_other_schemes_are_not_live() {
    let md = "[mail](mailto:a@b.c) [ftp](ftp://x/y) <z@example.com>\n";
    let doc = Document {
        links: vec![
            link(md, "[mail]", "mailto:a@b.c", LinkKind::OtherScheme),
            link(md, "[ftp]", "ftp://x/y", LinkKind::OtherScheme),
        ],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(html.contains("<a href=\"mailto:a@b.c\">mail</a>"), "{html}");
    assert!(html.contains(" ftp "), "{html}");
    assert!(!html.contains("ftp://"), "{html}");
    assert!(html.contains("<a href=\"mailto:z@example.com\">z@example.com</a>"), "{html}");
}

#[test]
fn inline_html_in_link_text_is_escaped_elsewhere_kept() {
    let md = "[a <b>bold</b>](https://x.org) and <i>kept</i>\n";
    let doc =
        Document { links: vec![link(md, "[a", "https://x.org", LinkKind::External)], ..Document::default() };
    let html = render(md, doc).html;
    assert!(
        html.contains("<a href=\"https://x.org\">a &lt;b&gt;bold&lt;/b&gt;</a> and <i>kept</i>"),
        "{html}"
    );
}

#[test]
fn raw_html_escape_policy_escapes_blocks_and_inline() {
    let md = "<div onclick=x>hi</div>\n\ntext <i>x</i>\n";
    let site = site(md, Document::default());
    let html = body_with(&site, site.page(PageId(0)), &TaskCatalog::of(&site), &label, RawHtml::Escape).html;
    assert!(html.contains("<p>&lt;div onclick=x&gt;hi&lt;/div&gt;"), "{html}");
    assert!(html.contains("text &lt;i&gt;x&lt;/i&gt;"), "{html}");
}

#[test]
fn alert_gets_its_localized_title() {
    let md = "> [!NOTE]\n> Careful <now>.\n";
    let doc = Document {
        alerts: vec![Alert { kind: AlertKind::Note, span: Span::new(at(md, ">"), at(md, ">") + md.len()) }],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(
        html.starts_with(
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Nota</p>\n<p>"
        ),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</p>\n</div>"), "{html}");
    assert!(!html.contains("blockquote"), "{html}");
}

#[test]
fn unknown_alert_renders_with_its_word_and_without_the_marker() {
    let md = "Intro\n\n>[!HINWEIS]\n>Falls Sie <b>keine</b> Nachricht erhalten.\n\n> plain > quote\n";
    let start = at(md, ">[!");
    let doc = Document {
        alerts: vec![Alert {
            kind: AlertKind::Unknown("HINWEIS".into()),
            span: Span::new(start, start + 20),
        }],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(
        html.contains(
            "<div class=\"alert alert-note alert-unknown\" role=\"note\"><p class=\"alert-title\">«HINWEIS»</p>\n<p>Falls Sie"
        ),
        "{html}"
    );
    assert!(!html.contains("[!") && !html.contains("!HINWEIS"), "{html}");
    assert!(html.contains("<blockquote>\n<p>plain &gt; quote</p>\n</blockquote>"), "{html}");
}

#[test]
fn unknown_alert_with_only_the_marker_line_has_no_empty_paragraph() {
    let md = "> [!OBSERVAÇÃO]\n>\n> Texto.\n";
    let doc = Document {
        alerts: vec![Alert {
            kind: AlertKind::Unknown("OBSERVAÇÃO".into()),
            span: Span::new(at(md, ">"), 0),
        }],
        ..Document::default()
    };
    let html = render(md, doc).html;
    assert!(html.contains("«OBSERVAÇÃO»</p>\n<p>Texto.</p>\n</div>"), "{html}");
    assert!(!html.contains("<p></p>"), "{html}");
}

fn task(id: &str) -> Task {
    Task {
        id: id.to_string(),
        name: String::new(),
        requirement: crate::model::Requirement::Mandatory,
        role: String::new(),
        services: Vec::new(),
        section: None,
        table: 1,
        span: Span::default(),
        line: 1,
    }
}

const TABLES: &str = "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n\
    | Id. de Tareas | Nombre |\n| --- | --- |\n| 4060 | X |\n| bad | Y |\n| 4060 | Z |\n| 40\"61 | W |\n";

fn task_table_doc() -> Document {
    let table = |kind, row_tasks| Table { kind, span: Span::default(), row_tasks };
    Document {
        tables: vec![
            table(TableKind::Other, vec![]),
            table(TableKind::Tasks, vec![Some(0), None, Some(1), Some(2)]),
        ],
        tasks: vec![task("4060"), task("4060"), task("40\"61")],
        ..Document::default()
    }
}

#[test]
fn task_rows_get_task_ids_once() {
    let html = render(TABLES, task_table_doc()).html;
    assert!(html.contains("<table class=\"task-table\">"), "{html}");
    assert_eq!(html.matches("<tr id=\"task-4060\">").count(), 1, "{html}");
    // A task table's cells carry their header's words (phones show them).
    assert!(
        html.contains(
            "<tr id=\"task-4060\"><td data-label=\"Id. de Tareas\">4060</td><td data-label=\"Nombre\">X</td>"
        ),
        "{html}"
    );
    assert!(html.contains("<tr id=\"task-4061\"><td data-label=\"Id. de Tareas\">40\"61</td>"), "{html}");
    assert!(html.contains("<tr><td>1</td>"), "other tables stay plain: {html}");
    assert_eq!(html.matches("<tr>").count(), 5, "2 heads, the plain row, the bad row, the duplicate: {html}");
}

#[test]
fn tables_are_wrapped_and_keep_alignment() {
    let html = render(TABLES, task_table_doc()).html;
    assert_eq!(html.matches("<div class=\"table-wrap\"><table").count(), 2, "{html}");
    assert_eq!(html.matches("</tbody></table>\n</div>").count(), 2, "{html}");
    assert!(html.contains(
        "<table>\n<thead><tr><th scope=\"col\">a</th><th scope=\"col\" style=\"text-align: center\">b</th></tr></thead><tbody>\n\
         <tr><td>1</td><td style=\"text-align: center\">2</td></tr>\n"
    ), "{html}");
    // Without a Document table entry: a plain wrapped table, no panic.
    let html = render(TABLES, Document::default()).html;
    assert!(!html.contains("task-table") && !html.contains("id=\"task-"), "{html}");
}

#[test]
fn code_block_is_highlighted_with_prefixed_classes() {
    let out = render("```rust\nfn main() { let x = \"<b>\"; }\n```\n", Document::default());
    assert!(out.has_code);
    assert!(
        out.html.starts_with(
            "<div class=\"code-block\"><div class=\"code-bar\"><span class=\"code-lang\">Rust</span>\
             <button type=\"button\" class=\"copy-button\" data-copied=\"Copiado\" hidden>Copiar</button></div>\
             <pre class=\"code hl-code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\">"
        ),
        "{}",
        out.html
    );
    assert!(out.html.contains("&lt;b&gt;"), "{}", out.html);
    assert!(out.html.ends_with("</code></pre></div>\n"), "{}", out.html);
}

#[test]
fn unknown_or_missing_language_is_plain_escaped() {
    let out = render("```klingon\n<x>\n```\n\n```\n<y>\n```\n\n    <z>\n", Document::default());
    assert!(!out.has_code);
    let copy = |float: &str| {
        format!(
            "<button type=\"button\" class=\"copy-button{float}\" data-copied=\"Copiado\" hidden>Copiar</button>"
        )
    };
    assert_eq!(
        out.html,
        format!(
            // An unknown language keeps its label, as written.
            "<div class=\"code-block\"><div class=\"code-bar\"><span class=\"code-lang\">klingon</span>{}</div>\
             <pre class=\"code\" data-lang=\"klingon\"><code>&lt;x&gt;\n</code></pre></div>\n\
             <div class=\"code-block\">{}<pre class=\"code\"><code>&lt;y&gt;\n</code></pre></div>\n\
             <div class=\"code-block\">{}<pre class=\"code\"><code>&lt;z&gt;\n</code></pre></div>\n",
            copy(""),
            copy(" copy-float"),
            copy(" copy-float")
        )
    );
}

#[test]
fn a_label_is_escaped_and_the_copy_words_come_from_the_locale() {
    let out = render("```<b>x\n1\n```\n", Document::default());
    assert!(out.html.contains("<span class=\"code-lang\">&lt;b&gt;x</span>"), "{}", out.html);
    assert!(out.html.contains("data-lang=\"&lt;b&gt;x\""), "{}", out.html);
    assert!(out.html.contains("data-copied=\"Copiado\" hidden>Copiar</button>"), "{}", out.html);
}

#[test]
fn page_without_code_never_loads_syntect() {
    let md = "# T\n\nText with `inline code`.\n\n```\nno language\n```\n\n    indented\n";
    let out = render(md, Document::default());
    assert!(!out.has_code);
    assert!(!highlight::syntaxes_asked_on_this_thread());
}

#[test]
fn output_is_deterministic() {
    let md = format!("## H\n\n{TABLES}\n> [!NOTE]\n> n\n\n```rust\nfn x() {{}}\n```\n[B](b.md)\n");
    let first = render(&md, task_table_doc());
    for _ in 0..3 {
        assert_eq!(render(&md, task_table_doc()), first);
    }
}

#[test]
fn body_start_out_of_range_or_mid_character_does_not_panic() {
    let mut site = site("é", Document::default());
    let Some(page) = site.pages.first_mut() else { return };
    page.front.body_start = page.source.text.len() - 1; // inside `é`
    let site = Site::new(config(), site.locales.clone(), site.pages.clone(), site.files.clone());
    let _ = body(&site, site.page(PageId(0)), &TaskCatalog::of(&site), &label);
}
