//! `Theme`: the tera templates and static files a site is rendered with.
//!
//! Layers, lowest first, overridden FILE BY FILE (a later layer replaces one
//! file and keeps the rest):
//! 1. the built-in theme embedded by `build.rs` (`themes/default/`);
//! 2. `SITE/themes/<config.theme>/` (required when the theme is not
//!    `default`);
//! 3. `SITE/templates/` and `SITE/static/` (highest).
//!
//! `SITE` is `config.site_dir`. Templates are named by their path below
//! `templates/` (`page.html`, `partials/nav.html`); static files are
//! published under `static/` with the same relative path. Hidden files
//! (`.name`) are ignored.
//!
//! Partials listed in [`FRAGMENTS`] depend only on the locale: each is
//! rendered once per locale at load (context: `lang`, `dir`, `ui`) and every
//! template reads it as `{{ fragments["search_box"] | safe }}`.
//!
//! The `t` function gives templates the Fluent UI strings:
//! `{{ t(key="page-count", count=3) }}`. `lang` defaults to the template's
//! `lang` variable (pass it explicitly inside components, whose context is
//! isolated); every other keyword becomes a Fluent variable (numbers as
//! numbers, anything else as text).
//!
//! [`Theme::render`] is the one way to render a template. Which pages the
//! fast writers write instead (`render::fast`) is the renderer's choice
//! (`render::make`); the theme only says which templates are the built-in
//! ones ([`Theme::is_builtin`]).
//!
//! A template that fails to parse or render is an `Error::Template` naming
//! the real file (`SITE/templates/page.html` for an override,
//! `themes/default/templates/page.html` for a built-in one) and the line and
//! column tera reports.
//!
//! Reads only theme folders; must not read content or write files.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{Body, OutputFile};
use crate::render::engine::embedded::THEME;
use crate::render::engine::i18n::{Arg, I18n, text_dir};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where a static file comes from.
#[derive(Debug, Clone)]
enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// A loaded theme: compiled templates plus the static files to publish.
pub struct Theme {
    tera: tera::Tera,
    /// Template name → the file to name in errors.
    origins: BTreeMap<String, PathBuf>,
    /// Path below `static/` → its source.
    statics: BTreeMap<String, StaticSource>,
    /// Per locale tag: every UI message formatted without arguments, as the
    /// `ui` map templates read (`{{ ui["on-this-page"] }}`). Built once; a
    /// tera map is shared, not copied, by every page that uses it.
    ui: HashMap<String, tera::Value>,
    /// Per template: a little more than its last output, the capacity its
    /// next render starts with (no regrowing and copying for pages of one
    /// kind, which are alike; not the largest, which would make every
    /// page reserve, and the allocator fault in, the biggest one's size).
    sizes: HashMap<String, AtomicUsize>,
    /// Per locale tag: the `fragments` map templates read, the partials
    /// that depend on nothing but the locale, rendered once
    /// (`{{ fragments["search_box"] | safe }}`; see [`FRAGMENTS`]).
    fragments: HashMap<String, tera::Value>,
    /// Templates whose text is the built-in theme's (not overridden, or
    /// overridden by the same text).
    builtin: BTreeSet<String>,
}

/// The fields many renders of one template share (a layout), serialized
/// once by [`Theme::base`]; each page's own fields go over them
/// ([`Theme::render`]).
#[derive(Debug, Clone)]
pub struct Base(tera::Context);

/// Partials rendered once per locale, by the name templates find them
/// under in `fragments`. Their context is `lang`, `dir` and `ui` only, so
/// they cannot depend on the page.
pub const FRAGMENTS: [(&str, &str); 1] = [("search_box", "partials/search_box.html")];

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme").field("templates", &self.origins).field("statics", &self.statics).finish()
    }
}

/// One template source before compilation.
struct TemplateSource {
    origin: PathBuf,
    text: String,
}

impl Theme {
    /// Loads the built-in theme and the site's overrides, and compiles every
    /// template. UI strings come from `i18n` through the `t` function.
    pub fn load(config: &Config, i18n: Arc<I18n>) -> Result<Theme> {
        let mut templates: BTreeMap<String, TemplateSource> = BTreeMap::new();
        let mut statics: BTreeMap<String, StaticSource> = BTreeMap::new();
        for (rel, bytes) in THEME {
            if let Some(name) = rel.strip_prefix("templates/") {
                let origin = PathBuf::from("themes/default").join(rel);
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| template_error(&origin, None, None, "not valid UTF-8"))?;
                templates.insert(name.to_string(), TemplateSource { origin, text: text.to_string() });
            } else if let Some(name) = rel.strip_prefix("static/") {
                statics.insert(name.to_string(), StaticSource::Embedded(bytes));
            }
        }
        for dir in override_dirs(config)? {
            for (name, path) in files_under(&dir.join("templates"))? {
                let text = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                let text = String::from_utf8(text)
                    .map_err(|_| template_error(&path, None, None, "not valid UTF-8"))?;
                templates.insert(name, TemplateSource { origin: path, text });
            }
            for (name, path) in files_under(&dir.join("static"))? {
                statics.insert(name, StaticSource::File(path));
            }
        }
        let builtin = THEME
            .iter()
            .filter_map(|(rel, bytes)| {
                let name = rel.strip_prefix("templates/")?;
                templates.get(name).is_some_and(|t| t.text.as_bytes() == *bytes).then(|| name.to_string())
            })
            .collect();
        let origins: BTreeMap<String, PathBuf> =
            templates.iter().map(|(name, src)| (name.clone(), src.origin.clone())).collect();
        let mut tera = tera::Tera::new();
        // Functions must exist before templates are added: tera 2 checks
        // every call when it compiles.
        let ui = config
            .locales
            .iter()
            .map(|l| {
                let strings: BTreeMap<String, String> =
                    i18n.message_ids().iter().map(|id| (id.clone(), i18n.text(&l.tag, id, &[]))).collect();
                (l.tag.clone(), tera::Value::from(strings))
            })
            .collect();
        tera.register_function("t", move |kwargs: tera::Kwargs, state: &tera::State| {
            translate(&i18n, &kwargs, state)
        });
        tera.add_raw_templates(templates.iter().map(|(name, src)| (name.as_str(), src.text.as_str())))
            .map_err(|e| tera_error(&e, &origins))?;
        let sizes = origins.keys().map(|name| (name.clone(), AtomicUsize::new(0))).collect();
        let mut theme = Theme { tera, origins, statics, ui, sizes, fragments: HashMap::new(), builtin };
        theme.fragments = config
            .locales
            .iter()
            .map(|l| Ok((l.tag.clone(), theme.locale_fragments(&l.tag)?)))
            .collect::<Result<_>>()?;
        Ok(theme)
    }

    /// Whether template `name` is the built-in theme's own, so a page that
    /// renders from built-in templates only may be written without tera
    /// (see `render::fast`).
    pub fn is_builtin(&self, name: &str) -> bool {
        self.builtin.contains(name)
    }

    /// The rendered fragment `key` of locale `lang` (see [`FRAGMENTS`]).
    pub fn fragment(&self, lang: &str, key: &str) -> Option<String> {
        let map = self.fragments.get(lang)?.as_map()?;
        map.iter().find(|(k, _)| k.as_str() == Some(key)).and_then(|(_, v)| v.as_str()).map(str::to_string)
    }

    /// Renders template `name` with `view`'s fields as its variables (over
    /// those of `base`, when given: pages of one layout share the base and
    /// differ in a few fields), plus the `ui` strings and `fragments` of
    /// its `lang`. The result is the bytes of the file: no UTF-8 check (tera
    /// writes only `str`s), into a buffer sized from earlier renders of the
    /// same template.
    pub fn render<V: serde::Serialize>(&self, name: &str, view: &V, base: Option<&Base>) -> Result<Vec<u8>> {
        let context = match base {
            Some(Base(base)) => {
                let mut context = base.clone();
                context.extend(self.fields(name, view)?);
                context
            }
            None => self.context(name, view)?,
        };
        self.render_context(name, &context)
    }

    /// The fields of `view`, a layout that many renders of template `name`
    /// share, made once (see [`Theme::render`]).
    pub fn base<V: serde::Serialize>(&self, name: &str, view: &V) -> Result<Base> {
        self.context(name, view).map(Base)
    }

    /// The tera context of `view` for template `name`: its fields, plus the
    /// `ui` strings and `fragments` of its `lang`. A clone shares its
    /// values rather than copying them.
    fn context<V: serde::Serialize>(&self, name: &str, view: &V) -> Result<tera::Context> {
        let mut context = self.fields(name, view)?;
        let lang = context.get("lang").and_then(|l| l.as_str()).map(str::to_string);
        let per_locale = |map: &HashMap<String, tera::Value>| {
            lang.as_deref()
                .and_then(|l| map.get(l))
                .cloned()
                .unwrap_or_else(|| tera::Value::from(BTreeMap::<String, String>::new()))
        };
        let (ui, fragments) = (per_locale(&self.ui), per_locale(&self.fragments));
        context.insert_value("ui", ui);
        context.insert_value("fragments", fragments);
        Ok(context)
    }

    /// Renders template `name` with a context made by [`Theme::context`].
    fn render_context(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>> {
        let hint = self.sizes.get(name);
        let mut out = Vec::with_capacity(hint.map_or(0, |h| h.load(Ordering::Relaxed)).max(4096));
        self.tera.render_to(name, context, &mut out).map_err(|e| tera_error(&e, &self.origins))?;
        if let Some(h) = hint {
            h.store(out.len() + out.len() / 8, Ordering::Relaxed);
        }
        Ok(out)
    }

    /// The `fragments` of locale `lang` (see [`FRAGMENTS`]).
    fn locale_fragments(&self, lang: &str) -> Result<tera::Value> {
        #[derive(serde::Serialize)]
        struct Locale<'a> {
            lang: &'a str,
            dir: &'static str,
        }
        let view = Locale { lang, dir: text_dir(lang) };
        let mut map = BTreeMap::new();
        for (key, template) in FRAGMENTS {
            let html = self.render(template, &view, None)?;
            let html = String::from_utf8(html).map_err(|e| self.view_error(template, &e))?;
            map.insert(key.to_string(), html.trim_end().to_string());
        }
        Ok(tera::Value::from(map))
    }

    /// `view`'s fields as a tera context (for template `name`'s errors).
    fn fields<V: serde::Serialize>(&self, name: &str, view: &V) -> Result<tera::Context> {
        tera::Context::from_serialize(view).map_err(|e| self.view_error(name, &e))
    }

    fn view_error(&self, name: &str, e: &dyn std::fmt::Display) -> Error {
        template_error(&self.origin(name), None, None, &e.to_string())
    }

    fn origin(&self, name: &str) -> PathBuf {
        self.origins.get(name).cloned().unwrap_or_else(|| PathBuf::from(name))
    }

    /// The theme's static files as output files under `static/`, sorted.
    pub fn static_files(&self) -> Vec<OutputFile> {
        self.statics
            .iter()
            .map(|(name, src)| OutputFile {
                path: crate::url::paths::static_file(name),
                body: match src {
                    StaticSource::Embedded(bytes) => Body::Bytes(bytes.to_vec()),
                    StaticSource::File(path) => Body::Copy(path.clone()),
                },
            })
            .collect()
    }

    /// The names of every template, sorted.
    pub fn template_names(&self) -> impl Iterator<Item = &str> {
        self.origins.keys().map(String::as_str)
    }
}

/// The site's theme folder (when it exists or is required) and its own
/// `SITE/` layer, lowest first.
fn override_dirs(config: &Config) -> Result<Vec<PathBuf>> {
    let theme_dir = config.site_dir.join("themes").join(&config.theme);
    let mut dirs = Vec::new();
    if theme_dir.is_dir() {
        dirs.push(theme_dir);
    } else if config.theme != "default" {
        return Err(template_error(
            &theme_dir,
            None,
            None,
            &format!("theme `{}` not found: create this folder or set `theme = \"default\"`", config.theme),
        ));
    }
    dirs.push(config.site_dir.clone());
    Ok(dirs)
}

/// Every non-hidden file below `dir` as (`/`-separated relative name, path),
/// sorted; nothing when `dir` does not exist.
fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(path, std::io::Error::other(e.to_string()))
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else { continue };
        let name: Vec<String> =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        out.push((name.join("/"), entry.path().to_path_buf()));
    }
    Ok(out)
}

/// The `t` template function: a Fluent message in `lang`.
fn translate(i18n: &I18n, kwargs: &tera::Kwargs, state: &tera::State) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let from_state;
    let lang: &str = match kwargs.get::<&str>("lang")? {
        Some(lang) => lang,
        None => {
            from_state = state.get::<String>("lang")?.ok_or_else(|| {
                tera::Error::message(format!("t(key=\"{key}\"): no `lang` argument and no `lang` variable"))
            })?;
            &from_state
        }
    };
    let args = fluent_args(kwargs);
    let borrowed: Vec<(&str, Arg)> = args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
    Ok(i18n.text(lang, key, &borrowed))
}

/// Every keyword argument except `key` and `lang`, as Fluent variables:
/// numbers as numbers (plural selection), anything else as text. Sorted by
/// name, so calls are deterministic whatever the kwargs order.
fn fluent_args(kwargs: &tera::Kwargs) -> Vec<(String, Arg)> {
    let mut args: Vec<(String, Arg)> = kwargs
        .iter()
        .filter_map(|(name, value)| {
            let name = name.as_str()?;
            if name == "key" || name == "lang" {
                return None;
            }
            let arg = match (value.as_f64(), value.as_str()) {
                (Some(n), _) if value.is_number() => Arg::Number(n),
                (_, Some(s)) => Arg::Text(s.to_string()),
                _ => Arg::Text(value.to_string()),
            };
            Some((name.to_string(), arg))
        })
        .collect();
    args.sort_by(|a, b| a.0.cmp(&b.0));
    args
}

fn template_error(path: &Path, line: Option<usize>, column: Option<usize>, message: &str) -> Error {
    Error::Template { path: path.to_path_buf(), line, column, message: message.to_string() }
}

/// Turns a tera error into `Error::Template` with the real file, line and
/// column. tera names templates by the names we gave them; `origins` maps
/// those names back to files.
fn tera_error(err: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Error {
    use tera::ErrorKind;
    let origin = |name: &str| origins.get(name).cloned().unwrap_or_else(|| PathBuf::from(name));
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut message = report.message().to_string();
            if let Some(cause) = std::error::Error::source(err) {
                message.push_str(&format!(": {cause}"));
            }
            template_error(
                &origin(report.filename()),
                Some(span.start_line),
                Some(span.start_col + 1),
                &message,
            )
        }
        ErrorKind::MissingParent { current, .. } => {
            template_error(&origin(current), None, None, &err.to_string())
        }
        ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => {
            template_error(&origin(tpl), None, None, &err.to_string())
        }
        ErrorKind::TemplateNotFound(name) => template_error(&origin(name), None, None, &err.to_string()),
        _ => report_error(&err.to_string(), &origin),
    }
}

/// tera reports some compile checks (unknown function, filter, block) as a
/// plain message holding a rendered report: `error: …\n --> name:line:col`.
/// The first report is used.
fn report_error(text: &str, origin: &dyn Fn(&str) -> PathBuf) -> Error {
    let message = text.lines().next().unwrap_or(text).trim_start_matches("error: ").to_string();
    let locus = text.lines().find_map(|l| l.trim_start().strip_prefix("--> "));
    if let Some(locus) = locus {
        let mut parts = locus.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.trim().parse().ok());
        let line = parts.next().and_then(|l| l.trim().parse().ok());
        if let (Some(name), Some(_)) = (parts.next(), line) {
            return template_error(&origin(name), line, column, &message);
        }
    }
    template_error(Path::new("templates"), None, None, text)
}

#[cfg(test)]
#[path = "theme_tests.rs"]
mod tests;
