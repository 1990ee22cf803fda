//! Task-table rows under each corpus language's headers.
#![no_main]
const LOCALES: [&str; 6] = ["en", "es", "pt-BR", "de", "ja", "zh-Hans"];
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((first, rest)) = data.split_first() {
        if let Ok(rows) = std::str::from_utf8(rest) {
            playbook::fuzzing::task_table(rows, LOCALES[usize::from(*first) % LOCALES.len()]);
        }
    }
});
