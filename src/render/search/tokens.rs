//! How text becomes search terms: the one rule the index builder and the
//! browser client (`themes/default/static/search.js`, functions `fold` and
//! `terms`) both follow. A test runs both on the same strings.
//!
//! Folding, character by character:
//! 1. fullwidth ASCII (`Ｅｘｃｅｌ`) becomes ASCII;
//! 2. lowercase (Unicode, one character at a time);
//! 3. accents go: a character whose canonical decomposition (NFD) is a base
//!    character plus marks of U+0300–U+036F becomes the base (`ó` → `o`,
//!    `ü` → `u`, `ç` → `c`); other decompositions are kept whole (Japanese
//!    `が` stays `が`); a lone U+0300–U+036F mark is dropped;
//! 4. a few letters without decomposition are spelled out: `ß` → `ss`,
//!    `æ` → `ae`, `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ` → `d`, `ς` → `σ`.
//!
//! Cutting folded text:
//! * CJK characters (Han, Hiragana, Katakana and their extensions,
//!   half-width Katakana, `々〆〇`) are written without spaces, so a run of
//!   them yields every pair of neighbours (bigram) and its last character
//!   (unigram): `データ移行` → `デー`, `ータ`, `タ移`, `移行`, `行`. Every
//!   character of a run then begins some term, so a one-character query
//!   is a prefix search that finds every page holding it;
//! * every other run of letters and digits (`char::is_alphanumeric`, in JS
//!   `[\p{Alphabetic}\p{N}]`) is a word; anything else separates.
//!
//! Every term is at most [`MAX_TERM_BYTES`] bytes of UTF-8: a longer word is
//! cut at the last character boundary within that (a prefix still finds it).
//! So a term fits in a [`Term`] (one `u128`), which keeps the builder's
//! hashing and sorting cheap.
//!
//! A query is cut the same way, except that a CJK run of two or more
//! characters yields only its bigrams (all must match, exactly), and a run
//! of one character that character, as a prefix. Words match as prefixes
//! (the client's business).
//!
//! Must not know pages, HTML or the index format.

use icu_normalizer::DecomposingNormalizerBorrowed;

/// Longest term, in bytes of UTF-8 (longer words are cut).
pub const MAX_TERM_BYTES: usize = 16;

/// A term packed into a number: its UTF-8 bytes, big-endian, zero-padded
/// (text never holds U+0000 in a term). Numbers compare as the bytes do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term(pub u128);

impl Term {
    /// Packs `term` (at most [`MAX_TERM_BYTES`] bytes; longer text is cut).
    pub fn new(term: &str) -> Term {
        // A loop, not a copy into an array: terms are short and a memcpy
        // call per term shows in the build's profile.
        let bytes = term.as_bytes();
        let len = bytes.len().min(MAX_TERM_BYTES);
        let mut packed: u128 = 0;
        for &b in &bytes[..len] {
            packed = (packed << 8) | u128::from(b);
        }
        Term(packed << (8 * (MAX_TERM_BYTES - len)))
    }

    /// The term's UTF-8 bytes: the first `len` of the array.
    pub fn utf8(self) -> ([u8; MAX_TERM_BYTES], usize) {
        let bytes = self.0.to_be_bytes();
        let len = bytes.iter().position(|&b| b == 0).unwrap_or(MAX_TERM_BYTES);
        (bytes, len)
    }

    /// The term's text.
    pub fn text(self) -> String {
        let (bytes, len) = self.utf8();
        String::from_utf8_lossy(&bytes[..len]).into_owned()
    }
}

/// Appends the folded form of `c` to `out` (see the module rules).
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_cjk(c) {
        out.push(c);
    } else if let Some(folded) = latin_folded(c) {
        out.push_str(folded);
    } else {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        for lower in c.to_lowercase() {
            push_unaccented(lower, out);
        }
    }
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII stretches are copied lowercased, in one go.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            fold_char(c, &mut out);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// First letter of the table of [`latin_folded`].
const LATIN_FIRST: u32 = 0xC0;
/// Letters U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and -B):
/// the folds the accented letters of western languages need, computed once.
fn latin_folded(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let index = (c as u32).checked_sub(LATIN_FIRST).filter(|&i| i < 0x250 - LATIN_FIRST)?;
    let table = TABLE.get_or_init(|| {
        (LATIN_FIRST..0x250)
            .map(|code| {
                let mut out = String::new();
                if let Some(c) = char::from_u32(code) {
                    for lower in c.to_lowercase() {
                        push_unaccented(lower, &mut out);
                    }
                }
                out
            })
            .collect()
    });
    table.get(index as usize).map(String::as_str)
}

fn push_unaccented(c: char, out: &mut String) {
    if c.is_ascii() || is_cjk(c) {
        out.push(c);
        return;
    }
    if is_accent(c) {
        return;
    }
    let spelled = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ς' => "σ",
        _ => "",
    };
    if !spelled.is_empty() {
        out.push_str(spelled);
        return;
    }
    let mut parts = DecomposingNormalizerBorrowed::new_nfd().normalize_iter(std::iter::once(c));
    let base = parts.next().unwrap_or(c);
    let mut marks = 0;
    let mut all_accents = true;
    for mark in parts {
        marks += 1;
        all_accents &= is_accent(mark);
    }
    out.push(if marks > 0 && all_accents { base } else { c });
}

/// A combining mark of the Combining Diacritical Marks block.
fn is_accent(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether `c` is written without spaces between words (see module rules).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'           // 々 〆 〇
        | '\u{3041}'..='\u{309F}'         // Hiragana
        | '\u{30A1}'..='\u{30FA}'         // Katakana (without ゠ and ・)
        | '\u{30FC}'..='\u{30FF}'         // ー ヽ ヾ ヿ
        | '\u{31F0}'..='\u{31FF}'         // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'         // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'         // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'         // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'         // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}') // CJK extensions B and later
}

/// What a character of folded text is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Separator,
    Word,
    Cjk,
}

pub(super) fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() { Class::Word } else { Class::Separator };
    }
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Separator
    }
}

/// A piece of folded text: a word, or a run of CJK characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'t> {
    /// Letters and digits (already cut to [`MAX_WORD`] characters).
    Word(&'t str),
    /// CJK characters.
    Cjk(&'t str),
}

/// The words and CJK runs of already folded text, in order.
pub fn runs(folded: &str) -> impl Iterator<Item = Run<'_>> {
    let bytes = folded.as_bytes();
    // The class of the character at byte `at` and its length.
    let class_at = move |at: usize| -> Option<(Class, usize)> {
        let b = *bytes.get(at)?;
        if b.is_ascii() {
            let kind = if b.is_ascii_alphanumeric() { Class::Word } else { Class::Separator };
            return Some((kind, 1));
        }
        let c = folded.get(at..)?.chars().next()?;
        Some((class(c), c.len_utf8()))
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let kind = loop {
            let (kind, len) = class_at(at)?;
            if kind != Class::Separator {
                break kind;
            }
            at += len;
        };
        let start = at;
        while let Some((next, len)) = class_at(at) {
            if next != kind {
                break;
            }
            at += len;
        }
        let run = &folded[start..at];
        Some(if kind == Class::Cjk { Run::Cjk(run) } else { Run::Word(cut_word(run)) })
    })
}

/// `word` cut to at most [`MAX_TERM_BYTES`] bytes, at a character boundary.
fn cut_word(word: &str) -> &str {
    if word.len() <= MAX_TERM_BYTES {
        return word;
    }
    let mut end = MAX_TERM_BYTES;
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded term.
    pub text: String,
    /// Whether it matches every term it begins (words), or only itself.
    pub prefix: bool,
}

/// The terms of a query, in order, without repeats (see the module rules).
pub fn query_terms(query: &str) -> Vec<QueryTerm> {
    let folded = fold(query);
    let mut out: Vec<QueryTerm> = Vec::new();
    let mut add = |text: &str, prefix: bool| {
        if !out.iter().any(|t| t.text == text) {
            out.push(QueryTerm { text: text.to_string(), prefix });
        }
    };
    for run in runs(&folded) {
        match run {
            Run::Word(word) => add(word, true),
            Run::Cjk(cjk) => {
                let chars: Vec<(usize, char)> = cjk.char_indices().collect();
                if let [(_, only)] = chars[..] {
                    // Every bigram it starts, and the unigram of a run's end.
                    add(only.encode_utf8(&mut [0; 4]), true);
                }
                for pair in chars.windows(2) {
                    let end = pair[1].0 + pair[1].1.len_utf8();
                    add(&cjk[pair[0].0..end], false);
                }
            }
        }
    }
    out
}
