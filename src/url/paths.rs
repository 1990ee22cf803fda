//! Where each output of a site lives and how its outputs link to each
//! other: the one home of output paths. `load` names each page with it
//! (`Page::url`), `render` names every other file and writes every link
//! with it.
//!
//! A page has a *location*: its path below OUT without an extension,
//! always ending in a name (`es/x-es`, `es/sub/index`, `es/index`,
//! `es/tasks/4060`; the root language chooser is `index`). The site's
//! [`UrlStyle`] (`url_style` in `playbook.toml`) spells a location as the
//! page's URL, relative to the output root: what the model keeps and links
//! point at.
//! * `pretty` (the default, Hugo's and Zola's): `es/x-es/`, whose file is
//!   `es/x-es/index.html`; an index is its folder (`es/sub/`, `es/`, and
//!   `` for the root chooser);
//! * `html` (DocFX's): `es/x-es.html`, `es/sub/index.html`,
//!   `index.html`: every URL is its file, so links name files (a site
//!   published by DocFX keeps its addresses).
//!
//! Links between outputs are spelled by [`Links`] (`portable` in
//! `playbook.toml`): by default a link to a folder URL names its file
//! (`../b/index.html`), so the site also works opened from disk
//! (`file://`, where no server turns a folder into its `index.html`);
//! `portable = false` spells it as the folder (`../b/`) for a site that is
//! only ever served. Nothing else spells a URL.
//!
//! Rules, whatever the style:
//! * a URL that ends in `/` (or is empty: the root) is a folder whose file
//!   is `index.html`; any other URL is its own file ([`file`]);
//! * a link from one output to another is relative to the folder of the
//!   output that holds it ([`href`]), so a site works below any path;
//! * absolute URLs (sitemap, `hreflang`, canonical) are `base_url` + `/` +
//!   the URL, percent-encoded ([`public`]);
//! * generated pages have locations too: a locale's home `<tag>/index`,
//!   its task catalog `<tag>/tasks/index`, its matrix `<tag>/tasks/matrix`,
//!   a task `<tag>/tasks/<id>`, its contents page `<tag>/contents`, its
//!   print version `<tag>/print/index`; the other outputs are files at
//!   fixed places (`tasks.json`, `<tag>/tasks.json`, `<tag>/tasks.csv`,
//!   `<tag>/search/index.js`, `<tag>/toc.js`, `sitemap.xml`, `404.html`,
//!   `<tag>/404.html`, `static/<name>`), a redirect is written at its old
//!   address's file, and a content asset moves with its locale folder
//!   ([`asset`]);
//! * a DocFX rule publishes its files at its `dest` folder plus their path
//!   below its `src` ([`docfx_output`]); `config::Scope` says which rule
//!   takes a file and where its language's folder is, and a page's
//!   location inside its locale follows from that.
//!
//! Must not know pages, locales or the config (callers pass names and
//! the style), nor decode link text ([`super::encode`]).

/// How a location is spelled as a URL (`url_style = "pretty" | "html"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UrlStyle {
    /// `es/x-es/`, whose file is `es/x-es/index.html`; an index is its
    /// folder (`es/sub/`, `es/`, and `` for the root).
    #[default]
    Pretty,
    /// `es/x-es.html`; an index is its `index.html` (`es/sub/index.html`).
    Html,
}

impl UrlStyle {
    /// The URL of the page at `location`.
    pub fn page(self, location: &str) -> String {
        let mut url = String::with_capacity(location.len() + 5);
        url.push_str(location);
        self.spell(url)
    }

    /// `location`, a buffer, spelled as a URL in place: the URLs of every
    /// page a build links are made here, thousands of times.
    fn spell(self, mut location: String) -> String {
        match self {
            UrlStyle::Pretty if location == "index" => location.clear(),
            UrlStyle::Pretty if location.ends_with("/index") => {
                location.truncate(location.len() - "index".len())
            }
            UrlStyle::Pretty => location.push('/'),
            UrlStyle::Html => location.push_str(".html"),
        }
        location
    }

    /// The location `<tag>/<rest>` spelled as a URL.
    fn in_locale(self, tag: &str, rest: &str) -> String {
        let mut location = String::with_capacity(tag.len() + rest.len() + 6);
        location.push_str(tag);
        location.push('/');
        location.push_str(rest);
        self.spell(location)
    }

    /// Where a request for `path` (below the root, no final `/`) that
    /// names no file is redirected, when `exists` says the target is a file
    /// of the site: the folder `path/` when it has an `index.html` (both
    /// styles, as any web server does), else in the `html` style the page
    /// `path.html` (a URL written without its extension).
    pub fn redirect(self, path: &str, exists: impl Fn(&str) -> bool) -> Option<String> {
        let folder = format!("{path}/");
        if exists(&file(&folder)) {
            return Some(folder);
        }
        match self {
            UrlStyle::Pretty => None,
            UrlStyle::Html => Some(format!("{path}.html")).filter(|page| exists(page)),
        }
    }

    /// The URL of a locale's generated home (a locale without `index.md`).
    pub fn home(self, tag: &str) -> String {
        self.in_locale(tag, "index")
    }

    /// The URL of a locale's task catalog.
    pub fn catalog(self, tag: &str) -> String {
        self.in_locale(tag, "tasks/index")
    }

    /// The URL of a locale's translation matrix.
    pub fn matrix(self, tag: &str) -> String {
        self.in_locale(tag, "tasks/matrix")
    }

    /// The URL of a locale's contents page (the whole navigation as
    /// links; `render::views::sidebar` numbers it when a page has it).
    pub fn contents(self, tag: &str) -> String {
        self.in_locale(tag, "contents")
    }

    /// The URL of task `id`'s page in a locale.
    pub fn task(self, tag: &str, id: u32) -> String {
        let mut location = String::with_capacity(tag.len() + 24);
        location.push_str(tag);
        location.push_str("/tasks/");
        // Writing into a String cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut location, format_args!("{id}"));
        self.spell(location)
    }

    /// The URL of a locale's print version: every page on one page.
    pub fn print(self, tag: &str) -> String {
        self.in_locale(tag, "print/index")
    }

    /// The URL of the root language chooser.
    pub fn root(self) -> String {
        self.page("index")
    }

    /// A URL that no page has, at the level of the page at `url`: hrefs
    /// from it to any output are the hrefs from every page of that level
    /// (in the `pretty` style the folders of one parent, `es/a/` and
    /// `es/b/`; in the `html` style the pages of one folder, `es/a.html` and
    /// `es/b.html`), so such pages can share what holds only hrefs (the
    /// sidebar).
    pub fn level(self, url: &str) -> String {
        let trimmed = url.strip_suffix('/').unwrap_or(url);
        let parent = trimmed.rfind('/').map_or("", |i| &url[..=i]);
        self.page(&format!("{parent}\u{0}"))
    }
}

/// How a link to a folder URL is spelled (`portable = true | false`).
/// The `html` style has no folder URLs: its links name files either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// `../b/index.html`: the file, which a browser opens from disk too
    /// (the default: a site sent as a zip or put on a share just works).
    #[default]
    Files,
    /// `../b/`: the folder, for a site only ever served over HTTP.
    Folders,
}

impl Links {
    /// The href from the output at URL `from` to the output at URL or path
    /// `to` ([`href`]), a folder URL spelled as this rule says.
    pub fn href(self, from: &str, to: &str) -> String {
        let mut out = href(from, to);
        if self == Links::Files && (to.is_empty() || to.ends_with('/')) {
            if out == "./" {
                out.clear();
            }
            out.push_str("index.html");
        }
        out
    }
}

/// The location of a page file: its locale's tag, its folder inside the
/// locale folder (`` or `sub`) and its file stem (`x-es`, `index`).
pub fn location(tag: &str, folder: &str, stem: &str) -> String {
    [tag, folder, stem].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("/")
}

/// The `n`th stand-in for a location another page already has: `-n` on
/// its name (`es/x-2`), on its folder for an index below a locale's root
/// (`es/sub-2/index`), and on the name of a locale's own index
/// (`es/index-2`), so that each keeps its kind of URL.
pub fn numbered(location: &str, n: u32) -> String {
    match location.rsplit_once('/') {
        Some((folder, "index")) if folder.contains('/') => format!("{folder}-{n}/index"),
        _ => format!("{location}-{n}"),
    }
}

/// The file (below OUT) of the output at `url`: `index.html` in a folder
/// URL, else the URL itself.
pub fn file(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') { format!("{url}index.html") } else { url.to_string() }
}

/// The folder of `url`, up to and including its last `/` (`` at the root).
pub fn folder(url: &str) -> &str {
    if url.is_empty() || url.ends_with('/') {
        return url; // a folder URL (every page URL of the pretty style)
    }
    url.as_bytes().iter().rposition(|&b| b == b'/').map_or("", |i| &url[..=i])
}

/// `../` once per folder above the output at `url` (`es/x/` → `../../`):
/// the way back to the output root.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(folder(url).split('/').filter(|s| !s.is_empty()).count())
}

/// The href from the output at URL `from` to the output at URL or path
/// `to` (`es/y/`, `es/media/a.png`). Characters that are not safe in a URL
/// are percent-encoded.
pub fn href(from: &str, to: &str) -> String {
    relative(folder(from), to)
}

/// The public URL of `url`: `base_url` + `/` + `url` (`base_url` empty: a
/// root-absolute URL, `/es/x/`), each segment percent-encoded as needed.
pub fn public(base_url: &str, url: &str) -> String {
    let mut out = String::with_capacity(base_url.len() + url.len() + 2);
    out.push_str(base_url);
    out.push('/');
    let mut any = false;
    for (i, seg) in url.split('/').filter(|s| !s.is_empty()).enumerate() {
        if i > 0 {
            out.push('/');
        }
        super::push_segment(&mut out, seg);
        any = true;
    }
    if any && url.ends_with('/') {
        out.push('/');
    }
    out
}

/// The output path of a content file that is not a page, given each
/// locale's (folder, tag): a file in a locale folder moves with its locale
/// (`spanish-playbook/media/a.png` → `es/media/a.png`); any other file
/// keeps its path under the content root.
pub fn asset<'a>(source: &str, locales: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    for (dir, tag) in locales {
        // A locale folder at the root (`dir = "."`) holds every file.
        if let Some(rest) = below(source, dir).filter(|r| !r.is_empty()) {
            return format!("{tag}/{rest}");
        }
    }
    source.to_string()
}

/// The part of the root-relative `path` below the folder `folder` (all of
/// it when `folder` is empty, empty when `path` is `folder`); `None` when
/// `path` is not inside `folder`.
pub fn below<'a>(path: &'a str, folder: &str) -> Option<&'a str> {
    if folder.is_empty() {
        return Some(path);
    }
    match path.strip_prefix(folder)? {
        "" => Some(""),
        rest => rest.strip_prefix('/'),
    }
}

/// Where DocFX publishes the root-relative `path` (a file or a folder)
/// taken by a `build.content` or `build.resource` rule whose folder is
/// `src` and whose output folder is `dest`: `dest`, then the path below
/// `src` (`docs/a/b.md` under `docs` → `articles` is `articles/a/b.md`);
/// `None` when `path` is not inside `src`. Both folders are root-relative,
/// `/`-separated, without a final `/`.
pub fn docfx_output(path: &str, src: &str, dest: &str) -> Option<String> {
    let rest = below(path, src)?;
    Some(match (dest.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_string(),
        (false, true) => dest.to_string(),
        (false, false) => format!("{dest}/{rest}"),
    })
}

/// Every locale's task rows: `tasks.json`.
pub const TASKS_JSON: &str = "tasks.json";
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";
/// The page served for any missing path.
pub const NOT_FOUND: &str = "404.html";
/// The highlighting stylesheet.
pub const SYNTAX_CSS: &str = "static/syntax.css";

/// A locale's own page for any missing path below it (`es/404.html`).
pub fn not_found_in(tag: &str) -> String {
    format!("{tag}/{NOT_FOUND}")
}

/// A locale's task rows as CSV (`es/tasks.csv`).
pub fn locale_tasks_csv(tag: &str) -> String {
    format!("{tag}/tasks.csv")
}

/// A locale's task rows (`es/tasks.json`).
pub fn locale_tasks_json(tag: &str) -> String {
    format!("{tag}/tasks.json")
}

/// A locale's search index, a script (`es/search/index.js`).
pub fn search_index(tag: &str) -> String {
    format!("{tag}/search/index.js")
}

/// A locale's navigation as a script (`es/toc.js`).
pub fn toc_script(tag: &str) -> String {
    format!("{tag}/toc.js")
}

/// A theme's static file, by its name below `static/` (`static/style.css`).
pub fn static_file(name: &str) -> String {
    format!("static/{name}")
}

/// The href, relative to the folder `from` (`es/x/`, or `` for the site
/// root), that reaches the output `to` (`es/y/`, `es/media/a.png`).
fn relative(from: &str, to: &str) -> String {
    // Runs for every link of every page, thousands of times a build: one
    // pass over the shared folders, no allocation but the result. Paths
    // with empty segments (`a//b`, `//a`) take the general way.
    let f = from.strip_prefix('/').unwrap_or(from);
    let t = to.strip_prefix('/').unwrap_or(to);
    let doubled = |s: &str| s.as_bytes().windows(2).any(|w| w == b"//");
    if f.starts_with('/') || t.starts_with('/') || doubled(f) || doubled(t) {
        return relative_general(from, to);
    }
    let (fb, tb) = (f.as_bytes(), t.as_bytes());
    // A file's last segment is not a folder we can share with `from`.
    let shareable =
        if t.is_empty() || t.ends_with('/') { tb.len() } else { t.rfind('/').map_or(0, |i| i + 1) };
    // Whole segments shared; `fa`, `ta`: where each continues.
    let (mut fa, mut ta) = (0, 0);
    while fa < fb.len() {
        let f_end = fb[fa..].iter().position(|&b| b == b'/').map_or(fb.len(), |i| fa + i);
        let Some(t_end) = tb[ta..shareable].iter().position(|&b| b == b'/').map(|i| ta + i) else { break };
        if fb[fa..f_end] != tb[ta..t_end] {
            break;
        }
        (fa, ta) = (f_end + 1, t_end + 1);
    }
    // No empty segments here: a segment per `/`, plus an unterminated last one.
    let left = f.get(fa..).unwrap_or("");
    let ups =
        left.bytes().filter(|&b| b == b'/').count() + usize::from(!left.is_empty() && !left.ends_with('/'));
    let rest = &t[ta..];
    let mut out = String::with_capacity(3 * ups + rest.len() + 2);
    for _ in 0..ups {
        out.push_str("../");
    }
    if rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/')) {
        out.push_str(rest);
    } else {
        for (i, seg) in rest.split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            super::push_segment(&mut out, seg);
        }
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// `relative` for any paths, empty segments included.
fn relative_general(from: &str, to: &str) -> String {
    fn segments(s: &str) -> impl Iterator<Item = &str> {
        s.split('/').filter(|x| !x.is_empty())
    }
    let from_len = segments(from).count();
    let to_len = segments(to).count();
    let trailing = to.ends_with('/') || to_len == 0;
    let shareable = if trailing { to_len } else { to_len.saturating_sub(1) };
    let common = segments(from).zip(segments(to).take(shareable)).take_while(|(a, b)| a == b).count();
    let mut out = String::with_capacity(3 * (from_len - common) + to.len() + 2);
    for _ in common..from_len {
        out.push_str("../");
    }
    for (i, seg) in segments(to).skip(common).enumerate() {
        if i > 0 {
            out.push('/');
        }
        super::push_segment(&mut out, seg);
    }
    if trailing && to_len > common {
        out.push('/');
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
