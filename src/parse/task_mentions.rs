//! Tasks named in prose ("Task 2050", "Tarea 2050", "Aufgabe 3333",
//! "タスク983", "tasks 4088 and 4089") → `model::TaskMention`s.
//!
//! Rules:
//! - A mention is one of the locale's `Vocabulary::task_word`s followed by
//!   a decimal number of 1–9 ASCII digits. The word matches without regard
//!   to case (whitespace inside a configured word matches any run of
//!   whitespace). Between word and number: any whitespace, no-break spaces
//!   and a line break included; none at all only when the word ends in a
//!   CJK character (`タスク983`, `任务4063`).
//! - Word boundaries: a word that starts with a non-CJK letter must not
//!   follow a letter or digit (`Multitask 12`, `FRPFTOPTask2533` are not
//!   mentions; `QuickLeads-Aufgabe 983` is); a word that starts with a CJK
//!   character may follow anything (`修改了任务 4063`). The number must not
//!   be followed by a letter or digit of a spaced script (`Task 12a`) nor by
//!   `.` and a digit (`Task 1.5`); CJK text may follow it (`タスク983を`).
//! - Lists: after a mention, further numbers joined by `,` `、` `，` and/or
//!   one of `LIST_JOINERS` ("and", "y", "e", "und", "および", "和" …) are
//!   mentions too, each spanning only its number: "tasks 4090, 4091 and
//!   4092" names three tasks.
//! - Where: only in prose text, i.e. consecutive `Text` events (and the soft
//!   line breaks between them) of one block, outside headings (a heading
//!   is a title with its own anchor, and its text is reused in navigation),
//!   link and image text (a reference already inside a link stays as it
//!   is), code spans and code blocks, raw HTML and the first (id) column of
//!   a task table. Other table cells are prose: a task name reading "see
//!   Task 1020" or an update-summary row "Added task 4095" is a mention.
//! - A mention never crosses inline markup: "Task **2050**" or
//!   "Task `2050`" is not one. It may cross the event splits that
//!   pulldown-cmark makes around entities and escapes (`Task&nbsp;2050`).
//!
//! Must not decide whether a task exists (that is `check` and `render`).

use super::Ctx;
use crate::model::TaskMention;
use std::ops::Range;

/// Words that join the ids of a list after a mention, in the corpus
/// languages (matched without regard to case; Latin ones as whole words).
const LIST_JOINERS: &[&str] =
    &["and", "or", "y", "o", "e", "ou", "und", "oder", "および", "及び", "と", "和", "及", "或", "&"];

/// Separators of a list of ids.
const LIST_SEPARATORS: &[char] = &[',', '、', '，'];

/// One mention found in a plain string (offsets into that string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The task id.
    pub(crate) id: u32,
    /// The word, as written.
    pub(crate) word: Range<usize>,
    /// What becomes the link: word + number, or the number of a list item.
    pub(crate) span: Range<usize>,
}

/// A piece of a prose run: its place in the run's text and in the body.
struct Piece {
    /// Offset of the piece in `ProseRun::text`.
    at: usize,
    /// Length of its text.
    len: usize,
    /// Body range of its source.
    source: Range<usize>,
    /// Whether the text is the source verbatim (offsets map one to one).
    verbatim: bool,
}

/// Consecutive prose text of one block, collected event by event.
#[derive(Default)]
pub(crate) struct ProseRun {
    text: String,
    pieces: Vec<Piece>,
}

impl ProseRun {
    /// Adds a `Text` event (or a soft break as `"\n"`) and its body range.
    pub(crate) fn push(&mut self, ctx: &Ctx<'_>, text: &str, source: Range<usize>) {
        let verbatim = ctx.body.get(source.clone()) == Some(text);
        self.pieces.push(Piece { at: self.text.len(), len: text.len(), source, verbatim });
        self.text.push_str(text);
    }

    /// Scans the run for mentions, appends them (absolute spans) and empties
    /// the run.
    pub(crate) fn flush(&mut self, ctx: &Ctx<'_>, out: &mut Vec<TaskMention>) {
        if !self.text.is_empty() {
            for found in scan(&self.text, &ctx.vocab.task_word) {
                let word = self.text.get(found.word.clone()).unwrap_or_default().to_string();
                let span = ctx.span(self.source_start(found.span.start)..self.source_end(found.span.end));
                out.push(TaskMention { id: found.id, word, span });
            }
        }
        self.text.clear();
        self.pieces.clear();
    }

    /// Body offset of a text offset that starts a span.
    fn source_start(&self, at: usize) -> usize {
        match self.pieces.iter().find(|p| p.at <= at && at < p.at + p.len) {
            Some(p) if p.verbatim => p.source.start + (at - p.at),
            Some(p) => p.source.start,
            None => self.pieces.last().map_or(0, |p| p.source.end),
        }
    }

    /// Body offset of a text offset that ends a span.
    fn source_end(&self, at: usize) -> usize {
        match self.pieces.iter().find(|p| p.at < at && at <= p.at + p.len) {
            Some(p) if p.verbatim => p.source.start + (at - p.at),
            Some(p) => p.source.end,
            None => self.pieces.first().map_or(0, |p| p.source.start),
        }
    }
}

/// Every mention in `text` for the given task words (see the module rules).
pub(crate) fn scan(text: &str, words: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    // Most prose has no digit, and a mention needs one: check before any work.
    if next_digit(text.as_bytes()).is_none() {
        return out;
    }
    let mut words: Vec<&str> = words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    // Work from the numbers back to the word before them: numbers are rare,
    // letters are not. `consumed` skips the numbers of a list already taken.
    let bytes = text.as_bytes();
    let mut consumed = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next digit: most prose has none.
        match next_digit(&bytes[i..]) {
            Some(d) => i += d,
            None => break,
        }
        let starts_number = i == 0 || !bytes[i - 1].is_ascii_digit();
        if !starts_number || i < consumed {
            i += 1;
            continue;
        }
        let word_end = text[..i].trim_end().len();
        let found = words.iter().find_map(|w| {
            let start = word_end.checked_sub(w.len())?;
            // A configured word with blanks inside ("Id. de tarea") matches
            // any run of blanks, so its text may be a little longer.
            let slack = if w.contains(char::is_whitespace) { 16 } else { 0 };
            (start.saturating_sub(slack)..=start)
                .filter(|&s| text.is_char_boundary(s))
                .find_map(|s| mention_at(text, s, w))
        });
        match found {
            Some((first, end)) => {
                consumed = list_items(text, end, first, &mut out);
                i = consumed.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The position of the first ASCII digit of `bytes`. Whole blocks are
/// tested without branching first (the compiler vectorizes that): every
/// byte of prose goes through here, and a byte loop showed in `check`.
fn next_digit(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut start = 0;
    for block in bytes.chunks_exact(BLOCK) {
        if block.iter().fold(false, |any, &b| any | b.is_ascii_digit()) {
            break;
        }
        start += BLOCK;
    }
    bytes[start..].iter().position(u8::is_ascii_digit).map(|p| start + p)
}

/// A mention whose word starts at `at`: the mention and where it ends.
fn mention_at(text: &str, at: usize, word: &str) -> Option<(Found, usize)> {
    let first = word.chars().next()?;
    if !is_cjk(first) && text[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let word_end = match_word(text, at, word)?;
    let cjk_end = word.chars().next_back().is_some_and(is_cjk);
    if !cjk_end && text[word_end..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let digits = skip_whitespace(text, word_end);
    if digits == word_end && !cjk_end {
        return None;
    }
    let (id, end) = number_at(text, digits)?;
    Some((Found { id, word: at..word_end, span: at..end }, end))
}

/// Pushes `first` (ending at `end`) and the later ids of its list to `out`;
/// returns where the list ends.
fn list_items(text: &str, mut end: usize, first: Found, out: &mut Vec<Found>) -> usize {
    let word = first.word.clone();
    out.push(first);
    while let Some(next) = list_separator(text, end) {
        let Some((id, number_end)) = number_at(text, next) else { break };
        out.push(Found { id, word: word.clone(), span: next..number_end });
        end = number_end;
    }
    end
}

/// After the number ending at `at`: where the next list number would start,
/// if a separator and/or a joiner word follows (a Latin joiner only as a
/// whole word: blanks or a separator before it, blanks after it).
fn list_separator(text: &str, at: usize) -> Option<usize> {
    let mut p = skip_whitespace(text, at);
    let separated = match text[p..].chars().next() {
        Some(c) if LIST_SEPARATORS.contains(&c) => {
            p = skip_whitespace(text, p + c.len_utf8());
            true
        }
        _ => false,
    };
    let spaced_before = p > at;
    let joiner = LIST_JOINERS.iter().find_map(|j| {
        let end = match_word(text, p, j)?;
        let after = skip_whitespace(text, end);
        let latin = j.starts_with(|c: char| c.is_ascii_alphabetic());
        (!latin || (spaced_before && after > end)).then_some(after)
    });
    joiner.or(separated.then_some(p))
}

/// 1–9 ASCII digits at `at`, properly ended: the id and where it ends.
fn number_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let len = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 9 {
        return None;
    }
    let end = at + len;
    let rest = &text[end..];
    let mut next = rest.chars();
    match next.next() {
        Some(c) if c.is_alphanumeric() && !is_cjk(c) => return None,
        Some('.') if next.next().is_some_and(|c| c.is_ascii_digit()) => return None,
        _ => {}
    }
    Some((text[at..end].parse().ok()?, end))
}

/// Where `word` ends when it matches `text` at `at` (case-insensitive;
/// whitespace in the word matches one or more whitespace characters).
fn match_word(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut p = at;
    let mut chars = word.chars().peekable();
    while let Some(w) = chars.next() {
        if w.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let after = skip_whitespace(text, p);
            if after == p {
                return None;
            }
            p = after;
            continue;
        }
        let c = text[p..].chars().next()?;
        if c != w && !c.to_lowercase().eq(w.to_lowercase()) {
            return None;
        }
        p += c.len_utf8();
    }
    Some(p)
}

fn skip_whitespace(text: &str, at: usize) -> usize {
    at + text[at..].chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum::<usize>()
}

/// Han, kana, Hangul and their compatibility and half-width forms: scripts
/// written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3134F)
}

#[cfg(test)]
#[path = "task_mentions_tests.rs"]
mod tests;
