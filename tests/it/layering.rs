//! The error type is a leaf (ARCHITECTURE.md): `src/error.rs` names, through `crate::`,
//! `super::` and `self::` paths, only modules that in turn name nothing of the crate or only
//! other such modules. Every module imports the error type, so one path from it to a module
//! above would tie them all into one import circle.
//!
//! The test reads the source, not the compiler: it strips comments and string literals, reads
//! every `crate::`/`super::`/`self::` path (with `{…}` groups), maps it to the module file it
//! names (the longest prefix that is a module), counts a `mod name;` declaration as naming the
//! child, and fails with the circle when one module reached from `error` reaches back. A path
//! to an item of the crate root (`crate::Error`) names `lib.rs`, which declares every module,
//! so it fails too: a leaf names items by their own module.
//!
//! `LIANXI_LAYERING_SRC=<dir>` checks another source tree (e.g. an older commit's `src/`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module by its path from the crate root (`[]` is `lib.rs`).
type Module = Vec<String>;

fn show(m: &Module) -> String {
    if m.is_empty() {
        "crate (lib.rs)".into()
    } else {
        m.join("::")
    }
}

/// The file of module `m` under `src`, if it is a module of its own file.
fn module_file(src: &Path, m: &Module) -> Option<PathBuf> {
    if m.is_empty() {
        return Some(src.join("lib.rs"));
    }
    let mut dir = src.to_path_buf();
    for s in &m[..m.len() - 1] {
        dir.push(s);
    }
    let last = &m[m.len() - 1];
    [
        dir.join(format!("{last}.rs")),
        dir.join(last).join("mod.rs"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// `code` without comments, and with every string and character literal emptied.
fn strip(code: &str) -> String {
    let c: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !is_ident(c[i - 1]))
        {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\n', '\u{..}'), not a lifetime.
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// A little reader of paths in stripped code.
struct Reader<'a> {
    c: &'a [char],
    i: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while self.i < self.c.len() && self.c[self.i].is_whitespace() {
            self.i += 1;
        }
    }

    fn ident(&mut self) -> Option<String> {
        self.space();
        let start = self.i;
        while self.i < self.c.len() && is_ident(self.c[self.i]) {
            self.i += 1;
        }
        (self.i > start).then(|| self.c[start..self.i].iter().collect())
    }

    fn eat(&mut self, s: &str) -> bool {
        self.space();
        let s: Vec<char> = s.chars().collect();
        if self.c[self.i..].starts_with(&s) {
            self.i += s.len();
            true
        } else {
            false
        }
    }

    /// The paths of a use tree after `prefix::`: `a::b::C`, `{a, b::{c, d}}`, `*`.
    fn tree(&mut self, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        if self.eat("{") {
            loop {
                if self.eat("}") {
                    break;
                }
                self.tree(prefix.clone(), out);
                if !self.eat(",") {
                    self.eat("}");
                    break;
                }
            }
            return;
        }
        if self.eat("*") {
            out.push(prefix);
            return;
        }
        let Some(seg) = self.ident() else {
            out.push(prefix);
            return;
        };
        let mut path = prefix;
        path.push(seg);
        let save = self.i;
        if self.eat("::") {
            self.tree(path, out);
        } else {
            self.i = save;
            out.push(path);
        }
    }
}

/// The modules `file` (the file of module `m`) names.
fn named_by(src: &Path, m: &Module, file: &Path) -> BTreeSet<Module> {
    let code = strip(&std::fs::read_to_string(file).unwrap());
    let c: Vec<char> = code.chars().collect();
    let mut paths: Vec<Vec<String>> = Vec::new();
    // The module each brace depth is in (inline `mod name { … }` changes `super`/`self`).
    let mut inline: Vec<(usize, Module)> = vec![(0, m.clone())];
    let mut depth = 0usize;
    let mut i = 0;
    while i < c.len() {
        let before_ok = i == 0 || !(is_ident(c[i - 1]) || c[i - 1] == ':');
        if c[i] == '{' {
            depth += 1;
            i += 1;
            continue;
        }
        if c[i] == '}' {
            if inline.len() > 1 && inline.last().unwrap().0 == depth {
                inline.pop();
            }
            depth = depth.saturating_sub(1);
            i += 1;
            continue;
        }
        if !before_ok || !is_ident(c[i]) {
            i += 1;
            continue;
        }
        let mut r = Reader { c: &c, i };
        let word = r.ident().unwrap();
        let here = inline.last().unwrap().1.clone();
        match word.as_str() {
            "mod" => {
                if let Some(name) = r.ident() {
                    let mut child = here.clone();
                    child.push(name);
                    if r.eat(";") {
                        paths.push(child);
                    } else if r.eat("{") {
                        depth += 1;
                        inline.push((depth, child));
                    }
                }
            }
            "crate" | "super" | "self" if r.eat("::") => {
                let base = match word.as_str() {
                    "crate" => Vec::new(),
                    "self" => here.clone(),
                    _ => {
                        let mut b = here.clone();
                        b.pop();
                        // `super::super::…`
                        loop {
                            let save = r.i;
                            if r.ident().as_deref() == Some("super") && r.eat("::") {
                                b.pop();
                            } else {
                                r.i = save;
                                break;
                            }
                        }
                        b
                    }
                };
                r.tree(base, &mut paths);
            }
            _ => {}
        }
        i = r.i.max(i + 1);
    }
    paths
        .into_iter()
        .map(|p| {
            (0..=p.len())
                .rev()
                .map(|k| p[..k].to_vec())
                .find(|prefix| module_file(src, prefix).is_some())
                .unwrap_or_default()
        })
        .filter(|named| named != m)
        .collect()
}

/// The modules reached from `start`, each with what it names; or the first circle found.
fn reached_from(src: &Path, start: &Module) -> Result<BTreeMap<Module, BTreeSet<Module>>, String> {
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut todo = vec![start.clone()];
    while let Some(m) = todo.pop() {
        if graph.contains_key(&m) {
            continue;
        }
        let file = module_file(src, &m).ok_or_else(|| format!("no file for {}", show(&m)))?;
        let named = named_by(src, &m, &file);
        todo.extend(named.iter().cloned());
        graph.insert(m, named);
    }
    // A circle among them: depth first, with the path kept.
    fn visit(
        m: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Result<(), String> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let circle: Vec<String> = path[at..].iter().chain([m]).map(show).collect();
            return Err(circle.join(" → "));
        }
        if done.contains(m) {
            return Ok(());
        }
        path.push(m.clone());
        for n in &graph[m] {
            visit(n, graph, path, done)?;
        }
        path.pop();
        done.insert(m.clone());
        Ok(())
    }
    visit(start, &graph, &mut Vec::new(), &mut BTreeSet::new())?;
    Ok(graph)
}

fn error_module() -> Module {
    vec!["error".to_string()]
}

#[test]
fn error_is_a_leaf() {
    let src = std::env::var_os("LIANXI_LAYERING_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    match reached_from(&src, &error_module()) {
        Ok(graph) => {
            let names: Vec<String> = graph[&error_module()].iter().map(show).collect();
            // What error.rs names today; each is a leaf (checked above).
            assert!(!names.is_empty(), "error.rs names nothing: {names:?}");
            eprintln!("error.rs names {names:?}; reached: {:?}", {
                graph.keys().map(show).collect::<Vec<_>>()
            });
        }
        Err(circle) => panic!(
            "error.rs is not a leaf: {circle}. Move what the error type needs into error.rs or \
             into a module that names no module above it (ARCHITECTURE.md)."
        ),
    }
}

/// The check itself: the shape the error type had before it was made a leaf fails, and the
/// reader sees through comments, strings, groups, `super` and inline modules.
#[test]
fn the_check_finds_a_circle_through_the_error_type() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |name: &str, text: &str| {
        let p = src.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod error;\npub mod street;\npub mod leaf;\npub mod meetings;\n",
    );
    write("meetings/mod.rs", "pub mod codes;\n");
    write(
        "meetings/codes.rs",
        "use super::super::leaf::X;\npub struct CodeProblem;\n",
    );
    write(
        "leaf.rs",
        "//! Names crate::street only in a comment.\n\
         pub const S: &str = \"crate::street::Field\";\n\
         pub const C: char = '\"';\n\
         #[cfg(test)]\nmod tests {\n    use super::S;\n}\npub struct X;\n",
    );
    write(
        "street.rs",
        "use crate::error::{Error, Result};\npub enum StreetField { Name }\n",
    );

    // The old shape: error names street, which names error.
    write(
        "error.rs",
        "use crate::{leaf::X, street::StreetField};\npub enum Error {}\n",
    );
    let err = reached_from(src, &error_module()).unwrap_err();
    assert_eq!(err, "error → street → error");

    // An item of the crate root names lib.rs, which declares every module.
    write(
        "error.rs",
        "pub enum Error { A(crate::X) }\nmod tests { use super::*; }\n",
    );
    let err = reached_from(src, &error_module()).unwrap_err();
    assert!(err.starts_with("error → crate (lib.rs) → "), "{err}");

    // A leaf, through nested modules and `super::super`.
    write(
        "error.rs",
        "pub enum Error { B(crate::meetings::codes::CodeProblem), L(crate::leaf::X) }\n",
    );
    let graph = reached_from(src, &error_module()).unwrap();
    let reached: Vec<String> = graph.keys().map(show).collect();
    assert_eq!(reached, ["error", "leaf", "meetings::codes"]);
}
