//! House rules checked on the source tree: every Rust file says what it is for in a `//!` comment on its
//! first line; only the browser boundary imports wasm-bindgen, web-sys, js-sys or serde-wasm-bindgen; the
//! layers of `src/` (one folder each) only depend downwards; no two modules import each other in a circle,
//! whatever form the path takes; comments tell no history; and every file ARCHITECTURE.md names exists.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_with(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_with(&path, extensions, out);
        } else if path.extension().is_some_and(|e| extensions.iter().any(|x| e == *x)) {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    files_with(&root().join("src"), &["rs"], &mut files);
    files_with(&root().join("tests"), &["rs"], &mut files);
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

/// A module's path from the crate root: `["web", "state"]` for `src/web/state.rs`, `["web"]` for
/// `src/web/mod.rs`, `[]` for `lib.rs` and `main.rs` (the library and the binary share one namespace here:
/// the binary's `cli` names the library as `province_targets::`).
type ModulePath = Vec<String>;

fn module_of(path: &Path) -> ModulePath {
    let relative = path.strip_prefix(root().join("src")).unwrap();
    let mut names: ModulePath =
        relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let file = names.pop().unwrap_or_default();
    match file.strip_suffix(".rs") {
        Some("mod" | "lib" | "main") | None => {}
        Some(stem) => names.push(stem.to_string()),
    }
    names
}

/// The pieces of Rust a path is made of. Comments, strings and character literals are dropped, so a
/// path written in a doc comment or a message is not an import.
#[derive(Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Semi,
    Star,
    Other,
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    // Skips a string whose opening quote is at `i` (after any `r#`s), `hashes` the number of `#` that close
    // a raw string, or `None` for an ordinary one with escapes.
    let skip_string = |mut i: usize, hashes: Option<usize>| -> usize {
        i += 1;
        while i < chars.len() {
            match (chars[i], hashes) {
                ('\\', None) => i += 2,
                ('"', None) => return i + 1,
                ('"', Some(n)) if (1..=n).all(|k| at(i + k) == '#') => return i + 1 + n,
                _ => i += 1,
            }
        }
        i
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(i, None);
        } else if c == '\'' {
            // A character literal ('a', '\n', '\u{1F600}'), or a lifetime ('a, 'static), whose name follows.
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match (word.as_str(), at(i)) {
                ("r" | "br", '#' | '"') => {
                    let hashes = (i..).take_while(|&k| at(k) == '#').count();
                    if at(i + hashes) == '"' {
                        i = skip_string(i + hashes, Some(hashes));
                    } else {
                        out.push(Token::Ident(word)); // a raw identifier's `r#`
                        i += hashes;
                    }
                }
                ("b", '"') => i = skip_string(i, None),
                ("b", '\'') => {
                    i += 1;
                    if at(i + 1) == '\\' {
                        i += 1;
                    }
                    i += 1;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                }
                _ => out.push(Token::Ident(word)),
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Other);
        } else {
            let (token, width) = match c {
                ':' if at(i + 1) == ':' => (Token::PathSep, 2),
                '{' => (Token::Open, 1),
                '}' => (Token::Close, 1),
                ',' => (Token::Comma, 1),
                ';' => (Token::Semi, 1),
                '*' => (Token::Star, 1),
                _ => (Token::Other, 1),
            };
            out.push(token);
            i += width;
        }
    }
    out
}

/// Every path a file writes, each with the module it is written in (the file's, or an inline `mod` inside
/// it): `use` trees expanded (`use super::{a, b::{c, self}}` is `super::a`, `super::b::c`, `super::b`), and
/// every path in the code that has at least two segments (`crate::chart::layout::layout(..)`).
fn paths_written(file_module: &ModulePath, text: &str) -> Vec<(ModulePath, Vec<String>)> {
    fn use_tree(tokens: &[Token], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            match tokens.get(*i) {
                Some(Token::PathSep) => *i += 1,
                Some(Token::Ident(name)) if name == "as" => *i += 2, // a rename: the path is what counts
                Some(Token::Ident(name)) if name == "self" && path.len() > prefix.len() => *i += 1,
                Some(Token::Ident(name)) if name == "self" && !prefix.is_empty() => {
                    *i += 1; // `self` inside a group: the group's own path
                }
                Some(Token::Ident(name)) => {
                    path.push(name.clone());
                    *i += 1;
                }
                Some(Token::Star) => *i += 1,
                Some(Token::Open) => {
                    *i += 1;
                    while !matches!(tokens.get(*i), Some(Token::Close) | None) {
                        use_tree(tokens, i, &path, out);
                        if tokens.get(*i) == Some(&Token::Comma) {
                            *i += 1;
                        }
                    }
                    *i += 1;
                    return;
                }
                _ => break,
            }
        }
        out.push(path);
    }

    let tokens = tokens(text);
    let mut out = Vec::new();
    // The inline modules open at this point, each with the brace depth its body starts at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let here = || -> ModulePath {
            file_module.iter().cloned().chain(inline.iter().map(|(name, _)| name.clone())).collect()
        };
        match &tokens[i] {
            Token::Open => {
                depth += 1;
                i += 1;
            }
            Token::Close => {
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Open)) = (tokens.get(i + 1), tokens.get(i + 2))
                {
                    depth += 1;
                    inline.push((name.clone(), depth));
                    i += 3;
                } else {
                    i += 1;
                }
            }
            Token::Ident(word) if word == "use" => {
                i += 1;
                let mut found = Vec::new();
                use_tree(&tokens, &mut i, &[], &mut found);
                let here = here();
                out.extend(found.into_iter().map(|path| (here.clone(), path)));
            }
            Token::Ident(first)
                if tokens.get(i + 1) == Some(&Token::PathSep)
                    && (i == 0 || tokens[i - 1] != Token::PathSep) =>
            {
                let mut path = vec![first.clone()];
                i += 1;
                while tokens.get(i) == Some(&Token::PathSep) {
                    let Some(Token::Ident(name)) = tokens.get(i + 1) else { break };
                    path.push(name.clone());
                    i += 2;
                }
                out.push((here(), path));
            }
            _ => i += 1,
        }
    }
    out
}

/// The module of `modules` that `path`, written in module `here`, names: `crate::`, `province_targets::`,
/// `self::`, any number of `super::`, or a child of `here` named bare (`state::State` in `web/mod.rs`). The
/// longest known prefix wins: `super::state::State` in `web/events.rs` names `web::state`, `super::Options`
/// in `cli/export.rs` names `cli`. `None` for paths outside the crate (`std::`, `web_sys::`) and the root.
fn module_named(modules: &BTreeSet<ModulePath>, here: &ModulePath, path: &[String]) -> Option<ModulePath> {
    let mut base: ModulePath = here.clone();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate" | "province_targets") => {
            base.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some("Self") | None => return None,
        Some(_) => {}
    }
    let full: ModulePath = base.iter().chain(rest).cloned().collect();
    let found = (1..=full.len()).rev().map(|n| full[..n].to_vec()).find(|prefix| modules.contains(prefix))?;
    // A bare path names a module only through a child of where it is written.
    let bare = !matches!(path[0].as_str(), "crate" | "province_targets" | "self" | "super");
    (!bare || found.len() > here.len()).then_some(found)
}

/// Every module of `src/`, and for each the modules it names, as `(file, module, named)`. A module naming
/// one of its ancestors' own items (`super::Options` in `cli/export.rs`, `super::Widget`) is left out: a
/// folder's `mod.rs` is the ground its files share, and a parent containing its children is not a circle.
fn module_graph() -> (Vec<ModulePath>, Vec<Vec<usize>>) {
    let files: Vec<(PathBuf, String)> =
        sources().into_iter().filter(|(path, _)| path.starts_with(root().join("src"))).collect();
    let modules: BTreeSet<ModulePath> = files.iter().map(|(path, _)| module_of(path)).collect();
    let nodes: Vec<ModulePath> = modules.iter().cloned().collect();
    let mut edges = vec![Vec::new(); nodes.len()];
    for (path, text) in &files {
        let own = module_of(path);
        let from = nodes.iter().position(|n| *n == own).unwrap();
        for (here, written) in paths_written(&own, text) {
            let Some(named) = module_named(&modules, &here, &written) else { continue };
            if named.is_empty() || own.starts_with(&named) {
                continue; // the root, the module itself, or an ancestor's own items
            }
            let to = nodes.iter().position(|n| *n == named).unwrap();
            if !edges[from].contains(&to) {
                edges[from].push(to);
            }
        }
    }
    (nodes, edges)
}

fn layer_index(module: &ModulePath) -> Option<usize> {
    LAYERS.iter().position(|layer| module.first().is_some_and(|first| first == layer))
}

#[test]
fn a_layer_only_depends_on_the_layers_below_it() {
    let (nodes, edges) = module_graph();
    let mut offenders = Vec::new();
    for (from, named) in edges.iter().enumerate() {
        let Some(own) = layer_index(&nodes[from]) else { continue };
        for &to in named {
            if layer_index(&nodes[to]).is_some_and(|layer| layer > own) {
                offenders.push(format!("{} uses {}", nodes[from].join("::"), nodes[to].join("::")));
            }
        }
    }
    assert!(offenders.is_empty(), "lower layers importing higher ones: {offenders:#?}");
}

/// The groups of modules that import each other in a circle (each group: every module in it reaches every
/// other one), each with the imports inside the group.
fn circles(nodes: &[ModulePath], edges: &[Vec<usize>]) -> Vec<String> {
    let reach = |from: usize| -> Vec<bool> {
        let mut seen = vec![false; nodes.len()];
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            for &next in &edges[node] {
                if !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        seen
    };
    let reaches: Vec<Vec<bool>> = (0..nodes.len()).map(reach).collect();
    let mut grouped = vec![false; nodes.len()];
    let mut found = Vec::new();
    for node in 0..nodes.len() {
        if grouped[node] || !reaches[node][node] {
            continue;
        }
        let group: Vec<usize> = (0..nodes.len()).filter(|&n| reaches[node][n] && reaches[n][node]).collect();
        let imports: Vec<String> = (group.iter())
            .flat_map(|&a| edges[a].iter().filter(|b| group.contains(b)).map(move |&b| (a, b)))
            .map(|(a, b)| format!("{} -> {}", nodes[a].join("::"), nodes[b].join("::")))
            .collect();
        for &n in &group {
            grouped[n] = true;
        }
        found.push(imports.join(", "));
    }
    found
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let (nodes, edges) = module_graph();
    let found = circles(&nodes, &edges);
    assert!(found.is_empty(), "modules importing each other in a circle:\n{}", found.join("\n"));
}

#[test]
fn every_form_of_path_is_an_import() {
    let modules: BTreeSet<ModulePath> = [
        "",
        "web",
        "web::state",
        "web::attributes",
        "web::controls",
        "web::framing",
        "web::speech",
        "chart",
        "chart::layout",
        "cli",
        "cli::export",
    ]
    .iter()
    .map(|m| if m.is_empty() { Vec::new() } else { m.split("::").map(String::from).collect() })
    .collect();
    let named = |module: &str, text: &str| -> Vec<String> {
        let here: ModulePath = module.split("::").map(String::from).collect();
        let mut found: Vec<String> = paths_written(&here, text)
            .into_iter()
            .filter_map(|(at, path)| module_named(&modules, &at, &path))
            .map(|m| m.join("::"))
            .filter(|m| *m != module)
            .collect();
        found.sort();
        found.dedup();
        found
    };
    assert_eq!(named("web::state", "use crate::chart::layout;"), ["chart::layout"]);
    assert_eq!(named("web::state", "fn f() { crate::chart::layout::layout(); }"), ["chart::layout"]);
    assert_eq!(named("web::state", "use super::attributes::{self, Options};"), ["web::attributes"]);
    assert_eq!(
        named("web::state", "use super::{controls::{self, Parts}, framing, speech as said};"),
        ["web::controls", "web::framing", "web::speech"]
    );
    assert_eq!(named("web::state", "fn f() { super::super::chart::layout::x() }"), ["chart::layout"]);
    assert_eq!(
        named("web", "use self::state::State; fn f() { attributes::read(); }"),
        ["web::attributes", "web::state"]
    );
    assert_eq!(named("cli::export", "use super::{write_stdout, Options};"), ["cli"]);
    // What is not code names nothing; an inline module's `super` is the file's own module.
    assert_eq!(
        named("web::state", "// super::framing::x\nconst A: &str = \"super::speech::y\";"),
        Vec::<String>::new()
    );
    assert_eq!(named("web::state", "#[cfg(test)]\nmod tests { use super::*; }"), Vec::<String>::new());
    assert_eq!(
        named("web::state", "fn f<'a>(c: char) -> bool { c == '{' && std::mem::take(&mut 1) }"),
        Vec::<String>::new()
    );
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

/// Whether `text` tells the history of a change rather than why the code is so: "issue 16", "(issues 16,
/// 17)", "round two", "the previous round". That belongs in `git log`.
fn history_markers(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '#')).filter(|w| !w.is_empty()).collect();
    let ordinal = ["one", "two", "three", "four", "five", "six"];
    let mut found = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let number = |w: &str| w.trim_start_matches('#').starts_with(|c: char| c.is_ascii_digit());
        let marker = match pair {
            [issue, n] if (*issue == "issue" || *issue == "issues") && number(n) => true,
            ["round", n] if number(n) || ordinal.contains(n) => true,
            [when, "round"] => {
                ["previous", "last", "earlier", "this", "first", "second", "next"].contains(when)
            }
            _ => false,
        };
        if marker {
            found.push(words[i..i + 2].join(" "));
        }
    }
    found
}

#[test]
fn comments_tell_why_not_which_issue_changed_the_code() {
    let mut files = Vec::new();
    for folder in ["src", "www", "scripts"] {
        files_with(&root().join(folder), &["rs", "js", "mjs", "css", "html", "sh"], &mut files);
    }
    files.sort();
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let relative = path.strip_prefix(root()).unwrap().display().to_string();
            (text.lines().enumerate())
                .flat_map(|(n, line)| history_markers(line).into_iter().map(move |m| (n + 1, m)))
                .map(|(n, marker)| format!("{relative}:{n}: \"{marker}\""))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(offenders.is_empty(), "history in the code (it belongs in git log):\n{}", offenders.join("\n"));
}

#[test]
fn history_markers_are_found_in_every_form() {
    assert_eq!(history_markers("// Printed, light (issue 16): the loader"), ["issue 16"]);
    assert_eq!(history_markers("(issues 16, 17)"), ["issues 16"]);
    assert_eq!(
        history_markers("see issue #3; round two; the previous round had"),
        ["issue #3", "round two", "previous round"]
    );
    assert!(history_markers("Math.round(x); the issuer; issued by; round 2.5 down").len() == 1);
    assert!(history_markers("rounds the value; an issue of the dataset").is_empty());
}

/// The file paths a Markdown text names in backticks, each with the folders it may be relative to: the
/// repository, the folders its section's heading names (`### \`src/web/\``), and the folders named before it
/// in the same paragraph or list item (`\`e2e/\`: \`widget.test.mjs\``). A path is a name with a `/` or a
/// file extension; build outputs (`dist/`, `target/`) and paths outside the repository (`../`) are left out.
fn named_paths(markdown: &str) -> Vec<(String, Vec<PathBuf>)> {
    const EXTENSIONS: [&str; 14] =
        ["rs", "js", "mjs", "json", "css", "html", "md", "sh", "txt", "svg", "png", "toml", "wasm", "ttf"];
    let is_path = |token: &str| {
        token.chars().all(|c| c.is_ascii_alphanumeric() || "_-./".contains(c))
            && token.starts_with(|c: char| c.is_ascii_alphanumeric())
            && (token.contains('/')
                || token.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext)))
    };
    let generated = |token: &str| ["dist/", "target/", "test-output/"].iter().any(|p| token.starts_with(p));
    let ticked =
        |line: &str| -> Vec<String> { line.split('`').skip(1).step_by(2).map(String::from).collect() };
    let resolve =
        |bases: &[PathBuf], token: &str| -> Vec<PathBuf> { bases.iter().map(|b| b.join(token)).collect() };
    let mut found = Vec::new();
    let mut section: Vec<PathBuf> = vec![PathBuf::new()];
    let mut block: Vec<PathBuf> = Vec::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if line.starts_with('#') {
            section = vec![PathBuf::new()];
            for token in ticked(line).into_iter().filter(|t| is_path(t)) {
                let path = PathBuf::from(&token);
                section.push(if token.ends_with('/') { path } else { path.parent().unwrap().to_path_buf() });
            }
            block.clear();
        }
        if line.trim().is_empty() || line.starts_with("- ") {
            block.clear();
        }
        for token in ticked(line).into_iter().filter(|t| is_path(t) && !generated(t)) {
            let mut bases: Vec<PathBuf> = Vec::new();
            for base in section.iter().chain(&block) {
                if !bases.contains(base) {
                    bases.push(base.clone());
                }
            }
            if token.ends_with('/') {
                if let Some(folder) = resolve(&bases, &token).into_iter().find(|p| root().join(p).is_dir()) {
                    block.push(folder);
                }
            }
            found.push((token.clone(), resolve(&bases, &token)));
        }
    }
    found
}

#[test]
fn every_file_the_architecture_names_exists() {
    let markdown = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let missing: Vec<String> = named_paths(&markdown)
        .into_iter()
        .filter(|(_, candidates)| !candidates.iter().any(|p| root().join(p).exists()))
        .map(|(token, candidates)| format!("`{token}` (looked for {candidates:?})"))
        .collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist:\n{}", missing.join("\n"));
}
