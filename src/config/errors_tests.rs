//! Config errors name `file:line:column` and the fix: BCP 47 tags (ICU4X)
//! with the tag meant, `[severity]` rules with the nearest one, every key
//! a check refuses at its own position; zero-config locales are folders
//! holding markdown named by a language.

use super::*;
use crate::testing::temp_dir as temp;

/// A root with `content/en/index.md` and `playbook.toml` = `toml`; the
/// error `Config::load` gives, as printed.
fn error_of(name: &str, toml: &str) -> String {
    let d = temp(name);
    for (folder, page) in [("content/en", "# Home\n"), ("content/es", "# Inicio\n")] {
        std::fs::create_dir_all(d.join(folder)).unwrap();
        std::fs::write(d.join(folder).join("index.md"), page).unwrap();
    }
    std::fs::write(d.join("playbook.toml"), toml).unwrap();
    match Config::load(&Options { root: Some(d), ..Default::default() }) {
        Ok(_) => panic!("accepted: {toml}"),
        Err(e) => e.to_string(),
    }
}

fn locale(tag: &str) -> String {
    format!("title = \"T\"\n[[locale]]\ntag = \"{tag}\"\ndir = \"content/en\"\n")
}

#[test]
fn a_locale_tag_is_bcp_47_and_a_tag_written_wrong_names_the_one_meant() {
    for (written, meant) in [
        ("en_US", "en-US"),
        ("zh_hans", "zh-Hans"),
        ("pt_br", "pt-BR"),
        ("sr_latn_rs", "sr-Latn-RS"),
        ("de DE", "de-DE"),
    ] {
        let e = error_of("tag-meant", &locale(written));
        assert!(e.contains("playbook.toml:3:7: "), "{e}");
        assert!(
            e.contains(&format!(
                "locale tag `{written}` is not a BCP 47 language tag: did you mean `{meant}`?"
            )),
            "{e}"
        );
    }
    for bad in ["english", "e", "en-", "-en", "en--US", "12", "x-default"] {
        let e = error_of("tag-bad", &locale(bad));
        assert!(
            e.contains(&format!("`{bad}` is not a BCP 47 language tag: use a tag such as")),
            "{bad}: {e}"
        );
    }
    for good in ["en", "pt-BR", "zh-Hans", "sr-Latn-RS", "EN-us", "es-419", "de-CH-1996", "fil"] {
        assert_eq!(tag_error_of(good), None, "{good}");
    }
}

fn tag_error_of(tag: &str) -> Option<String> {
    locales::tag_error(tag)
}

#[test]
fn every_config_error_names_the_line_and_column_of_what_it_refuses() {
    let two =
        "[[locale]]\ntag = \"en\"\ndir = \"content/en\"\n[[locale]]\ntag = \"es\"\ndir = \"content/es\"\n";
    let cases: Vec<(String, &str, &str)> = vec![
        ("title = \"x\"\nbogus = 1\n".into(), "playbook.toml:2:1: ", "bogus"),
        ("title = 3\n".into(), "playbook.toml:1:9: ", "string"),
        (
            format!("default_locale = \"fr\"\n{two}"),
            "playbook.toml:1:18: ",
            "default_locale `fr` is not one of the locales (en, es)",
        ),
        (
            format!("{two}[[locale]]\ntag = \"EN\"\ndir = \"content/es\"\n"),
            "playbook.toml:8:7: ",
            "locale `EN` is listed twice",
        ),
        (
            "[severity]\nbroken-links = \"off\"\n".into(),
            "playbook.toml:2:1: ",
            "unknown rule `broken-links`: did you mean `broken-link`?",
        ),
        ("[severity]\norphan = \"off\"\n".into(), "playbook.toml:2:1: ", "unknown rule `orphan`"),
        (
            "[severity]\nbroken-link = \"loud\"\n".into(),
            "playbook.toml:2:15: ",
            "use error, warning, info or off",
        ),
        ("exclude = [\"ok/**\",\n  \"a/{b\"]\n".into(), "playbook.toml:2:3: ", "exclude: `a/{b`"),
        ("theme = \"../x\"\n".into(), "playbook.toml:1:9: ", "not a folder name"),
        ("base_url = \"not a url\"\n".into(), "playbook.toml:1:12: ", "base_url"),
        (
            "docfx = \"nowhere/docfx.json\"\n".into(),
            "playbook.toml:1:9: ",
            "docfx = \"nowhere/docfx.json\": cannot read",
        ),
        ("url_style = \"ugly\"\n".into(), "playbook.toml:1:13: ", "ugly"),
        (format!("{two}[[locale]]\ntag = \"de\"\ndir = \"../de\"\n"), "playbook.toml:9:7: ", "locale `de`"),
    ];
    for (toml, at, what) in cases {
        let e = error_of("positions", &toml);
        assert!(e.contains(at) && e.contains(what), "{toml}\nwanted {at}…{what}\ngot {e}");
    }
}

#[test]
fn a_docfx_json_error_points_into_docfx_json() {
    let d = temp("docfx-positions");
    std::fs::write(d.join("docfx.json"), "{\n  \"build\": {\n    \"content\": 3\n  }\n}\n").unwrap();
    let e = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap_err().to_string();
    assert!(e.contains("docfx.json:3:5: build.content must be a list"), "{e}");
}

#[test]
fn zero_config_locales_are_folders_with_markdown_named_by_a_language() {
    let d = temp("zero-discovery");
    let files: &[(&str, &[u8])] = &[
        ("content/en/index.md", b"# Home\n"),
        ("content/es/guia/index.md", b"# Guia\n"),
        ("content/pt-BR/index.md", b"# Inicio\n"),
        ("content/media/logo.png", b"\x89PNG"),
        ("content/images/a/b.svg", b"<svg/>"),
        ("content/shared/include.md", b"Shared text\n"),
        ("content/fr/.drafts/x.md", b"# hidden\n"),
        ("content/de/bild.png", b"\x89PNG"),
        ("content/notes.md", b"# not in a folder\n"),
    ];
    for (rel, bytes) in files {
        let p = d.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let c = Config::load(&Options { root: Some(d.clone()), ..Default::default() }).unwrap();
    let tags: Vec<&str> = c.locales.iter().map(|l| l.tag.as_str()).collect();
    assert_eq!(
        tags,
        ["en", "es", "pt-BR"],
        "media, images, shared, a hidden draft and a folder of images are no language"
    );
    assert_eq!(c.content_dir, "content", "media/ and images/ stay under the content folder: assets");
    // A folder of pages named by a tag written wrong is an error naming it.
    std::fs::create_dir_all(d.join("content/en_GB")).unwrap();
    std::fs::write(d.join("content/en_GB/index.md"), "# Home\n").unwrap();
    let e = Config::load(&Options { root: Some(d), ..Default::default() }).unwrap_err().to_string();
    assert!(e.contains("content/en_GB: this folder holds pages, but `en_GB` is not a BCP 47 language tag: did you mean `en-GB`?"), "{e}");
}
