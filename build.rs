//! Parses, validates and renders content/*.md into the deck's two parts:
//! the index as Rust tables ($OUT_DIR/deck_data.rs, included by src/deck),
//! and one answer file per category (`target/answers/answers/<cat>-<hash>.json`,
//! listed in `target/answers/manifest.txt`), which Trunk's post_build hook
//! copies into dist/. Native builds also get the answers as Rust
//! ($OUT_DIR/answers_native.rs) for the tests. A content mistake fails the
//! build with file and line. PYPREP_CONTENT_DIR overrides the directory (the
//! tests use it to prove that broken content fails the build).

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;
#[path = "src/embed/css.rs"]
mod css;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=PYPREP_CONTENT_DIR");
    let dir = std::env::var_os("PYPREP_CONTENT_DIR").map_or_else(|| PathBuf::from("content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    // Every question must have its answer.
    match content::load_dir(&dir) {
        Ok(deck) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let files = content::answer_files(&deck);
            std::fs::write(out.join("deck_data.rs"), content::generate(&deck, &files)).expect("write deck_data.rs");
            std::fs::write(out.join("answers_native.rs"), content::generate_native_answers(&files))
                .expect("write answers_native.rs");
            write_answer_files(&files);
            write_widget_css();
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            std::process::exit(1);
        }
    }
}

/// Writes the answer files and their manifest under `target/answers/`
/// (each through a temporary name, so a concurrent build never sees half a file).
fn write_answer_files(files: &[content::AnswerFile]) {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = PathBuf::from(manifest).join("target").join("answers");
    std::fs::create_dir_all(dir.join("answers")).expect("create target/answers/answers");
    std::fs::create_dir_all(dir.join("code")).expect("create target/answers/code");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        let tmp = dir.join(format!("{name}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, text).expect("write an answer file");
        std::fs::rename(&tmp, &path).expect("move an answer file into place");
    };
    let mut list = String::new();
    for f in files {
        write(&f.name, &f.json);
        list.push_str(&f.name);
        list.push('\n');
    }
    write("manifest.txt", &list);
}

/// Writes `target/answers/widget.css`: the app's stylesheets in cascade
/// order with every `rem` turned into pixels for the Shadow DOM (see
/// `embed::rem_to_px`), done here once instead of in every reader's browser.
/// The post_build hook gives it a content hash and embed.js fetches it.
fn write_widget_css() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut sheets = String::new();
    for name in [
        "styles/theme.css",
        "styles/app.css",
        "styles/screens.css",
        "styles/code.css",
    ] {
        println!("cargo::rerun-if-changed={name}");
        let text = std::fs::read_to_string(manifest.join(name)).unwrap_or_else(|e| panic!("read {name}: {e}"));
        sheets.push_str(&text);
        sheets.push('\n');
    }
    let dir = manifest.join("target").join("answers");
    let tmp = dir.join(format!("widget.css.{}.tmp", std::process::id()));
    std::fs::write(&tmp, css::rem_to_px(&sheets)).expect("write widget.css");
    std::fs::rename(&tmp, dir.join("widget.css")).expect("move widget.css into place");
}
