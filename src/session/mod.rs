//! `Session`: the pipeline kept warm between changes, for `playbook serve`.
//! It holds the last site, its catalog, theme, findings and every rendered
//! file in memory, and applies a [`Change`] by redoing only what it reaches.
//!
//! Rules:
//! * [`Change::Pages`]: each named page is read and parsed again, and
//!   nothing else is read. The new `Site` is made from the old one's parts
//!   with those pages replaced: paths, keys, URLs, pairing and toc targets
//!   come from file paths alone, so they stay. `session::depends` says which
//!   outputs the edit reaches and only those are rendered
//!   (`render::plan`); syntax CSS and content assets follow the pages'
//!   bodies. Every check rule runs again (a few ms on the corpus).
//! * [`Change::Content`] (a file added, removed or renamed, a toc edited),
//!   [`Change::Theme`] and [`Change::Config`]: the site is loaded again and
//!   every output rendered again, in memory; theme and UI strings are
//!   loaded again for `Theme` and `Config`.
//! * The result equals a full build byte for byte, findings included
//!   (`tests/it/serve.rs` compares them after each kind of change).
//! * A failed change (an `Error`: config, template, `.ftl`, I/O) leaves the
//!   last good files and findings in place; the next change rebuilds
//!   everything from disk.
//!
//! Must not open sockets, watch files or print: `serve` does.

pub mod depends;
mod outputs;

use crate::catalog::TaskCatalog;
use crate::config::{Config, Options};
use crate::diag::{self, Code, Diagnostic};
use crate::error::Result;
use crate::model::{FrontMatter, Page, PageId, Site};
use crate::output::Body;
use crate::render::engine::i18n::I18n;
use crate::render::engine::theme::Theme;
use crate::render::make::{self, Inputs};
use crate::render::plan::{self, Output};
use crate::render::views::sidebar::Sidebars;
use crate::source::SourceFile;
use crate::{assemble, check, expand, load};
use depends::{Affected, Facts};
use outputs::Outputs;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What changed on disk since the last build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The text of these pages (paths relative to the content root, as in
    /// `Page::source.path`); each still exists. A path that is no page of
    /// the site makes this a `Content` change.
    Pages(BTreeSet<String>),
    /// Files added, removed or renamed, or a `toc.yml` edited.
    Content,
    /// Templates, theme static files or `.ftl` UI strings.
    Theme,
    /// The config file.
    Config,
}

/// What one build or rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    /// Only some outputs were rendered (a `Pages` change).
    pub incremental: bool,
    /// How many outputs were rendered.
    pub rendered: usize,
    /// Served paths whose bytes changed, appeared or vanished, sorted.
    pub changed: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
}

/// A site built in memory, kept up to date change by change.
pub struct Session {
    opts: Options,
    /// `None` after a failed change: the next one rebuilds everything.
    state: Option<State>,
    served: Arc<BTreeMap<String, Arc<Body>>>,
    diagnostics: Arc<Vec<Diagnostic>>,
}

/// Everything a rebuild reuses.
struct State {
    site: Site,
    catalog: TaskCatalog,
    theme: Theme,
    i18n: Arc<I18n>,
    /// Findings of `load` not made from one page's own text (pairing, toc).
    site_findings: Vec<Diagnostic>,
    /// By page: the findings of its own text (encoding, front matter, markdown).
    page_findings: Vec<Vec<Diagnostic>>,
    /// By page: whether its body highlighted code, and the assets it links.
    bodies: Vec<(bool, Vec<String>)>,
    outputs: Outputs,
}

/// What rendering did: how many outputs, and which paths changed (`None`:
/// compare everything).
struct Work {
    incremental: bool,
    rendered: usize,
    changed: Option<BTreeSet<String>>,
}

impl Session {
    /// Builds the site of `opts` in memory. An `Error` means nothing could
    /// be built (bad config, template, `.ftl`, unreadable content).
    pub fn open(opts: &Options) -> Result<(Session, Rebuilt)> {
        let mut session =
            Session { opts: opts.clone(), state: None, served: Arc::default(), diagnostics: Arc::default() };
        let rebuilt = session.apply(&Change::Config)?;
        Ok((session, rebuilt))
    }

    /// Applies a change. On `Err` the last good files and findings stay
    /// served, and the next change rebuilds everything.
    pub fn apply(&mut self, change: &Change) -> Result<Rebuilt> {
        let started = Instant::now();
        let state = self.state.take();
        let done = match (change, state) {
            (Change::Pages(paths), Some(state)) => {
                let ids: Option<Vec<PageId>> = paths.iter().map(|p| state.site.page_by_file(p)).collect();
                // A page that cannot be read now (gone between the event and
                // this read) is a content change: the tree is listed again.
                let fresh = ids.map(|ids| (ids.par_iter().map(|&id| reread(&state.site, id)).collect(), ids));
                match fresh {
                    Some((Ok(fresh), ids)) => state.edit(&ids, fresh),
                    _ => State::load(&self.opts, Some(state)).and_then(State::render_all),
                }
            }
            (Change::Content, Some(state)) => {
                State::load(&self.opts, Some(state)).and_then(State::render_all)
            }
            _ => State::load(&self.opts, None).and_then(State::render_all),
        };
        let (state, work) = done?;
        let changed = self.publish(&state, work.changed);
        self.diagnostics = Arc::new(state.diagnostics());
        self.state = Some(state);
        Ok(Rebuilt {
            incremental: work.incremental,
            rendered: work.rendered,
            changed,
            elapsed: started.elapsed(),
        })
    }

    /// Every served file (path relative to the site root → contents) of the
    /// last good build.
    pub fn files(&self) -> Arc<BTreeMap<String, Arc<Body>>> {
        Arc::clone(&self.served)
    }

    /// The findings of the last good build: final (severities applied, sorted).
    pub fn diagnostics(&self) -> Arc<Vec<Diagnostic>> {
        Arc::clone(&self.diagnostics)
    }

    /// The site of the last build, unless the last change failed.
    pub fn site(&self) -> Option<&Site> {
        self.state.as_ref().map(|s| &s.site)
    }

    /// Makes `state`'s files the served ones; returns the paths that changed.
    fn publish(&mut self, state: &State, changed: Option<BTreeSet<String>>) -> Vec<String> {
        match changed {
            Some(changed) => {
                let served = Arc::make_mut(&mut self.served);
                for path in &changed {
                    match state.outputs.served(path) {
                        Some(body) => served.insert(path.clone(), Arc::clone(body)),
                        None => served.remove(path),
                    };
                }
                changed.into_iter().collect()
            }
            None => {
                let new = state.outputs.site();
                let old = &self.served;
                let mut changed: Vec<String> =
                    new.iter().filter(|(p, b)| old.get(*p) != Some(*b)).map(|(p, _)| p.clone()).collect();
                changed.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
                changed.sort();
                self.served = Arc::new(new);
                changed
            }
        }
    }
}

impl State {
    /// Loads config and content; keeps `reuse`'s theme and UI strings when
    /// given (a content change does not touch them).
    fn load(opts: &Options, reuse: Option<State>) -> Result<State> {
        let config = Config::load(opts)?;
        let mut diags = Vec::new();
        let (loaded, parsed) = expand::content(&config, &mut diags)?;
        let (theme, i18n) = match reuse {
            Some(old) => (old.theme, old.i18n),
            None => {
                let i18n = Arc::new(I18n::load(&config)?);
                (Theme::load(&config, Arc::clone(&i18n))?, i18n)
            }
        };
        let (docs, mut page_findings): (Vec<_>, Vec<_>) = parsed.into_iter().unzip();
        let site = assemble::site(config, loaded, docs);
        let mut site_findings = Vec::new();
        for d in diags {
            // `load::page` makes exactly these for a page's own text.
            let own = matches!(d.code, Code::Encoding | Code::FrontMatter);
            match site.page_by_file(&d.file).filter(|_| own) {
                Some(id) => page_findings[id.0 as usize].push(d),
                None => site_findings.push(d),
            }
        }
        let catalog = TaskCatalog::of(&site);
        let bodies = vec![(false, Vec::new()); site.pages.len()];
        Ok(State {
            site,
            catalog,
            theme,
            i18n,
            site_findings,
            page_findings,
            bodies,
            outputs: Outputs::default(),
        })
    }

    /// Renders every output of the site again.
    fn render_all(mut self) -> Result<(State, Work)> {
        let sidebars = Sidebars::new(&self.site, &self.i18n);
        let pages = self.inputs(&sidebars).render(&plan::page_keys(&self.site))?;
        let bodies: Vec<(bool, Vec<String>)> = pages.iter().map(|m| (m.has_code, m.assets.clone())).collect();
        let keys = make::generated_after(&self.site, &self.catalog, &self.theme, &pages);
        let rest = self.inputs(&sidebars).render(&keys)?;
        drop(sidebars);
        let mut outputs = Outputs::default();
        let mut ignored = BTreeSet::new();
        let rendered = pages.len() + rest.len();
        for m in pages.into_iter().chain(rest) {
            outputs.set(m.output, m.file, &mut ignored);
        }
        self.outputs = outputs;
        self.bodies = bodies;
        Ok((self, Work { incremental: false, rendered, changed: None }))
    }

    /// Puts the pages `ids`, read and parsed again (`fresh`), in place and
    /// renders what they reach.
    fn edit(self, ids: &[PageId], fresh: Vec<Fresh>) -> Result<(State, Work)> {
        let before: Vec<Facts> = ids.iter().map(|&id| Facts::of(&self.site, id)).collect();
        let had_tasks = self.catalog.ids().next().is_some();
        let State { site, theme, i18n, site_findings, mut page_findings, bodies, outputs, .. } = self;
        let site = replace_pages(site, fresh, &mut page_findings);
        let catalog = TaskCatalog::of(&site);
        let mut wanted = BTreeSet::new();
        let mut everything = false;
        for (&id, before) in ids.iter().zip(&before) {
            match depends::affected(&site, &catalog, had_tasks, id, before, &Facts::of(&site, id)) {
                Affected::Outputs(outputs) => wanted.extend(outputs),
                Affected::Everything => everything = true,
            }
        }
        let state = State { site, catalog, theme, i18n, site_findings, page_findings, bodies, outputs };
        if everything {
            return state.render_all();
        }
        state.render_some(wanted)
    }

    /// Renders `wanted`, then adds or drops the syntax CSS and the assets
    /// the re-rendered pages changed.
    fn render_some(mut self, wanted: BTreeSet<Output>) -> Result<(State, Work)> {
        let sidebars = Sidebars::new(&self.site, &self.i18n);
        let inputs = Inputs {
            site: &self.site,
            catalog: &self.catalog,
            theme: &self.theme,
            i18n: &self.i18n,
            sidebars: &sidebars,
            fast: true,
        };
        let render = |keys: &[Output]| inputs.render(keys);
        let keys: Vec<Output> = wanted.into_iter().collect();
        let made = render(&keys)?;
        let (code_before, assets_before) = (self.has_code(), self.assets());
        for m in &made {
            if let Output::Page(id) = m.output {
                self.bodies[id.0 as usize] = (m.has_code, m.assets.clone());
            }
        }
        let (code_after, assets_after) = (self.has_code(), self.assets());
        let mut follow: Vec<Output> =
            assets_after.difference(&assets_before).cloned().map(Output::Asset).collect();
        if code_after && !code_before {
            follow.push(Output::SyntaxCss);
        }
        let followed = render(&follow)?;
        drop(sidebars);
        let mut dropped: Vec<Output> =
            assets_before.difference(&assets_after).cloned().map(Output::Asset).collect();
        if code_before && !code_after {
            dropped.push(Output::SyntaxCss);
        }
        let mut changed = BTreeSet::new();
        let rendered = made.len() + followed.len();
        for m in made.into_iter().chain(followed) {
            self.outputs.set(m.output, m.file, &mut changed);
        }
        for output in dropped {
            if self.outputs.has(&output) {
                self.outputs.set(output, None, &mut changed);
            }
        }
        Ok((self, Work { incremental: true, rendered, changed: Some(changed) }))
    }

    fn inputs<'a, 's>(&'s self, sidebars: &'a Sidebars<'s>) -> Inputs<'a, 's> {
        Inputs {
            site: &self.site,
            catalog: &self.catalog,
            theme: &self.theme,
            i18n: &self.i18n,
            sidebars,
            fast: true,
        }
    }

    fn has_code(&self) -> bool {
        self.bodies.iter().any(|b| b.0)
    }

    fn assets(&self) -> BTreeSet<String> {
        self.bodies.iter().flat_map(|b| b.1.iter().cloned()).collect()
    }

    /// Every finding, as a build reports them.
    fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.site_findings.clone();
        all.extend(self.page_findings.iter().flatten().cloned());
        all.extend(check::site(&self.site));
        all.extend(self.i18n.missing());
        diag::finish(all, &self.site.config.severity)
    }
}

/// One page read and parsed again.
struct Fresh {
    id: PageId,
    source: SourceFile,
    front: FrontMatter,
    doc: crate::model::Document,
    findings: Vec<Diagnostic>,
}

fn reread(site: &Site, id: PageId) -> Result<Fresh> {
    let page = site.page(id);
    let (source, front, mut findings) = load::page(&site.config, &page.source.path)?;
    let vocab = &site.config.locales[page.locale.0 as usize].vocabulary;
    // Included files are read afresh: one of them may be what changed.
    let includes = load::Includes::new(&site.config);
    let made = expand::parse_page(&includes, vocab, &source, &front);
    let (doc, parsed) = made.value;
    findings.extend(parsed);
    let source = made.expanded.unwrap_or(source);
    Ok(Fresh { id, source, front, doc, findings })
}

/// The site with `fresh` pages in place of the old ones. The old site is
/// taken apart, not changed: nobody else holds it.
fn replace_pages(site: Site, fresh: Vec<Fresh>, page_findings: &mut [Vec<Diagnostic>]) -> Site {
    let Site { config, locales, mut pages, files, .. } = site;
    for f in fresh {
        let i = f.id.0 as usize;
        let page: &mut Page = &mut pages[i];
        (page.source, page.front, page.doc) = (f.source, f.front, f.doc);
        page_findings[i] = f.findings;
    }
    Site::new(config, locales, pages, files)
}
