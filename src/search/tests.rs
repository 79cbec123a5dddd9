//! The engine on the bundled plan: folding, ranking, typos, filters, narrowing
//! and explanations. The relevance of whole queries is pinned in the
//! integration test `search_relevance`.

// Ranges of chars are what is compared here, one or more.
#![allow(clippy::single_range_in_vec_init)]

use super::*;

fn plan() -> Plan {
    crate::codec::parse(crate::storage::BUNDLED_PLAN).unwrap()
}

fn q(text: &str) -> Query {
    Query::parse(text, 2026)
}

fn ids(plan: &Plan, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| match h.target {
            Target::Project(loc) => plan.project(loc).unwrap().id.clone(),
            Target::Subtheme(t, s) => plan.themes[t].subthemes[s].id.clone(),
            Target::Theme(t) => plan.themes[t].id.clone(),
        })
        .collect()
}

fn find(plan: &Plan, text: &str) -> Vec<String> {
    ids(plan, &SearchIndex::build(plan).search(plan, &q(text)))
}

#[test]
fn accent_insensitive_and_best_first() {
    let plan = plan();
    let index = SearchIndex::build(&plan);
    let hits = index.search(&plan, &q("loyale tegenspraak"));
    assert!(!hits.is_empty());
    // The sub-theme named exactly so ranks above projects that only mention it.
    assert!(
        matches!(hits[0].target, Target::Subtheme(..)),
        "{:?}",
        hits[0]
    );
}

#[test]
fn narrowing_gives_the_same_result_as_a_fresh_search() {
    let plan = plan();
    let index = SearchIndex::build(&plan);
    let mut previous = q("o");
    let mut hits = index.search(&plan, &previous);
    for text in [
        "ov",
        "ove",
        "over",
        "overg",
        "overgang",
        "overgang w",
        "overgang werk",
        "overgang werkx",
        "overgang werkxy",
    ] {
        let query = q(text);
        let narrowed = index.narrow(&plan, &query, &previous, &hits);
        assert_eq!(narrowed, index.search(&plan, &query), "query {text}");
        previous = query;
        hits = narrowed;
    }
}

#[test]
fn narrowing_holds_across_typos_and_filters_typed_letter_by_letter() {
    let plan = plan();
    let index = SearchIndex::build(&plan);
    for typed in [
        "kwaalen kwartet",
        "focus werk",
        "status:lopend dig",
        "\"de overgang\" werk",
        "lote",
    ] {
        let mut previous = Query::default();
        let mut hits = Vec::new();
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = q(&typed[..end]);
            let narrowed = index.narrow(&plan, &query, &previous, &hits);
            assert_eq!(
                narrowed,
                index.search(&plan, &query),
                "query {:?}",
                &typed[..end]
            );
            previous = query;
            hits = narrowed;
        }
    }
}

#[test]
fn an_updated_project_is_found_by_its_new_notes() {
    let mut plan = plan();
    let mut index = SearchIndex::build(&plan);
    assert!(index.search(&plan, &q("qqjjxx")).is_empty());
    let loc = plan.locate("programma-loyale-tegenspraak").unwrap();
    plan.project_mut(loc).unwrap().notes = "QQjjxx besproken".into();
    index.update_project(&plan, loc);
    let hits = index.search(&plan, &q("qqjjxx"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].target, Target::Project(loc));
    let why = index.explain(&plan, &q("qqjjxx")).why(&hits[0]);
    assert_eq!(why.ranges(Field::Notes), &[0..6]);
}

#[test]
fn curly_and_straight_quotes_and_dashes_meet() {
    let plan = plan();
    // The details say ‘kwalen-kwartet’ with curly quotes.
    assert_eq!(find(&plan, "'kwalen-kwartet'"), ["kwalen-kwartet"]);
    // The sub-theme is "De Overgang – wat is het?", with an en dash.
    let hits = find(&plan, "overgang - wat");
    assert_eq!(hits[0], "de-overgang-wat-is-het");
}

#[test]
fn one_typo_only_when_nothing_matches_exactly() {
    let plan = plan();
    assert_eq!(find(&plan, "kwaalen"), ["kwalen-kwartet"]);
    assert_eq!(find(&plan, "kwalne"), ["kwalen-kwartet"]);
    // Four letters are too few for a typo.
    let index = SearchIndex::build(&plan);
    let term = |text: &str| query::Term {
        text: text.into(),
        phrase: false,
        open: false,
    };
    assert!(index.spellings(&term("kwln")).is_empty());
    assert_eq!(index.spellings(&term("kwaalen")).len(), 1);
    // A missing letter while typing: the words that start so.
    assert_eq!(
        find(&plan, "pdcast")[0],
        "overgang-trainingen-lezingen-podcasts"
    );
    // A word that is there is not also found misspelled.
    assert!(!find(&plan, "werkdruk").contains(&"werkhouding-voortzetting".to_string()));
}

#[test]
fn scattered_letters_far_apart_are_no_match() {
    let plan = plan();
    assert!(find(&plan, "ideeen").is_empty());
    assert!(find(&plan, "kwel").is_empty());
    // Close together, from a word's start, when nothing better exists, they are.
    assert_eq!(find(&plan, "dshbrd"), ["dashboard-personeelsmonitor"]);
}

#[test]
fn starts_of_consecutive_words() {
    let plan = plan();
    let hits = find(&plan, "lote");
    assert_eq!(hits[0], "loyale-tegenspraak");
    assert!(hits.contains(&"programma-loyale-tegenspraak".to_string()));
}

#[test]
fn filters_alone_list_everything_matching_them() {
    let mut plan = plan();
    let loc = plan.locate("kwalen-kwartet").unwrap();
    plan.project_mut(loc).unwrap().owner = "Zoë de Vries".into();
    let all_in_progress = plan
        .projects()
        .filter(|(_, p)| p.status_in(2026) == Some(crate::plan::Status::InProgress))
        .count();
    assert_eq!(find(&plan, "status:lopend").len(), all_in_progress);
    assert_eq!(find(&plan, "status:in-progress").len(), all_in_progress);
    assert_eq!(find(&plan, "status:lop").len(), all_in_progress);
    assert_eq!(find(&plan, "eigenaar:zoe"), ["kwalen-kwartet"]);
    assert_eq!(find(&plan, "owner:VRIES"), ["kwalen-kwartet"]);
    assert!(
        find(&plan, "owner:ries").is_empty(),
        "names match from a word's start"
    );
    // No project has a status in 2031.
    assert!(find(&plan, "jaar:2031").is_empty());
    assert_eq!(
        find(&plan, "jaar:2031 status:geen").len(),
        plan.project_count()
    );
    let focus = find(&plan, "focus");
    assert!(!focus.is_empty());
    assert!(focus.iter().all(|id| {
        let loc = plan.locate(id).unwrap();
        plan.themes[loc.theme].focus
    }));
    assert_eq!(
        find(&plan, "focus:nee").len() + focus.len(),
        plan.project_count()
    );
}

#[test]
fn problems_and_unknown_keys() {
    let plan = plan();
    let query = q("status:klaar overgang");
    assert_eq!(
        query.problems(),
        [Problem::UnknownStatus {
            value: "klaar".into()
        }]
    );
    assert!(SearchIndex::build(&plan).search(&plan, &query).is_empty());
    assert_eq!(
        q("jaar:27").problems(),
        [Problem::BadYear { value: "27".into() }]
    );
    assert_eq!(
        q("eigenaar:").problems(),
        [Problem::NoValue {
            key: "eigenaar".into()
        }]
    );
    // An unknown key is searched as a word, and named.
    let query = q("thema:overgang 10:30");
    assert!(query.problems().is_empty());
    assert_eq!(query.unknown_keys(), ["thema:"]);
    assert!(SearchIndex::build(&plan).search(&plan, &query).is_empty());
}

#[test]
fn phrases_match_whole_words_in_order() {
    let plan = plan();
    // In a title first, then in a description.
    let hits = find(&plan, "\"impact van de overgang\"");
    assert_eq!(
        hits,
        ["overgang-impact-op-werk", "overgang-functioneren-werkvloer"]
    );
    assert!(find(&plan, "\"overgang van de impact\"").is_empty());
    assert!(
        find(&plan, "\"mpact van\"").is_empty(),
        "a phrase starts a word"
    );
    // While the quote is open, the last word may be a start.
    assert_eq!(find(&plan, "\"impact van de overg").len(), 2);
}

#[test]
fn why_names_the_fields_and_the_matched_characters() {
    let mut plan = plan();
    let loc = plan.locate("kwalen-kwartet").unwrap();
    plan.project_mut(loc).unwrap().owner = "Joost ’t Hooft".into();
    let index = SearchIndex::build(&plan);
    let query = q("'t hooft kwartet");
    let hits = index.search(&plan, &query);
    assert_eq!(ids(&plan, &hits), ["kwalen-kwartet"]);
    let why = index.explain(&plan, &query).why(&hits[0]);
    assert_eq!(why.ranges(Field::Owner), &[6..8, 9..14]);
    assert_eq!(why.ranges(Field::Title), &[28..35]);
    // A typo'd word is marked where the right one stands.
    let query = q("kwaalen");
    let hits = index.search(&plan, &query);
    let why = index.explain(&plan, &query).why(&hits[0]);
    assert_eq!(why.fields[0].field, Field::Title);
    assert_eq!(why.ranges(Field::Title), &[21..27]);
    // A match in the sub-theme's name is explained there.
    let query = q("leefstijl");
    let hits = index.search(&plan, &query);
    let loc = plan.locate("overgang-leefstijl-digitaal-aanbod").unwrap();
    let hit = hits
        .iter()
        .find(|h| h.target == Target::Project(loc))
        .unwrap();
    let why = index.explain(&plan, &query).why(hit);
    assert_eq!(why.ranges(Field::Subtheme), &[15..24]);
}

#[test]
fn a_snippet_keeps_the_match_in_view() {
    let text =
        "Aandacht vragen voor de impact van de overgang op het werk via trainingen, lezingen";
    let at = text.find("trainingen").unwrap();
    let cut = snippet(text, &[at..at + 10], 30);
    assert_eq!(cut.text.chars().count(), 30);
    assert!(cut.text.starts_with('…'), "{}", cut.text);
    let marked: String = cut
        .text
        .chars()
        .skip(cut.ranges[0].start)
        .take(10)
        .collect();
    assert_eq!(marked, "trainingen");
    // Short text stays whole; line breaks become spaces.
    let cut = snippet("Zoë\nde Vries", &[0..3], 30);
    assert_eq!(cut.text, "Zoë de Vries");
    assert_eq!(cut.ranges, [0..3]);
}
