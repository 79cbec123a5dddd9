//! Finding the modules a source file uses, by plain string scanning: fast, and
//! exact enough for `use crate::…` and `crate::module::item` paths.

use std::fs;
use std::path::Path;

/// A module named in a file's code, and the line it is named on.
pub struct Import {
    pub module: String,
    pub line: usize,
}

/// One source file: its path from the package root (`src/app/overviews.rs`), its
/// top-level module (`app`), the modules it names, and its code.
pub struct File {
    pub path: String,
    pub module: String,
    pub imports: Vec<Import>,
    code: String,
}

impl File {
    /// The lines where `item` (`edit::login_name`) is named as a path.
    pub fn deprecated_uses(&self, item: &str) -> Vec<usize> {
        let (module, _) = item.split_once("::").expect("module::item");
        if self.module == module {
            return Vec::new();
        }
        self.code
            .match_indices(item)
            .filter(|(at, _)| {
                let before = self.code[..*at].chars().next_back();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .map(|(at, _)| line_of(&self.code, at))
            .collect()
    }
}

/// Every non-test `.rs` file under `src`, with its imports. `lib.rs` only lists
/// the modules and is left out; `main.rs` is the module `main`, whose paths
/// start with the library's name.
pub fn scan_src(src: &Path) -> Vec<File> {
    let mut paths = Vec::new();
    collect(src, &mut paths);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(src).expect("under src");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let is_test = parts.iter().any(|p| p == "tests" || p == "tests.rs");
        if is_test || parts == ["lib.rs"] {
            continue;
        }
        let module = parts[0].trim_end_matches(".rs");
        let root = if module == "main" { "aoplan" } else { "crate" };
        let text = fs::read_to_string(&path).expect("source file reads");
        let path = format!("src/{}", parts.join("/"));
        files.push(scan_code(&path, module, &text, root));
    }
    files
}

/// One file's text, scanned for `ROOT::module` paths.
pub fn scan_code(path: &str, module: &str, text: &str, root: &str) -> File {
    let code = without_tests(&blank_non_code(text));
    File {
        path: path.to_string(),
        module: module.to_string(),
        imports: paths_in(&code, root),
        code,
    }
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ lists") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code with comments and the insides of string and character literals
/// replaced by spaces; line breaks stay, so offsets keep their line numbers.
fn blank_non_code(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r' && matches!(next, Some('"' | '#')) && !ident_char_at(&c, i) {
            // A raw string: r"…", r#"…"#.
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain((0..hashes).map(|_| '#'))
                .collect();
            let body_start = i + 2 + hashes;
            let rest: String = c[body_start..].iter().collect();
            let body_len = rest
                .find(&close)
                .map_or(rest.len(), |b| rest[..b].chars().count());
            for ch in &c[i..body_start] {
                out.push(*ch);
            }
            for ch in &c[body_start..body_start + body_len] {
                blank(&mut out, *ch);
            }
            i = (body_start + body_len + close.len()).min(c.len());
            out.push_str(&close[..close.len().min(c.len() - body_start - body_len)]);
        } else if c[i] == '"' {
            out.push('"');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            if i < c.len() {
                out.push('"');
                i += 1;
            }
        } else if c[i] == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
            // A character literal ('{', '\n', '\u{7f}'), not a lifetime.
            out.push('\'');
            i += 1;
            while i < c.len() && c[i] != '\'' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            if i < c.len() {
                out.push('\'');
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Whether the character before `i` continues an identifier (`br"…"`, `for`).
fn ident_char_at(c: &[char], i: usize) -> bool {
    i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')
}

/// The code with every `#[cfg(test)]` item blanked: up to its `;`, or through
/// the braces of its body.
fn without_tests(code: &str) -> String {
    const ATTR: &str = "#[cfg(test)]";
    let mut out: Vec<u8> = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(found) = code[from..].find(ATTR) {
        let start = from + found;
        let mut i = start + ATTR.len();
        let bytes = code.as_bytes();
        let mut depth = 0usize;
        while i < bytes.len() {
            match bytes[i] {
                b';' if depth == 0 => break,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let end = (i + 1).min(bytes.len());
        for b in &mut out[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        from = end;
    }
    String::from_utf8(out).expect("only ASCII was blanked")
}

/// The modules named by `ROOT::module` paths in `code`, with `use ROOT::{a, b::X}`
/// groups unfolded.
fn paths_in(code: &str, root: &str) -> Vec<Import> {
    let prefix = format!("{root}::");
    let mut imports = Vec::new();
    for (at, _) in code.match_indices(&prefix) {
        if ident_before(code, at) {
            continue;
        }
        let rest = at + prefix.len();
        if code[rest..].starts_with('{') {
            group(code, rest + 1, &mut imports);
        } else if let Some(module) = ident_at(code, rest) {
            imports.push(Import {
                module,
                line: line_of(code, rest),
            });
        }
    }
    imports
}

/// The first identifier of every item of the `{…}` group that starts at `from`.
fn group(code: &str, from: usize, imports: &mut Vec<Import>) {
    let bytes = code.as_bytes();
    let mut depth = 0usize;
    let mut item_start = true;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' if depth == 0 => return,
            b'}' => depth -= 1,
            b',' if depth == 0 => item_start = true,
            b if b.is_ascii_whitespace() => {}
            _ if item_start => {
                item_start = false;
                if let Some(module) = ident_at(code, i).filter(|m| m != "self") {
                    imports.push(Import {
                        module,
                        line: line_of(code, i),
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
}

fn ident_at(code: &str, at: usize) -> Option<String> {
    let ident: String = code[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!ident.is_empty()).then_some(ident)
}

/// Whether the path at `at` continues a longer name (`$crate::`, `my_crate::`).
fn ident_before(code: &str, at: usize) -> bool {
    code[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == ':')
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].matches('\n').count() + 1
}
