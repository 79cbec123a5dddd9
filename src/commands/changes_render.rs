//! `aoplan changes` as text, Markdown and CSV (JSON: [`super::changes_json`]).
//! A status row looks as it always did; other rows put what changed where a
//! status row has its year.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::changes::{Group, Row, Val, What};
use super::planning::{place_text, short};
use crate::changes::Window;
use crate::cli::ChangeKind;
use crate::i18n::Lang;
use crate::plan::TextKind;
use crate::report::Format;
use crate::report::markdown::{self, Align};
use crate::report::spreadsheet::{self, record};
use crate::terminal_safe::line;
use crate::timestamp::Timestamp;

/// The changes to write, and what was asked for.
pub(super) struct Listing<'l, 'a> {
    pub groups: &'l [Group<'a>],
    pub window: &'l Window,
    /// Only status changes were asked for: the title says so.
    pub only_status: bool,
    /// Times are shown in this zone.
    pub zone: &'l jiff::tz::TimeZone,
    /// How many recorded changes the net view does not show as rows of their
    /// own; `None` when every change is shown (`--all`).
    pub folded: Option<usize>,
    /// How CSV is written.
    pub csv: crate::report::Csv,
}

impl Listing<'_, '_> {
    pub(super) fn write(&self, format: Format, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Text => self.text(lang, out),
            Format::Markdown => self.markdown(lang, out),
            Format::Csv => Ok(self.csv(lang, out)?),
            Format::Json => self.json(out),
        }
    }

    /// "Changes", or "Status changes" when only those were asked for.
    fn title(&self, lang: Lang) -> (&'static str, &'static str) {
        if self.only_status {
            (lang.report().changes_title, lang.report().no_changes)
        } else {
            let t = lang.planning_words();
            (t.changes_title, t.no_changes)
        }
    }

    /// "since 1 Mar 2026" or "from 1 Mar 2026 through 31 Mar 2026": the days
    /// (or times) the window starts and ends with, in local time.
    fn period(&self, lang: Lang) -> String {
        let (t, w) = (lang.report(), self.window);
        let since = lang.moment_start(&w.since, self.zone);
        match &w.until {
            None => format!("{} {since}", t.since),
            Some(until) => format!(
                "{} {since} {} {}",
                t.period_from,
                t.period_through,
                lang.moment_end(until, self.zone)
            ),
        }
    }

    /// When a change was made, in local time to the minute.
    fn when(&self, r: &Row, lang: Lang) -> String {
        lang.date_time(r.at, self.zone)
    }

    fn heading(group: &Group, lang: Lang) -> String {
        match group.theme {
            Some(theme) => theme.name.clone(),
            None => lang.planning_words().plan_group.to_string(),
        }
    }

    fn rows(&self) -> impl Iterator<Item = &Row<'_>> {
        self.groups.iter().flat_map(|g| &g.rows)
    }

    fn text(&self, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
        let (title, none) = self.title(lang);
        if self.groups.is_empty() {
            writeln!(out, "{none} {}.", self.period(lang))?;
            return self.folded_note(lang, out);
        }
        writeln!(out, "{title} {}", self.period(lang))?;
        let width =
            |f: &dyn Fn(&Row) -> String| self.rows().map(|r| f(r).width()).max().unwrap_or(0);
        let when_width = width(&|r| self.when(r, lang));
        let who_width = width(&|r| line(r.by).into_owned());
        let what_width = width(&|r| what_text(r.what, lang));
        let step_width = width(&|r| step(r, lang));
        for group in self.groups {
            writeln!(out)?;
            writeln!(out, "{}", line(&Self::heading(group, lang)))?;
            for r in &group.rows {
                let (who, what, step) = (line(r.by), what_text(r.what, lang), step(r, lang));
                let when = self.when(r, lang);
                let steps = match r.steps {
                    1 => String::new(),
                    n => format!("  ({})", lang.steps(n)),
                };
                writeln!(
                    out,
                    "  {}{when}  {who}{}  {what}{}  {step}{}  {}{}{steps}",
                    " ".repeat(when_width - when.width()),
                    " ".repeat(who_width - who.width()),
                    " ".repeat(what_width - what.width()),
                    " ".repeat(step_width - step.width()),
                    line(r.item.title),
                    id_text(r.item.id)
                )?;
            }
        }
        self.folded_note(lang, out)
    }

    /// After a net list that left changes out: how many, and `--all`.
    fn folded_note(&self, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
        match self.folded {
            Some(n) if n > 0 => {
                writeln!(out)?;
                writeln!(out, "{}", lang.folded_note(n))
            }
            _ => Ok(()),
        }
    }

    fn markdown(&self, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
        let (title, none) = self.title(lang);
        writeln!(out, "# {title} {}", self.period(lang))?;
        if self.groups.is_empty() {
            writeln!(out)?;
            writeln!(out, "{none} {}.", self.period(lang))?;
            return self.folded_note(lang, out);
        }
        let (t, p) = (lang.report(), lang.planning_words());
        let headings = [
            t.when,
            t.who,
            t.subtheme,
            t.project,
            t.id,
            t.year,
            p.what,
            t.from,
            t.to,
            lang.tables().steps,
        ];
        for group in self.groups {
            writeln!(out)?;
            writeln!(out, "## {}", markdown::cell(&Self::heading(group, lang)))?;
            writeln!(out)?;
            markdown::row(&headings.map(String::from), out)?;
            let mut aligns = [Align::Left; 10];
            aligns[9] = Align::Right;
            markdown::separator(&aligns, out)?;
            for r in &group.rows {
                let cells = [
                    self.when(r, lang),
                    markdown::cell(r.by),
                    markdown::cell(r.subtheme.map_or("", |(_, name)| name)),
                    markdown::cell(r.item.title),
                    code(r.item.id),
                    year(r),
                    label(r.what, lang).to_string(),
                    markdown::cell(&plain(r.from, lang)),
                    markdown::cell(&plain(r.to, lang)),
                    r.steps.to_string(),
                ];
                markdown::row(&cells, out)?;
            }
        }
        self.folded_note(lang, out)
    }

    /// One row per change; `kind`, `what` and the number of changes a row
    /// stands for come last, so that the columns scripts read by position keep
    /// their place.
    fn csv(&self, lang: Lang, out: &mut dyn Write) -> csv::Result<()> {
        let (t, tr, p) = (lang.report(), lang.tr(), lang.planning_words());
        let mut w = spreadsheet::writer(self.csv, out)?;
        let header = [
            t.when,
            t.who,
            tr.theme,
            t.subtheme,
            t.id,
            t.project,
            t.year,
            t.from,
            t.to,
            p.kind,
            p.what,
            lang.tables().steps,
        ];
        record(&mut w, header)?;
        for group in self.groups {
            let theme = group.theme.map_or("", |t| t.name.as_str());
            for r in &group.rows {
                let (from, to) = (csv_value(r.from, lang), csv_value(r.to, lang));
                let when = sortable(r.at, self.zone);
                record(
                    &mut w,
                    [
                        when.as_str(),
                        r.by,
                        theme,
                        r.subtheme.map_or("", |(_, name)| name),
                        r.item.id,
                        r.item.title,
                        &year(r),
                        &from,
                        &to,
                        lang.change_kind_word(kind_key(r.what.kind())),
                        label(r.what, lang),
                        &r.steps.to_string(),
                    ],
                )?;
            }
        }
        w.flush()?;
        Ok(())
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        super::changes_json::write(self, out)
    }
}

/// A local time a spreadsheet reads as one and sorts: `2026-03-14 10:21:05`.
fn sortable(at: Timestamp, zone: &jiff::tz::TimeZone) -> String {
    let t = crate::dates::wall_clock(at, zone);
    let (date, time) = (t.date(), t.time());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        date.year(),
        date.month(),
        date.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// An id as Markdown code; nothing for the plan, which has no id.
fn code(id: &str) -> String {
    if id.is_empty() {
        String::new()
    } else {
        format!("`{}`", line(id))
    }
}

/// " [id]" after a title; nothing for the plan, which has no id.
fn id_text(id: &str) -> String {
    if id.is_empty() {
        String::new()
    } else {
        format!(" [{}]", line(id))
    }
}

/// The `--kind` value of a kind of change.
pub(super) fn kind_key(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Status => "status",
        ChangeKind::Text => "text",
        ChangeKind::Focus => "focus",
        ChangeKind::Year => "year",
        ChangeKind::Structure => "structure",
    }
}

/// What changed, in JSON: the field or the structural change, in English.
pub(super) fn what_key(what: What) -> &'static str {
    match what {
        What::Status(_) => "status",
        What::Text(field) => match field {
            TextKind::Title => "title",
            TextKind::Details => "details",
            TextKind::Owner => "owner",
            TextKind::Notes => "notes",
            TextKind::Name => "name",
            TextKind::Intro => "intro",
            TextKind::Fund => "fund",
        },
        What::Focus => "focus",
        What::Year => "year",
        What::Added => "added",
        What::Removed => "removed",
        What::Moved => "moved",
        What::Archived => "archived",
        What::Restored => "restored",
    }
}

/// What changed, in the user's language.
fn label(what: What, lang: Lang) -> &'static str {
    let t = lang.planning_words();
    match what {
        What::Status(_) => t.status,
        What::Text(field) => lang.text_field(field),
        What::Focus => t.focus,
        What::Year => t.year,
        What::Added => t.added,
        What::Removed => t.removed,
        What::Moved => t.moved,
        What::Archived => t.archived,
        What::Restored => t.restored,
    }
}

/// The text column: a status row's year, else what changed.
fn what_text(what: What, lang: Lang) -> String {
    match what {
        What::Status(year) => year.to_string(),
        other => label(other, lang).to_string(),
    }
}

/// The year column of Markdown and CSV: a status row's year.
fn year(r: &Row) -> String {
    match r.what {
        What::Status(year) => year.to_string(),
        _ => String::new(),
    }
}

/// "from → to" in text: statuses by name, texts quoted and shortened.
fn step(r: &Row, lang: Lang) -> String {
    let shown = |v: Val| match v {
        Val::Text(t) => short(t),
        other => plain(other, lang),
    };
    format!("{} → {}", shown(r.from), shown(r.to))
}

/// A value in words: a status's name, a text as it is, yes/no, a place.
fn plain(v: Val, lang: Lang) -> String {
    let t = lang.planning_words();
    match v {
        Val::Status(s) => lang.status_or_none(s).to_string(),
        Val::Text(text) => text.to_string(),
        Val::Flag(b) => (if b { t.yes } else { t.no }).to_string(),
        Val::Year(y) => y.to_string(),
        Val::Place(p) => place_text(p),
        Val::Archive => lang.archive_word().to_string(),
        Val::Nothing => lang.tr().no_status.to_string(),
    }
}

/// A value in CSV: as in words, but no status is an empty cell as before.
fn csv_value(v: Val, lang: Lang) -> String {
    match v {
        Val::Status(None) | Val::Nothing => String::new(),
        other => plain(other, lang),
    }
}
