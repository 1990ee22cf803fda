use super::*;

use crate::testing::temp_dir as temp;

#[test]
fn zero_config_discovers_locales_and_puts_en_first() {
    let d = temp("zero");
    for l in ["es", "en", "notes_not_a_locale!"] {
        std::fs::create_dir_all(d.join("content").join(l)).unwrap();
    }
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    let tags: Vec<_> = c.locales.iter().map(|l| l.tag.as_str()).collect();
    assert_eq!(tags, ["en", "es"]);
    assert_eq!(c.out, d.join("public"));
    assert_eq!(c.locales[1].dir, "content/es");
    assert_eq!(c.content_dir, "content");
}

#[test]
fn content_dir_is_the_common_parent_of_locale_folders() {
    assert_eq!(common_ancestor(["content/en", "content/es"].into_iter()), "content");
    assert_eq!(common_ancestor(["english-playbook", "spanish-playbook"].into_iter()), "");
    assert_eq!(common_ancestor(["docs/a/en", "docs/b/es"].into_iter()), "docs");
    assert_eq!(common_ancestor(["site/en"].into_iter()), "site");
}

#[test]
fn config_paths_resolve_against_config_folder_but_locales_against_root() {
    let d = temp("paths");
    std::fs::create_dir_all(d.join("site/sp")).unwrap();
    std::fs::create_dir_all(d.join("cfg")).unwrap();
    std::fs::write(
        d.join("cfg/p.toml"),
        "out = \"dist\"\ndefault_locale = \"es\"\n[[locale]]\ntag = \"es\"\ndir = \"sp\"\nsuffix = \"-es\"\n[severity]\norphan-page = \"off\"\n",
    )
    .unwrap();
    let c =
        Config::load(&Options { root: Some(d.join("site")), config: Some(d.join("cfg/p.toml")), out: None })
            .unwrap();
    assert_eq!(c.out, d.join("cfg").join("dist"));
    assert_eq!(c.locales[0].suffix, "-es");
    assert_eq!(c.severity.get(&Code::OrphanPage), Some(&None));
}

#[test]
fn toml_errors_name_file_line_and_column() {
    let d = temp("bad");
    std::fs::create_dir_all(d.join("content/en")).unwrap();
    std::fs::write(d.join("playbook.toml"), "title = \"x\"\nbogus = 1\n").unwrap();
    let e = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("playbook.toml:2:1"), "{msg}");
    assert!(msg.contains("bogus"), "{msg}");
}

#[test]
fn unknown_severity_value_is_an_error() {
    let d = temp("sev");
    std::fs::create_dir_all(d.join("content/en")).unwrap();
    std::fs::write(d.join("playbook.toml"), "[severity]\nbroken-link = \"loud\"\n").unwrap();
    let e = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap_err();
    assert!(e.to_string().contains("use error, warning, info or off"));
}

#[test]
fn docfx_json_alone_configures_the_site() {
    let d = temp("docfx-alone");
    std::fs::create_dir_all(d.join("docs/guide")).unwrap();
    std::fs::write(
        d.join("docfx.json"),
        r#"{
  "metadata": [{"src": []}],
  "build": {
    "content": [{"files": ["**/*.md", "**/toc--partner.yml"], "exclude": ["archive/**"], "src": "docs", "group": "g"}],
    "resource": [{"files": "media/**", "src": "docs"}],
    "dest": "_site",
    "globalMetadata": {"_appTitle": "Partner Guide", "ms.author": "writer"},
    "fileMetadata": {"ms.topic": {"guide/**.md": "how-to"}},
    "template": ["default"]
  }
}"#,
    )
    .unwrap();
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    assert!(c.from_docfx);
    assert_eq!((c.locales.len(), c.locales[0].tag.as_str(), c.locales[0].dir.as_str()), (1, "en", "docs"));
    assert_eq!(c.out, d.join("_site"));
    assert_eq!(c.title, "Partner Guide");
    assert_eq!(c.toc_names(&c.locales[0]), ["toc--partner.yml", "toc.yml"]);
    assert!(
        c.scope.is_page("docs/a.md") && !c.scope.is_page("docs/archive/a.md") && !c.scope.is_page("a.md")
    );
    assert!(c.scope.is_resource("docs/media/x.png") && !c.scope.is_resource("docs/x.png"));
    let meta = c.metadata.for_page("docs/guide/a.md");
    assert_eq!(meta["ms.topic"], "how-to");
    assert_eq!(meta["ms.author"], "writer");
    assert!(!c.metadata.for_page("docs/a.md").contains_key("ms.topic"));
    let [note] = &c.notes[..] else { panic!("{:?}", c.notes) };
    assert_eq!(
        (note.code, note.severity, note.file.as_str(), note.line),
        (Code::Docfx, Severity::Info, "docfx.json", Some(2))
    );
    assert!(
        note.message.ends_with("use metadata, build.content[0].group, build.template"),
        "{}",
        note.message
    );
}

#[test]
fn playbook_toml_adds_locales_exclude_and_toc_names_to_docfx_json() {
    let d = temp("docfx-toml");
    for dir in ["guides/en", "guides/fr"] {
        std::fs::create_dir_all(d.join(dir)).unwrap();
    }
    std::fs::write(d.join("docfx.json"), r#"{"build": {"content": [{"files": ["**/*.md", "**/toc.yml"]}]}}"#)
        .unwrap();
    std::fs::write(
        d.join("playbook.toml"),
        "docfx = \"docfx.json\"\nexclude = [\"**/drafts/**\"]\n[[locale]]\ntag = \"en\"\ndir = \"guides/en\"\n\
         toc = [\"toc--partner.yml\", \"toc.yml\"]\n[[locale]]\ntag = \"fr\"\ndir = \"guides/fr\"\n",
    )
    .unwrap();
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    assert!(c.from_docfx && c.notes.is_empty());
    assert_eq!(c.toc_names(&c.locales[0]), ["toc--partner.yml", "toc.yml"]);
    assert_eq!(c.toc_names(&c.locales[1]), ["toc.yml"]);
    assert!(c.scope.excluded("guides/en/drafts/x.md") && !c.scope.is_page("guides/en/drafts/x.md"));
    assert!(c.scope.is_page("guides/fr/a.md"));
    assert_eq!(c.out, d.join("public"));
}

#[test]
fn a_bad_exclude_glob_is_a_config_error() {
    let d = temp("bad-glob");
    std::fs::create_dir_all(d.join("content/en")).unwrap();
    std::fs::write(d.join("playbook.toml"), "exclude = [\"a/{b\"]\n").unwrap();
    let e = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap_err();
    assert!(e.to_string().contains("exclude: `a/{b`"), "{e}");
}
