//! The incremental pipeline (`playbook::session`): after every kind of
//! change, the served files and the findings equal a full build of the same
//! input, byte for byte.

use crate::harness::{corpus, repo};
use playbook::config::Options;
use playbook::output::Body;
use playbook::session::{Change, Session};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Copies `from` (a folder) to `to`, files only.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(from).expect("under from");
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// A fresh copy of the sample playbook (`content/` + `playbook.toml`).
pub fn sample(name: &str) -> PathBuf {
    let root = crate::harness::temp_dir(name);
    copy_tree(&repo().join("content"), &root.join("content"));
    std::fs::copy(repo().join("playbook.toml"), root.join("playbook.toml")).expect("copy config");
    root
}

fn options(root: &Path) -> Options {
    Options { root: Some(root.to_path_buf()), config: None, out: None }
}

/// Rewrites `rel` under `root` with `edit` applied to its text.
pub fn edit(root: &Path, rel: &str, edit: impl FnOnce(String) -> String) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read page");
    let new = edit(text.clone());
    assert_ne!(new, text, "the edit of {rel} changes nothing");
    std::fs::write(&path, new).expect("write page");
}

fn replace(from: &'static str, to: &'static str) -> impl FnOnce(String) -> String {
    move |text| {
        assert!(text.contains(from), "`{from}` not in the page");
        text.replacen(from, to, 1)
    }
}

/// Files and findings of a full build of `opts`, in memory.
fn full_build(opts: &Options) -> (BTreeMap<String, Body>, Vec<playbook::diag::Diagnostic>) {
    let (site, mut diags) = playbook::load_site(opts).expect("loads");
    diags.extend(playbook::check::site(&site));
    let i18n = Arc::new(playbook::render::engine::i18n::I18n::load(&site.config).expect("ui strings"));
    let theme = playbook::render::Theme::load(&site.config, Arc::clone(&i18n)).expect("theme");
    let catalog = playbook::catalog::TaskCatalog::of(&site);
    let rendered = playbook::render::site(&site, &catalog, &theme, &i18n).expect("renders");
    diags.extend(rendered.diagnostics);
    let files = rendered.files.into_iter().map(|f| (f.path, f.body)).collect();
    (files, playbook::diag::finish(diags, &site.config.severity))
}

/// The served text of `path`.
fn html(session: &Session, path: &str) -> String {
    match session.files().get(path).map(|b| (**b).clone()) {
        Some(Body::Bytes(b)) => String::from_utf8(b).expect("utf-8"),
        other => panic!("{path}: {other:?}"),
    }
}

/// The session serves exactly what a full build makes.
fn assert_same(session: &Session, opts: &Options, what: &str) {
    let (files, diags) = full_build(opts);
    let served = session.files();
    let served_paths: BTreeSet<&String> = served.keys().collect();
    let full_paths: BTreeSet<&String> = files.keys().collect();
    let only_served: Vec<_> = served_paths.difference(&full_paths).collect();
    let only_full: Vec<_> = full_paths.difference(&served_paths).collect();
    assert!(
        only_served.is_empty() && only_full.is_empty(),
        "{what}: only served {only_served:?}, only built {only_full:?}"
    );
    let differ: Vec<&String> = files.iter().filter(|(p, b)| *served[*p] != **b).map(|(p, _)| p).collect();
    assert!(differ.is_empty(), "{what}: these files differ from a full build: {differ:?}");
    assert_eq!(*session.diagnostics(), diags, "{what}: findings differ from a full build");
}

/// Applies a page edit and checks it was incremental and exact.
fn page_edit(session: &mut Session, opts: &Options, rel: &str, what: &str) -> playbook::session::Rebuilt {
    let rebuilt = session.apply(&Change::Pages(BTreeSet::from([rel.to_string()]))).expect(what);
    assert!(rebuilt.incremental, "{what}: not incremental");
    assert_same(session, opts, what);
    rebuilt
}

const CUTOVER: &str = "content/es/migrate-complete-cutover.md";

#[test]
fn every_kind_of_page_edit_equals_a_full_build() {
    let root = sample("serve-session-edits");
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    assert_same(&session, &opts, "first build");

    edit(&root, CUTOVER, replace("deja de usar", "deja por fin de usar"));
    let body = page_edit(&mut session, &opts, CUTOVER, "a word of the body");
    assert_eq!(
        body.changed,
        ["es/migrate-complete-cutover/index.html", "es/print/index.html", "es/search/index.js"]
            .map(String::from),
        "only the page, its locale's print version and search index changed"
    );
    assert_eq!(body.rendered, 3);

    edit(&root, CUTOVER, replace("## Objetivos", "Un párrafo nuevo.\n\n## Objetivos"));
    let moved = page_edit(&mut session, &opts, CUTOVER, "task rows moved down a line");
    assert!(
        moved.changed.contains(&"tasks.json".to_string())
            && moved.changed.contains(&"es/tasks.json".to_string())
    );
    assert!(!moved.changed.iter().any(|p| p.starts_with("es/tasks/")), "{:?}", moved.changed);

    let steps: &[(&str, &'static str, &'static str)] = &[
        ("a task name", "correo a Contoso Mail |", "correo a Contoso Mail (editado) |"),
        (
            "a requirement",
            "| 3070 | Ejecutar la sincronización diferencial final | M |",
            "| 3070 | Ejecutar la sincronización diferencial final | O |",
        ),
        ("a task id", "| 3070 |", "| 3079 |"),
        (
            "the title",
            "title: Cuaderno de estrategias de incorporación a Contoso Cloud - Completar el corte",
            "title: Completar el corte (borrador)",
        ),
        ("the phase", "Fase: **Migrar**", "Fase: **Migrar ya**"),
        ("the date", "ms.date: 05/02/2024", "ms.date: 06/02/2024"),
        ("a code block", "## Objetivos", "```rust\nfn main() {}\n```\n\n## Objetivos"),
        ("a mention of a task", "Un párrafo nuevo.", "Un párrafo nuevo sobre la Tarea 3079."),
        ("broken front matter", "ms.topic: playbook-process", "ms.topic: [playbook"),
    ];
    for (what, from, to) in steps {
        edit(&root, CUTOVER, replace(from, to));
        page_edit(&mut session, &opts, CUTOVER, what);
    }
}

#[test]
fn assets_follow_the_links_of_an_edited_page() {
    let root = sample("serve-session-assets");
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    let media: Vec<String> = std::fs::read_dir(root.join("content/es/media"))
        .expect("sample has es/media")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let image = media.first().expect("a media file").clone();
    let link = format!("## Objetivos\n\n![nuevo](media/{image}) [descarga](../en/media/{image})\n");
    edit(&root, CUTOVER, |t| t.replacen("## Objetivos", &link, 1));
    page_edit(&mut session, &opts, CUTOVER, "an image link added");
    edit(&root, CUTOVER, |t| t.replacen(&link, "## Objetivos", 1));
    page_edit(&mut session, &opts, CUTOVER, "the image link removed");
}

#[test]
fn an_edited_include_or_snippet_rebuilds_the_pages_that_bring_it_in_exactly() {
    let toml =
        std::fs::read_to_string(repo().join("tests/fixtures/docfx-harbor/playbook.toml")).expect("config");
    let root = crate::docfx::copy("serve-session-includes", Some(&toml));
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    let users = |session: &Session, file: &str| -> BTreeSet<String> {
        let site = session.site().expect("a site");
        let includers = playbook::session::depends::includers(site);
        includers[file].iter().map(|&p| site.page(p).source.path.clone()).collect()
    };
    // Included through another include; a snippet's code.
    assert_eq!(
        users(&session, "guide/en/includes/deeper/contacts.md"),
        BTreeSet::from(["guide/en/index.md".into()])
    );
    assert_eq!(users(&session, "guide/en/code/Mooring.cs"), BTreeSet::from(["guide/en/samples.md".into()]));
    for (file, from, to, what) in [
        (
            "guide/en/includes/deeper/contacts.md",
            "",
            "Call the harbor master first.\n\n",
            "an include two deep",
        ),
        ("guide/en/code/Mooring.cs", "Lines * 1.5", "Lines * 2.5", "a snippet's code"),
        (
            "guide/en/includes/shared-tasks.md",
            "| Radio |",
            "| Radio |\n| 7009 | Log the tide | O | Deckhand | Radio |",
            "a row of an included task table",
        ),
    ] {
        let pages = users(&session, file);
        edit(&root, file, |t| if from.is_empty() { format!("{to}{t}") } else { t.replacen(from, to, 1) });
        let rebuilt = session.apply(&Change::Pages(pages)).expect(what);
        assert!(rebuilt.incremental, "{what}: not incremental");
        assert_same(&session, &opts, what);
    }
    assert!(html(&session, "en/index.html").contains("Call the harbor master first."));
}

#[test]
fn structural_changes_rebuild_everything_and_equal_a_full_build() {
    let root = sample("serve-session-structure");
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    let mut step = |change: Change, what: &str| {
        let rebuilt = session.apply(&change).expect(what);
        assert!(!rebuilt.incremental, "{what}");
        assert_same(&session, &opts, what);
    };
    std::fs::write(root.join("content/es/nueva.md"), "---\ntitle: Nueva\n---\n# Nueva\n\nTexto.\n")
        .expect("add");
    step(Change::Content, "a page added");
    std::fs::remove_file(root.join(CUTOVER)).expect("remove");
    step(Change::Content, "a page removed");
    edit(&root, "content/es/toc.yml", |t| format!("{t}- name: Nueva\n  href: nueva.md\n"));
    step(Change::Content, "the toc");
    edit(&root, "playbook.toml", |t| t.replace("Contoso Cloud Onboarding Playbook", "Otro título"));
    step(Change::Config, "the config");
    crate::harness::write_files(
        &root,
        &[(
            "templates/404.html",
            "{% extends \"base.html\" %}{% block layout %}<main><p>Nada aquí</p></main>{% endblock layout %}",
        )],
    );
    step(Change::Theme, "a template");
    let ftl = std::fs::read_to_string(repo().join("locales/es/main.ftl")).expect("es strings");
    let ftl =
        ftl.lines().map(|l| if l.starts_with("home =") { "home = Portada" } else { l }).collect::<Vec<_>>();
    crate::harness::write_files(&root, &[("locales/es/main.ftl", &ftl.join("\n"))]);
    step(Change::Theme, "a UI string");
    // A page edit after structural changes is incremental again.
    std::fs::write(root.join("content/es/nueva.md"), "---\ntitle: Nueva\n---\n# Nueva\n\nOtro texto.\n")
        .expect("edit");
    let rebuilt =
        session.apply(&Change::Pages(BTreeSet::from(["content/es/nueva.md".to_string()]))).expect("edit");
    assert!(rebuilt.incremental);
    assert_same(&session, &opts, "an edit after them");
}

#[test]
fn a_title_in_a_locale_without_toc_reaches_its_whole_flat_sidebar() {
    let root = crate::harness::temp_dir("serve-session-flat");
    crate::harness::write_files(
        &root,
        &[
            ("content/en/index.md", "# Home\n"),
            (
                "content/en/a.md",
                "# A\n\nPhase: **Run**\n\n| Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |\n|---|---|---|---|---|\n| 10 | Do it | M | Lead | Mail |\n| 12 | Then | O | Lead | Mail |\n",
            ),
            ("content/en/b.md", "# B\n\nSee task 12.\n"),
            ("content/de/a.md", "# A de\n"),
        ],
    );
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    assert_same(&session, &opts, "first build");
    assert!(html(&session, "en/b/index.html").contains("task-ref"), "the mention links its task");
    edit(&root, "content/en/a.md", |t| t.replacen("| 12 | Then | O | Lead | Mail |\n", "", 1));
    let gone = page_edit(&mut session, &opts, "content/en/a.md", "a task that prose mentions removed");
    assert!(gone.changed.contains(&"en/b/index.html".to_string()), "{:?}", gone.changed);
    assert!(!html(&session, "en/b/index.html").contains("task-ref"), "the mention is no link now");
    edit(&root, "content/en/a.md", |t| t.replacen("# A\n", "# A renamed\n", 1));
    let renamed = page_edit(&mut session, &opts, "content/en/a.md", "a title in a flat sidebar");
    assert!(renamed.changed.contains(&"en/b/index.html".to_string()), "{:?}", renamed.changed);
    // The site's only task goes: no page links the catalog any more.
    edit(&root, "content/en/a.md", |t| t.replacen("| 10 | Do it | M | Lead | Mail |\n", "", 1));
    let rebuilt =
        session.apply(&Change::Pages(BTreeSet::from(["content/en/a.md".to_string()]))).expect("edit");
    assert!(rebuilt.rendered > 5, "the catalog link leaves every page");
    assert_same(&session, &opts, "the last task removed");
    edit(&root, "content/en/a.md", |t| {
        format!(
            "{t}| Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |\n|---|---|---|---|---|\n| 11 | Again | O | Lead | Mail |\n"
        )
    });
    edit(&root, "content/de/a.md", |t| format!("{t}\nNeu.\n"));
    let paths = BTreeSet::from(["content/en/a.md".to_string(), "content/de/a.md".to_string()]);
    session.apply(&Change::Pages(paths)).expect("two pages at once");
    assert_same(&session, &opts, "a first task again, two pages at once");
}

#[test]
fn a_title_in_a_long_flat_list_reaches_the_pages_whose_window_shows_it() {
    // 40 pages without a toc: each page's sidebar shows 11 entries around
    // its own (render::views::sidebar::WINDOW).
    let root = crate::harness::temp_dir("serve-session-flat-long");
    let pages: Vec<(String, String)> =
        (1..=40).map(|i| (format!("content/en/p{i:02}.md"), format!("# Page {i:02}\n"))).collect();
    let files: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    crate::harness::write_files(&root, &files);
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    assert_same(&session, &opts, "first build");
    edit(&root, "content/en/p20.md", replace("# Page 20", "# Renamed 20"));
    let renamed = page_edit(&mut session, &opts, "content/en/p20.md", "a title in the middle of the list");
    for shown in ["en/p15/index.html", "en/p25/index.html", "en/contents/index.html", "en/toc.js"] {
        assert!(renamed.changed.contains(&shown.to_string()), "{shown}: {:?}", renamed.changed);
    }
    for hidden in ["en/p14/index.html", "en/p26/index.html"] {
        assert!(!renamed.changed.contains(&hidden.to_string()), "{hidden}: {:?}", renamed.changed);
    }
    assert!(renamed.rendered < 20, "only the pages that show it: {} rendered", renamed.rendered);
    // The first entries are also what the pages that are no entry show
    // (the contents page's own sidebar; page_edit compares every file).
    edit(&root, "content/en/p02.md", replace("# Page 02", "# Renamed 02"));
    let early = page_edit(&mut session, &opts, "content/en/p02.md", "a title among the first entries");
    assert!(early.changed.contains(&"en/p01/index.html".to_string()), "{:?}", early.changed);
    assert!(!early.changed.contains(&"en/p20/index.html".to_string()), "{:?}", early.changed);
}

#[test]
fn a_failed_change_keeps_the_last_good_files_and_recovers() {
    let root = sample("serve-session-failure");
    let opts = options(&root);
    let (mut session, _) = Session::open(&opts).expect("opens");
    let before = session.files();
    crate::harness::write_files(&root, &[("templates/page.html", "{% if %}")]);
    let error = session.apply(&Change::Theme).expect_err("a broken template is an error");
    assert!(error.to_string().contains("page.html"), "{error}");
    assert!(Arc::ptr_eq(&before, &session.files()), "the last good files stay");
    edit(&root, CUTOVER, replace("deja de usar", "deja ya de usar"));
    session.apply(&Change::Pages(BTreeSet::from([CUTOVER.to_string()]))).expect_err("still broken");
    std::fs::remove_file(root.join("templates/page.html")).expect("fix");
    let fixed = session.apply(&Change::Theme).expect("recovers");
    assert!(fixed.changed.contains(&"es/migrate-complete-cutover/index.html".to_string()));
    assert_same(&session, &opts, "after the fix");

    let config = std::fs::read_to_string(root.join("playbook.toml")).expect("config");
    std::fs::write(root.join("playbook.toml"), "title = [").expect("break the config");
    let error = session.apply(&Change::Config).expect_err("a broken config is an error");
    assert!(error.to_string().contains("playbook.toml"), "{error}");
    std::fs::write(root.join("playbook.toml"), &config).expect("fix the config");
    session.apply(&Change::Config).expect("recovers");

    crate::harness::write_files(&root, &[("locales/es/main.ftl", "home = {")]);
    let error = session.apply(&Change::Theme).expect_err("a broken .ftl is an error");
    assert!(error.to_string().contains("main.ftl"), "{error}");
    std::fs::remove_file(root.join("locales/es/main.ftl")).expect("fix the strings");
    session.apply(&Change::Theme).expect("recovers");
    assert_same(&session, &opts, "after the config and strings are fixed");

    // A page named as edited but gone meanwhile: the tree is listed again.
    std::fs::remove_file(root.join(CUTOVER)).expect("remove");
    let gone = session.apply(&Change::Pages(BTreeSet::from([CUTOVER.to_string()]))).expect("a removal");
    assert!(
        !gone.incremental && gone.changed.contains(&"es/migrate-complete-cutover/index.html".to_string())
    );
    assert_same(&session, &opts, "a page gone before it was read");
}

/// The seed page of the real corpus, edited in a copy: body, a task row.
#[test]
fn corpus_page_edits_equal_a_full_build() {
    let root = crate::harness::temp_dir("serve-session-corpus");
    copy_tree(&corpus(), &root);
    let opts = Options {
        root: Some(root.clone()),
        config: Some(repo().join("tests/fixtures/fasttrack.toml")),
        out: None,
    };
    let (mut session, _) = Session::open(&opts).expect("opens");
    let seed = "spanish-playbook/migrate-conduct-engagement-completion-discussion-partner-es.md";
    edit(&root, seed, |t| t.replacen("\n## ", "\nUn párrafo nuevo.\n\n## ", 1));
    let body = page_edit(&mut session, &opts, seed, "the seed page's body");
    // The page, its locale's print version and search index and (lines
    // moved) the task JSON and CSV.
    assert!(body.rendered <= 6, "{body:?}");
    edit(&root, seed, |t| t.replacen("| 4060    |", "| 4061    |", 1));
    page_edit(&mut session, &opts, seed, "a task id of the seed page");
}
