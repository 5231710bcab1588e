//! The server's modules import one another in one direction only. This reads every file under
//! `src/`, lexes it (proc-macro2, so comments and string literals never count), collects which
//! top-level modules each module names — `use crate::x`, `crate::x::…` paths anywhere (attributes
//! and macro bodies included), `super::` chains that climb to the crate root, and, in `lib.rs`,
//! paths that start with a module's name — and fails on any cycle, naming it.
//!
//! Items of the crate root itself (`crate::app`, `crate::AppState`) count as the module `crate`,
//! so a module that reaches back through a root re-export closes a cycle too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The crate root's own items (lib.rs).
const ROOT: &str = "crate";

/// Which top-level modules (or [`ROOT`]) each top-level module names.
type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn modules_import_one_another_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph_of(&src);
    assert!(graph.len() > 10, "read the server's modules: {:?}", graph.keys());
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "module import cycles (each arrow: the left module imports from the right):\n{}",
        cycles.iter().map(|c| format!("  {}", c.join(" -> "))).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_reader_sees_every_form_of_import_and_nothing_in_comments_or_strings() {
    let modules: BTreeSet<String> = ["a", "b", "c", "d", "e", "f", "g"].map(String::from).into();
    let source = r#"
        //! Mentions crate::g in a comment.
        use crate::{a::{X, Y}, b};
        use super::c::Z;
        #[arg(value_parser = crate::d::parse)]
        struct S;
        fn f() { let _ = format!("{}", crate::e::value()); let _ = "crate::g"; super::super::f::h(); }
        fn root() -> crate::AppState { todo!() }
    "#;
    let mut named = BTreeSet::new();
    names(source_tokens(source), &["x".into()], &modules, &mut named);
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    // `super::super` from a top-level module climbs past the root: not a path, so not counted.
    assert_eq!(named, ["a", "b", "c", "crate", "d", "e"]);

    let mut from_root = BTreeSet::new();
    names(source_tokens("pub use a::X; fn app() { b::router(); axum::c::y(); }"), &[], &modules, &mut from_root);
    assert_eq!(from_root.into_iter().collect::<Vec<_>>(), ["a", "b"], "only paths that start with a module");
}

#[test]
fn a_cycle_is_found_and_named() {
    let graph: Graph = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a", "d"]), ("d", vec![])]
        .into_iter()
        .map(|(m, to)| (m.to_owned(), to.into_iter().map(String::from).collect()))
        .collect();
    assert_eq!(cycles(&graph), [vec!["a", "b", "c", "a"]]);
    let acyclic: Graph = [("a", vec!["b"]), ("b", vec![])]
        .into_iter()
        .map(|(m, to)| (m.to_owned(), to.into_iter().map(String::from).collect()))
        .collect();
    assert!(cycles(&acyclic).is_empty());
}

/// The import graph of the crate whose sources are in `src` (`main.rs` is another crate).
fn graph_of(src: &Path) -> Graph {
    let files: Vec<PathBuf> = rust_files(src).into_iter().filter(|f| f != &src.join("main.rs")).collect();
    let paths: Vec<Vec<String>> = files.iter().map(|f| module_path(f.strip_prefix(src).unwrap())).collect();
    let modules: BTreeSet<String> = paths.iter().filter_map(|p| p.first().cloned()).collect();
    let mut graph = Graph::new();
    for (file, at) in files.iter().zip(&paths) {
        let source = std::fs::read_to_string(file).unwrap();
        let from = at.first().cloned().unwrap_or_else(|| ROOT.to_owned());
        let mut named = BTreeSet::new();
        names(source_tokens(&source), at, &modules, &mut named);
        named.remove(&from);
        graph.entry(from).or_default().extend(named);
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// `auth/token.rs` → `[auth, token]`, `auth/mod.rs` → `[auth]`, `lib.rs` → `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if !(stem == "mod" || (parts.is_empty() && stem == "lib")) {
        parts.push(stem.to_owned());
    }
    parts
}

fn source_tokens(source: &str) -> TokenStream {
    TokenStream::from_str(source).unwrap_or_else(|e| panic!("cannot lex a source file: {e}"))
}

/// Adds to `out` the top-level modules (or [`ROOT`]) that paths in `tokens` name, read in the
/// module at path `at`.
fn names(tokens: TokenStream, at: &[String], modules: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let is_ident = |i: usize, name: &str| matches!(tokens.get(i), Some(TokenTree::Ident(id)) if id == name);
    let is_path_sep = |i: usize| {
        matches!((tokens.get(i), tokens.get(i + 1)), (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && b.as_char() == ':')
    };
    let starts_path = |i: usize| i < 2 || !is_path_sep(i - 2);
    let mut i = 0;
    while i < tokens.len() {
        if let TokenTree::Group(group) = &tokens[i] {
            names(group.stream(), at, modules, out);
            i += 1;
            continue;
        }
        // Where a path starting here leads: the crate root, or (in lib.rs) a module's own name.
        let mut at_root = None;
        if starts_path(i) && is_ident(i, "crate") && is_path_sep(i + 1) {
            at_root = Some(i + 3);
        } else if starts_path(i) && is_ident(i, "super") {
            let mut depth = 0;
            let mut j = i;
            while is_ident(j, "super") && is_path_sep(j + 1) {
                depth += 1;
                j += 3;
            }
            if depth > 0 && depth == at.len() {
                at_root = Some(j);
            }
            i = j.max(i + 1);
            if at_root.is_none() {
                continue;
            }
        } else if at.is_empty()
            && starts_path(i)
            && is_path_sep(i + 1)
            && matches!(&tokens[i], TokenTree::Ident(id) if modules.contains(&id.to_string()))
        {
            at_root = Some(i);
        }
        if let Some(next) = at_root {
            match tokens.get(next) {
                Some(TokenTree::Ident(id)) => {
                    out.insert(resolve(&id.to_string(), modules));
                }
                Some(TokenTree::Group(list)) if list.delimiter() == Delimiter::Brace => {
                    for name in first_idents(list.stream()) {
                        out.insert(resolve(&name, modules));
                    }
                }
                _ => {}
            }
            i = next + 1;
            continue;
        }
        i += 1;
    }
}

/// A name at the crate root: a top-level module, or an item of the root itself.
fn resolve(name: &str, modules: &BTreeSet<String>) -> String {
    if modules.contains(name) { name.to_owned() } else { ROOT.to_owned() }
}

/// The first identifier of each comma-separated item of a `use` list (`{a::X, b}` → a, b).
fn first_idents(list: TokenStream) -> Vec<String> {
    let mut names = Vec::new();
    let mut expecting = true;
    for token in list {
        match token {
            TokenTree::Ident(id) if expecting => {
                names.push(id.to_string());
                expecting = false;
            }
            TokenTree::Punct(p) if p.as_char() == ',' => expecting = true,
            _ => {}
        }
    }
    names
}

/// Every cycle a depth-first walk meets, each from the module it starts at back to it.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    fn visit(
        module: &str,
        graph: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if let Some(start) = stack.iter().position(|m| m == module) {
            let mut cycle = stack[start..].to_vec();
            cycle.push(module.to_owned());
            found.push(cycle);
            return;
        }
        if done.contains(module) {
            return;
        }
        stack.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, stack, done, found);
        }
        stack.pop();
        done.insert(module.to_owned());
    }
    let (mut done, mut found) = (BTreeSet::new(), Vec::new());
    for module in graph.keys() {
        visit(module, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}
