//! THE heading-id rule: `slugify` turns a heading's plain text into an id,
//! `Slugger` makes ids unique within one document. `parse` assigns the ids;
//! `check` and `render` only read them (or call `slugify` for the same rule).
//!
//! The rule is GitHub's, as DocFX (markdig `AutoIdentifierOptions.GitHub`)
//! published the corpus:
//!
//! 1. Take the heading's plain text (inline markup removed, code spans kept)
//!    and trim surrounding whitespace (`##  Objetivos` → `Objetivos`).
//! 2. Lowercase it (Unicode lowercase: `Ü` → `ü`).
//! 3. Keep only letters and digits of any script (`char::is_alphanumeric`:
//!    `é`, `ß`, `概要`, `フェーズ` stay), `-`, `_` and spaces; drop everything
//!    else (punctuation, symbols, emoji, tabs).
//! 4. Replace each space with `-`; runs are not collapsed, so
//!    `Step 3 - Create` → `step-3---create`.
//! 5. An empty result (punctuation or emoji only) becomes `section`.
//! 6. Uniqueness (`Slugger`): explicit ids (`{#id}`) are reserved first; a
//!    slug already taken gets `-1`, `-2`, … (the first free one), so
//!    `x`, `x`, `x` → `x`, `x-1`, `x-2`.
//!
//! Evidence: the corpus has no internal `#fragment` links at all (its only
//! `](… "#covid")` is an image title). Its 30 external fragments into
//! DocFX-published docs follow this rule, e.g. heading "Step 3 - Create and
//! deploy the Office application to the pilot group" →
//! `#step-3---create-and-deploy-the-office-application-to-the-pilot-group`
//! (spaces not collapsed, `-` kept).
//!
//! Must not know about documents, links or HTML.

use std::collections::HashSet;

/// The id a heading with this plain text gets before de-duplication.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == ' ' {
            slug.push('-');
        } else if c == '-' || c == '_' {
            slug.push(c);
        } else if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        }
    }
    if slug.is_empty() { "section".to_string() } else { slug }
}

/// Hands out unique ids within one document.
#[derive(Debug, Default)]
pub struct Slugger {
    taken: HashSet<String>,
}

impl Slugger {
    /// An empty slugger.
    pub fn new() -> Self {
        Slugger::default()
    }

    /// Marks `id` as taken (explicit `{#id}`s, before any slug is made).
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// `base` if free, else the first free `base-1`, `base-2`, …; the
    /// returned id is taken from then on.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 0usize;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }

    /// The unique id for a heading's plain text (`slugify` + `unique`).
    pub fn slug(&mut self, text: &str) -> String {
        self.unique(&slugify(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_accents_are_kept_and_lowercased() {
        assert_eq!(slugify("Descripción general"), "descripción-general");
        assert_eq!(slugify("Lleve a cabo la discusión (migración)"), "lleve-a-cabo-la-discusión-migración");
        assert_eq!(slugify("ÜBERSICHT Größe"), "übersicht-größe");
    }

    #[test]
    fn japanese_and_chinese_headings_keep_their_letters() {
        assert_eq!(slugify("概要"), "概要");
        assert_eq!(slugify("フェーズ: 移行"), "フェーズ-移行");
        assert_eq!(slugify("任务 ID（必需）"), "任务-id必需");
    }

    #[test]
    fn spaces_are_not_collapsed_and_hyphens_kept() {
        assert_eq!(
            slugify("Step 3 - Create and deploy the Office application"),
            "step-3---create-and-deploy-the-office-application"
        );
        assert_eq!(slugify("  Objetivos  "), "objetivos");
        assert_eq!(slugify("snake_case and kebab-case"), "snake_case-and-kebab-case");
    }

    #[test]
    fn punctuation_only_heading_becomes_section() {
        assert_eq!(slugify("!!! ???"), "-");
        assert_eq!(slugify("?!…"), "section");
        assert_eq!(slugify("🎉"), "section");
        assert_eq!(slugify(""), "section");
    }

    #[test]
    fn duplicates_get_numbered_suffixes() {
        let mut s = Slugger::new();
        assert_eq!(s.slug("Notes"), "notes");
        assert_eq!(s.slug("Notes"), "notes-1");
        assert_eq!(s.slug("notes"), "notes-2");
    }

    #[test]
    fn reserved_ids_are_skipped() {
        let mut s = Slugger::new();
        s.reserve("intro");
        s.reserve("intro-1");
        assert_eq!(s.slug("Intro"), "intro-2");
        assert_eq!(s.unique("x-1"), "x-1");
        assert_eq!(s.slug("X"), "x");
        assert_eq!(s.slug("X"), "x-2");
    }
}
