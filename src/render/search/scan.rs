//! The one-pass scanner the index builder feeds every page's text to:
//! it folds and cuts as it goes, without allocating, and yields exactly the
//! terms of cutting [`fold`](super::tokens::fold)`(text)` into
//! [`runs`](super::tokens::runs) (the rule, `tokens`; a test compares the
//! two on sample text of every script and on every character up to
//! U+2FFFF). Most text is ASCII:
//! letters and digits are lowercased and packed from a table, the rest
//! takes the general way of `tokens`.
//!
//! Must not define what a term is (`tokens` does) nor know pages or the
//! index format.

use super::tokens::{Class, MAX_TERM_BYTES, Term, class, fold_char, is_cjk};

/// Calls `f` with every term the index holds for `text` (not yet folded):
/// each word, each bigram of each CJK run and the run's last character.
///
/// One pass that folds and cuts as it goes, without allocating: the same
/// terms as cutting [`fold`](super::tokens::fold)`(text)` into [`runs`](super::tokens::runs) (a test checks that).
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
    /// the term is cut there, as `tokens::cut_word` does).
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
