//! House rules checked on the source tree: every Rust file says what it is for in a `//!` comment on its
//! first line, and only the browser boundary imports wasm-bindgen or web-sys.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn every_rust_file_starts_with_a_doc_comment_saying_what_it_is_for() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a leading //! comment: {missing:?}");
}

#[test]
fn only_the_browser_boundary_knows_about_the_browser() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| {
            let p = path.to_string_lossy();
            p.contains("/src/") && !p.contains("/src/web/")
        })
        .filter(|(_, text)| text.contains("wasm_bindgen") || text.contains("web_sys"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "src files outside src/web/ that use wasm_bindgen or web_sys: {offenders:?}"
    );
}
