//! The one table of key bindings: it drives the app's behaviour, the `?` help
//! overlay and the footer's key hints, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent};

mod context;
mod key;

pub use context::Context;
pub use key::Key;
use key::{alt, ch, ctrl, key};

use crate::i18n::Lang;
use crate::line_editor::EditOp;
use crate::plan::Status;
use crate::view::Pane;

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    PaneLeft,
    PaneRight,
    NextPane,
    PrevPane,
    Deeper,
    Focus(Pane),
    DetailsUp,
    DetailsDown,
    Search,
    Status,
    EditNotes,
    EditOwner,
    PrevYear,
    NextYear,
    Filter,
    Undo,
    Redo,
    Help,
    Quit,
    /// Opens the progress view.
    Summary,
    /// Opens the recent-changes view.
    Changes,
    /// Enter in an overlay: jump, pick or commit.
    Confirm,
    /// Esc in an overlay: close without changing anything.
    Cancel,
    Pick(Status),
    Edit(EditOp),
    Yes,
    No,
    /// A line break in the notes editor.
    NewLine,
    /// In a conflict: set this user's value over the other's.
    KeepMine,
    /// In a conflict: leave the other's value; undo brings this user's back.
    TakeTheirs,
    /// Opens the form that adds an item to the focused pane.
    Add,
    /// Opens the form on the selected item's texts.
    EditItem,
    /// In a form: the next or previous field.
    NextField,
    PrevField,
    /// In a form: save from any field.
    Save,
    /// Opens the picker of where to move the selected project or sub-theme.
    MoveItem,
    /// Asks to archive the selected item of the focused pane.
    ArchiveItem,
    /// Marks or unmarks the selected theme as a focus theme.
    ToggleFocus,
    /// Moves the selected item of the focused pane one place up or down.
    ReorderUp,
    ReorderDown,
    /// Opens the archive view.
    Archive,
    /// In the archive view: puts the selected item back where it was.
    Restore,
    /// Opens the view of the open conflicts a merge left.
    OpenConflicts,
    /// Asks for a date to show the plan as it was then.
    TimeTravel,
    /// Leaves time travel for the plan as it is.
    Today,
    /// In the changes view: every recorded change, or the net changes.
    ShowAll,
    /// In the progress view: every theme, or the focus themes only.
    FocusOnly,
    /// Opens the filter view: all projects of the plan by a filter.
    ListView,
    /// Opens the filter view on this user's projects.
    Mine,
    /// In the search: the same query as a list.
    AsList,
    /// In the filter view: the same filter as a search.
    AsSearch,
}

/// A text in the UI language.
pub type Text = fn(Lang) -> &'static str;

/// One row of the table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The description in the help overlay.
    pub describe: Text,
    /// A footer hint: the keys as shown there and a short label.
    pub hint: Option<(&'static str, Text)>,
}

impl Binding {
    /// All the binding's keys, as shown in the help overlay.
    pub fn keys_label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(Key::label).collect();
        labels.join(" ")
    }
}

/// The action bound to `event` in `context`, if any. While travelling, a key
/// the travel bindings do not have is looked up among the browse bindings.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    let found = bindings(context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    match (found, context) {
        (None, Context::Travel) => lookup(Context::Browse, event),
        (found, _) => found,
    }
}

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

const fn bind(context: Context, keys: &'static [Key], action: Action, describe: Text) -> Binding {
    Binding {
        context,
        keys,
        action,
        describe,
        hint: None,
    }
}

const fn hinted(binding: Binding, keys: &'static str, hint: Text) -> Binding {
    Binding {
        hint: Some((keys, hint)),
        ..binding
    }
}

use Context::{
    Archive, Browse, Changes, ConfirmArchive, ConfirmQuit, Conflict, DatePrompt, Discard, Editing,
    Form, Help, Listing, Move, OpenConflicts, Picker, Search, Summary, Travel,
};

const UP: &[Key] = &[key(KeyCode::Up), ch('k')];
const DOWN: &[Key] = &[key(KeyCode::Down), ch('j')];
const ENTER: &[Key] = &[key(KeyCode::Enter)];
const ESC: &[Key] = &[key(KeyCode::Esc)];
const TOP: &[Key] = &[ch('g'), key(KeyCode::Home)];
const BOTTOM: &[Key] = &[ch('G'), key(KeyCode::End)];
const PAGE_UP: &[Key] = &[key(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[key(KeyCode::PageDown)];

/// Every binding of the app.
#[rustfmt::skip]
pub(crate) static BINDINGS: &[Binding] = &[
    hinted(bind(Browse, UP, Action::Up, |l| l.keys().up), "↑↓", |l| l.keys().hint_move),
    bind(Browse, DOWN, Action::Down, |l| l.keys().down),
    hinted(bind(Browse, &[key(KeyCode::Left), ch('h')], Action::PaneLeft, |l| l.keys().pane_left), "←→", |l| l.keys().hint_pane),
    bind(Browse, &[key(KeyCode::Right), ch('l')], Action::PaneRight, |l| l.keys().pane_right),
    bind(Browse, &[key(KeyCode::Tab)], Action::NextPane, |l| l.keys().next_pane),
    bind(Browse, &[key(KeyCode::BackTab)], Action::PrevPane, |l| l.keys().prev_pane),
    bind(Browse, ENTER, Action::Deeper, |l| l.keys().deeper),
    bind(Browse, &[ch('1')], Action::Focus(Pane::Themes), |l| l.keys().focus_themes),
    bind(Browse, &[ch('2')], Action::Focus(Pane::Subthemes), |l| l.keys().focus_subthemes),
    bind(Browse, &[ch('3')], Action::Focus(Pane::Projects), |l| l.keys().focus_projects),
    bind(Browse, &[ch('g'), key(KeyCode::Home)], Action::Top, |l| l.keys().top),
    bind(Browse, &[ch('G'), key(KeyCode::End)], Action::Bottom, |l| l.keys().bottom),
    bind(Browse, &[key(KeyCode::PageUp)], Action::PageUp, |l| l.keys().page_up),
    bind(Browse, &[key(KeyCode::PageDown)], Action::PageDown, |l| l.keys().page_down),
    bind(Browse, &[ch('K')], Action::DetailsUp, |l| l.keys().details_up),
    bind(Browse, &[ch('J')], Action::DetailsDown, |l| l.keys().details_down),
    hinted(bind(Browse, &[ch('/')], Action::Search, |l| l.keys().search), "/", |l| l.keys().hint_search),
    hinted(bind(Browse, &[ch('s')], Action::Status, |l| l.keys().status), "s", |l| l.keys().hint_status),
    hinted(bind(Browse, &[ch('e')], Action::EditNotes, |l| l.keys().notes), "e", |l| l.keys().hint_notes),
    hinted(bind(Browse, &[ch('o')], Action::EditOwner, |l| l.keys().owner), "o", |l| l.keys().hint_owner),
    hinted(bind(Browse, &[ch('a')], Action::Add, |l| l.form().add), "a", |l| l.form().hint_add),
    hinted(bind(Browse, &[ch('r')], Action::EditItem, |l| l.form().edit), "r", |l| l.form().hint_edit),
    hinted(bind(Browse, &[ch('[')], Action::PrevYear, |l| l.keys().prev_year), "[]", |l| l.keys().hint_year),
    bind(Browse, &[ch(']')], Action::NextYear, |l| l.keys().next_year),
    hinted(bind(Browse, &[ch('f')], Action::Filter, |l| l.listing().key_filter_open), "f", |l| l.keys().hint_filter),
    hinted(bind(Browse, &[ch('u')], Action::Undo, |l| l.keys().undo), "u", |l| l.keys().hint_undo),
    bind(Browse, &[ctrl('r')], Action::Redo, |l| l.keys().redo),
    hinted(bind(Browse, &[ch('?')], Action::Help, |l| l.keys().help), "?", |l| l.keys().hint_help),
    hinted(bind(Browse, &[ch('q'), ctrl('c')], Action::Quit, |l| l.keys().quit), "q", |l| l.keys().hint_quit),
    hinted(bind(Browse, &[ch('p')], Action::Summary, |l| l.keys().summary), "p", |l| l.keys().hint_summary),
    hinted(bind(Browse, &[ch('c')], Action::Changes, |l| l.keys().changes), "c", |l| l.keys().hint_changes),
    hinted(bind(Browse, &[ch('m')], Action::MoveItem, |l| l.arrange().key_move), "m", |l| l.arrange().hint_move),
    hinted(bind(Browse, &[ch('d')], Action::ArchiveItem, |l| l.arrange().key_archive), "d", |l| l.arrange().hint_archive),
    hinted(bind(Browse, &[alt(KeyCode::Up), ch('<')], Action::ReorderUp, |l| l.arrange().key_reorder_up), "<>", |l| l.arrange().hint_reorder),
    bind(Browse, &[alt(KeyCode::Down), ch('>')], Action::ReorderDown, |l| l.arrange().key_reorder_down),
    hinted(bind(Browse, &[ch('*')], Action::ToggleFocus, |l| l.arrange().key_focus), "*", |l| l.arrange().hint_focus),
    hinted(bind(Browse, &[ch('A')], Action::Archive, |l| l.arrange().key_archive_view), "A", |l| l.arrange().hint_archive_view),
    bind(Browse, &[ch('C')], Action::OpenConflicts, |l| l.conflicts().key_open),
    hinted(bind(Browse, &[ch('t')], Action::TimeTravel, |l| l.travel().key_travel), "t", |l| l.travel().hint_travel),
    hinted(bind(Browse, &[ch('F')], Action::ListView, |l| l.listing().key_view), "F", |l| l.listing().hint_view),
    hinted(bind(Browse, &[ch('M')], Action::Mine, |l| l.listing().key_mine), "M", |l| l.listing().hint_mine),
    hinted(bind(Search, &[key(KeyCode::Up), ctrl('p')], Action::Up, |l| l.keys().result_prev), "↑↓", |l| l.keys().hint_choose),
    bind(Search, &[key(KeyCode::Down), ctrl('n')], Action::Down, |l| l.keys().result_next),
    bind(Search, &[key(KeyCode::PageUp)], Action::PageUp, |l| l.keys().page_up),
    bind(Search, &[key(KeyCode::PageDown)], Action::PageDown, |l| l.keys().page_down),
    hinted(bind(Search, ENTER, Action::Confirm, |l| l.keys().jump), "Enter", |l| l.keys().hint_jump),
    hinted(bind(Search, &[key(KeyCode::Tab)], Action::AsList, |l| l.listing().key_as_list), "Tab", |l| l.listing().hint_as_list),
    hinted(bind(Search, ESC, Action::Cancel, |l| l.keys().search_cancel), "Esc", |l| l.keys().hint_cancel),
    hinted(bind(Listing, &[key(KeyCode::Up), ctrl('p')], Action::Up, |l| l.keys().result_prev), "↑↓", |l| l.keys().hint_choose),
    bind(Listing, &[key(KeyCode::Down), ctrl('n')], Action::Down, |l| l.keys().result_next),
    bind(Listing, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(Listing, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    hinted(bind(Listing, ENTER, Action::Confirm, |l| l.listing().key_to_project), "Enter", |l| l.keys().hint_jump),
    hinted(bind(Listing, &[key(KeyCode::Tab)], Action::AsSearch, |l| l.listing().key_as_search), "Tab", |l| l.listing().hint_as_search),
    hinted(bind(Listing, ESC, Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(Picker, &[ch('1')], Action::Pick(Status::Planned), |l| l.status(Status::Planned)), "1–5", |l| l.keys().hint_pick),
    bind(Picker, &[ch('2')], Action::Pick(Status::InProgress), |l| l.status(Status::InProgress)),
    bind(Picker, &[ch('3')], Action::Pick(Status::Done), |l| l.status(Status::Done)),
    bind(Picker, &[ch('4')], Action::Pick(Status::OnHold), |l| l.status(Status::OnHold)),
    bind(Picker, &[ch('5')], Action::Pick(Status::Cancelled), |l| l.status(Status::Cancelled)),
    bind(Picker, UP, Action::Up, |l| l.keys().up),
    bind(Picker, DOWN, Action::Down, |l| l.keys().down),
    bind(Picker, ENTER, Action::Confirm, |l| l.keys().pick),
    hinted(bind(Picker, ESC, Action::Cancel, |l| l.keys().cancel), "Esc", |l| l.keys().hint_cancel),
    hinted(bind(Editing, &[key(KeyCode::Enter), ctrl('s')], Action::Confirm, |l| l.keys().commit), "Enter", |l| l.keys().hint_commit),
    hinted(bind(Editing, &[alt(KeyCode::Enter), ctrl('j')], Action::NewLine, |l| l.keys().new_line), "Alt-Enter", |l| l.keys().hint_new_line),
    hinted(bind(Editing, &[key(KeyCode::Esc), ctrl('c')], Action::Cancel, |l| l.keys().cancel), "Esc", |l| l.keys().hint_cancel),
    bind(Editing, &[key(KeyCode::Up)], Action::Up, |l| l.keys().line_up),
    bind(Editing, &[key(KeyCode::Down)], Action::Down, |l| l.keys().line_down),
    bind(Editing, &[key(KeyCode::Left)], Action::Edit(EditOp::Left), |l| l.keys().cursor_left),
    bind(Editing, &[key(KeyCode::Right)], Action::Edit(EditOp::Right), |l| l.keys().cursor_right),
    bind(Editing, &[key(KeyCode::Home), ctrl('a')], Action::Edit(EditOp::Home), |l| l.keys().line_start),
    bind(Editing, &[key(KeyCode::End), ctrl('e')], Action::Edit(EditOp::End), |l| l.keys().line_end),
    bind(Editing, &[key(KeyCode::Backspace)], Action::Edit(EditOp::Backspace), |l| l.keys().backspace),
    bind(Editing, &[key(KeyCode::Delete)], Action::Edit(EditOp::Delete), |l| l.keys().delete),
    bind(Editing, &[ctrl('u')], Action::Edit(EditOp::DeleteToStart), |l| l.keys().delete_to_start),
    bind(Editing, &[ctrl('w')], Action::Edit(EditOp::DeleteWordBefore), |l| l.keys().delete_word),
    hinted(bind(Form, &[key(KeyCode::Tab)], Action::NextField, |l| l.form().next_field), "Tab", |l| l.form().hint_field),
    bind(Form, &[key(KeyCode::BackTab)], Action::PrevField, |l| l.form().prev_field),
    hinted(bind(Form, &[ctrl('s')], Action::Save, |l| l.form().save), "Ctrl-s", |l| l.form().hint_save),
    bind(Form, ENTER, Action::Confirm, |l| l.form().enter),
    bind(Form, &[alt(KeyCode::Enter), ctrl('j')], Action::NewLine, |l| l.form().new_line),
    hinted(bind(Form, &[key(KeyCode::Esc), ctrl('c')], Action::Cancel, |l| l.form().cancel), "Esc", |l| l.keys().hint_cancel),
    bind(Form, &[key(KeyCode::Up)], Action::Up, |l| l.form().up),
    bind(Form, &[key(KeyCode::Down)], Action::Down, |l| l.form().down),
    bind(Form, &[key(KeyCode::Left)], Action::Edit(EditOp::Left), |l| l.form().left),
    bind(Form, &[key(KeyCode::Right)], Action::Edit(EditOp::Right), |l| l.form().right),
    bind(Form, &[key(KeyCode::Home), ctrl('a')], Action::Edit(EditOp::Home), |l| l.keys().line_start),
    bind(Form, &[key(KeyCode::End), ctrl('e')], Action::Edit(EditOp::End), |l| l.keys().line_end),
    bind(Form, &[key(KeyCode::Backspace)], Action::Edit(EditOp::Backspace), |l| l.keys().backspace),
    bind(Form, &[key(KeyCode::Delete)], Action::Edit(EditOp::Delete), |l| l.form().no_status),
    bind(Form, &[ctrl('u')], Action::Edit(EditOp::DeleteToStart), |l| l.keys().delete_to_start),
    bind(Form, &[ctrl('w')], Action::Edit(EditOp::DeleteWordBefore), |l| l.keys().delete_word),
    bind(Form, &[ch('1')], Action::Pick(Status::Planned), |l| l.status(Status::Planned)),
    bind(Form, &[ch('2')], Action::Pick(Status::InProgress), |l| l.status(Status::InProgress)),
    bind(Form, &[ch('3')], Action::Pick(Status::Done), |l| l.status(Status::Done)),
    bind(Form, &[ch('4')], Action::Pick(Status::OnHold), |l| l.status(Status::OnHold)),
    bind(Form, &[ch('5')], Action::Pick(Status::Cancelled), |l| l.status(Status::Cancelled)),
    hinted(bind(Discard, &[ch('y'), ch('j'), ctrl('c')], Action::Yes, |l| l.form().discard_yes), "y/j", |l| l.keys().hint_yes),
    hinted(bind(Discard, &[ch('n'), key(KeyCode::Esc)], Action::No, |l| l.form().discard_no), "n", |l| l.keys().hint_no),
    hinted(bind(Summary, UP, Action::Up, |l| l.keys().up), "↑↓", |l| l.keys().hint_choose),
    bind(Summary, DOWN, Action::Down, |l| l.keys().down),
    bind(Summary, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(Summary, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    bind(Summary, TOP, Action::Top, |l| l.keys().top),
    bind(Summary, BOTTOM, Action::Bottom, |l| l.keys().bottom),
    hinted(bind(Summary, &[ch('[')], Action::PrevYear, |l| l.keys().prev_year), "[]", |l| l.keys().hint_year),
    bind(Summary, &[ch(']')], Action::NextYear, |l| l.keys().next_year),
    hinted(bind(Summary, ENTER, Action::Confirm, |l| l.keys().to_theme), "Enter", |l| l.keys().hint_jump),
    hinted(bind(Summary, &[ch('f')], Action::FocusOnly, |l| l.tables().key_focus), "f", |l| l.tables().hint_focus),
    hinted(bind(Summary, &[key(KeyCode::Esc), ch('q'), ch('p')], Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(Changes, UP, Action::Up, |l| l.keys().up), "↑↓", |l| l.keys().hint_choose),
    bind(Changes, DOWN, Action::Down, |l| l.keys().down),
    bind(Changes, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(Changes, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    bind(Changes, TOP, Action::Top, |l| l.keys().top),
    bind(Changes, BOTTOM, Action::Bottom, |l| l.keys().bottom),
    hinted(bind(Changes, ENTER, Action::Confirm, |l| l.keys().to_project), "Enter", |l| l.keys().hint_jump),
    hinted(bind(Changes, &[ch('f')], Action::Filter, |l| l.arrange().key_changes_kind), "f", |l| l.arrange().hint_kind),
    hinted(bind(Changes, &[ch('n')], Action::ShowAll, |l| l.tables().key_all), "n", |l| l.tables().hint_all),
    hinted(bind(Changes, &[key(KeyCode::Esc), ch('q'), ch('c')], Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(Move, &[key(KeyCode::Up), ctrl('p')], Action::Up, |l| l.arrange().key_dest_prev), "↑↓", |l| l.keys().hint_choose),
    bind(Move, &[key(KeyCode::Down), ctrl('n')], Action::Down, |l| l.arrange().key_dest_next),
    bind(Move, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(Move, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    hinted(bind(Move, ENTER, Action::Confirm, |l| l.arrange().key_move_here), "Enter", |l| l.arrange().hint_move_here),
    hinted(bind(Move, ESC, Action::Cancel, |l| l.keys().cancel), "Esc", |l| l.keys().hint_cancel),
    hinted(bind(ConfirmArchive, ENTER, Action::Confirm, |l| l.arrange().key_confirm_archive), "Enter", |l| l.arrange().hint_archive),
    hinted(bind(ConfirmArchive, ESC, Action::Cancel, |l| l.keys().cancel), "Esc", |l| l.keys().hint_cancel),
    hinted(bind(Archive, UP, Action::Up, |l| l.keys().up), "↑↓", |l| l.keys().hint_choose),
    bind(Archive, DOWN, Action::Down, |l| l.keys().down),
    bind(Archive, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(Archive, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    bind(Archive, TOP, Action::Top, |l| l.keys().top),
    bind(Archive, BOTTOM, Action::Bottom, |l| l.keys().bottom),
    hinted(bind(Archive, &[key(KeyCode::Enter), ch('r')], Action::Restore, |l| l.arrange().key_restore), "Enter", |l| l.arrange().hint_restore),
    hinted(bind(Archive, &[key(KeyCode::Esc), ch('q'), ch('A')], Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(OpenConflicts, UP, Action::Up, |l| l.keys().up), "↑↓", |l| l.keys().hint_choose),
    bind(OpenConflicts, DOWN, Action::Down, |l| l.keys().down),
    bind(OpenConflicts, PAGE_UP, Action::PageUp, |l| l.keys().page_up),
    bind(OpenConflicts, PAGE_DOWN, Action::PageDown, |l| l.keys().page_down),
    bind(OpenConflicts, TOP, Action::Top, |l| l.keys().top),
    bind(OpenConflicts, BOTTOM, Action::Bottom, |l| l.keys().bottom),
    hinted(bind(OpenConflicts, &[ch('M')], Action::KeepMine, |l| l.conflicts().key_keep), "M", |l| l.conflicts().hint_keep),
    hinted(bind(OpenConflicts, &[ch('a')], Action::TakeTheirs, |l| l.conflicts().key_take), "a", |l| l.conflicts().hint_take),
    hinted(bind(OpenConflicts, ENTER, Action::Confirm, |l| l.conflicts().key_go), "Enter", |l| l.keys().hint_jump),
    hinted(bind(OpenConflicts, &[key(KeyCode::Esc), ch('q'), ch('C')], Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(DatePrompt, ENTER, Action::Confirm, |l| l.travel().key_show), "Enter", |l| l.travel().hint_show),
    hinted(bind(DatePrompt, ESC, Action::Cancel, |l| l.keys().cancel), "Esc", |l| l.keys().hint_cancel),
    hinted(bind(Travel, &[key(KeyCode::Esc), ch('t')], Action::Today, |l| l.travel().key_today), "Esc", |l| l.travel().hint_today),
    hinted(bind(Help, &[key(KeyCode::Esc), ch('q'), ch('?')], Action::Cancel, |l| l.keys().close), "Esc", |l| l.keys().hint_close),
    hinted(bind(Help, UP, Action::Up, |l| l.keys().scroll_up), "↑↓", |l| l.keys().hint_scroll),
    bind(Help, DOWN, Action::Down, |l| l.keys().scroll_down),
    bind(Help, &[key(KeyCode::PageUp)], Action::PageUp, |l| l.keys().page_up),
    bind(Help, &[key(KeyCode::PageDown)], Action::PageDown, |l| l.keys().page_down),
    // Discarding takes a key that navigation never uses, so a habit cannot answer it.
    hinted(bind(ConfirmQuit, &[ch('Q')], Action::Yes, |l| l.keys().yes), "Q", |l| l.keys().hint_quit),
    hinted(bind(ConfirmQuit, &[key(KeyCode::Esc), ch('n')], Action::No, |l| l.keys().no), "Esc", |l| l.keys().hint_no),
    hinted(bind(Conflict, &[ch('M')], Action::KeepMine, |l| l.keys().keep_mine), "M", |l| l.keys().hint_keep_mine),
    hinted(bind(Conflict, &[ch('a')], Action::TakeTheirs, |l| l.keys().take_theirs), "a", |l| l.keys().hint_take_theirs),
    hinted(bind(Conflict, ESC, Action::Cancel, |l| l.keys().conflict_back), "Esc", |l| l.keys().hint_back),
];

/// Editing keys shared by the search input: the `Editing` bindings that move the
/// cursor or delete text.
pub(crate) fn editor_op(event: &KeyEvent) -> Option<EditOp> {
    match lookup(Editing, event)? {
        Action::Edit(op) => Some(op),
        _ => None,
    }
}

mod travel;
pub use travel::hints;

#[cfg(test)]
mod tests;
