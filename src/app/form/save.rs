//! Opening the form on the focused pane and saving it: an addition is one
//! [`Change::Add`] of the whole item, an edit one [`Change::Text`] per field
//! changed, and either is one undo step, saved like every other edit.

use crate::edit::{Change, Target as EditTarget, TextField};
use crate::plan::{Item, Kind, Plan, Project, Status, Subtheme, Theme, YearStatus};

use super::{Form, FormError, FormField, FormProblem, FormTarget, StatusInput, TextInput};
use crate::app::{App, Effect, Mode, NoticeKind, Pane};

/// The id a new item gets when its title has no letters or digits.
fn fallback(kind: Kind) -> &'static str {
    match kind {
        Kind::Project => "project",
        Kind::Subtheme => "subtheme",
        Kind::Theme => "theme",
    }
}

/// The field of item `id` of `kind` that a form field edits.
fn text_field(kind: Kind, id: &str, field: FormField) -> Option<TextField> {
    let id = id.to_string();
    Some(match (kind, field) {
        (Kind::Project, FormField::Title) => TextField::Title(id),
        (Kind::Project, FormField::Details) => TextField::Details(id),
        (Kind::Project, FormField::Owner) => TextField::Owner(id),
        (Kind::Subtheme, FormField::Title) => TextField::SubthemeName(id),
        (Kind::Subtheme, FormField::Details) => TextField::SubthemeIntro(id),
        (Kind::Theme, FormField::Title) => TextField::ThemeName(id),
        (Kind::Theme, FormField::Details) => TextField::ThemeIntro(id),
        _ => return None,
    })
}

/// The text fields of a form on an item of `kind`.
fn fields_of(kind: Kind) -> &'static [FormField] {
    match kind {
        Kind::Project => &[FormField::Title, FormField::Details, FormField::Owner],
        Kind::Subtheme | Kind::Theme => &[FormField::Title, FormField::Details],
    }
}

/// The id a new item titled `title` gets in `plan`, and the one its title
/// suggests when that is taken.
pub fn new_id(plan: &Plan, kind: Kind, title: &str) -> (String, Option<String>) {
    let id = plan.new_id(title, fallback(kind));
    let wanted = crate::plan::ids::slug(title);
    let taken = (!wanted.is_empty() && wanted != id).then_some(wanted);
    (id, taken)
}

impl App {
    /// `a`: a form for a new item in the focused pane.
    pub(in crate::app) fn open_add_form(&mut self) {
        if self.refuse_when_read_only() {
            return;
        }
        let (kind, parent) = match self.view.focus {
            Pane::Themes => (Kind::Theme, Some(String::new())),
            Pane::Subthemes => (Kind::Subtheme, self.theme().map(|t| t.id.clone())),
            Pane::Projects => (Kind::Project, self.subtheme().map(|s| s.id.clone())),
        };
        let Some(parent) = parent else {
            let text = match kind {
                Kind::Project => self.form().no_subtheme,
                _ => self.form().no_theme,
            };
            self.notify(NoticeKind::Warning, text.into());
            return;
        };
        let texts = fields_of(kind)
            .iter()
            .map(|&f| TextInput::new(f, String::new()))
            .collect();
        let status = (kind == Kind::Project).then_some(StatusInput {
            year: self.year,
            chosen: Some(Status::Planned),
            base: Some(Status::Planned),
        });
        self.mode = Mode::Form(Form {
            target: FormTarget::Add { kind, parent },
            texts,
            status,
            focus: 0,
            asking: false,
            error: None,
        });
    }

    /// `r`: a form on the texts of the selected item of the focused pane.
    pub(in crate::app) fn open_edit_form(&mut self) {
        if self.refuse_when_read_only() {
            return;
        }
        let (kind, id) = match self.view.focus {
            Pane::Themes => (Kind::Theme, self.theme().map(|t| t.id.clone())),
            Pane::Subthemes => (Kind::Subtheme, self.subtheme().map(|s| s.id.clone())),
            Pane::Projects => (
                Kind::Project,
                self.selected_project().map(|(_, p)| p.id.clone()),
            ),
        };
        let Some(id) = id else {
            let text = self.form().nothing_selected.into();
            self.notify(NoticeKind::Warning, text);
            return;
        };
        let texts = fields_of(kind)
            .iter()
            .filter_map(|&f| {
                let value = text_field(kind, &id, f)?.read(&self.plan)?.to_string();
                Some(TextInput::new(f, value))
            })
            .collect();
        self.mode = Mode::Form(Form {
            target: FormTarget::Edit { kind, id },
            texts,
            status: None,
            focus: 0,
            asking: false,
            error: None,
        });
    }

    fn form(&self) -> &'static crate::i18n::FormTexts {
        self.lang.form()
    }

    /// `Ctrl-s`, or `Enter` on a one-line field: saves the form, or keeps it
    /// open with what is wrong marked.
    pub(in crate::app) fn save_form(&mut self) -> Vec<Effect> {
        let Mode::Form(mut form) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Vec::new();
        };
        if self.refuse_when_read_only() || !form.check_title() {
            form.focus = 0;
            self.mode = Mode::Form(form);
            return Vec::new();
        }
        match form.target.clone() {
            FormTarget::Add { kind, parent } => self.save_addition(form, kind, &parent),
            FormTarget::Edit { kind, id } => self.save_edits(form, kind, &id),
        }
    }

    fn save_addition(&mut self, mut form: Form, kind: Kind, parent: &str) -> Vec<Effect> {
        let title = form.text(FormField::Title);
        let (id, _) = new_id(&self.plan, kind, &title);
        let item = new_item(&form, kind, id.clone());
        let Some(change) = Change::add(&self.plan, item, parent, None) else {
            form.error = Some(FormError::ParentGone);
            self.mode = Mode::Form(form);
            return Vec::new();
        };
        // Selected before the save is asked for: the save keeps the selection
        // by id through a merge with another writer's version.
        self.in_one_save(|app| {
            let effects = app.commit(Some(change));
            app.select_item(kind, &id);
            effects
        })
    }

    fn save_edits(&mut self, mut form: Form, kind: Kind, id: &str) -> Vec<Effect> {
        if !EditTarget::of(kind, id).exists_in(&self.plan) {
            form.error = Some(FormError::ItemGone);
            self.mode = Mode::Form(form);
            return Vec::new();
        }
        let mut changes = Vec::new();
        let mut meanwhile = false;
        for input in form.texts.iter_mut().filter(|t| t.is_changed()) {
            let Some(field) = text_field(kind, id, input.field) else {
                continue;
            };
            let now = field.read(&self.plan).unwrap_or_default().to_string();
            if now != input.base {
                // Someone else changed it while the form was open: say so
                // first; saving again puts this text over theirs.
                input.problem = Some(FormProblem::ChangedMeanwhile(now.clone()));
                input.base = now;
                meanwhile = true;
                continue;
            }
            changes.push(Change::Text {
                field,
                from: now,
                to: input.editor.text(),
            });
        }
        if meanwhile {
            self.mode = Mode::Form(form);
            return Vec::new();
        }
        self.commit_as_one(changes)
    }
}

/// The item a form adds, with id `id`.
fn new_item(form: &Form, kind: Kind, id: String) -> Item {
    let (title, details) = (form.text(FormField::Title), form.text(FormField::Details));
    match kind {
        Kind::Project => {
            let status = form.status.and_then(|s| Some((s.year, s.chosen?)));
            Item::Project(Project {
                id,
                title,
                details,
                owner: form.text(FormField::Owner),
                notes: String::new(),
                status: YearStatus(status.into_iter().collect()),
                history: Vec::new(),
            })
        }
        Kind::Subtheme => Item::Subtheme(Subtheme {
            id,
            name: title,
            intro: details,
            projects: Vec::new(),
        }),
        Kind::Theme => Item::Theme(Theme {
            id,
            name: title,
            focus: false,
            intro: details,
            subthemes: Vec::new(),
        }),
    }
}
