//! The architecture guard: every module of `src/` imports only from the layers
//! below it, and modules of one layer form no cycle. `docs/architecture.md`
//! explains the layers; [`LAYERS`] is the one place they are defined.
//!
//! The scan reads each file's code (comments, string and character literals
//! blanked out) and collects every `crate::module` path, including the items of
//! `use crate::{a::X, b}` groups; the binary's `aoplan::module` paths likewise.
//! Test code is left out: `#[cfg(test)]` items, and files named `tests.rs` or
//! under a `tests/` directory. A test fixture may borrow from anywhere.

#[path = "architecture/scan.rs"]
mod scan;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use scan::{Import, scan_src};

/// One layer: its top-level modules, and the layers below it that it may use.
/// A layer may always use its own modules, as long as they form no cycle.
struct Layer {
    name: &'static str,
    modules: &'static [&'static str],
    may_use: &'static [&'static str],
    /// Whether the modules of this layer must form no import cycle.
    acyclic: bool,
}

/// The layers, from the bottom up. A layer may only name layers above it in
/// this list in `may_use` (checked), so the graph of layers is one way.
const LAYERS: &[Layer] = &[
    Layer {
        // Helpers with no knowledge of plans: text folding and similarity,
        // timestamps and dates, the terminal sanitiser, the OS lookups, guarded reads.
        name: "base",
        modules: &[
            "text",
            "timestamp",
            "dates",
            "terminal_safe",
            "platform",
            "aux_file",
        ],
        may_use: &[],
        acyclic: true,
    },
    Layer {
        name: "model",
        modules: &["plan"],
        may_use: &["base"],
        acyclic: true,
    },
    Layer {
        name: "codec",
        modules: &["codec", "outline"],
        may_use: &["base", "model"],
        acyclic: true,
    },
    Layer {
        name: "edits",
        modules: &["edit"],
        may_use: &["base", "model", "codec"],
        acyclic: true,
    },
    Layer {
        // Words only: it formats statuses, edits and what the codec found
        // wrong, and knows no screen or file.
        name: "i18n",
        modules: &["i18n"],
        may_use: &["base", "model", "codec", "edits"],
        acyclic: true,
    },
    Layer {
        name: "storage",
        modules: &["storage", "journal", "presence", "config"],
        may_use: &["base", "model", "codec", "edits", "i18n"],
        acyclic: true,
    },
    Layer {
        name: "search",
        modules: &["search"],
        may_use: &["base", "model", "i18n"],
        acyclic: true,
    },
    Layer {
        // Data in, data out: no files, no commands, no screen.
        name: "reports",
        // `as_of` rewinds the plan by undoing recorded changes with the edits layer.
        // `board` renders the board pack from `report` and `as_of`.
        modules: &["report", "changes", "rollover", "as_of", "board"],
        may_use: &["base", "model", "edits", "i18n"],
        acyclic: true,
    },
    Layer {
        // The pure state machine, its key bindings and its editors. Of the
        // pure reports it uses the plan as it was (`as_of`), for time travel
        // and the progress chart.
        name: "app",
        modules: &["app", "keymap", "line_editor", "text_editor", "view"],
        may_use: &["base", "model", "edits", "i18n", "search", "reports"],
        acyclic: true,
    },
    Layer {
        name: "ui",
        modules: &["ui"],
        may_use: &["base", "model", "edits", "i18n", "search", "app"],
        acyclic: true,
    },
    Layer {
        // Terminal, threads and effects.
        name: "runtime",
        modules: &["tui"],
        may_use: &[
            "base", "model", "codec", "edits", "i18n", "storage", "search", "app", "ui",
        ],
        acyclic: true,
    },
    Layer {
        // The CLI: parse, call, print.
        name: "commands",
        modules: &["commands", "cli", "output"],
        may_use: &[
            "base", "model", "codec", "edits", "i18n", "storage", "search", "reports",
        ],
        acyclic: true,
    },
    Layer {
        name: "binary",
        modules: &["main"],
        may_use: &[
            "base", "model", "codec", "edits", "i18n", "storage", "search", "reports", "app", "ui",
            "runtime", "commands",
        ],
        acyclic: true,
    },
];

/// Items no module may use any more, with what to use instead.
const DEPRECATED: &[(&str, &str)] = &[("edit::login_name", "platform::login_name")];

fn layer_of(module: &str) -> Option<&'static Layer> {
    LAYERS.iter().find(|l| l.modules.contains(&module))
}

#[test]
fn the_scan_sees_paths_in_code_only() {
    let code = r##"
//! See [`crate::ui`].
use crate::{
    plan::{Plan, Status},
    edit::{self, Edit},
};
use crate::storage::Store; // crate::tui in a comment
fn f() -> char { let s = "crate::app"; let r = r#"crate::keymap"#; let c = '{'; crate::search::x() }
fn g<'a>(_: &'a str) { /* crate::config */ }
#[cfg(test)]
mod tests { use crate::commands; fn h() { let _ = '}'; } }
fn after_tests() { crate::journal::Journal::in_dir(a, b); }
"##;
    let file = scan::scan_code("src/x.rs", "x", code, "crate");
    let seen: Vec<(&str, usize)> = (file.imports.iter())
        .map(|i| (i.module.as_str(), i.line))
        .collect();
    assert_eq!(
        seen,
        [
            ("plan", 4),
            ("edit", 5),
            ("storage", 7),
            ("search", 8),
            ("journal", 12)
        ]
    );
}

#[test]
fn the_layer_table_is_one_way_and_complete() {
    let mut problems = Vec::new();
    for (i, layer) in LAYERS.iter().enumerate() {
        for used in layer.may_use {
            match LAYERS.iter().position(|l| l.name == *used) {
                Some(j) if j < i => {}
                Some(_) => problems.push(format!("{} may use {used}, above it", layer.name)),
                None => problems.push(format!("{} may use {used}: no such layer", layer.name)),
            }
        }
    }
    let files = scan_src(Path::new("src"));
    let on_disk: BTreeSet<&str> = files.iter().map(|f| f.module.as_str()).collect();
    for module in &on_disk {
        if layer_of(module).is_none() {
            problems.push(format!(
                "module `{module}` is in no layer: add it to LAYERS"
            ));
        }
    }
    for layer in LAYERS {
        for module in layer.modules {
            if !on_disk.contains(module) {
                problems.push(format!("LAYERS names `{module}`, which src/ does not have"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn no_module_imports_from_a_layer_above_it_or_in_a_cycle() {
    let files = scan_src(Path::new("src"));
    let mut problems = Vec::new();
    // Same-layer edges, for the cycle check: module → used module → where.
    let mut edges: BTreeMap<&str, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for file in &files {
        let Some(layer) = layer_of(&file.module) else {
            continue; // reported by the table test
        };
        for Import { module, line } in &file.imports {
            let at = format!("{}:{line}", file.path);
            if *module == file.module {
                continue;
            }
            let Some(used) = layer_of(module) else {
                continue;
            };
            if used.name == layer.name {
                let targets = edges.entry(file.module.as_str()).or_default();
                targets.entry(module.as_str()).or_default().push(at);
            } else if !layer.may_use.contains(&used.name) {
                problems.push(format!(
                    "{at}: `{}` ({}) imports `{module}` ({}), which its layer may not use",
                    file.module, layer.name, used.name
                ));
            }
        }
        for (item, instead) in DEPRECATED {
            for line in &file.deprecated_uses(item) {
                problems.push(format!(
                    "{}:{line}: uses the deprecated `{item}`; use `{instead}`",
                    file.path
                ));
            }
        }
    }
    for layer in LAYERS.iter().filter(|l| l.acyclic) {
        for cycle in cycles(layer.modules, &edges) {
            let mut text = format!("cycle in layer {}: {}", layer.name, cycle.join(" → "));
            for pair in cycle.windows(2) {
                for at in &edges[pair[0]][pair[1]] {
                    text.push_str(&format!("\n    {at}: `{}` imports `{}`", pair[0], pair[1]));
                }
            }
            problems.push(text);
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// The cycles among `modules`, each as a path that returns to its start,
/// reported once, from its alphabetically first module.
fn cycles<'a>(
    modules: &[&'a str],
    edges: &BTreeMap<&'a str, BTreeMap<&'a str, Vec<String>>>,
) -> Vec<Vec<&'a str>> {
    let next_of = |at: &str| -> Vec<&'a str> {
        edges
            .get(at)
            .map(|t| t.keys().copied().collect())
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    for &start in modules {
        // Breadth first from `start`, remembering where each module was reached from.
        let mut from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::from([start]);
        'search: while let Some(at) = queue.pop_front() {
            for next in next_of(at) {
                if next == start {
                    let mut path = vec![start, at];
                    let mut back = at;
                    while back != start {
                        back = from[back];
                        path.push(back);
                    }
                    path.reverse(); // start, …, at, start
                    if path.iter().all(|m| *m >= start) {
                        found.push(path);
                    }
                    break 'search;
                }
                if !from.contains_key(next) {
                    from.insert(next, at);
                    queue.push_back(next);
                }
            }
        }
    }
    found
}
