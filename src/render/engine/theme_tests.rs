//! Theme loading: embedded templates, overrides, error positions.

use super::*;
use crate::render::tests::{config, fixture, load, temp, text};

fn theme_for(dir: &Path) -> Result<Theme> {
    let config = config(dir.to_path_buf(), &["en"]);
    let i18n = Arc::new(I18n::load(&config)?);
    Theme::load(&config, i18n)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn every_embedded_template_compiles() {
    let theme = theme_for(&temp("embedded")).unwrap();
    let names: Vec<&str> = theme.template_names().collect();
    let catalog = ["tasks.html", "task.html", "matrix.html", "partials/catalog_nav.html", "contents.html"];
    for name in ["base.html", "doc.html", "page.html", "locale_home.html", "root.html", "404.html"]
        .iter()
        .chain(&catalog)
    {
        assert!(names.contains(name), "{name} in {names:?}");
    }
    let statics: Vec<String> = theme.static_files().into_iter().map(|f| f.path).collect();
    assert_eq!(
        statics,
        [
            "static/catalog.js",
            "static/favicon.svg",
            "static/main.js",
            "static/search.js",
            "static/sidebar.js",
            "static/style.css"
        ]
    );
}

#[test]
fn an_override_replaces_one_template_and_keeps_the_rest() {
    let dir = temp("override");
    write(
        &dir.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block layout %}CUSTOM 404{% endblock layout %}",
    );
    write(&dir.join("static/extra.txt"), "x");
    let site = fixture(dir.clone());
    let (theme, i18n) = load(&site);
    let out = crate::render::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    let not_found = text(&out, "404.html");
    assert!(not_found.contains("CUSTOM 404") && not_found.contains("class=\"site-header\""), "{not_found}");
    assert!(text(&out, "en/guide/index.html").contains("class=\"sidebar\""), "page.html still built in");
    let extra = out.files.iter().find(|f| f.path == "static/extra.txt").unwrap();
    assert_eq!(extra.body, Body::Copy(dir.join("static/extra.txt")));
}

#[test]
fn site_templates_beat_the_site_theme_which_beats_the_embedded_one() {
    let dir = temp("layers");
    write(&dir.join("themes/default/templates/root.html"), "THEME ROOT");
    write(&dir.join("themes/default/templates/404.html"), "THEME 404");
    write(&dir.join("templates/404.html"), "SITE 404");
    write(&dir.join("themes/default/static/style.css"), "body{}");
    let theme = theme_for(&dir).unwrap();
    let empty = tera::Context::new();
    assert_eq!(theme.tera.render("root.html", &empty).unwrap(), "THEME ROOT");
    assert_eq!(theme.tera.render("404.html", &empty).unwrap(), "SITE 404");
    let css = theme.static_files().into_iter().find(|f| f.path == "static/style.css").unwrap();
    assert_eq!(css.body, Body::Copy(dir.join("themes/default/static/style.css")));
}

#[test]
fn a_missing_named_theme_is_an_error() {
    let dir = temp("no-theme");
    let mut config = config(dir.clone(), &["en"]);
    config.theme = "fancy".into();
    let i18n = Arc::new(I18n::load(&config).unwrap());
    let err = Theme::load(&config, i18n).unwrap_err();
    assert!(err.to_string().contains("themes/fancy"), "{err}");
}

#[test]
fn a_syntax_error_names_the_override_file_and_line() {
    let dir = temp("syntax-error");
    write(
        &dir.join("templates/page.html"),
        "{% extends \"base.html\" %}\n{% block content %}{{ nope( }}{% endblock %}\n",
    );
    let err = theme_for(&dir).unwrap_err();
    let Error::Template { path, line, column, .. } = &err else { panic!("{err:?}") };
    assert_eq!(path, &dir.join("templates/page.html"));
    assert_eq!(*line, Some(2));
    assert!(column.is_some());
    assert!(err.to_string().contains("page.html:2:"), "{err}");
}

#[test]
fn an_unknown_function_names_the_file_and_line() {
    let dir = temp("unknown-fn");
    write(&dir.join("templates/partials/toc.html"), "ok\n\n{{ nothing_like_this() }}\n");
    let err = theme_for(&dir).unwrap_err();
    let Error::Template { path, line, message, .. } = &err else { panic!("{err:?}") };
    assert_eq!(path, &dir.join("templates/partials/toc.html"));
    assert_eq!(*line, Some(3), "{message}");
}

#[test]
fn a_render_error_names_the_template_and_line() {
    let dir = temp("render-error");
    write(
        &dir.join("templates/404.html"),
        "{% extends \"base.html\" %}\n{% block layout %}\n{{ no_such_variable }}{% endblock layout %}",
    );
    let site = fixture(dir.clone());
    let (theme, i18n) = load(&site);
    let err = crate::render::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap_err();
    let Error::Template { path, line, .. } = &err else { panic!("{err:?}") };
    assert_eq!(path, &dir.join("templates/404.html"));
    assert_eq!(*line, Some(3));
}

#[test]
fn an_embedded_template_error_names_the_theme_path() {
    let origins: BTreeMap<String, PathBuf> =
        [("page.html".to_string(), PathBuf::from("themes/default/templates/page.html"))].into();
    let mut tera = tera::Tera::new();
    let err = tera.add_raw_template("page.html", "a\n{% if %}").unwrap_err();
    let mapped = tera_error(&err, &origins);
    assert!(mapped.to_string().starts_with("themes/default/templates/page.html:2:"), "{mapped}");
}

#[test]
fn t_passes_keyword_arguments_as_fluent_variables() {
    let dir = temp("t-args");
    write(
        &dir.join("templates/root.html"),
        "{{ t(key=\"page-count\", count=3) }}|{{ t(key=\"home\", lang=\"es\") }}",
    );
    let theme = theme_for(&dir).unwrap();
    let mut context = tera::Context::new();
    context.insert("lang", "en");
    let out = theme.tera.render("root.html", &context).unwrap();
    let i18n = I18n::load(&config(dir, &["en"])).unwrap();
    let expected = format!(
        "{}|{}",
        i18n.text("en", "page-count", &[("count", Arg::Number(3.0))]),
        i18n.text("es", "home", &[])
    );
    assert_eq!(out, expected);
}

#[test]
fn keyword_arguments_become_sorted_fluent_variables() {
    let kwargs = tera::Kwargs::from([
        ("key", tera::Value::from("page-count")),
        ("lang", tera::Value::from("es")),
        ("count", tera::Value::from(3)),
        ("date", tera::Value::from("3 de octubre")),
        ("ratio", tera::Value::from(0.5)),
    ]);
    assert_eq!(
        fluent_args(&kwargs),
        vec![
            ("count".to_string(), Arg::Number(3.0)),
            ("date".to_string(), Arg::Text("3 de octubre".into())),
            ("ratio".to_string(), Arg::Number(0.5)),
        ]
    );
}

#[test]
fn locale_fragments_are_rendered_once_per_locale_and_an_override_is_used() {
    let dir = temp("fragments");
    write(
        &dir.join("templates/partials/search_box.html"),
        "<div id=\"search\">{{ lang }} {{ ui[\"search-label\"] }}</div>\n",
    );
    let config = config(dir.clone(), &["en", "es"]);
    let i18n = Arc::new(I18n::load(&config).unwrap());
    let theme = Theme::load(&config, i18n).unwrap();
    let box_of = |lang: &str| {
        let context = theme.context("base.html", &serde_json::json!({ "lang": lang })).unwrap();
        let fragments = context.get("fragments")?.as_map()?;
        fragments
            .iter()
            .find(|(k, _)| k.as_str() == Some("search_box"))
            .and_then(|(_, v)| v.as_str().map(str::to_string))
    };
    assert_eq!(box_of("en").as_deref(), Some("<div id=\"search\">en Search this playbook</div>"));
    assert_eq!(
        box_of("es").as_deref(),
        Some("<div id=\"search\">es Buscar en este cuaderno de estrategias</div>")
    );
    assert_eq!(box_of("fr").as_deref(), None, "not a locale of the site: no fragments");
}
