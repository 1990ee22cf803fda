//! `expand`: a page's text with what its DocFX directives bring in, between
//! `load` (which reads every file, included ones through the
//! [`Includes`] cache, once per build) and `parse` (which then sees one
//! text, as always). The result keeps an [`Origins`] map, so every finding
//! names the file and line that wrote the text, and the page it was
//! reached through.
//!
//! Rules:
//! - `[!INCLUDE [title](path)]`: the path is relative to the file that
//!   writes the directive (an included file's own includes are relative to
//!   it); its body (front matter left out) takes the directive's place. A
//!   block directive (alone on its line) brings blocks: its lines carry the
//!   directive's blockquote / list prefix, and a blank line sets it apart
//!   from a paragraph above. An inline directive brings its text, trimmed.
//! - Includes nest up to [`MAX_DEPTH`] deep. A missing file, a path that
//!   leaves the content root, a cycle (the chain is named), or a deeper
//!   include is an `include` finding at the directive, and the directive
//!   is left out of the page.
//! - `[!code-lang[name](path#region)]` becomes a fenced code block in
//!   `lang` (DocFX's language names mapped to the highlighter's) holding
//!   the lines `snippet` selects; a missing file or region is an `include`
//!   finding.
//! - A `:::` line (`:::image …:::`, `:::zone …`, `:::zone-end`) gets blank
//!   lines around it, so it is a paragraph of its own for `parse`.
//! - A page with no directive is not copied: `Expanded::source` is `None`.
//!
//! Must not parse markdown beyond finding directives (`parse::directives`)
//! nor read files but through `load::Includes`.

mod snippet;

use crate::config::{Config, Vocabulary};
use crate::diag::{Code, Diagnostic};
use crate::error::Result;
use crate::load::{self, Fetched, Includes, Loaded, Made};
use crate::model::{Document, FrontMatter};
use crate::parse::directives::{self, Directive, DirectiveKind};
use crate::source::{Origins, Piece, SourceFile};
use std::collections::HashMap;
use std::sync::Arc;

/// How deep includes may nest (a page's own include is depth 1).
pub const MAX_DEPTH: usize = 10;

/// How many includes one page may expand in all, and how large its text
/// may grow: a file that includes the next one ten times, ten deep, must
/// not make a page of ten billion copies.
pub const MAX_INCLUDES: usize = 10_000;
/// See [`MAX_INCLUDES`].
pub const MAX_EXPANDED_BYTES: usize = 64 << 20;

/// A page after expansion.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The expanded page, or `None` when it has no directive.
    pub source: Option<SourceFile>,
    /// `include` findings and the included files' `encoding` findings.
    pub diags: Vec<Diagnostic>,
    /// Root-relative paths of the markdown files it included (any depth).
    pub included: Vec<String>,
}

/// One page's document and the findings made expanding and parsing it.
pub type Parsed = (Document, Vec<Diagnostic>);

/// Every page of the site read by `load`, each expanded and parsed as soon
/// as it is read, in the same parallel pass; an included file is read once
/// for the whole site, however many pages include it. The one way build,
/// check and serve load a site (`lib::load_site`, `session`), so they
/// expand alike.
pub fn content(config: &Config, diags: &mut Vec<Diagnostic>) -> Result<(Loaded, Vec<Parsed>)> {
    let includes = Includes::new(config);
    load::content_made(config, diags, |locale, source, front| {
        parse_page(&includes, &config.locales[locale].vocabulary, source, front)
    })
}

/// Expands, then parses one page: what the pipeline does with each page
/// as soon as `load` has read it (build, check and serve alike).
pub fn parse_page(
    includes: &Includes,
    vocab: &Vocabulary,
    source: &SourceFile,
    front: &FrontMatter,
) -> Made<Parsed> {
    let expanded = page(source, front.body_start, includes);
    let text = expanded.source.as_ref().unwrap_or(source);
    let (mut doc, mut diags) = crate::parse::document(text, front.body_start, vocab);
    if text.origins().is_some() {
        // Lines counted in the expanded text are lines of the page as written.
        for h in &mut doc.headings {
            h.line = text.location(h.span.start).line;
        }
        for t in &mut doc.tasks {
            t.line = text.location(t.span.start).line;
        }
    }
    diags.splice(0..0, expanded.diags);
    Made { value: (doc, diags), expanded: expanded.source, included: expanded.included }
}

/// Expands the directives of `source` (whose body starts at `body_start`).
pub fn page(source: &SourceFile, body_start: usize, includes: &Includes) -> Expanded {
    let body_start = body_start.min(source.text.len());
    if !source.text.is_char_boundary(body_start) || !directives::may_have(&source.text[body_start..]) {
        return Expanded::default();
    }
    let found = directives::find(&source.text, body_start);
    if found.is_empty() {
        return Expanded::default();
    }
    let page = Arc::new(source.clone());
    let mut b = Builder {
        text: String::with_capacity(source.text.len() * 2),
        origins: Origins {
            files: vec![Arc::clone(&page)],
            pieces: Vec::new(),
            chains: vec![Vec::new()],
            snippets: Vec::new(),
        },
        diags: Vec::new(),
        included: Vec::new(),
        files: HashMap::new(),
        includes,
        expanded: 0,
    };
    b.run(0, &page.text, 0, body_start, 0, "");
    b.file(
        Frame { file: 0, text: &page.text, from: body_start, directives: &found, chain: 0, prefix: "" },
        &mut vec![page.path.clone()],
    );
    b.included.sort_unstable();
    b.included.dedup();
    b.origins.snippets.sort_unstable();
    b.origins.snippets.dedup();
    Expanded { source: Some(SourceFile::expanded(b.text, b.origins)), diags: b.diags, included: b.included }
}

/// One file being written into the page.
struct Frame<'f> {
    file: u32,
    text: &'f str,
    from: usize,
    directives: &'f [Directive],
    chain: u32,
    /// The blockquote / list prefix every new line of it carries.
    prefix: &'f str,
}

struct Builder<'i> {
    text: String,
    origins: Origins,
    diags: Vec<Diagnostic>,
    included: Vec<String>,
    /// Included files already in `origins.files`, by path.
    files: HashMap<String, u32>,
    includes: &'i Includes,
    /// Includes expanded so far; past the limits, none more.
    expanded: usize,
}

impl Builder<'_> {
    fn piece(&mut self, file: u32, offset: usize, chain: u32, made: bool) {
        self.origins.pieces.push(Piece { at: self.text.len(), file, offset, chain, made });
    }

    /// Copies `text[from..to]` of `file`; every line that starts a line of
    /// the page gets `prefix` (made text) first.
    fn run(&mut self, file: u32, text: &str, from: usize, to: usize, chain: u32, prefix: &str) {
        if from >= to {
            return;
        }
        let mut at = from;
        for line in text[from..to].split_inclusive('\n') {
            if !prefix.is_empty() && self.text.ends_with('\n') {
                self.piece(file, at, chain, true);
                self.text.push_str(prefix);
            }
            self.piece(file, at, chain, false);
            self.text.push_str(line);
            at += line.len();
        }
    }

    /// Made text (blank lines, fences) that counts as written at `offset`.
    fn made(&mut self, file: u32, offset: usize, chain: u32, text: &str) {
        self.piece(file, offset, chain, true);
        self.text.push_str(text);
    }

    fn at_line_start_after_blank(&self) -> bool {
        let t = self.text.trim_end_matches([' ', '\t', '>']);
        t.is_empty() || t.ends_with("\n\n") || t.ends_with("\n\r\n") || t.ends_with("---\n")
    }

    fn file(&mut self, f: Frame<'_>, stack: &mut Vec<String>) {
        let mut pos = f.from;
        for d in f.directives {
            if d.span.start < pos {
                continue;
            }
            match &d.kind {
                DirectiveKind::ColonLine => {
                    let line_start = d.span.start;
                    self.run(f.file, f.text, pos, line_start, f.chain, f.prefix);
                    if !self.at_line_start_after_blank() {
                        self.made(f.file, line_start, f.chain, "\n");
                        self.made(f.file, line_start, f.chain, f.prefix);
                    }
                    let line_end =
                        f.text[d.span.end..].find('\n').map_or(f.text.len(), |n| d.span.end + n + 1);
                    self.run(f.file, f.text, line_start, line_end, f.chain, f.prefix);
                    if !next_line_blank(f.text, d.span.end) {
                        self.made(f.file, d.span.end, f.chain, "\n");
                        self.made(f.file, d.span.end, f.chain, f.prefix);
                    }
                    if line_end == f.text.len() && !f.text.ends_with('\n') {
                        self.made(f.file, d.span.end, f.chain, "\n");
                    }
                    pos = line_end;
                }
                DirectiveKind::Include => {
                    self.run(f.file, f.text, pos, d.span.start, f.chain, f.prefix);
                    self.include(&f, d, stack);
                    pos = d.span.end;
                }
                DirectiveKind::Code(lang) => {
                    self.run(f.file, f.text, pos, d.span.start, f.chain, f.prefix);
                    self.code(&f, d, lang);
                    pos = d.span.end;
                }
            }
        }
        self.run(f.file, f.text, pos, f.text.len(), f.chain, f.prefix);
    }

    fn finding(&mut self, f: &Frame<'_>, d: &Directive, message: String, help: &str) {
        // Positioned through the origins: the file that wrote the directive.
        let file = Arc::clone(&self.origins.files[f.file as usize]);
        let mut diag = file.diag(Code::Include, d.path_span.start, message).with_target(d.path.clone());
        if f.chain != 0 {
            let via: Vec<String> = self.origins.chains[f.chain as usize]
                .iter()
                .map(|&(file, at)| {
                    let file = &self.origins.files[file as usize];
                    format!("`{}:{}`", file.path, file.location(at).line)
                })
                .collect();
            diag.message.push_str(&format!(" (included through {})", via.join(" → ")));
        }
        self.diags.push(diag.with_help(help));
    }

    fn hidden(&mut self, f: &Frame<'_>, d: &Directive) {
        let msg = format!("`{}` is a hidden or excluded file, which playbook never reads", d.path);
        self.finding(f, d, msg, "move the file out of the hidden folder, or out of `exclude`");
    }

    /// The root-relative path a directive names, relative to its file.
    fn target(&self, f: &Frame<'_>, d: &Directive) -> (Option<String>, String) {
        let (path, selector) = match d.path.find(['#', '?']) {
            Some(i) => (&d.path[..i], d.path[i + 1..].to_string()),
            None => (d.path.as_str(), String::new()),
        };
        let path = crate::url::percent_decode(path);
        let from = &self.origins.files[f.file as usize].path;
        (crate::url::join(from, &path), selector)
    }

    fn include(&mut self, f: &Frame<'_>, d: &Directive, stack: &mut Vec<String>) {
        let (Some(rel), _) = self.target(f, d) else {
            let msg = format!("include `{}` leaves the content root", d.path);
            return self.finding(f, d, msg, "include files inside the content root only");
        };
        if let Some(i) = stack.iter().position(|p| *p == rel) {
            let chain: Vec<String> = stack[i..].iter().chain([&rel]).map(|p| format!("`{p}`")).collect();
            let msg = format!("include cycle: {}", chain.join(" → "));
            return self.finding(
                f,
                d,
                msg,
                "an included file must not include itself, directly or through others",
            );
        }
        if self.expanded >= MAX_INCLUDES || self.text.len() > MAX_EXPANDED_BYTES {
            let msg = format!(
                "include `{}` not expanded: the page already holds {MAX_INCLUDES} includes or {} MB",
                d.path,
                MAX_EXPANDED_BYTES >> 20
            );
            return self.finding(f, d, msg, "include fewer or smaller files");
        }
        self.expanded += 1;
        if stack.len() > MAX_DEPTH {
            let msg = format!("include `{}` is nested more than {MAX_DEPTH} deep", d.path);
            return self.finding(f, d, msg, "flatten the includes");
        }
        let fetched = self.includes.get(&rel);
        let (source, body_start, encoding) = match &*fetched {
            Fetched::File { source, body_start, encoding } => {
                (Arc::clone(source), *body_start, encoding.clone())
            }
            Fetched::Missing => {
                let msg = format!("include `{}` not found: no file `{rel}`", d.path);
                return self.finding(
                    f,
                    d,
                    msg,
                    "check the path: it is relative to the file that includes it",
                );
            }
            Fetched::Outside => {
                let msg = format!("include `{}` leaves the content root (a symlink)", d.path);
                return self.finding(f, d, msg, "include files inside the content root only");
            }
            Fetched::Hidden => return self.hidden(f, d),
        };
        self.diags.extend(encoding);
        self.included.push(rel.clone());
        let index = *self.files.entry(rel.clone()).or_insert_with(|| {
            self.origins.files.push(Arc::clone(&source));
            (self.origins.files.len() - 1) as u32
        });
        let mut chain = self.origins.chains[f.chain as usize].clone();
        chain.push((f.file, d.span.start));
        self.origins.chains.push(chain);
        let chain = (self.origins.chains.len() - 1) as u32;
        let text: &str = &source.text;
        let found = directives::find(text, body_start.min(text.len()));
        let start = body_start
            + (text[body_start..].len() - text[body_start..].trim_start_matches(['\n', '\r']).len());
        let end = body_start + text[body_start..].trim_end().len();
        stack.push(rel);
        let prefix = format!("{}{}", f.prefix, if d.block { d.prefix.as_str() } else { "" });
        if d.block && !self.at_line_start_after_blank() {
            // Blocks, not the tail of a paragraph above.
            self.made(f.file, d.span.start, f.chain, "\n");
            self.made(f.file, d.span.start, f.chain, &prefix);
        }
        let sub = Frame {
            file: index,
            text: &text[..end],
            from: start,
            directives: &found,
            chain,
            prefix: &prefix,
        };
        self.file(sub, stack);
        if d.block && !next_line_blank(f.text, d.span.end) {
            // …and not the head of a paragraph below.
            self.made(f.file, d.span.end, f.chain, "\n");
            self.made(f.file, d.span.end, f.chain, &prefix);
        }
        stack.pop();
    }

    fn code(&mut self, f: &Frame<'_>, d: &Directive, lang: &str) {
        let (Some(rel), selector) = self.target(f, d) else {
            let msg = format!("code snippet `{}` leaves the content root", d.path);
            return self.finding(f, d, msg, "include files inside the content root only");
        };
        let fetched = self.includes.get(&rel);
        if let Fetched::Hidden = &*fetched {
            return self.hidden(f, d);
        }
        let Fetched::File { source, .. } = &*fetched else {
            let msg = format!("code snippet `{}` not found: no file `{rel}`", d.path);
            return self.finding(f, d, msg, "check the path: it is relative to the file that names it");
        };
        self.origins.snippets.push(rel.clone());
        let code = match snippet::extract(&source.text, &selector) {
            Ok(code) => code,
            Err(why) => {
                let msg = format!("code snippet `{}`: {why}", d.path);
                return self.finding(f, d, msg, "name a region the file marks, or lines it has");
            }
        };
        let lang = highlighter_language(lang, &rel);
        let ticks = longest_run(&code, '`').max(2) + 1;
        let fence = "`".repeat(ticks);
        let prefix = format!("{}{}", f.prefix, d.prefix);
        if !self.at_line_start_after_blank() {
            self.made(f.file, d.span.start, f.chain, "\n");
            self.made(f.file, d.span.start, f.chain, &prefix);
        }
        let mut block = format!("{fence}{lang}\n");
        for line in code.lines() {
            block.push_str(&prefix);
            block.push_str(line);
            block.push('\n');
        }
        block.push_str(&prefix);
        block.push_str(&fence);
        self.made(f.file, d.span.start, f.chain, &block);
    }
}

/// DocFX's snippet language names as the highlighter knows them; with
/// none, the file's extension.
fn highlighter_language(lang: &str, path: &str) -> String {
    let lang = lang.to_ascii_lowercase();
    let mapped = match lang.as_str() {
        "" => path.rsplit_once('.').map_or("", |(_, ext)| ext),
        "csharp" | "c#" => "cs",
        "javascript" => "js",
        "typescript" => "ts",
        "python" => "py",
        "azurecli" | "azurecli-interactive" | "console" | "shell" => "bash",
        "azurepowershell" | "azurepowershell-interactive" => "powershell",
        "cpp" | "c++" => "cpp",
        other => other,
    };
    mapped.to_ascii_lowercase()
}

/// Whether the line after the one holding `at` is blank (or absent): a
/// blockquote marker alone counts as blank.
fn next_line_blank(text: &str, at: usize) -> bool {
    let Some(nl) = text[at..].find('\n') else { return true };
    let next = &text[at + nl + 1..];
    next.is_empty()
        || next.split('\n').next().is_none_or(|l| l.trim().trim_start_matches('>').trim().is_empty())
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests;
