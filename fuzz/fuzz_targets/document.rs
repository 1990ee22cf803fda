//! The markdown pass (text → Document), in each corpus language's vocabulary.
#![no_main]
const LOCALES: [&str; 6] = ["en", "es", "pt-BR", "de", "ja", "zh-Hans"];
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((first, rest)) = data.split_first() {
        if let Ok(text) = std::str::from_utf8(rest) {
            playbook::fuzzing::document(text, LOCALES[usize::from(*first) % LOCALES.len()]);
        }
    }
});
