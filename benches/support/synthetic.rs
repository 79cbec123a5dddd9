//! Synthetic plans of any size, for benchmarks and load tests: valid, deterministic,
//! with Dutch texts (accents included) and status history.

use aoplan::plan::{HistoryEntry, Plan, Project, Status, Subtheme, Theme, YearStatus};
use aoplan::timestamp::Timestamp;

const WORDS: &[&str] = &[
    "overgang",
    "werkdruk",
    "vakmanschap",
    "ambtelijk",
    "ideeën",
    "één",
    "coöperatie",
    "efficiënt",
    "provincie",
    "medewerkers",
    "leidinggevenden",
    "digitale",
    "ontwikkeling",
    "werkplezier",
    "vitaliteit",
    "inzetbaarheid",
    "samenwerking",
    "organisatiecultuur",
    "generaties",
    "werkvloer",
    "gesprek",
    "tegenspraak",
    "loyale",
    "integer",
    "werken",
    "omgevingswet",
    "projectmanagement",
    "arbeidsmarkt",
    "personeelsmonitor",
    "leerlijn",
    "themadag",
    "programma",
    "voortzetting",
    "aanbod",
    "trainingen",
    "lezingen",
    "podcasts",
    "begeleide",
    "werkvormen",
    "sector",
    "kennisdeling",
    "netwerk",
    "mantelzorg",
    "banenafspraak",
    "diversiteit",
    "inclusiviteit",
    "veiligheid",
    "agressie",
    "registratie",
    "café",
    "reünie",
    "financiën",
    "geïnteresseerd",
    "creëren",
    "georiënteerd",
    "technologieën",
    "’s avonds",
    "– en",
    "de",
    "het",
    "van",
    "voor",
    "met",
    "en",
    "in",
    "op",
    "naar",
    "bij",
];

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn words(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(WORDS[self.below(WORDS.len())]);
        }
        let mut chars = out.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => out,
        }
    }
}

const SUBTHEMES_PER_THEME: usize = 8;
const PROJECTS_PER_SUBTHEME: usize = 10;

/// A valid plan with exactly `projects` projects, 10 per sub-theme, 8 sub-themes per theme.
pub fn plan(projects: usize) -> Plan {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ projects as u64);
    let per_theme = SUBTHEMES_PER_THEME * PROJECTS_PER_SUBTHEME;
    let themes = projects.div_ceil(per_theme);
    let mut left = projects;
    let mut plan = Plan {
        fund: "A&O-fonds Provincies".into(),
        title: format!("Synthetisch plan ({projects} projecten)"),
        year: 2026,
        themes: Vec::with_capacity(themes),
        archive: Vec::new(),
        log: Vec::new(),
        conflicts: Vec::new(),
    };
    for t in 0..themes {
        let mut theme = Theme {
            id: format!("thema-{t}"),
            name: rng.words(1, 4),
            focus: t % 3 == 0,
            intro: rng.words(20, 50),
            subthemes: Vec::new(),
        };
        for s in 0..SUBTHEMES_PER_THEME {
            if left == 0 {
                break;
            }
            let mut sub = Subtheme {
                id: format!("sub-{t}-{s}"),
                name: rng.words(1, 4),
                intro: rng.words(15, 40),
                projects: Vec::new(),
            };
            for p in 0..PROJECTS_PER_SUBTHEME.min(left) {
                sub.projects
                    .push(project(&mut rng, format!("project-{t}-{s}-{p}")));
                left -= 1;
            }
            theme.subthemes.push(sub);
        }
        plan.themes.push(theme);
    }
    plan
}

fn project(rng: &mut Rng, id: String) -> Project {
    let mut status = std::collections::BTreeMap::new();
    let mut history = Vec::new();
    let mut current = None;
    let mut at = Timestamp::parse_date("2025-01-06").expect("valid date").0;
    for year in [2025u16, 2026] {
        let s = Status::ALL[rng.below(5)];
        status.insert(year, s);
        history.push(HistoryEntry {
            at: Timestamp(at),
            by: ["jdevries", "mbakker", "sjansen"][rng.below(3)].into(),
            year,
            from: current,
            to: Some(s),
        });
        current = Some(s);
        at += 86_400 * (30 + rng.below(200) as i64);
    }
    Project {
        id,
        title: rng.words(3, 7),
        details: rng.words(20, 60),
        owner: if rng.below(3) == 0 {
            rng.words(1, 2)
        } else {
            String::new()
        },
        notes: if rng.below(4) == 0 {
            rng.words(3, 12)
        } else {
            String::new()
        },
        status: YearStatus(status),
        history,
    }
}

/// [`plan`] after a year of use: `entries` status changes per project (the
/// two of [`plan`] and more through 2026, each from the status before), and in
/// the plan's log a rename of every 100th project, a move of every 250th to
/// another sub-theme and the archiving of every 1000th, made through the edits
/// layer in time order. What `report --as-of` and `--compare` undo.
#[allow(dead_code)]
pub fn with_history(projects: usize, entries: usize) -> Plan {
    use aoplan::edit::{self, Change, Edit, TextField};
    use aoplan::plan::Kind;

    let mut plan = plan(projects);
    let mut rng = Rng(0x51_7CC1_B727_220A ^ projects as u64);
    let year_start = Timestamp::parse_date("2026-01-01").expect("valid date").0;
    let year = 365 * 86_400;
    let added = entries.saturating_sub(2).max(1) as i64;
    for theme in &mut plan.themes {
        for sub in &mut theme.subthemes {
            for p in &mut sub.projects {
                let mut current = p.status_in(2026);
                for k in 0..entries.saturating_sub(2) as i64 {
                    let mut to = Status::ALL[rng.below(5)];
                    if Some(to) == current {
                        to = Status::ALL[(to as usize + 1) % 5];
                    }
                    let at = year_start + k * year / added + rng.below(86_400) as i64;
                    p.history.push(HistoryEntry {
                        at: Timestamp(at),
                        by: ["jdevries", "mbakker", "sjansen"][rng.below(3)].into(),
                        year: 2026,
                        from: current,
                        to: Some(to),
                    });
                    current = Some(to);
                }
                if let Some(s) = current {
                    p.status.0.insert(2026, s);
                }
            }
        }
    }
    let ids: Vec<String> = plan.projects().map(|(_, p)| p.id.clone()).collect();
    let subs: Vec<String> = (plan.themes.iter().flat_map(|t| &t.subthemes))
        .map(|s| s.id.clone())
        .collect();
    let mut events: Vec<(i64, usize)> = (0..ids.len())
        .filter(|i| i % 100 == 0 || i % 250 == 0 || i % 1000 == 999)
        .map(|i| (year_start + rng.below(year as usize) as i64, i))
        .collect();
    events.sort_unstable();
    for (at, i) in events {
        let id = &ids[i];
        let change = if i % 1000 == 999 {
            Change::archive(&plan, Kind::Project, id)
        } else if i % 250 == 0 {
            let to = &subs[(i / 10 + 1) % subs.len()];
            Change::move_to(&plan, Kind::Project, id, to, None)
        } else {
            let title = format!("{} (herzien)", rng.words(2, 5));
            Change::text(&plan, TextField::Title(id.clone()), title)
        };
        if let Some(change) = change {
            edit::apply(&mut plan, &Edit::new(change, Timestamp(at), "mbakker"));
        }
    }
    plan
}
