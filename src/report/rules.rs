//! What SARIF viewers show about each rule: a full description (the
//! README's table of checks, in one or two sentences) and where to read
//! more: the README's anchor of the rule (`<a id="broken-link">`, a test
//! holds every anchor to the README) under the project's home page.
//!
//! Must not know findings, only their codes.

use crate::diag::Code;

/// The project's home page (Cargo.toml's `homepage`), SARIF's
/// `informationUri`; rule help is its README, at the rule's anchor.
pub const HOME: &str = env!("CARGO_PKG_HOMEPAGE");

/// Where a rule is explained: the README at the rule's own anchor.
pub fn help_uri(code: Code) -> String {
    format!("{HOME}#{}", code.as_str())
}

/// What the rule finds and why it matters.
pub fn full_description(code: Code) -> &'static str {
    match code {
        Code::BrokenLink => {
            "A relative link or image (markdown, or href/src in raw HTML) with no file behind it. A name without \
             .md is no page (the web answers 404), and a letter-case-only mismatch is broken on Linux hosts."
        }
        Code::BrokenAnchor => {
            "A #fragment that is no heading id, {#id}, HTML id or name, or task row of the target page \
             (#top is the top of every page)."
        }
        Code::MalformedUrl => {
            "A link destination that cannot be right: invisible characters, tabs or line breaks, spaces, an \
             e-mail address or www. host written as a relative link, or a javascript:, vbscript: or data: URL, \
             which is never rendered live."
        }
        Code::CrossLocaleLink => {
            "A link into another locale's folder, or to a file carrying another locale's suffix: readers \
             switch language in the middle of the playbook."
        }
        Code::LinkToCopy => {
            "A link to an extra copy of a page (an untranslated file beside the translated one) instead of \
             the version its locale uses."
        }
        Code::Toc => {
            "A toc.yml entry whose href does not exist, an included toc that is missing or circular, or a toc YAML error."
        }
        Code::OrphanPage => {
            "A page that no toc entry and no other page reaches: readers cannot find it. A locale without a \
             toc has none (its sidebar lists every page)."
        }
        Code::UntranslatedTitle => {
            "A translation whose front-matter title, H1 or toc name is the default locale's word for word: \
             readers of that language see the other language's name."
        }
        Code::Redirect => {
            "A redirect that is not written: its old address is a page's, one address goes to two places, its \
             target does not exist, or it loops."
        }
        Code::Encoding => {
            "A content file that is not UTF-8 text (a NUL byte in its first 8 KiB marks a binary file)."
        }
        Code::IgnoredFile => {
            "A file playbook does not read or publish: a symlink to a hidden file, outside the content root or \
             into the output folder, a file over max_file_mb, or an HTML, SVG or XML file that raw_html = \
             \"escape\" keeps out of the site."
        }
        Code::FrontMatter => {
            "Front matter that is not valid YAML, lacks a required key, or has a date that does not parse."
        }
        Code::UnknownAlert => {
            "An alert kind other than NOTE, TIP, IMPORTANT, WARNING and CAUTION: it renders as a plain quote."
        }
        Code::TaskRow => {
            "A task-table row with the wrong number of cells, a non-numeric id (never catalogued), an unknown \
             requirement value or an empty name."
        }
        Code::TaskTableHeader => {
            "A task table recognised by its shape whose id header is in no vocabulary; the help gives the \
             task_id line to add to the locale's vocabulary."
        }
        Code::DuplicateTask => "A task id twice on one page, or one id with two requirements in one locale.",
        Code::TaskLocaleMismatch => {
            "A task that one locale's version of a page lacks, or lists with another requirement."
        }
        Code::UnknownTaskReference => "Prose that names a task id no task table has.",
        Code::MissingTranslation => "A page of the default locale with no version in a locale.",
        Code::StaleTranslation => {
            "A translation last updated (the newest of ms.date and its update table) before its \
             default-locale page."
        }
        Code::DuplicatePage => {
            "Two files of one locale that pair to the same page, or whose URLs collide; the second is built \
             at another address."
        }
        Code::ExternalLink => {
            "With --external: an http(s) link that answers with an error. Links not checked in time, or whose \
             server keeps answering 429, are reported at info."
        }
        Code::MissingMessage => "A UI message a locale's .ftl files lack, taken from a fallback locale.",
        Code::Include => {
            "An [!INCLUDE] or code snippet that cannot be brought in: a missing file or region, a path leaving \
             the content root, a cycle, or more than 10 levels."
        }
        Code::Dfm => {
            "A DocFX markdown extension written wrong: an unknown [!div] class, :::image without source or \
             alt-text, an unknown :::word, a zone left open or closed twice."
        }
        Code::Docfx => "Keys of docfx.json that playbook does not use (one finding lists them all).",
        Code::BuiltLink => {
            "check --site: an href or src in a built page that leads to no file of the output folder, or a \
             #fragment that is no id of its page."
        }
    }
}
