//! The rendered site of a session, by key: which output made which file,
//! and which file each path serves (the smallest key that made it, as in a
//! full build; see `render::plan`).
//!
//! Must not render or decide what to render.

use crate::output::{Body, OutputFile};
use crate::render::plan::Output;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Every output's file, and every path's producers.
#[derive(Debug, Default)]
pub(crate) struct Outputs {
    /// The path each output's file has now.
    paths: HashMap<Output, String>,
    /// Every output that made a file at a path; the first one is served.
    by_path: BTreeMap<String, BTreeMap<Output, Arc<Body>>>,
}

impl Outputs {
    /// Sets what `output` makes now (`None`: no file). Paths whose served
    /// bytes changed (or that appeared or vanished) go to `changed`.
    pub(crate) fn set(&mut self, output: Output, file: Option<OutputFile>, changed: &mut BTreeSet<String>) {
        let old_path = self.paths.remove(&output);
        let new_path = file.as_ref().map(|f| f.path.clone());
        let touched: Vec<String> = old_path.iter().chain(new_path.iter()).cloned().collect();
        let before: Vec<Option<Arc<Body>>> = touched.iter().map(|p| self.served(p).cloned()).collect();
        if let Some(path) = old_path {
            if let Some(makers) = self.by_path.get_mut(&path) {
                makers.remove(&output);
                if makers.is_empty() {
                    self.by_path.remove(&path);
                }
            }
        }
        if let Some(file) = file {
            self.paths.insert(output.clone(), file.path.clone());
            self.by_path.entry(file.path).or_default().insert(output, Arc::new(file.body));
        }
        for (path, before) in touched.into_iter().zip(before) {
            let same = match (&before, self.served(&path)) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
                (None, None) => true,
                _ => false,
            };
            if !same {
                changed.insert(path);
            }
        }
    }

    /// The body served at `path`.
    pub(crate) fn served(&self, path: &str) -> Option<&Arc<Body>> {
        self.by_path.get(path).and_then(|makers| makers.values().next())
    }

    /// Every served path with its body.
    pub(crate) fn site(&self) -> BTreeMap<String, Arc<Body>> {
        self.by_path
            .iter()
            .filter_map(|(path, makers)| makers.values().next().map(|b| (path.clone(), Arc::clone(b))))
            .collect()
    }

    /// Whether `output` makes a file now.
    pub(crate) fn has(&self, output: &Output) -> bool {
        self.paths.contains_key(output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocaleId, PageId};

    fn file(path: &str, text: &str) -> Option<OutputFile> {
        Some(OutputFile { path: path.into(), body: Body::Bytes(text.as_bytes().to_vec()) })
    }

    fn text(o: &Outputs, path: &str) -> Option<String> {
        o.served(path).map(|b| match &**b {
            Body::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            Body::Copy(p) => p.display().to_string(),
        })
    }

    #[test]
    fn the_smallest_key_serves_a_shared_path_whatever_the_order_of_setting() {
        let mut o = Outputs::default();
        let mut changed = BTreeSet::new();
        o.set(Output::Task(LocaleId(0), 1), file("es/tasks/1/index.html", "task"), &mut changed);
        o.set(Output::Page(PageId(3)), file("es/tasks/1/index.html", "page"), &mut changed);
        assert_eq!(text(&o, "es/tasks/1/index.html").as_deref(), Some("page"));
        o.set(Output::Page(PageId(3)), None, &mut changed);
        assert_eq!(text(&o, "es/tasks/1/index.html").as_deref(), Some("task"));
    }

    #[test]
    fn only_paths_whose_bytes_changed_are_reported() {
        let mut o = Outputs::default();
        let mut changed = BTreeSet::new();
        o.set(Output::Root, file("index.html", "a"), &mut changed);
        assert_eq!(changed, BTreeSet::from(["index.html".to_string()]));
        changed.clear();
        o.set(Output::Root, file("index.html", "a"), &mut changed);
        assert!(changed.is_empty());
        o.set(Output::NotFound, file("404.html", "x"), &mut changed);
        o.set(Output::NotFound, None, &mut changed);
        assert_eq!(changed, BTreeSet::from(["404.html".to_string()]));
        assert!(!o.has(&Output::NotFound));
        assert_eq!(o.site().len(), 1);
    }
}
