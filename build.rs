//! Parses, validates and renders content/*.md into Rust tables
//! ($OUT_DIR/deck_data.rs) that src/deck includes. A content mistake fails
//! the build with file and line. PYPREP_CONTENT_DIR overrides the directory
//! (the tests use it to prove that broken content fails the build).

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=PYPREP_CONTENT_DIR");
    let dir = std::env::var_os("PYPREP_CONTENT_DIR").map_or_else(|| PathBuf::from("content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    // Every question must have its answer.
    match content::load_dir(&dir, true) {
        Ok(deck) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("deck_data.rs"), content::generate(&deck)).expect("write deck_data.rs");
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            std::process::exit(1);
        }
    }
}
