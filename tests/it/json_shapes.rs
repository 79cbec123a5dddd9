//! The JSON of `find`, `list`, `show` and `report` uses one project shape and
//! one theme reference shape (`docs/json.md`): these tests parse each
//! command's output and check every field's name and type, so that a drift in
//! any of them breaks here.

use aoplan::plan::{Plan, Status};
use serde_json::{Map, Value};

use crate::support::plan_dir::PlanDir;

const PROJECT: &str = "kwalen-kwartet";

fn plan() -> Plan {
    let mut plan = aoplan::codec::parse(aoplan::storage::BUNDLED_PLAN).expect("bundled plan");
    let loc = plan.locate(PROJECT).unwrap();
    let p = plan.project_mut(loc).unwrap();
    p.owner = "Zoë de Vries".into();
    p.notes = "Eerste druk".into();
    p.status.0.insert(2027, Status::Done);
    plan
}

fn json(dir: &PlanDir, args: &[&str]) -> Value {
    serde_json::from_str(&dir.stdout(args)).expect("JSON")
}

/// `{id, name}`, both strings, nothing else.
fn assert_ref(v: &Value) {
    let o = v.as_object().unwrap_or_else(|| panic!("an object: {v}"));
    assert_eq!(keys(o), ["id", "name"], "{v}");
    assert!(o["id"].is_string() && o["name"].is_string(), "{v}");
}

fn keys(o: &Map<String, Value>) -> Vec<&str> {
    let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

/// The project shape, and `extra` fields besides it (checked by the caller).
fn assert_project(v: &Value, extra: &[&str]) {
    let o = v.as_object().unwrap_or_else(|| panic!("an object: {v}"));
    let mut expected = vec![
        "id", "notes", "owner", "status", "subtheme", "theme", "title", "year",
    ];
    expected.extend_from_slice(extra);
    expected.sort_unstable();
    assert_eq!(keys(o), expected, "{v}");
    for key in ["id", "title", "owner", "notes"] {
        assert!(o[key].is_string(), "{key} in {v}");
    }
    assert!(o["year"].is_u64(), "{v}");
    let status = &o["status"];
    assert!(
        status.is_null()
            || ["Planned", "InProgress", "Done", "OnHold", "Cancelled"]
                .contains(&status.as_str().unwrap_or("")),
        "{v}"
    );
    assert_ref(&o["theme"]);
    assert_ref(&o["subtheme"]);
}

#[test]
fn find_prints_projects_with_score_and_matches() {
    let dir = PlanDir::new(&plan());
    let hits = json(&dir, &["find", "--json", "kwalen"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        assert_project(h, &["matched", "score"]);
        assert!(h["score"].is_i64());
        for m in h["matched"].as_array().unwrap() {
            assert!(m["field"].is_string());
            for r in m["ranges"].as_array().unwrap() {
                let r = r.as_array().unwrap();
                assert!(r.len() == 2 && r.iter().all(Value::is_u64));
            }
        }
    }
    assert_eq!(hits[0]["id"], PROJECT);
    assert_eq!(hits[0]["theme"]["id"], "open-over-de-overgang");
}

#[test]
fn list_prints_projects_with_when_they_changed() {
    let dir = PlanDir::new(&plan());
    let listed = json(
        &dir,
        &["list", "--json", "--year", "2027", "--owner", "zoe"],
    );
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_project(&listed[0], &["changed"]);
    assert!(listed[0]["changed"].is_null() || listed[0]["changed"].is_string());
    assert_eq!(listed[0]["year"], 2027);
    assert_eq!(listed[0]["status"], "Done");
}

#[test]
fn show_prints_the_project_shape_and_everything_else() {
    let dir = PlanDir::new(&plan());
    let shown = json(&dir, &["show", "--json", PROJECT]);
    assert_project(&shown, &["details", "history", "kind", "statuses"]);
    assert_eq!(shown["kind"], "project");
    assert_eq!(shown["status"], "Planned");
    assert_eq!(
        shown["statuses"],
        serde_json::json!({"2026": "Planned", "2027": "Done"})
    );
    assert!(shown["history"].is_array() && shown["details"].is_string());
    let sub = json(&dir, &["show", "--json", "de-overgang-wat-is-het"]);
    assert_ref(&sub["theme"]);
    for p in sub["projects"].as_array().unwrap() {
        assert_project(p, &[]);
    }
}

#[test]
fn report_prints_the_project_shape_under_each_sub_theme() {
    let dir = PlanDir::new(&plan());
    let report = json(&dir, &["report", "--format", "json"]);
    let mut seen = 0;
    for theme in report["themes"].as_array().unwrap() {
        assert!(theme["id"].is_string() && theme["name"].is_string());
        for sub in theme["subthemes"].as_array().unwrap() {
            for p in sub["projects"].as_array().unwrap() {
                assert_project(p, &[]);
                assert_eq!(p["theme"]["id"], theme["id"]);
                assert_eq!(p["subtheme"]["id"], sub["id"]);
                seen += 1;
            }
        }
    }
    assert_eq!(seen, plan().project_count());
}

#[test]
fn json_and_text_exit_alike() {
    let dir = PlanDir::new(&plan());
    for args in [
        &["find", "zzzqqq"][..],
        &["list", "--owner", "niemand"],
        &["show", "geen-project"],
    ] {
        let text = dir.run(args);
        let with_json = dir.run(&[args, &["--json"]].concat());
        assert_eq!(text.status.code(), Some(1), "{args:?}");
        assert_eq!(with_json.status.code(), Some(1), "{args:?} --json");
        assert_eq!(text.stderr, with_json.stderr, "{args:?}");
    }
    let found = dir.run(&["find", "zzzqqq", "--json"]);
    assert_eq!(String::from_utf8(found.stdout).unwrap(), "[]\n");
}
