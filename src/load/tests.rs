//! `load::content` end to end: small trees written to a temp folder, and the
//! real corpus.

use super::*;
use crate::config::{LocaleConfig, Vocabulary};
use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::testing::temp_dir as temp;

/// Writes `files` (relative path, bytes) under a fresh temp folder.
fn tree(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let root = temp(name);
    for (path, bytes) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
    }
    root
}

fn locale(tag: &str, dir: &str, suffix: &str) -> LocaleConfig {
    LocaleConfig {
        tag: tag.into(),
        dir: dir.into(),
        suffix: suffix.into(),
        name: None,
        vocabulary: Vocabulary::builtin(tag),
    }
}

fn config(root: PathBuf, content_dir: &str, locales: Vec<LocaleConfig>) -> Config {
    let mut c = Config::new(root, locales);
    c.content_dir = content_dir.into();
    c
}

const PAGE: &[u8] = b"---\ntitle: T\n---\n# T\n";

fn small_site() -> (Loaded, Vec<Diagnostic>) {
    let root = tree(
        "small",
        &[
            ("content/en/index.md", PAGE),
            ("content/en/b.md", PAGE),
            ("content/en/a.md", PAGE),
            ("content/en/toc.yml", b"- name: Home\n  href: index.md\n"),
            ("content/en/img/x.png", b"png"),
            ("content/es/index.md", PAGE),
            ("content/es/a-es.md", PAGE),
            ("content/es/a.md", PAGE),
            ("content/media/shared.png", b"png"),
            ("content/README.md", b"not a page"),
            ("content/.git/config", b"x"),
            ("content/public/old.md", PAGE),
            ("content/public/old.png", b"png"),
        ],
    );
    let locales = vec![locale("en", "content/en", ""), locale("es", "content/es", "-es")];
    let mut cfg = config(root.clone(), "content", locales);
    cfg.out = root.join("content/public");
    let mut diags = Vec::new();
    let loaded = content(&cfg, &mut diags).expect("loads");
    (loaded, diags)
}

#[test]
fn pages_are_in_locale_then_path_order_with_ids_and_homes() {
    let (loaded, _) = small_site();
    let paths: Vec<&str> = loaded.pages.iter().map(|p| p.source.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "content/en/a.md",
            "content/en/b.md",
            "content/en/index.md",
            "content/es/a-es.md",
            "content/es/a.md",
            "content/es/index.md"
        ]
    );
    let en = &loaded.locales[0];
    assert_eq!(en.pages, [PageId(0), PageId(1), PageId(2)]);
    assert_eq!(en.home, Some(PageId(2)));
    assert_eq!(loaded.locales[1].home, Some(PageId(5)));
    assert_eq!(loaded.locales[1].pages, [PageId(3), PageId(4), PageId(5)]);
    assert_eq!(loaded.pages[3].url, "es/a-es/");
    assert_eq!(loaded.pages[3].front.title.as_deref(), Some("T"));
    assert_eq!(&loaded.pages[3].source.text[loaded.pages[3].front.body_start..], "# T\n");
}

#[test]
fn assets_are_listed_and_markdown_outside_locales_is_ignored() {
    let (loaded, _) = small_site();
    assert_eq!(loaded.files, ["content/en/img/x.png", "content/media/shared.png"]);
    assert!(loaded.pages.iter().all(|p| p.source.path != "content/README.md"));
}

#[test]
fn toc_is_read_with_its_path() {
    let (loaded, _) = small_site();
    let toc = loaded.locales[0].toc.as_ref().expect("en has a toc");
    assert_eq!(toc.file, "content/en/toc.yml");
    assert_eq!(toc.items[0].href.as_deref(), Some("index.md"));
    assert!(loaded.locales[1].toc.is_none());
}

#[test]
fn untranslated_copy_is_a_positioned_duplicate_warning() {
    let (loaded, diags) = small_site();
    assert!(!loaded.pages[4].primary && loaded.pages[3].primary);
    let dups: Vec<_> = diags.iter().filter(|d| d.code == Code::DuplicatePage).collect();
    assert_eq!(dups.len(), 1, "{diags:?}");
    assert_eq!(dups[0].file, "content/es/a.md");
    assert_eq!((dups[0].line, dups[0].column), (Some(1), Some(1)));
    assert_eq!(dups[0].snippet.as_deref(), Some("---"));
    assert_eq!(dups[0].target.as_deref(), Some("content/es/a-es.md"));
}

#[test]
fn bad_files_still_become_pages_with_findings() {
    let root = tree(
        "bad",
        &[
            ("en/bin.md", b"\x89PNG\r\n\x1a\n\0\0"),
            ("en/latin1.md", b"---\ntitle: Caf\xE9\n---\n"),
            ("en/toc.yml", b"- name: A\n - x\n"),
        ],
    );
    let mut diags = Vec::new();
    let loaded = content(&config(root, "", vec![locale("en", "en", "")]), &mut diags).unwrap();
    assert_eq!(loaded.pages.len(), 2);
    assert_eq!(loaded.pages[1].front.title.as_deref(), Some("Caf\u{fffd}"));
    let found: Vec<(&str, Code)> = diags.iter().map(|d| (d.file.as_str(), d.code)).collect();
    assert_eq!(
        found,
        [("en/bin.md", Code::Encoding), ("en/latin1.md", Code::Encoding), ("en/toc.yml", Code::Toc)],
        "a binary page gets no missing-title noise"
    );
    assert!(loaded.locales[0].toc.is_none());
}

/// The real corpus: `$PLAYBOOK_CORPUS`, else the shared copy.
fn corpus() -> PathBuf {
    let p = std::env::var_os("PLAYBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/corpus/fasttrack-playbook"));
    assert!(p.join("spanish-playbook").is_dir(), "corpus not found at {} (set PLAYBOOK_CORPUS)", p.display());
    p
}

/// `tests/fixtures/fasttrack.toml`, built in code.
fn corpus_config() -> Config {
    let locales = vec![
        locale("en", "english-playbook", ""),
        locale("es", "spanish-playbook", "-es"),
        locale("pt-BR", "portuguese-playbook", "-pr"),
        locale("de", "german-playbook", "-de"),
        locale("ja", "japanese-playbook", "-jp"),
        locale("zh-Hans", "simplified-chineses-playbook", "-sc"),
    ];
    let mut cfg = config(corpus(), "", locales);
    cfg.out = temp("corpus-out");
    cfg
}

#[test]
fn corpus_loads_every_markdown_file_once_with_unique_urls() {
    let mut diags = Vec::new();
    let loaded = content(&corpus_config(), &mut diags).expect("corpus loads");
    let counts: Vec<(&str, usize)> = loaded.locales.iter().map(|l| (l.tag.as_str(), l.pages.len())).collect();
    assert_eq!(counts, [("en", 69), ("es", 88), ("pt-BR", 65), ("de", 91), ("ja", 65), ("zh-Hans", 65)]);
    let urls: BTreeSet<String> = loaded.pages.iter().map(|p| p.url.to_lowercase()).collect();
    assert_eq!(urls.len(), loaded.pages.len(), "no two pages share an output folder");
    assert!(loaded.locales.iter().all(|l| l.home.is_some() && l.toc.is_some()));

    let seed = loaded
        .pages
        .iter()
        .find(|p| {
            p.source.path == "spanish-playbook/migrate-conduct-engagement-completion-discussion-partner-es.md"
        })
        .expect("seed page");
    assert_eq!(seed.key, "migrate-conduct-engagement-completion-discussion-partner");
    assert_eq!(seed.url, "es/migrate-conduct-engagement-completion-discussion-partner-es/");
    assert!(seed.primary);
    assert_eq!(
        seed.front.title.as_deref(),
        Some("FastTrack Playbook - Conduct Engagement Completion Discussion (migration)")
    );
    assert_eq!(seed.front.date.map(|d| d.iso()), Some("2019-10-03".to_string()));
    assert!(
        seed.source.text[seed.front.body_start..].starts_with("\n# ")
            || seed.source.text[seed.front.body_start..].starts_with("# ")
    );

    assert!(loaded.files.iter().any(|f| f.starts_with("media/")), "shared media is an asset");
    assert!(loaded.files.iter().any(|f| f == "english-playbook/media/office-proplus-complete-processv3.PNG"));
    assert!(!loaded.files.iter().any(|f| f.ends_with(".md") || f.ends_with("/toc.yml")));
}

#[test]
fn corpus_duplicates_are_the_untranslated_and_foreign_copies() {
    let mut diags = Vec::new();
    let loaded = content(&corpus_config(), &mut diags).expect("corpus loads");
    let per_locale = |tag: &str| {
        let l = loaded.locales.iter().find(|l| l.tag == tag).unwrap();
        l.pages.iter().filter(|p| !loaded.pages[p.0 as usize].primary).count()
    };
    // es and de: 21 untranslated l1l2l3 copies each, plus the -en copy.
    let foreign = loaded
        .pages
        .iter()
        .find(|p| p.source.path == "spanish-playbook/success-support-success-execution-partner-en.md")
        .unwrap();
    assert_eq!(foreign.key, "success-support-success-execution-partner");
    assert!(!foreign.primary);
    let dup_files: BTreeSet<&str> =
        diags.iter().filter(|d| d.code == Code::DuplicatePage).map(|d| d.file.as_str()).collect();
    let non_primary: BTreeSet<&str> =
        loaded.pages.iter().filter(|p| !p.primary).map(|p| p.source.path.as_str()).collect();
    assert_eq!(dup_files, non_primary, "every non-primary page is reported, and nothing else");
    assert_eq!(
        (per_locale("en"), per_locale("pt-BR"), per_locale("ja"), per_locale("zh-Hans")),
        (0, 0, 0, 0)
    );
    assert!(per_locale("es") > 0 && per_locale("de") > 0);
}

#[test]
fn corpus_toc_positions_point_at_the_href_or_name() {
    let cfg = corpus_config();
    let mut diags = Vec::new();
    let loaded = content(&cfg, &mut diags).expect("corpus loads");
    assert!(diags.iter().all(|d| d.code != Code::Toc), "the corpus tocs parse");
    fn check(src: &SourceFile, items: &[crate::model::TocItem], seen: &mut usize) {
        for item in items {
            let expected = item.href.as_deref().unwrap_or(&item.name);
            let line: String = src.line_text(item.line).chars().skip(item.column - 1).collect();
            assert!(
                line.starts_with(expected),
                "{}:{}:{} `{line}` is not `{expected}`",
                src.path,
                item.line,
                item.column
            );
            *seen += 1;
            check(src, &item.items, seen);
        }
    }
    let mut seen = 0;
    for l in &loaded.locales {
        let toc = l.toc.as_ref().expect("every corpus locale has a toc");
        let text = std::fs::read_to_string(cfg.root.join(&toc.file)).unwrap();
        check(&SourceFile::new(toc.file.clone(), text), &toc.items, &mut seen);
    }
    assert_eq!(seen, 318, "every entry of the six tocs is checked");
}
