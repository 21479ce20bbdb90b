//! House rules checked on the source tree: every Rust file says what it is for in a `//!` comment on its
//! first line; only the browser boundary imports wasm-bindgen, web-sys, js-sys or serde-wasm-bindgen; the
//! layers of `src/` (one folder each) only depend downwards; and no two modules import each other in a
//! circle.
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
        .filter(|(_, text)| {
            ["wasm_bindgen", "web_sys", "js_sys", "serde_wasm_bindgen"].iter().any(|name| text.contains(name))
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "src files outside src/web/ that use wasm_bindgen or web_sys: {offenders:?}"
    );
}

/// The folders of `src/`, lowest first: a module may use its own layer and the ones before it.
const LAYERS: [&str; 7] = ["locale", "data", "chart", "render", "export", "web", "cli"];

/// The layer a file of `src/` belongs to, by its folder (`None` for `lib.rs` and `main.rs`).
fn layer_of(path: &Path) -> Option<usize> {
    let relative = path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).ok()?;
    let folder = relative.components().next()?.as_os_str().to_str()?;
    LAYERS.iter().position(|layer| *layer == folder)
}

/// The modules a file names, as `(layer, module)` pairs: `crate::chart::layout` inside the library, and
/// `province_targets::chart::layout` in the command line, which is a separate crate.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for prefix in ["crate::", "province_targets::"] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let mut names = rest.split("::").map(|s| {
                s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
            });
            let Some(layer) = names.next().and_then(|n| LAYERS.iter().position(|l| *l == n)) else {
                continue;
            };
            found.push((layer, names.next().unwrap_or_default()));
        }
    }
    found
}

#[test]
fn a_layer_only_depends_on_the_layers_below_it() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        let Some(own) = layer_of(&path) else { continue };
        for (layer, module) in imports(&text) {
            if layer > own {
                offenders.push(format!("{} uses {}::{module}", path.display(), LAYERS[layer]));
            }
        }
    }
    assert!(offenders.is_empty(), "lower layers importing higher ones: {offenders:#?}");
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    // One node per file `src/<layer>/<module>.rs`, an edge for each module it names.
    let files = sources();
    let name_of = |path: &Path| -> Option<String> {
        let layer = LAYERS[layer_of(path)?];
        Some(format!("{layer}::{}", path.file_stem()?.to_str()?))
    };
    let nodes: Vec<String> = files.iter().filter_map(|(path, _)| name_of(path)).collect();
    let edges: Vec<Vec<usize>> = files
        .iter()
        .filter(|(path, _)| name_of(path).is_some())
        .map(|(path, text)| {
            let own = name_of(path).unwrap();
            imports(text)
                .into_iter()
                .map(|(layer, module)| format!("{}::{module}", LAYERS[layer]))
                .filter(|name| *name != own)
                .filter_map(|name| nodes.iter().position(|n| *n == name))
                .collect()
        })
        .collect();
    // Depth-first search; a node met again while still on the path closes a circle.
    fn visit(
        node: usize,
        edges: &[Vec<usize>],
        state: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[node] = 1;
        path.push(node);
        for &next in &edges[node] {
            if state[next] == 1 {
                let start = path.iter().position(|n| *n == next).unwrap();
                return Some(path[start..].to_vec());
            }
            if state[next] == 0 {
                if let Some(circle) = visit(next, edges, state, path) {
                    return Some(circle);
                }
            }
        }
        path.pop();
        state[node] = 2;
        None
    }
    let mut state = vec![0u8; nodes.len()];
    for node in 0..nodes.len() {
        if state[node] == 0 {
            if let Some(circle) = visit(node, &edges, &mut state, &mut Vec::new()) {
                let names: Vec<&str> = circle.iter().map(|n| nodes[*n].as_str()).collect();
                panic!("modules importing each other in a circle: {}", names.join(" -> "));
            }
        }
    }
}

#[test]
fn the_library_sorts_only_through_data_order() {
    // std's sorts are generic: each call site outside `data/order.rs` would compile another copy of the sort
    // into the module (a `sort_by` in one file once cost 6 KB). Tests, after `#[cfg(test)]`, may sort freely.
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.to_string_lossy().contains("/src/") && !path.ends_with("src/data/order.rs"))
        .filter(|(path, _)| !path.to_string_lossy().contains("/src/cli/"))
        .filter_map(|(path, text)| {
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let calls = [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable", ".sort_by_cached_key("];
            calls.iter().find(|call| code.contains(*call)).map(|call| format!("{}: {call}", path.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "sorts outside data/order.rs (use order::sort_by): {offenders:?}");
}
