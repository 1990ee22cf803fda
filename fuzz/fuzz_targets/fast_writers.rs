//! The fast writers (render::fast) against tera on random content and task
//! pages made from the input: the same bytes, or a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = playbook::fuzzing::fast_writers(data);
});
