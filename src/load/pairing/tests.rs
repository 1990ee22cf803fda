//! Pairing: keys, primaries, URLs and collisions of page files.

use super::*;
use crate::config::Vocabulary;

fn locale(tag: &str, dir: &str, suffix: &str) -> LocaleConfig {
    LocaleConfig {
        tag: tag.into(),
        dir: dir.into(),
        suffix: suffix.into(),
        name: None,
        vocabulary: Vocabulary::builtin(tag),
    }
}

/// en english-playbook "", es spanish-playbook -es, de german-playbook -de.
fn corpus_locales() -> Vec<LocaleConfig> {
    vec![
        locale("en", "english-playbook", ""),
        locale("es", "spanish-playbook", "-es"),
        locale("de", "german-playbook", "-de"),
        locale("pt-BR", "portuguese-playbook", "-pr"),
    ]
}

/// (path, key, url, primary) of one page.
type Row = (String, String, String, bool);

/// Pairs `(locale index, path)` pages; returns their rows.
fn run(locales: &[LocaleConfig], pages: &[(usize, &str)]) -> (Vec<Row>, Vec<Finding>) {
    let cands: Vec<Candidate> = pages.iter().map(|&(locale, path)| Candidate { locale, path }).collect();
    let (pairs, findings) = pair(locales, UrlStyle::Pretty, &Scope::default(), &cands);
    let rows =
        pages.iter().zip(pairs).map(|((_, path), p)| (path.to_string(), p.key, p.url, p.primary)).collect();
    (rows, findings)
}

fn row(path: &str, key: &str, url: &str, primary: bool) -> Row {
    (path.into(), key.into(), url.into(), primary)
}

#[test]
fn own_suffix_is_stripped_for_the_key_but_kept_in_the_url() {
    let (rows, findings) = run(
        &corpus_locales(),
        &[
            (0, "english-playbook/migrate-x-partner.md"),
            (1, "spanish-playbook/migrate-x-partner-es.md"),
            (1, "spanish-playbook/sub/y-es.md"),
        ],
    );
    assert_eq!(
        rows,
        [
            row("english-playbook/migrate-x-partner.md", "migrate-x-partner", "en/migrate-x-partner/", true),
            row(
                "spanish-playbook/migrate-x-partner-es.md",
                "migrate-x-partner",
                "es/migrate-x-partner-es/",
                true
            ),
            row("spanish-playbook/sub/y-es.md", "sub/y", "es/sub/y-es/", true),
        ]
    );
    assert!(findings.is_empty());
}

#[test]
fn index_pages_key_as_index_and_live_at_their_folder() {
    let (rows, _) = run(
        &corpus_locales(),
        &[
            (0, "english-playbook/index.md"),
            (1, "spanish-playbook/index.md"),
            (1, "spanish-playbook/sub/index.md"),
        ],
    );
    assert_eq!(
        rows,
        [
            row("english-playbook/index.md", "index", "en/", true),
            row("spanish-playbook/index.md", "index", "es/", true),
            row("spanish-playbook/sub/index.md", "sub/index", "es/sub/", true),
        ]
    );
}

#[test]
fn foreign_copy_in_the_spanish_folder_is_not_the_translation() {
    // The corpus: success-support-success-execution-partner-en.md beside the -es file.
    let (rows, findings) = run(
        &corpus_locales(),
        &[
            (1, "spanish-playbook/success-support-success-execution-partner-en.md"),
            (1, "spanish-playbook/success-support-success-execution-partner-es.md"),
        ],
    );
    let key = "success-support-success-execution-partner";
    assert_eq!(
        rows,
        [
            row(
                "spanish-playbook/success-support-success-execution-partner-en.md",
                key,
                "es/success-support-success-execution-partner-en/",
                false
            ),
            row(
                "spanish-playbook/success-support-success-execution-partner-es.md",
                key,
                "es/success-support-success-execution-partner-es/",
                true
            ),
        ]
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].page, 0);
    assert_eq!(findings[0].target, "spanish-playbook/success-support-success-execution-partner-es.md");
}

#[test]
fn a_lone_foreign_copy_is_primary() {
    let (rows, findings) =
        run(&corpus_locales(), &[(2, "german-playbook/x-en.md"), (2, "german-playbook/y-pr.md")]);
    assert_eq!(
        rows,
        [
            row("german-playbook/x-en.md", "x", "de/x-en/", true),
            row("german-playbook/y-pr.md", "y", "de/y-pr/", true)
        ]
    );
    assert!(findings.is_empty());
}

#[test]
fn untranslated_copy_beside_the_translation_is_a_duplicate() {
    let (rows, findings) = run(
        &corpus_locales(),
        &[(1, "spanish-playbook/l1l2l3-blocked-es.md"), (1, "spanish-playbook/l1l2l3-blocked.md")],
    );
    assert_eq!(
        rows,
        [
            row("spanish-playbook/l1l2l3-blocked-es.md", "l1l2l3-blocked", "es/l1l2l3-blocked-es/", true),
            row("spanish-playbook/l1l2l3-blocked.md", "l1l2l3-blocked", "es/l1l2l3-blocked/", false),
        ]
    );
    assert_eq!(
        findings,
        [Finding {
            page: 1,
            message:
                "`l1l2l3-blocked.md` and `l1l2l3-blocked-es.md` are both the es version of `l1l2l3-blocked`; \
                      this copy is built at es/l1l2l3-blocked/ but not used as the translation"
                    .into(),
            help: "delete the untranslated copy, or translate it and remove the other".into(),
            target: "spanish-playbook/l1l2l3-blocked-es.md".into(),
        }]
    );
}

#[test]
fn german_untranslated_copies_pair_the_same_way() {
    let (rows, findings) = run(
        &corpus_locales(),
        &[
            (2, "german-playbook/l1l2l3-no-intent-de.md"),
            (2, "german-playbook/l1l2l3-no-intent-executive-sponsorship-de.md"),
            (2, "german-playbook/l1l2l3-no-intent-executive-sponsorship.md"),
            (2, "german-playbook/l1l2l3-no-intent.md"),
        ],
    );
    let keys: Vec<(&str, bool)> = rows.iter().map(|r| (r.1.as_str(), r.3)).collect();
    assert_eq!(
        keys,
        [
            ("l1l2l3-no-intent", true),
            ("l1l2l3-no-intent-executive-sponsorship", true),
            ("l1l2l3-no-intent-executive-sponsorship", false),
            ("l1l2l3-no-intent", false),
        ]
    );
    assert_eq!(findings.iter().map(|f| f.page).collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn plain_file_beats_a_foreign_copy_when_the_own_suffix_is_missing() {
    let (rows, findings) =
        run(&corpus_locales(), &[(1, "spanish-playbook/a-en.md"), (1, "spanish-playbook/a.md")]);
    assert_eq!(rows.iter().map(|r| r.3).collect::<Vec<_>>(), [false, true]);
    assert_eq!(findings[0].page, 0);
}

#[test]
fn in_the_default_locale_a_plain_file_carries_its_own_suffix() {
    let (rows, findings) =
        run(&corpus_locales(), &[(0, "english-playbook/guide-es.md"), (0, "english-playbook/guide.md")]);
    assert_eq!(
        rows,
        [
            row("english-playbook/guide-es.md", "guide", "en/guide-es/", false),
            row("english-playbook/guide.md", "guide", "en/guide/", true),
        ]
    );
    assert_eq!(findings.len(), 1);
}

#[test]
fn other_locale_tags_and_suffixes_are_foreign_but_the_own_tag_is_not() {
    let locales = corpus_locales();
    let f = foreign_suffixes(&locales, 1);
    assert!(
        f.contains(&"-en".to_string()) && f.contains(&"-pt-br".to_string()) && f.contains(&"-pr".to_string())
    );
    assert!(!f.iter().any(|s| s == "-es"));
    assert_eq!(f[0], "-pt-br", "longest first");
}

#[test]
fn suffixes_compare_without_letter_case_and_never_empty_the_stem() {
    let (rows, _) =
        run(&corpus_locales(), &[(1, "spanish-playbook/-es.md"), (1, "spanish-playbook/X-ES.md")]);
    assert_eq!(rows[0].1, "-es");
    assert_eq!(rows[1].1, "X");
}

#[test]
fn markdown_extension_is_removed_like_md() {
    let (rows, _) = run(&corpus_locales(), &[(1, "spanish-playbook/a-es.markdown")]);
    assert_eq!(rows, [row("spanish-playbook/a-es.markdown", "a", "es/a-es/", true)]);
}

#[test]
fn same_url_gets_a_numbered_segment_and_a_warning() {
    let (rows, findings) = run(
        &[locale("en", "content/en", "")],
        &[(0, "content/en/a.md"), (0, "content/en/a/index.md"), (0, "content/en/a-2.md")],
    );
    let urls: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(urls, ["en/a/", "en/a-3/", "en/a-2/"], "a-2 is another page's URL, so a/index.md gets a-3");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].page, 1);
    assert_eq!(
        findings[0].message,
        "`content/en/a/index.md` and `content/en/a.md` would both be built at en/a/; this page is built at en/a-3/ instead"
    );
    assert_eq!(findings[0].target, "content/en/a.md");
}

#[test]
fn urls_differing_only_by_case_collide() {
    let (rows, findings) = run(&[locale("en", "en", "")], &[(0, "en/Guide.md"), (0, "en/guide.md")]);
    assert_eq!(rows[0].2, "en/Guide/");
    assert_eq!(rows[1].2, "en/guide-2/");
    assert!(findings[0].message.contains("ignoring letter case"), "{}", findings[0].message);
}

#[test]
fn two_index_files_at_the_locale_root_never_share_a_url() {
    let (rows, _) = run(&[locale("en", "en", "")], &[(0, "en/index.markdown"), (0, "en/index.md")]);
    assert_eq!(rows[0].2, "en/");
    assert_eq!(rows[1].2, "en/index-2/");
    // Both key as `index`: the first by path is primary.
    assert_eq!((rows[0].3, rows[1].3), (true, false));
}

#[test]
fn a_locale_at_the_content_root_keys_from_the_whole_path() {
    let (rows, _) = run(&[locale("en", "", "")], &[(0, "docs/a.md")]);
    assert_eq!(rows, [row("docs/a.md", "docs/a", "en/docs/a/", true)]);
}
