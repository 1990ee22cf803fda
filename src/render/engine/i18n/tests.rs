//! UI strings: fallback chains, missing messages, dates, `.ftl` errors.

use super::*;
use crate::config::Options;

/// A zero-config site with `locales` overrides written into it.
fn site(name: &str, tags: &[&str], ftl: &[(&str, &str)]) -> Config {
    let d = crate::testing::temp_dir(name);
    for t in tags {
        std::fs::create_dir_all(d.join("content").join(t)).unwrap();
        std::fs::write(d.join("content").join(t).join("index.md"), "# Home\n").unwrap();
    }
    for (rel, text) in ftl {
        let p = d.join("locales").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    Config::load(&Options { root: Some(d), ..Default::default() }).unwrap()
}

const EN: &str = "language-name = English\nhello = Hello\npages = { $count ->\n    [one] { $count } page\n   *[other] { $count } pages\n}\n";

#[test]
fn fallback_chain_goes_through_parents_then_default_then_english() {
    assert_eq!(fallback_chain("es-MX", "de"), ["es-MX", "es", "de", "en"]);
    assert_eq!(fallback_chain("zh-Hans", "en"), ["zh-Hans", "zh", "en"]);
    assert_eq!(fallback_chain("en", "en"), ["en"]);
}

#[test]
fn plurals_follow_the_locale() {
    let c = site(
        "plural",
        &["en", "es"],
        &[
            ("en/main.ftl", EN),
            (
                "es/main.ftl",
                "language-name = Español\nhello = Hola\npages = { $count ->\n    [one] { $count } página\n   *[other] { $count } páginas\n}\n",
            ),
        ],
    );
    let i = I18n::load(&c).unwrap();
    assert_eq!(i.text("en", "pages", &[("count", Arg::Number(1.0))]), "1 page");
    assert_eq!(i.text("es", "pages", &[("count", Arg::Number(7.0))]), "7 páginas");
    assert_eq!(i.language_name("es"), "Español");
    assert!(i.missing().is_empty(), "{:?}", i.missing());
}

#[test]
fn a_missing_message_falls_back_and_is_reported() {
    let c = site(
        "missing",
        &["en", "es-MX"],
        &[("en/main.ftl", EN), ("es/main.ftl", "language-name = Español\npages = { $count } páginas\n")],
    );
    let i = I18n::load(&c).unwrap();
    // es-MX has no folder of its own: es serves it, en fills the gap.
    assert_eq!(i.text("es-MX", "pages", &[("count", Arg::Number(2.0))]), "2 páginas");
    assert_eq!(i.text("es-MX", "hello", &[]), "Hello");
    let missing = i.missing();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].code, Code::MissingMessage);
    assert_eq!(missing[0].target.as_deref(), Some("hello"));
    assert_eq!(missing[0].file, "locales/es-MX/main.ftl");
}

#[test]
fn unknown_ids_come_back_as_the_id() {
    let c = site("unknown", &["en"], &[("en/main.ftl", EN)]);
    let i = I18n::load(&c).unwrap();
    assert_eq!(i.text("en", "nope", &[]), "nope");
    assert_eq!(i.text("xx", "hello", &[]), "hello");
}

#[test]
fn ftl_syntax_errors_name_file_line_and_column() {
    let c = site("syntax", &["en"], &[("en/main.ftl", "ok = fine\n\nbroken = { $x\n")]);
    let e = I18n::load(&c).unwrap_err().to_string();
    assert!(e.contains("locales/en/main.ftl:3:"), "{e}");
}

#[test]
fn dates_are_localized_by_icu() {
    let c = site("dates", &["en", "es", "ja", "de"], &[("en/main.ftl", EN)]);
    let i = I18n::load(&c).unwrap();
    let d = Date { year: 2019, month: 10, day: 3 };
    assert_eq!(i.date("es", d), "3 de octubre de 2019");
    assert_eq!(i.date("ja", d), "2019年10月3日");
    assert_eq!(i.date("de", d), "3. Oktober 2019");
    assert_eq!(i.date("en", d), "October 3, 2019");
    assert_eq!(i.date("xx", d), "2019-10-03");
}

#[test]
fn every_shipped_locale_translates_every_message() {
    let c = site("shipped", &["en", "es", "pt-BR", "de", "ja", "zh-Hans"], &[]);
    let i = I18n::load(&c).unwrap();
    assert_eq!(i.missing(), Vec::new());
    assert_eq!(i.text("de", "task-count", &[("count", Arg::Number(1.0))]), "1 Aufgabe");
    assert_eq!(i.text("pt-BR", "page-count", &[("count", Arg::Number(3.0))]), "3 páginas");
    assert_eq!(i.language_name("zh-Hans"), "简体中文");
}

#[test]
fn a_configured_locale_name_wins() {
    let mut c = site("names", &["en", "es"], &[]);
    c.locales[1].name = Some("Castellano".into());
    let i = I18n::load(&c).unwrap();
    assert_eq!(i.language_name("es"), "Castellano");
    assert_eq!(i.language_name("en"), "English");
}

#[test]
fn docfx_block_labels_are_fluent_messages_of_every_shipped_locale() {
    let tags = ["en", "es", "pt-BR", "de", "ja", "zh-Hans"];
    let c = site("dfm-labels", &tags, &[]);
    let i = I18n::load(&c).unwrap();
    let labels = [
        BodyLabel::Zone("tug, pilot"),
        BodyLabel::Moniker("harbor-2.0"),
        BodyLabel::Tabs,
        BodyLabel::ImageDescription,
        BodyLabel::Video("videos.example.org"),
        BodyLabel::VideoUnavailable("http://videos.example.org/v"),
    ];
    for tag in tags {
        let texts: Vec<String> = labels.iter().map(|l| i.body_label(tag, l)).collect();
        for (label, text) in labels.iter().zip(&texts) {
            assert!(!text.starts_with("dfm-"), "{tag}: {label:?} has no message");
            let arg = match label {
                BodyLabel::Zone(v)
                | BodyLabel::Moniker(v)
                | BodyLabel::Video(v)
                | BodyLabel::VideoUnavailable(v) => v,
                _ => "",
            };
            assert!(text.contains(arg), "{tag}: {label:?} shows its value: {text}");
        }
        if tag != "en" {
            let english: Vec<String> = labels.iter().map(|l| i.body_label("en", l)).collect();
            let translated = texts.iter().zip(&english).filter(|(t, e)| t != e).count();
            assert!(translated >= 4, "{tag} translates the labels: {texts:?}");
        }
    }
    assert_eq!(i.body_label("de", &BodyLabel::Zone("docs")), "Gilt für: docs");
    assert_eq!(i.body_label("es", &BodyLabel::Video("www.youtube.com")), "Vídeo (www.youtube.com)");
    assert_eq!(i.body_label("ja", &BodyLabel::Alert(&AlertKind::Note)), "注記");
}
