//! `playbook init [DIR] [--locales en,es]`: a small playbook to start from
//! that builds and checks clean — per locale a home page and a page with a
//! task table (its header, phase label, requirement letters and task word
//! in the locale's vocabulary), a `toc.yml` listing both, and a
//! `playbook.toml` naming every locale. Tags are checked as the config
//! checks them (BCP 47, the tag meant when one is written wrong).
//!
//! Writes only new files under DIR: a file already there is never
//! overwritten (nothing is written then), except that a repository's own
//! `.gitignore` is kept as it is and not written. Must not read content.

use crate::config::Vocabulary;
use crate::error::{Error, Result};
use std::path::Path;

/// Writes the playbook into `dir` (made when missing) for `locales`, the
/// default first; returns the files written, relative to `dir`.
pub fn init(dir: &Path, locales: &[String]) -> Result<Vec<String>> {
    let refuse =
        |message: String| Error::Config { path: dir.to_path_buf(), line: None, column: None, message };
    if locales.is_empty() {
        return Err(refuse("--locales: name at least one locale (e.g. --locales en,es)".into()));
    }
    let mut seen = std::collections::BTreeSet::new();
    for tag in locales {
        if let Some(why) = crate::config::tag_error(tag) {
            return Err(refuse(format!("--locales: {why}")));
        }
        if !seen.insert(tag.to_ascii_lowercase()) {
            return Err(refuse(format!("--locales: `{tag}` is named twice")));
        }
    }
    let mut files = files(locales, &today());
    // A repository's own .gitignore stays (init is often run in one).
    files.retain(|(rel, _)| rel != ".gitignore" || std::fs::symlink_metadata(dir.join(rel)).is_err());
    let taken: Vec<&str> = files
        .iter()
        .map(|(rel, _)| rel.as_str())
        .filter(|rel| std::fs::symlink_metadata(dir.join(rel)).is_ok())
        .collect();
    if !taken.is_empty() {
        return Err(refuse(format!(
            "{} already there: init writes only new files (choose another folder)",
            taken.join(", ")
        )));
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// Every file of the new playbook: (path below DIR, text).
fn files(locales: &[String], date: &str) -> Vec<(String, String)> {
    let mut config = String::from(
        "# playbook's configuration (every key: README, \"playbook.toml\").\n\
         title = \"My Playbook\"\n\
         # The published address: absolute canonical links, a sitemap, a 404 page that works at any depth.\n\
         # base_url = \"https://example.com/playbook\"\n",
    );
    config.push_str(&format!("default_locale = \"{}\"\n", locales[0]));
    for tag in locales {
        config.push_str(&format!("\n[[locale]]\ntag = \"{tag}\"\ndir = \"content/{tag}\"\n"));
    }
    let mut files = vec![
        ("playbook.toml".to_string(), config),
        // The output folder is built, not written: keep it out of the repository.
        (".gitignore".to_string(), "/public/\n".to_string()),
    ];
    for tag in locales.iter().filter(|t| !has_ui_strings(t)) {
        files.push((format!("locales/{tag}/main.ftl"), ui_strings_to_translate(tag)));
    }
    for tag in locales {
        let dir = format!("content/{tag}");
        files.push((format!("{dir}/index.md"), home(date)));
        files.push((format!("{dir}/getting-started.md"), guide(&Vocabulary::builtin(tag), date)));
        files.push((
            format!("{dir}/toc.yml"),
            "- name: Home\n  href: index.md\n- name: Getting started\n  href: getting-started.md\n"
                .to_string(),
        ));
    }
    files
}

/// Whether the theme has UI strings in `tag`'s language (`es-MX` has
/// Spanish's).
fn has_ui_strings(tag: &str) -> bool {
    let language = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    crate::render::engine::embedded::LOCALES
        .iter()
        .filter_map(|(rel, _)| rel.split_once('/').map(|(folder, _)| folder))
        .any(|folder| language(folder) == language(tag))
}

/// The English UI strings, to translate into `tag` (else every message
/// falls back, and `build` says so).
fn ui_strings_to_translate(tag: &str) -> String {
    let english = crate::render::engine::embedded::LOCALES
        .iter()
        .find(|(rel, _)| *rel == "en/main.ftl")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    let named =
        english
            .lines()
            .map(|l| {
                if l.starts_with("language-name =") {
                    format!("language-name = {tag}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    format!(
        "# The theme's words in `{tag}`: copied from English by `playbook init`; translate each message.\n{named}\n"
    )
}

fn home(date: &str) -> String {
    format!(
        "---\ntitle: Home\nms.date: {date}\n---\n# Home\n\n\
         This playbook is markdown: one folder per language under `content/`, the same\n\
         file names in each, so every page has its translations.\n\n\
         Start with [Getting started](getting-started.md#tasks).\n"
    )
}

fn guide(vocab: &Vocabulary, date: &str) -> String {
    let first =
        |words: &[String], default: &str| words.first().cloned().unwrap_or_else(|| default.to_string());
    let (id, phase, task) =
        (first(&vocab.task_id, "Task ID"), first(&vocab.phase, "Phase"), first(&vocab.task_word, "Task"));
    let (m, o) = (first(&vocab.mandatory, "M"), first(&vocab.optional, "O"));
    format!(
        "---\ntitle: Getting started\nms.date: {date}\n---\n# Getting started\n\n{phase}: Plan\n\n\
         ## Tasks\n\n\
         | {id} | Task Name | (M)andatory / (O)ptional | Role | Services |\n\
         |---|---|---|---|---|\n\
         | 1000 | Write the first page | {m} | Writer | Docs |\n\
         | 1010 | Translate it | {o} | Translator | Docs |\n\n\
         {task} 1000 comes first. Every row is in the task catalog; `playbook tasks` lists them.\n\n\
         Back to the [home page](index.md).\n"
    )
}

/// Today's date (UTC) as `YYYY-MM-DD`, for `ms.date`.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let d = crate::model::Date::from_unix_seconds(seconds).unwrap_or(crate::model::Date {
        year: 1970,
        month: 1,
        day: 1,
    });
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_overwritten_and_tags_are_checked() {
        let dir = crate::testing::temp_dir("init-unit");
        std::fs::create_dir_all(dir.join("content/en")).unwrap();
        std::fs::write(dir.join("content/en/index.md"), "# Mine\n").unwrap();
        let e = init(&dir, &["en".into()]).unwrap_err().to_string();
        assert!(e.contains("content/en/index.md already there"), "{e}");
        assert!(!dir.join("playbook.toml").exists(), "nothing written");
        // A repository's .gitignore is kept, not a reason to refuse.
        let repo = dir.join("repo");
        std::fs::create_dir_all(&repo).unwrap();
        std::fs::write(repo.join(".gitignore"), "target/\n").unwrap();
        let written = init(&repo, &["en".into()]).unwrap();
        assert!(!written.contains(&".gitignore".to_string()), "{written:?}");
        assert_eq!(std::fs::read_to_string(repo.join(".gitignore")).unwrap(), "target/\n");
        let e = init(&dir.join("new"), &["en".into(), "es_MX".into()]).unwrap_err().to_string();
        assert!(e.contains("did you mean `es-MX`?"), "{e}");
        let e = init(&dir.join("new"), &["en".into(), "EN".into()]).unwrap_err().to_string();
        assert!(e.contains("named twice"), "{e}");
        let written = init(&dir.join("new"), &["de".into(), "en".into()]).unwrap();
        assert_eq!(written.len(), 8, "{written:?}");
        assert!(init(&dir.join("fr"), &["fr".into()]).unwrap().contains(&"locales/fr/main.ftl".to_string()));
        let guide = std::fs::read_to_string(dir.join("new/content/de/getting-started.md")).unwrap();
        assert!(
            guide.contains("| Aufgaben-ID |") || guide.contains("Aufgabe"),
            "the locale's own words: {guide}"
        );
    }

    #[test]
    fn today_is_a_valid_iso_date() {
        let d = today();
        assert_eq!(d.len(), 10, "{d}");
        assert!(d.starts_with("20") && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-', "{d}");
    }
}
