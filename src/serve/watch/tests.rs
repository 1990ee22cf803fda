//! Watching: which file events are which kind of change.

use super::*;

/// A zero-config site at `/site`: locales `en` and `es` under `content/`.
fn watched() -> Watched {
    Watched {
        root: PathBuf::from("/site"),
        config: PathBuf::from("/site/playbook.toml"),
        docfx: None,
        theme_dirs: ["locales", "templates", "static", "themes"]
            .iter()
            .map(|d| Path::new("/site").join(d))
            .collect(),
        out: Some("public".into()),
        content_dir: "content".into(),
        locale_dirs: vec!["content/en".into(), "content/es".into()],
        pages: ["content/en/a.md", "content/es/a-es.md"].iter().map(|s| s.to_string()).collect(),
        files: ["content/en/media/x.png", "content/shared/logo.svg", "content/en/code/tide.py"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        brought_in: [
            ("content/en/includes/note.md", vec!["content/en/a.md", "content/es/a-es.md"]),
            ("content/en/code/tide.py", vec!["content/en/a.md"]),
            ("snippets/Dock.cs", vec!["content/es/a-es.md"]),
        ]
        .into_iter()
        .map(|(file, pages)| (file.to_string(), pages.into_iter().map(str::to_string).collect()))
        .collect(),
    }
}

/// [`watched`] rooted in a fresh temporary folder holding `folders`.
fn on_disk(name: &str, folders: &[&str]) -> (PathBuf, Watched) {
    let dir = std::env::temp_dir().join(format!("playbook-watch-{name}-{}", std::process::id()));
    for d in folders {
        std::fs::create_dir_all(dir.join(d)).expect("mkdir");
    }
    let mut w = watched();
    w.root = dir.clone();
    w.config = dir.join("playbook.toml");
    w.theme_dirs = Vec::new();
    (dir, w)
}

fn effect(paths: &[&str], now: OnDisk) -> Effect {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    watched().classify(&paths, |_| now)
}

fn pages(paths: &[&str]) -> Effect {
    Effect::Rebuild(Change::Pages(paths.iter().map(|s| s.to_string()).collect()))
}

#[test]
fn an_edited_page_is_a_page_change() {
    assert_eq!(effect(&["/site/content/es/a-es.md"], OnDisk::File), pages(&["content/es/a-es.md"]));
}

#[test]
fn an_editors_save_rename_dance_is_one_page_change() {
    // vim: `a.md~` and `4913` come and go; a.md is removed and written again.
    let dance =
        ["/site/content/en/4913", "/site/content/en/a.md~", "/site/content/en/a.md", "/site/content/en/a.md"];
    let paths: Vec<PathBuf> = dance.iter().map(PathBuf::from).collect();
    let on_disk = |p: &Path| if p.ends_with("a.md") { OnDisk::File } else { OnDisk::Gone };
    assert_eq!(watched().classify(&paths, on_disk), pages(&["content/en/a.md"]));
    // An atomic save through a hidden temporary file.
    let atomic = [PathBuf::from("/site/content/en/.a.md.tmp1234"), PathBuf::from("/site/content/en/a.md")];
    assert_eq!(watched().classify(&atomic, |_| OnDisk::File), pages(&["content/en/a.md"]));
}

#[test]
fn pages_that_come_or_go_and_tocs_change_the_content() {
    let content = Effect::Rebuild(Change::Content);
    assert_eq!(effect(&["/site/content/en/new.md"], OnDisk::File), content);
    assert_eq!(effect(&["/site/content/en/a.md"], OnDisk::Gone), content);
    assert_eq!(effect(&["/site/content/es/toc.yml"], OnDisk::File), content);
    assert_eq!(effect(&["/site/content/en/media/new.png"], OnDisk::File), content);
    assert_eq!(effect(&["/site/content/en/media"], OnDisk::Gone), content, "a folder of assets went");
    assert_eq!(effect(&["/site/content/en/moved-in"], OnDisk::Folder), content, "a new folder");
    // A stronger effect wins over page edits.
    let mixed = ["/site/content/en/a.md", "/site/content/en/new.md"];
    assert_eq!(effect(&mixed, OnDisk::File), content);
}

#[test]
fn a_modified_asset_only_reloads() {
    assert_eq!(
        effect(&["/site/content/shared/logo.svg"], OnDisk::File),
        Effect::Assets(vec![PathBuf::from("/site/content/shared/logo.svg")])
    );
    assert_eq!(effect(&["/site/content/en/media"], OnDisk::Folder), Effect::Nothing, "a known folder");
}

#[test]
fn theme_ui_strings_and_config_rebuild_with_them() {
    assert_eq!(effect(&["/site/templates/page.html"], OnDisk::File), Effect::Rebuild(Change::Theme));
    assert_eq!(effect(&["/site/locales/es/main.ftl"], OnDisk::Gone), Effect::Rebuild(Change::Theme));
    assert_eq!(effect(&["/site/themes/x/static/a.css"], OnDisk::File), Effect::Rebuild(Change::Theme));
    assert_eq!(effect(&["/site/templates"], OnDisk::Folder), Effect::Rebuild(Change::Theme));
    let both = ["/site/templates/page.html", "/site/playbook.toml"];
    assert_eq!(effect(&both, OnDisk::File), Effect::Rebuild(Change::Config));
}

#[test]
fn what_the_site_does_not_read_is_ignored() {
    for path in [
        "/site/public/en/a/index.html",
        "/site/content/en/.a.md.swp",
        "/site/content/en/#a.md#",
        "/site/.git/index",
        "/site/src/main.rs",
        "/site/content/readme.md",
        "/site/content/target/x.o",
        "/site/templates/.page.html.swp",
        "/elsewhere/a.md",
        "/site/content/en/b.md",
    ] {
        assert_eq!(effect(&[path], OnDisk::Gone), Effect::Nothing, "{path}");
    }
    assert_eq!(effect(&["/site/content/target/x.o"], OnDisk::File), Effect::Nothing);
    assert_eq!(effect(&[], OnDisk::File), Effect::Nothing);
}

#[test]
fn a_locale_folder_at_the_root_and_nested_locales() {
    let mut w = watched();
    w.content_dir = String::new();
    w.locale_dirs = vec!["docs".into(), "docs/es".into()];
    w.pages = ["docs/es/a.md".to_string()].into_iter().collect();
    let one = |p: &str, now| w.classify(&[PathBuf::from(p)], |_| now);
    assert_eq!(one("/site/docs/es/a.md", OnDisk::File), pages(&["docs/es/a.md"]));
    assert_eq!(one("/site/docs/es/toc.yml", OnDisk::File), Effect::Rebuild(Change::Content));
    assert_eq!(one("/site/docs/toc.yml", OnDisk::File), Effect::Rebuild(Change::Content));
}

#[test]
fn watched_roots_nest_nothing() {
    let dir = std::env::temp_dir().join(format!("playbook-watch-roots-{}", std::process::id()));
    for d in ["content/en", "templates"] {
        std::fs::create_dir_all(dir.join(d)).expect("mkdir");
    }
    let mut w = watched();
    w.root = dir.clone();
    w.config = dir.join("playbook.toml");
    w.theme_dirs = ["locales", "templates"].iter().map(|d| dir.join(d)).collect();
    let roots = w.roots();
    assert_eq!(roots, vec![(dir.join("content"), true), (dir.join("templates"), true), (dir.clone(), false)]);
    w.content_dir = String::new();
    assert_eq!(w.roots(), vec![(dir.clone(), true)], "the root holds the rest");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn any_toc_of_a_locale_rebuilds_the_site() {
    // A toc name docfx.json or `toc = [...]` gives, and a toc that an entry
    // includes with `href: folder/`.
    // The walk lists included tocs with the other files of a locale.
    let mut w = watched();
    w.files.insert("content/en/tutorials/toc.yml".to_string());
    w.files.insert("content/es/TOC.YAML".to_string());
    for toc in [
        "/site/content/en/toc--partner.yml",
        "/site/content/en/tutorials/toc.yml",
        "/site/content/es/TOC.YAML",
    ] {
        assert_eq!(
            w.classify(&[PathBuf::from(toc)], |_| OnDisk::File),
            Effect::Rebuild(Change::Content),
            "{toc}"
        );
    }
}

#[test]
fn markdown_of_a_locale_that_is_no_page_and_no_include_rebuilds_the_site() {
    // No page includes it yet: a full reload sees what it is (an include
    // target that was missing, a page the walk excluded …).
    assert_eq!(
        effect(&["/site/content/en/includes/unused.md"], OnDisk::File),
        Effect::Rebuild(Change::Content)
    );
}

#[test]
fn the_docfx_json_of_the_configuration_rebuilds_it_all() {
    let mut w = watched();
    // Outside the content folder, beside playbook.toml or anywhere else.
    for docfx in ["/site/docfx.json", "/site/build/docfx.site.json", "/site/content/docfx.json"] {
        let before = w.classify(&[PathBuf::from(docfx)], |_| OnDisk::File);
        assert_ne!(before, Effect::Rebuild(Change::Config), "{docfx}");
        w.docfx = Some(PathBuf::from(docfx));
        for now in [OnDisk::File, OnDisk::Gone] {
            let effect = w.classify(&[PathBuf::from(docfx)], |_| now);
            assert_eq!(effect, Effect::Rebuild(Change::Config), "{docfx}");
        }
    }
}

#[test]
fn the_folder_of_a_docfx_json_outside_the_watched_ones_is_watched() {
    let (dir, mut w) = on_disk("docfx", &["content/en", "build"]);
    w.docfx = Some(dir.join("build/docfx.json"));
    let roots = w.roots();
    assert_eq!(roots, vec![(dir.join("content"), true), (dir.clone(), false), (dir.join("build"), false)]);
    w.docfx = Some(dir.join("docfx.json"));
    assert_eq!(w.roots(), vec![(dir.join("content"), true), (dir.clone(), false)], "beside the config");
    w.docfx = Some(dir.join("content/en/docfx.json"));
    assert_eq!(w.roots(), vec![(dir.join("content"), true), (dir.clone(), false)], "in the content");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_pages_bring_in_is_an_edit_of_those_pages() {
    // An included markdown file is no page: its pages are read again.
    assert_eq!(
        effect(&["/site/content/en/includes/note.md"], OnDisk::File),
        pages(&["content/en/a.md", "content/es/a-es.md"])
    );
    // A snippet's code file is an asset candidate too, but its page shows it.
    assert_eq!(effect(&["/site/content/en/code/tide.py"], OnDisk::File), pages(&["content/en/a.md"]));
    // Outside the content folder as well.
    assert_eq!(effect(&["/site/snippets/Dock.cs"], OnDisk::File), pages(&["content/es/a-es.md"]));
    // With a page edit in the same batch, all of them.
    assert_eq!(
        effect(&["/site/snippets/Dock.cs", "/site/content/en/a.md"], OnDisk::File),
        pages(&["content/en/a.md", "content/es/a-es.md"])
    );
    // Gone: the pages now miss it, which a full reload reports.
    assert_eq!(
        effect(&["/site/content/en/includes/note.md"], OnDisk::Gone),
        Effect::Rebuild(Change::Content)
    );
    // A markdown file nobody includes outside the locales stays ignored.
    assert_eq!(effect(&["/site/snippets/other.md"], OnDisk::File), Effect::Nothing);
}

#[test]
fn the_folder_of_a_brought_in_file_outside_the_content_is_watched() {
    let (dir, w) = on_disk("snippets", &["content/en", "snippets"]);
    let roots = w.roots();
    assert_eq!(roots, vec![(dir.join("content"), true), (dir.join("snippets"), false), (dir.clone(), false)]);
    let _ = std::fs::remove_dir_all(&dir);
}
