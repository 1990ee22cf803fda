//! Front matter: splitting, YAML, required keys, dates.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        playbook::fuzzing::front_matter(text);
    }
});
