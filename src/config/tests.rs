//! Config loading: zero config, paths, locales, severities and settings.

use super::*;

use crate::testing::temp_dir as temp;

/// `ROOT/content/<folder>/index.md`: a folder that holds a page.
fn page(d: &Path, folder: &str) {
    std::fs::create_dir_all(d.join("content").join(folder)).unwrap();
    std::fs::write(d.join("content").join(folder).join("index.md"), "# Home\n").unwrap();
}

#[test]
fn zero_config_discovers_locales_and_puts_en_first() {
    let d = temp("zero");
    for l in ["es", "en", "notes_not_a_locale!"] {
        page(&d, l);
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
    page(&d, "en");
    std::fs::write(d.join("playbook.toml"), "title = \"x\"\nbogus = 1\n").unwrap();
    let e = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("playbook.toml:2:1"), "{msg}");
    assert!(msg.contains("bogus"), "{msg}");
}

#[test]
fn unknown_severity_value_is_an_error() {
    let d = temp("sev");
    page(&d, "en");
    std::fs::write(d.join("playbook.toml"), "[severity]\nbroken-link = \"loud\"\n").unwrap();
    let e = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap_err();
    assert!(e.to_string().contains("use error, warning, info or off"));
}

/// A site folder with `content/en/index.md` and `playbook.toml` = `toml`.
fn site_with(name: &str, toml: &str) -> PathBuf {
    let d = temp(name);
    page(&d, "en");
    std::fs::write(d.join("content/en/index.md"), "# Home\n").unwrap();
    std::fs::write(d.join("playbook.toml"), toml).unwrap();
    d
}

fn load_err(d: &Path) -> String {
    Config::load(&Options { root: Some(d.to_path_buf()), ..Default::default() }).unwrap_err().to_string()
}

#[test]
fn a_locale_folder_outside_the_content_root_or_hidden_is_a_config_error_at_its_line() {
    for (dir, why) in [
        ("..", "climbs out of the content root"),
        ("content/../..", "climbs out of the content root"),
        ("/etc", "absolute path"),
        (".git", "hidden folder `.git`"),
        ("content/.hidden", "hidden folder `.hidden`"),
    ] {
        let d =
            site_with("locale-dir", &format!("title = \"x\"\n\n[[locale]]\ntag = \"en\"\ndir = \"{dir}\"\n"));
        std::fs::create_dir_all(d.join("content/.hidden")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        let msg = load_err(&d);
        assert!(msg.contains("playbook.toml:5:7: locale `en`"), "{dir}: {msg}");
        assert!(msg.contains(why), "{dir}: {msg}");
    }
    // Folded, a path that stays inside is fine.
    let d = site_with("locale-dir-ok", "[[locale]]\ntag = \"en\"\ndir = \"./content/x/../en/\"\n");
    let c = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap();
    assert_eq!(c.locales[0].dir, "content/en");
}

#[cfg(unix)]
#[test]
fn a_symlinked_locale_folder_must_resolve_inside_the_root_and_outside_hidden_folders() {
    let outside = temp("locale-outside");
    std::fs::write(outside.join("index.md"), "# Outside\n").unwrap();
    // Zero config: content/<tag> symlinked out of the root.
    let d = temp("locale-link");
    page(&d, "en");
    std::os::unix::fs::symlink(&outside, d.join("content/fr")).unwrap();
    let msg = load_err(&d);
    assert!(msg.contains("locale `fr`: folder `content/fr` resolves to outside the content root"), "{msg}");
    // Config mode: a folder that is a symlink into `.git`.
    let d = site_with("locale-link-git", "[[locale]]\ntag = \"en\"\ndir = \"docs\"\n");
    std::fs::create_dir_all(d.join(".git/docs")).unwrap();
    std::os::unix::fs::symlink(d.join(".git/docs"), d.join("docs")).unwrap();
    let msg = load_err(&d);
    assert!(msg.contains("playbook.toml:3:7"), "{msg}");
    assert!(msg.contains("resolves to the hidden file or folder `.git/docs`"), "{msg}");
    // A symlink to a folder inside the root is a locale like any other.
    let d = temp("locale-link-inside");
    page(&d, "en");
    std::fs::create_dir_all(d.join("shared/es")).unwrap();
    std::fs::write(d.join("shared/es/index.md"), "# Inicio\n").unwrap();
    std::os::unix::fs::symlink(d.join("shared/es"), d.join("content/es")).unwrap();
    let c = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap();
    assert_eq!(c.locales.iter().map(|l| l.dir.as_str()).collect::<Vec<_>>(), ["content/en", "content/es"]);
}

#[cfg(unix)]
#[test]
fn theme_template_static_and_locale_folders_must_stay_inside_the_site_folder() {
    let outside = temp("theme-outside");
    std::fs::create_dir_all(outside.join("templates")).unwrap();
    std::fs::write(outside.join("templates/page.html"), "{{ 1 }}").unwrap();
    std::fs::write(outside.join("secret.ftl"), "x = y\n").unwrap();
    // An absolute theme path, and one that climbs out: not a theme name.
    for theme in [outside.to_str().unwrap(), "../../x", "..", "a/b"] {
        let d = site_with("theme-abs", &format!("theme = \"{theme}\"\n"));
        std::fs::create_dir_all(d.join("themes/a/b")).unwrap();
        let msg = load_err(&d);
        assert!(msg.contains("is not a folder name"), "{theme}: {msg}");
    }
    // A theme folder that is a symlink out of the site folder.
    let d = site_with("theme-link", "theme = \"dark\"\n");
    std::fs::create_dir_all(d.join("themes")).unwrap();
    std::os::unix::fs::symlink(&outside, d.join("themes/dark")).unwrap();
    assert!(load_err(&d).contains("themes/dark resolves to outside the site folder"), "{}", load_err(&d));
    // Symlinked folders and files of the site's own layer.
    for (link, to) in [
        ("templates", outside.join("templates")),
        ("static", outside.clone()),
        ("locales/en/main.ftl", outside.join("secret.ftl")),
        ("locales/en", outside.clone()),
        ("static/env", PathBuf::from("../.env")),
    ] {
        let d = site_with("site-links", "title = \"x\"\n");
        std::fs::write(d.join(".env"), "TOKEN=1").unwrap();
        let path = d.join(link);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&to, &path).unwrap();
        let msg = load_err(&d);
        assert!(
            msg.contains("template, static and locale files are read only from inside the site folder"),
            "{link}: {msg}"
        );
        assert!(msg.contains(link.split('/').next().unwrap()), "{link}: {msg}");
    }
    // Zero config: the root is the site folder, held to the same rule.
    let d = site_with("site-links-zero", "");
    std::fs::remove_file(d.join("playbook.toml")).unwrap();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    std::os::unix::fs::symlink(d.join(".git"), d.join("static")).unwrap();
    assert!(load_err(&d).contains("resolves to the hidden file or folder `.git`"), "{}", load_err(&d));
    // Inside the site folder, a theme and a symlinked template are fine.
    let d = site_with("theme-ok", "theme = \"mine\"\n");
    std::fs::create_dir_all(d.join("themes/mine/templates")).unwrap();
    std::fs::create_dir_all(d.join("shared")).unwrap();
    std::fs::write(d.join("shared/page.html"), "x").unwrap();
    std::os::unix::fs::symlink(d.join("shared/page.html"), d.join("themes/mine/templates/page.html"))
        .unwrap();
    assert!(Config::load(&Options { root: Some(d), ..Default::default() }).is_ok());
}

#[test]
fn base_url_must_be_an_absolute_http_url_and_its_error_names_the_line() {
    let d = site_with("base-url", "title = \"x\"\nbase_url = \"javascript:alert(1)//\"\n");
    let msg = load_err(&d);
    assert!(
        msg.contains("playbook.toml:2:12: base_url `javascript:alert(1)//` is not an http(s) URL"),
        "{msg}"
    );
    let d = site_with("base-url-ok", "base_url = \"https://example.com/pb/\"\n");
    let c = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap();
    assert_eq!(c.base_url, "https://example.com/pb");
}

#[test]
fn security_and_external_settings_have_defaults_and_can_be_set() {
    let d = site_with("security", "title = \"x\"\n");
    let c = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap();
    assert_eq!((c.security.max_file_mb, c.external.max_retry_after_secs), (20, 30));
    assert!(c.security.assets.is_empty());
    let d = site_with(
        "security-set",
        "[security]\nassets = [\".svg\"]\nmax_file_mb = 5\n[external]\nmax_retry_after_secs = 2\n",
    );
    let c = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap();
    assert_eq!((c.security.max_file_bytes(), c.external.max_retry_after_secs), (5 << 20, 2));
    assert_eq!(c.security.assets, [".svg"]);
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
    assert_eq!(c.docfx, Some(d.join("docfx.json")));
    assert_eq!(c.url_style, UrlStyle::Html, "DocFX's addresses: page.html");
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
    assert!(c.from_docfx() && c.notes.is_empty());
    assert_eq!(c.toc_names(&c.locales[0]), ["toc--partner.yml", "toc.yml"]);
    assert_eq!(c.toc_names(&c.locales[1]), ["toc.yml"]);
    assert!(c.scope.excluded("guides/en/drafts/x.md") && !c.scope.is_page("guides/en/drafts/x.md"));
    assert!(c.scope.is_page("guides/fr/a.md"));
    assert_eq!(c.out, d.join("public"));
    assert_eq!(c.url_style, UrlStyle::Html, "a playbook.toml silent on url_style keeps DocFX's");
    let toml = std::fs::read_to_string(d.join("playbook.toml")).unwrap();
    std::fs::write(d.join("playbook.toml"), format!("url_style = \"pretty\"\n{toml}")).unwrap();
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    assert_eq!((c.from_docfx(), c.url_style), (true, UrlStyle::Pretty));
}

#[test]
fn a_docfx_file_of_another_name_is_the_file_its_findings_name() {
    let d = temp("docfx-named");
    std::fs::create_dir_all(d.join("docs/en")).unwrap();
    let json = r#"{"build": {"content": [{"files": ["**/*.md"]}], "postProcessors": []}}"#;
    std::fs::write(d.join("docfx.site.json"), json).unwrap();
    std::fs::write(
        d.join("playbook.toml"),
        "docfx = \"docfx.site.json\"\n[[locale]]\ntag = \"en\"\ndir = \"docs/en\"\n",
    )
    .unwrap();
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    assert_eq!(c.docfx, Some(d.join("docfx.site.json")));
    let [note] = &c.notes[..] else { panic!("{:?}", c.notes) };
    assert_eq!(note.file, "docfx.site.json");
}

#[test]
fn a_bad_exclude_glob_is_a_config_error() {
    let d = temp("bad-glob");
    page(&d, "en");
    std::fs::write(d.join("playbook.toml"), "exclude = [\"a/{b\"]\n").unwrap();
    let e = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap_err();
    assert!(e.to_string().contains("exclude: `a/{b`"), "{e}");
}

#[test]
fn url_style_is_pretty_unless_the_config_says_html() {
    let d = temp("url-style");
    page(&d, "en");
    let load = |toml: &str| {
        std::fs::write(d.join("playbook.toml"), toml).unwrap();
        Config::load(&Options { root: Some(d.clone()), ..Default::default() })
    };
    assert_eq!(load("").unwrap().url_style, UrlStyle::Pretty);
    assert_eq!(load("url_style = \"pretty\"\n").unwrap().url_style, UrlStyle::Pretty);
    assert_eq!(load("url_style = \"html\"\n").unwrap().url_style, UrlStyle::Html);
    let err = load("url_style = \"ugly\"\n").unwrap_err().to_string();
    assert!(err.contains("url_style") || err.contains("ugly"), "{err}");
}

#[test]
fn docfx_json_alone_takes_its_language_from_global_metadata() {
    let load = |name: &str, metadata: &str| {
        let d = temp(name);
        std::fs::create_dir_all(d.join("docs")).unwrap();
        let json = format!(
            "{{\n  \"build\": {{\n    \"content\": [{{\"files\": [\"**/*.md\"], \"src\": \"docs\"}}],\n    \"globalMetadata\": {{{metadata}}}\n  }}\n}}"
        );
        std::fs::write(d.join("docfx.json"), json).unwrap();
        Config::load(&Options { root: Some(d), ..Default::default() }).unwrap()
    };
    for (name, metadata, tag) in [
        ("docfx-lang-ms", r#""ms.locale": "es-es""#, "es-ES"),
        ("docfx-lang-locale", r#""locale": "zh-hans", "ms.locale": "de-de""#, "zh-Hans"),
        ("docfx-lang-underscore", r#""ms.locale": "pt_br""#, "pt-BR"),
        ("docfx-lang-plain", r#""locale": "DE""#, "de"),
        ("docfx-lang-none", r#""_appTitle": "Guide""#, "en"),
    ] {
        let c = load(name, metadata);
        assert_eq!(c.locales[0].tag, tag, "{metadata}");
        assert!(c.notes.is_empty(), "{metadata}: {:?}", c.notes);
    }
    let es = load("docfx-lang-vocabulary", r#""ms.locale": "es-mx""#);
    assert!(es.locales[0].vocabulary.task_id.iter().any(|h| h == "Id. de Tarea"), "Spanish words");
    let bad = load("docfx-lang-bad", r#""ms.locale": "not a language""#);
    assert_eq!(bad.locales[0].tag, "en");
    let [note] = &bad.notes[..] else { panic!("{:?}", bad.notes) };
    assert_eq!(
        (note.code, note.severity, note.file.as_str(), note.line),
        (Code::Docfx, Severity::Warning, "docfx.json", Some(4))
    );
    assert!(note.message.contains("`not a language`"), "{}", note.message);
}

#[test]
fn dest_moves_files_inside_their_language_as_docfx_publishes_them() {
    let rule = |src: &str, dest: &str| ContentRule {
        src: src.into(),
        files: Globs::new(&["**/*.md"]).unwrap(),
        exclude: Globs::default(),
        dest: dest.into(),
    };
    // docfx.json alone: the language is the whole site, DocFX's paths under it.
    let whole = Scope {
        content: vec![rule("docs", "articles"), rule("api", "")],
        whole_site: true,
        ..Scope::default()
    };
    assert_eq!(whole.language_output(""), Some(String::new()));
    assert_eq!(whole.moved("docs/a/b.md", "", true).as_deref(), Some("articles/a/b.md"));
    assert_eq!(whole.moved("api/c.md", "", true).as_deref(), Some("c.md"));
    assert_eq!(whole.moved("docs/a/b.md", "", false), None, "no resource rule");
    assert!(whole.unfollowed("").is_empty());
    // Languages from playbook.toml: the rule holding a language places it
    // as a whole; a rule inside it moves files within it, if it can.
    let declared = Scope {
        content: vec![
            rule("site/en/api", "out/en/ref"),
            rule("site/de/api", "elsewhere"),
            rule("site", "out"),
        ],
        ..Scope::default()
    };
    assert_eq!(declared.language_output("site/en").as_deref(), Some("out/en"));
    assert_eq!(declared.moved("site/en/a.md", "site/en", true), None, "its path in the language");
    assert_eq!(declared.moved("site/en/api/x.md", "site/en", true).as_deref(), Some("ref/x.md"));
    assert_eq!(declared.moved("site/de/api/x.md", "site/de", true), None, "out of German: kept");
    assert_eq!((declared.unfollowed("site/en"), declared.unfollowed("site/de")), (vec![], vec![1]));
    // A language folder that no rule holds: nothing is moved.
    let inner = Scope { content: vec![rule("docs/en/api", "reference")], ..Scope::default() };
    assert_eq!(
        (inner.language_output("docs/en"), inner.moved("docs/en/api/x.md", "docs/en", true)),
        (None, None)
    );
    assert_eq!(inner.unfollowed("docs/en"), vec![0]);
}
