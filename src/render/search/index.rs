//! One locale's search index (`OUT/<tag>/search/index.json`), built in one
//! pass over its documents. The format is documented in README.md
//! ("Search") and read by `themes/default/static/search.js`.
//!
//! Rules:
//! * a document's terms are weighted `min(count in the body, 15)`, plus 8
//!   when a heading holds the term, plus 24 when the title does (at least 1);
//! * terms are sorted in UTF-16 code-unit order (JavaScript's string order,
//!   so the client can binary-search prefixes); each term's postings list
//!   documents in ascending order as `[gap, weight, gap, weight, …]`, each
//!   gap the difference to the previous document (the first counts from 0);
//! * the same documents in the same order give the same bytes.
//!
//! Cost: one hash lookup per term occurrence, in one dictionary per locale
//! (no table per page, no merge), then a counting sort. Memory: the
//! (term, document, weight) triples are packed into one `u64` each, in a
//! list sized up front from the text's length ([`Builder::for_text`]):
//! growing it by doubling touched fresh memory at every step, and the page
//! faults cost more than the indexing. Must not write files or know pages.

use super::page_text::Field;
use super::scan;
use super::tokens::Term;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Weight cap of a term's count in a document's body.
const MAX_COUNT: u32 = 15;
/// Weight added when a heading holds the term.
const HEADING_BONUS: u32 = 8;
/// Weight added when the title holds the term.
const TITLE_BONUS: u32 = 24;

/// What one document says about one term so far.
#[derive(Default, Clone, Copy)]
struct Tally {
    count: u32,
    heading: bool,
    title: bool,
}

impl Tally {
    fn weight(self) -> u8 {
        let weight = self.count.min(MAX_COUNT)
            + if self.heading { HEADING_BONUS } else { 0 }
            + if self.title { TITLE_BONUS } else { 0 };
        u8::try_from(weight.max(1)).expect("invariant: weights stay below 48")
    }
}

/// A locale's index being built: documents are added one at a time, each
/// by its pieces of text ([`Builder::add`]) and then [`Builder::end_doc`].
#[derive(Default)]
pub struct Builder {
    /// Term → its id, over all documents.
    ids: Map<Term, u32>,
    /// What the current document says about each of its terms: a small
    /// table that stays in cache (a page repeats its words; the dictionary
    /// is visited once per distinct term and page).
    current: Map<Term, Tally>,
    /// (term id, document, weight) packed by [`pack`], documents ascending.
    pairs: Vec<u64>,
    /// Title and URL of each finished document.
    docs: Vec<(String, String)>,
}

impl Builder {
    /// An empty index.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// An empty index with room for the documents of about `bytes` of text
    /// (a page yields at most one term per 8 bytes or so, counted once per
    /// page; CJK text comes closest). Only the memory used is touched.
    pub fn for_text(bytes: usize) -> Builder {
        Builder { pairs: Vec::with_capacity(bytes / 8 + 256), ..Builder::default() }
    }

    /// Adds a piece of the current document's text.
    pub fn add(&mut self, text: &str, field: Field) {
        let current = &mut self.current;
        scan::index_terms(text, |term| {
            let tally = current.entry(term).or_default();
            match field {
                Field::Title => tally.title = true,
                Field::Heading => tally.heading = true,
                Field::Body => tally.count += 1,
            }
        });
    }

    /// Finishes the current document, shown as `title`, found at `url`
    /// (relative to the output root).
    pub fn end_doc(&mut self, title: String, url: String) {
        let doc = self.docs.len() as u32;
        assert!(doc < MAX_DOCS, "invariant: a locale has fewer than 2^24 search documents");
        for (term, tally) in self.current.drain() {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(term).or_insert(next);
            self.pairs.push(pack(id, doc, tally.weight()));
        }
        self.docs.push((title, url));
    }

    /// Number of finished documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was finished.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// `index.json`: `{"version":1,"lang":…,"docs":[[title,url],…],
    /// "terms":[…],"postings":[[gap,weight,…],…]}` and a final newline.
    pub fn json(self, lang: &str) -> Vec<u8> {
        let (terms, postings) = invert(self.ids, &self.pairs);
        let mut json = Vec::with_capacity(32 * 1024 + terms.len() * 12 + postings.len() * 5);
        json.extend_from_slice(b"{\"version\":1,\"lang\":");
        push_string(&mut json, lang);
        json.extend_from_slice(b",\"docs\":[");
        for (n, (title, url)) in self.docs.iter().enumerate() {
            json.extend_from_slice(if n > 0 { b",[" } else { b"[" });
            push_string(&mut json, title);
            json.push(b',');
            push_string(&mut json, url);
            json.push(b']');
        }
        json.extend_from_slice(b"],\"terms\":[");
        for (n, (term, _)) in terms.iter().enumerate() {
            if n > 0 {
                json.push(b',');
            }
            // Terms are letters, digits and CJK characters: nothing to escape.
            let (bytes, len) = term.utf8();
            json.push(b'"');
            json.extend_from_slice(&bytes[..len]);
            json.push(b'"');
        }
        json.extend_from_slice(b"],\"postings\":[");
        for (n, (_, range)) in terms.iter().enumerate() {
            json.extend_from_slice(if n > 0 { b",[" } else { b"[" });
            let mut previous = 0;
            for (i, &(doc, weight)) in postings.get(range.clone()).unwrap_or(&[]).iter().enumerate() {
                if i > 0 {
                    json.push(b',');
                }
                push_number(&mut json, doc - previous);
                json.push(b',');
                push_number(&mut json, u32::from(weight));
                previous = doc;
            }
            json.push(b']');
        }
        json.extend_from_slice(b"]}\n");
        json
    }

    /// `index.js`: the JSON of [`Builder::json`] handed to the client by a
    /// script, `playbookSearchIndex({…});` and a final newline. A script
    /// loads over `file://` too, where a browser refuses to fetch a file.
    pub fn script(self, lang: &str) -> Vec<u8> {
        let json = self.json(lang);
        let mut out = Vec::with_capacity(json.len() + SCRIPT_OPEN.len() + 3);
        out.extend_from_slice(SCRIPT_OPEN.as_bytes());
        out.extend_from_slice(json.strip_suffix(b"\n").unwrap_or(&json));
        out.extend_from_slice(b");\n");
        out
    }
}

/// What an `index.js` starts with: the call of the function the client
/// (`static/search.js`) defines before it adds the script.
pub const SCRIPT_OPEN: &str = "playbookSearchIndex(";

/// Documents per locale: a document number has 24 bits in [`pack`].
const MAX_DOCS: u32 = 1 << 24;

/// A (term id, document, weight) triple in one word: id in the high 32
/// bits, then the document (24 bits), then the weight.
fn pack(id: u32, doc: u32, weight: u8) -> u64 {
    (u64::from(id) << 32) | (u64::from(doc) << 8) | u64::from(weight)
}

/// Each term in client order (UTF-16) with the range of its `(doc,
/// weight)` postings in the returned list. A counting sort by term id keeps
/// each term's documents ascending.
#[allow(clippy::type_complexity)]
fn invert(ids: Map<Term, u32>, pairs: &[u64]) -> (Vec<(Term, std::ops::Range<usize>)>, Vec<(u32, u8)>) {
    let mut starts = vec![0usize; ids.len() + 1];
    for &pair in pairs {
        starts[(pair >> 32) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut fill = starts.clone();
    let mut postings = vec![(0u32, 0u8); pairs.len()];
    for &pair in pairs {
        let slot = &mut fill[(pair >> 32) as usize];
        postings[*slot] = ((pair as u32) >> 8, pair as u8);
        *slot += 1;
    }
    let mut terms: Vec<(Term, std::ops::Range<usize>)> =
        ids.into_iter().map(|(term, id)| (term, starts[id as usize]..starts[id as usize + 1])).collect();
    terms.sort_unstable_by_key(|(term, _)| *term);
    // Byte order (the packed terms' order) is UTF-16 order unless a
    // character beyond U+FFFF meets one of U+E000–U+FFFF: only then re-sort.
    if terms.iter().any(|(t, _)| t.utf8().0.iter().any(|&b| b >= 0xF0)) {
        terms.sort_by(|a, b| a.0.text().encode_utf16().cmp(b.0.text().encode_utf16()));
    }
    (terms, postings)
}

/// Appends `n` in decimal.
fn push_number(json: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    json.extend_from_slice(&digits[at..]);
}

/// Appends `s` as a JSON string.
fn push_string(json: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *json, s).expect("invariant: writing JSON into a Vec cannot fail");
}

/// MurmurHash3's 64-bit finalizer: every input bit reaches the low bits.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A hash map with [`Fx`] hashing: a build hashes every word of the site,
/// and SipHash's resistance to chosen keys buys nothing here.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The Fx hash (rustc's multiply-rotate over 8-byte words) with a final mix.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        // Multiplying moves entropy up only, and a short term's bytes sit
        // high in its word: fold the high bits down (MurmurHash3's fmix64),
        // or the table's bucket bits would all be zero.
        mix(self.0)
    }
}
