//! Messages of `aoplan new` and `aoplan import`.

use super::Lang;

/// What a new plan holds, for the message that says it was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewPlan<'a> {
    /// The plan file, as shown (already made safe for a terminal).
    pub path: &'a str,
    pub title: &'a str,
    pub fund: &'a str,
    pub year: u16,
    pub themes: usize,
    pub subthemes: usize,
    pub projects: usize,
}

impl Lang {
    /// "created PATH: TITLE (FUND, plan year Y): 5 themes, 12 sub-themes, 40
    /// projects", or what would be created in a dry run.
    pub fn plan_created(self, p: &NewPlan, dry_run: bool) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match self {
            Lang::Nl => {
                let what = format!(
                    "{} ({}, planjaar {}): {}, {}, {}",
                    p.title,
                    p.fund,
                    p.year,
                    count(p.themes, "thema", "thema’s"),
                    count(p.subthemes, "subthema", "subthema’s"),
                    count(p.projects, "project", "projecten"),
                );
                if dry_run {
                    format!("zou {} aanmaken: {what} (proef: niets geschreven)", p.path)
                } else {
                    format!("{} aangemaakt: {what}", p.path)
                }
            }
            Lang::En => {
                let what = format!(
                    "{} ({}, plan year {}): {}, {}, {}",
                    p.title,
                    p.fund,
                    p.year,
                    count(p.themes, "theme", "themes"),
                    count(p.subthemes, "sub-theme", "sub-themes"),
                    count(p.projects, "project", "projects"),
                );
                if dry_run {
                    format!("would create {}: {what} (dry run: nothing written)", p.path)
                } else {
                    format!("created {}: {what}", p.path)
                }
            }
        }
    }

    /// A new plan would replace a file that is there.
    pub fn plan_exists(self, path: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{path} bestaat al; `new` en `import` overschrijven nooit een bestand: \
                 kies een ander --file, of verplaats het bestaande eerst"
            ),
            Lang::En => format!(
                "{path} already exists; `new` and `import` never replace a file: \
                 choose another --file, or move the existing one away first"
            ),
        }
    }

    /// `new` or `import` without `--year`.
    pub fn new_plan_needs_year(self) -> &'static str {
        match self {
            Lang::Nl => "--year JAAR is nodig: het jaar van het nieuwe plan",
            Lang::En => "--year YEAR is required: the new plan's year",
        }
    }

    /// `import -`: where the outline came from, in messages.
    pub fn standard_input(self) -> &'static str {
        match self {
            Lang::Nl => "<standaardinvoer>",
            Lang::En => "<stdin>",
        }
    }

    /// `new` or `import` with `--read-only`.
    pub fn read_only_creates_nothing(self) -> &'static str {
        match self {
            Lang::Nl => {
                "--read-only: er wordt geen plan aangemaakt (gebruik --dry-run om te proberen)"
            }
            Lang::En => "--read-only: no plan is created (use --dry-run to try)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_count_and_name_the_file() {
        let p = NewPlan {
            path: "plan.ron",
            title: "Activiteitenplan 2021",
            fund: "A&O fonds Gemeenten",
            year: 2021,
            themes: 5,
            subthemes: 1,
            projects: 0,
        };
        assert_eq!(
            Lang::En.plan_created(&p, false),
            "created plan.ron: Activiteitenplan 2021 (A&O fonds Gemeenten, plan year 2021): \
             5 themes, 1 sub-theme, 0 projects"
        );
        assert_eq!(
            Lang::Nl.plan_created(&p, true),
            "zou plan.ron aanmaken: Activiteitenplan 2021 (A&O fonds Gemeenten, planjaar 2021): \
             5 thema’s, 1 subthema, 0 projecten (proef: niets geschreven)"
        );
        assert!(
            Lang::Nl
                .plan_exists("x.ron")
                .starts_with("x.ron bestaat al")
        );
    }
}
