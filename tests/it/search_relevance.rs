//! Relevance: queries a programme manager types, over the bundled plan with a
//! few owners, notes and statuses filled in as a team would. For each, which
//! projects must come first, in order, and which must not appear at all. The
//! same table runs through the library (what the UI's `/` shows) and through
//! `aoplan find --json`, so both serve the same engine.

use aoplan::plan::{Plan, Project, Status};
use aoplan::search::{Query, SearchIndex, Target};

use crate::support::plan_dir::PlanDir;

fn set(plan: &mut Plan, id: &str, change: impl FnOnce(&mut Project)) {
    let loc = plan.locate(id).unwrap_or_else(|| panic!("no project {id}"));
    change(plan.project_mut(loc).expect("located"));
}

/// The bundled plan, a few weeks into the year.
fn plan() -> Plan {
    let mut plan =
        aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).expect("the bundled plan parses");
    set(&mut plan, "kwalen-kwartet", |p| {
        p.owner = "Zoë de Vries".into();
        p.notes = "Eerste druk besproken met ’t projectteam".into();
    });
    set(&mut plan, "overgangsdag", |p| {
        p.owner = "zoë de vries".into();
        p.status.0.insert(2027, Status::InProgress);
    });
    set(&mut plan, "programma-werkdruk", |p| {
        p.owner = "Joost ’t Hooft".into();
        p.notes = "Handvatten komen uit de pilot; zie ook het dashboard".into();
    });
    set(&mut plan, "programma-sociale-veiligheid", |p| {
        p.status.0.insert(2026, Status::OnHold);
    });
    set(&mut plan, "dashboard-personeelsmonitor", |p| {
        p.owner = "Bram Jansen".into();
        p.status.0.insert(2026, Status::OnHold);
    });
    plan
}

struct Case {
    query: &'static str,
    /// The first results, in this order.
    first: &'static [&'static str],
    /// Results that must not appear.
    absent: &'static [&'static str],
    /// Whether `first` is all there is.
    only: bool,
}

const CASES: [Case; 14] = [
    // The README's example: no project says "ideeën", so none is listed.
    Case {
        query: "ideeen",
        first: &[],
        absent: &[],
        only: true,
    },
    Case {
        query: "overgang",
        first: &["overgang-impact-op-werk", "overgangsdag"],
        absent: &[
            "online-vergaderen-voortzetting",
            "organisatie-themadag-digitaliseren",
        ],
        only: false,
    },
    Case {
        query: "overgang werk",
        first: &["overgang-impact-op-werk"],
        absent: &[
            "online-vergaderen-voortzetting",
            "organisatie-themadag-digitaliseren",
        ],
        only: false,
    },
    // One letter too many.
    Case {
        query: "kwaalen",
        first: &["kwalen-kwartet"],
        absent: &[],
        only: true,
    },
    // A typo'd word ranks where it stands: the title before the notes.
    Case {
        query: "dashbord",
        first: &["dashboard-personeelsmonitor", "programma-werkdruk"],
        absent: &[],
        only: true,
    },
    // A straight apostrophe finds the curly one in the owner.
    Case {
        query: "'t hooft",
        first: &["programma-werkdruk"],
        absent: &["kwalen-kwartet"],
        only: true,
    },
    Case {
        query: "status:uitgesteld",
        first: &[
            "dashboard-personeelsmonitor",
            "programma-sociale-veiligheid",
        ],
        absent: &[],
        only: true,
    },
    Case {
        query: "eigenaar:zoe",
        first: &["overgangsdag", "kwalen-kwartet"],
        absent: &[],
        only: true,
    },
    Case {
        query: "jaar:2027 status:lopend",
        first: &["overgangsdag"],
        absent: &[],
        only: true,
    },
    // A phrase: "(digitale) leeroplossingen" is not these words just so.
    Case {
        query: "\"digitale leeroplossingen\"",
        first: &["politiek-bestuurlijk-voortzetting"],
        absent: &[
            "diversiteit-inclusiviteit-voortzetting",
            "banenafspraak-voortzetting",
            "generaties-voortzetting",
            "programma-digitale-ontwikkeling",
        ],
        only: false,
    },
    // A word's start: titles that start with it first.
    Case {
        query: "personeelsmon",
        first: &[
            "personeelsmonitor-2025",
            "personeelsmonitor-cao-partijen-2025",
            "personeelsmonitor-decentraal-2025",
            "dashboard-personeelsmonitor",
        ],
        absent: &["programma-werkdruk"],
        only: false,
    },
    Case {
        query: "werkdruk",
        first: &["programma-werkdruk"],
        absent: &["leernetwerk-werkplezier", "inspiratiesessies-werkplezier"],
        only: false,
    },
    Case {
        query: "focus leeroplossingen",
        first: &["politiek-bestuurlijk-voortzetting"],
        absent: &[
            "overgang-werk-digitaal-aanbod",
            "lezen-en-schrijven-voortzetting",
        ],
        only: false,
    },
    // The starts of consecutive words.
    Case {
        query: "lote",
        first: &["programma-loyale-tegenspraak"],
        absent: &[],
        only: false,
    },
];

/// The projects the library finds for `text`, best first.
fn found(plan: &Plan, index: &SearchIndex, text: &str) -> Vec<String> {
    let query = Query::parse(text, plan.year);
    index
        .search(plan, &query)
        .iter()
        .filter_map(|h| match h.target {
            Target::Project(loc) => Some(plan.project(loc).expect("a hit").id.clone()),
            _ => None,
        })
        .collect()
}

fn check(case: &Case, ids: &[String]) {
    let q = case.query;
    assert!(
        ids.len() >= case.first.len() && ids[..case.first.len()] == *case.first,
        "{q}: first {:?}, found {ids:?}",
        case.first
    );
    if case.only {
        assert_eq!(
            ids.len(),
            case.first.len(),
            "{q}: only {:?}, found {ids:?}",
            case.first
        );
    }
    for id in case.absent {
        assert!(
            !ids.iter().any(|f| f == id),
            "{q}: {id} must not appear in {ids:?}"
        );
    }
}

#[test]
fn the_library_finds_what_is_meant() {
    let plan = plan();
    let index = SearchIndex::build(&plan);
    for case in &CASES {
        check(case, &found(&plan, &index, case.query));
    }
}

#[test]
fn find_answers_the_same() {
    let plan = plan();
    let index = SearchIndex::build(&plan);
    let f = PlanDir::new(&plan);
    for case in &CASES {
        let run = f.run(&["find", "--json", "--limit", "100", case.query]);
        let out = String::from_utf8(run.stdout).expect("UTF-8");
        let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        // Nothing found exits 1, as the text form does; anything found, 0.
        let empty = json.as_array().is_some_and(Vec::is_empty);
        assert_eq!(run.status.code(), Some(i32::from(empty)), "{}", case.query);
        let ids: Vec<String> = (json.as_array().expect("an array").iter())
            .map(|h| h["id"].as_str().expect("an id").to_string())
            .collect();
        assert_eq!(ids, found(&plan, &index, case.query), "{}", case.query);
        check(case, &ids);
    }
}

#[test]
fn find_says_why_a_project_matched() {
    let f = PlanDir::new(&plan());
    let out = f.stdout(&["--lang", "nl", "find", "eigenaar:zoe", "eerste"]);
    assert_eq!(
        out,
        "Gepland     Open over de Overgang › De Overgang – wat is het? › Ontwikkeling van het kwalen-kwartet  [kwalen-kwartet]\n\
         \x20           eigenaar: Zoë de Vries\n\
         \x20           notities: Eerste druk besproken met ’t projectteam\n"
    );
    let json = f.stdout(&["find", "--json", "dashbord"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        json[1]["matched"],
        serde_json::json!([{"field": "notes", "ranges": [[43, 52]]}])
    );
    assert_eq!(json[0]["matched"][0]["field"], "title");
}

#[test]
fn find_explains_a_query_it_cannot_run() {
    let f = PlanDir::new(&plan());
    let err = f.failure(&["find", "status:klaar"]);
    assert_eq!(
        err,
        "aoplan: no status is called `klaar`: choose Planned, In progress, Done, On hold, Cancelled or none\n"
    );
    let err = f.failure(&["--lang", "nl", "find", "jaar:27"]);
    assert_eq!(err, "aoplan: `27` is geen jaartal (zoals jaar:2027)\n");
    // An unknown key is searched as a word, and said so when nothing matched.
    let err = f.failure(&["find", "thema:overgang"]);
    assert!(
        err.contains("`thema:` is no filter (searched as a word)"),
        "{err}"
    );
}

/// Each example of `find --help`, in both languages, run by a shell on the
/// bundled plan as a reader would type it: each one finds something.
#[test]
fn the_help_examples_of_find_work() {
    let f = PlanDir::new(&plan());
    let help = f.stdout(&["find", "--help"]);
    assert!(help.contains(aoplan::i18n::FIND_HELP_EN), "{help}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aoplan"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("a directory").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for help in [aoplan::i18n::FIND_HELP_EN, aoplan::i18n::FIND_HELP_NL] {
        let examples: Vec<&str> = help
            .lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter(|l| l.starts_with("aoplan "))
            .collect();
        assert_eq!(examples.len(), 5, "{help}");
        for line in examples {
            let out = std::process::Command::new("sh")
                .args(["-c", line])
                .env("PATH", &path)
                .env("AOPLAN_FILE", &f.plan)
                .env("AOPLAN_CONFIG", f.dir.path().join("no-config.ron"))
                .env("HOME", f.dir.path())
                .env("LC_ALL", "C")
                .output()
                .expect("sh runs");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let found = if line.contains("--json") {
                stdout.contains("\"id\":")
            } else {
                stdout.contains("  [")
            };
            assert!(
                out.status.success() && found,
                "{line}: {stdout}{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
