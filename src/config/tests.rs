//! Config loading: zero config, paths, locales, severities and settings.

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
fn url_style_is_pretty_unless_the_config_says_html() {
    let d = temp("url-style");
    std::fs::create_dir_all(d.join("content/en")).unwrap();
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
