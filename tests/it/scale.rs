//! Page size does not grow with the navigation: a locale without a toc
//! lists every page in its sidebar, and each page holds only a window of
//! that list (the whole list is `<tag>/toc.js` and the contents page, once).
//! Build time is measured by `bench/run` (never a timed test).

use crate::harness::{playbook, temp_dir, text, write_files};
use std::path::{Path, PathBuf};

/// A zero-config site whose one locale (`en`, no toc) has `n` one-line pages
/// (`page-00001` …, titled `Page 00001` …), built: its output folder.
pub fn flat_site(name: &str, n: usize) -> PathBuf {
    let dir = temp_dir(name);
    let pages: Vec<(String, String)> = (1..=n)
        .map(|i| {
            let path = format!("content/en/page-{i:05}.md");
            (path, format!("---\ntitle: Page {i:05}\n---\nThe one line of page {i:05}.\n"))
        })
        .collect();
    let files: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    write_files(&dir, &files);
    let out = dir.join("public");
    let o = playbook(&["build", "-q", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    out
}

fn size(out: &Path, page: usize) -> u64 {
    let file = out.join(format!("en/page-{page:05}/index.html"));
    std::fs::metadata(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())).len()
}

#[test]
fn pages_of_a_2000_page_locale_are_no_bigger_than_in_a_10_page_one() {
    let (small, big) = (flat_site("scale-flat-10", 10), flat_site("scale-flat-2000", 2000));
    let largest_small = (1..=10).map(|i| size(&small, i)).max().unwrap();
    let mut worst = (0.0f64, 0);
    for i in 1..=2000 {
        // The same page where the small locale has it, else its largest.
        let reference = if i <= 10 { size(&small, i) } else { largest_small };
        let ratio = size(&big, i) as f64 / reference as f64;
        if ratio > worst.0 {
            worst = (ratio, i);
        }
    }
    println!("largest ratio: {:.3} (page {})", worst.0, worst.1);
    assert!(worst.0 <= 1.2, "page {} is {:.2}× its size in a 10-page locale", worst.1, worst.0);
    // The whole list is there once: the contents page and toc.js name every page.
    let contents = std::fs::read_to_string(big.join("en/contents/index.html")).unwrap();
    let script = std::fs::read_to_string(big.join("en/toc.js")).unwrap();
    for i in [1, 777, 2000] {
        assert!(contents.contains(&format!(">Page {i:05}</a>")), "page {i} on the contents page");
        assert!(
            script.contains(&format!("{{\"n\":\"Page {i:05}\",\"h\":\"page-{i:05}/index.html\"}}")),
            "page {i} in toc.js"
        );
    }
}
