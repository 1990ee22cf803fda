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
enum Class {
    Separator,
    Word,
    Cjk,
}

fn class(c: char) -> Class {
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

/// Calls `f` with every term the index holds for `text` (not yet folded):
/// each word, each bigram of each CJK run and the run's last character.
///
/// One pass that folds and cuts as it goes, without allocating: the same
/// terms as cutting [`fold`]`(text)` into [`runs`] (a test checks that).
pub fn index_terms(text: &str, mut f: impl FnMut(Term)) {
    let mut word = Packer::default();
    let mut cjk: Option<Packer> = None;
    let mut scratch = String::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            let lower = LOWER_ALNUM[usize::from(b)];
            if lower == 0 {
                word.end(&mut f);
                end_cjk(&mut cjk, &mut f);
                at += 1;
                continue;
            }
            end_cjk(&mut cjk, &mut f);
            // The hot loop: ASCII letters and digits, lowercased as packed.
            let Packer { mut packed, mut len, mut cut } = word;
            while let Some(&lower) = bytes.get(at).map(|&b| &LOWER_ALNUM[usize::from(b)]) {
                if lower == 0 {
                    break;
                }
                if !cut && len < MAX_TERM_BYTES {
                    packed = (packed << 8) | u128::from(lower);
                    len += 1;
                } else {
                    cut = true;
                }
                at += 1;
            }
            word = Packer { packed, len, cut };
            // A word goes on past ASCII only into a non-ASCII letter.
            if bytes.get(at).is_none_or(u8::is_ascii) {
                word.end(&mut f);
            }
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        at += c.len_utf8();
        match quick_class(c) {
            Quick::Separator => {
                word.end(&mut f);
                end_cjk(&mut cjk, &mut f);
            }
            Quick::Cjk => {
                word.end(&mut f);
                cjk_char(c, &mut cjk, &mut f);
            }
            Quick::Word(folded) => {
                end_cjk(&mut cjk, &mut f);
                word.push(folded.as_bytes());
            }
            Quick::Dropped => {}
            Quick::Other => {
                scratch.clear();
                fold_char(c, &mut scratch);
                for c in scratch.chars() {
                    match class(c) {
                        Class::Word => {
                            end_cjk(&mut cjk, &mut f);
                            word.push(c.encode_utf8(&mut [0u8; 4]).as_bytes());
                        }
                        Class::Cjk => {
                            word.end(&mut f);
                            cjk_char(c, &mut cjk, &mut f);
                        }
                        Class::Separator => {
                            word.end(&mut f);
                            end_cjk(&mut cjk, &mut f);
                        }
                    }
                }
            }
        }
    }
    word.end(&mut f);
    end_cjk(&mut cjk, &mut f);
}

/// What a non-ASCII character does to a term, when known without folding
/// it again (the common letters and punctuation of the corpus).
enum Quick {
    Separator,
    Cjk,
    /// A letter whose folded form is this (one or more word characters).
    Word(&'static str),
    /// Folds to nothing (a lone accent).
    Dropped,
    /// Fold it and look.
    Other,
}

/// The [`Quick`] class of a non-ASCII character. Must agree with
/// [`fold_char`] and [`class`]: a test compares them for every character.
#[inline]
fn quick_class(c: char) -> Quick {
    match c {
        '\u{80}'..='\u{24F}' => latin_quick(c),
        '\u{300}'..='\u{36F}' => Quick::Dropped,
        // General Punctuation; CJK punctuation (not 々〆〇, 〡–〩, 〱–〵, 〸–〼).
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}' => {
            Quick::Separator
        }
        '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF5E}' => Quick::Separator,
        _ if is_cjk(c) => Quick::Cjk,
        _ => Quick::Other,
    }
}

/// [`Quick`] classes of U+0080–U+024F, computed once from the slow rules.
fn latin_quick(c: char) -> Quick {
    static TABLE: std::sync::OnceLock<Vec<(u8, String)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0x80..0x250)
            .map(|code| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(code) {
                    fold_char(c, &mut folded);
                }
                let classes: Vec<Class> = folded.chars().map(class).collect();
                let kind = if folded.is_empty() {
                    0
                } else if classes.iter().all(|&k| k == Class::Word) {
                    1
                } else if classes.iter().all(|&k| k == Class::Separator) {
                    2
                } else {
                    3
                };
                (kind, folded)
            })
            .collect()
    });
    match table.get((c as usize).wrapping_sub(0x80)) {
        Some((0, _)) => Quick::Dropped,
        Some((1, folded)) => Quick::Word(folded.as_str()),
        Some((2, _)) => Quick::Separator,
        _ => Quick::Other,
    }
}

/// The next character of a CJK run: the bigram it ends is a term.
#[inline]
fn cjk_char(c: char, cjk: &mut Option<Packer>, f: &mut impl FnMut(Term)) {
    let mut utf8 = [0u8; 4];
    let encoded = c.encode_utf8(&mut utf8).as_bytes();
    let mut one = Packer::default();
    one.push(encoded);
    if let Some(mut pair) = cjk.take() {
        pair.push(encoded);
        f(pair.term());
    }
    *cjk = Some(one);
}

/// ASCII letters and digits lowercased; 0 for every other byte.
static LOWER_ALNUM: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The end of a CJK run: its last character is a term of its own.
#[inline]
fn end_cjk(cjk: &mut Option<Packer>, f: &mut impl FnMut(Term)) {
    if let Some(last) = cjk.take() {
        f(last.term());
    }
}

/// A term being packed: its bytes so far, and whether it was cut.
#[derive(Default, Clone, Copy)]
struct Packer {
    packed: u128,
    len: usize,
    cut: bool,
}

impl Packer {
    /// Appends one character's UTF-8 bytes, unless they no longer fit (then
    /// the term is cut there, as [`cut_word`] does).
    fn push(&mut self, utf8: &[u8]) {
        if self.cut || self.len + utf8.len() > MAX_TERM_BYTES {
            self.cut = true;
            return;
        }
        for &b in utf8 {
            self.packed = (self.packed << 8) | u128::from(b);
        }
        self.len += utf8.len();
    }

    #[inline]
    fn term(&self) -> Term {
        Term(self.packed << (8 * (MAX_TERM_BYTES - self.len)))
    }

    /// Hands a finished word to `f` and starts afresh.
    #[inline]
    fn end(&mut self, f: &mut impl FnMut(Term)) {
        if self.len > 0 {
            f(self.term());
        }
        *self = Packer::default();
    }
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
