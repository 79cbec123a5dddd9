//! Which actions change the plan, so that time travel can refuse them, and
//! the bindings whose hints the footer shows in a context.

use super::{Action, Binding, Context, bindings};

impl Action {
    /// Whether the action changes the plan (or opens something that does):
    /// what time travel, which shows the plan as it was, refuses.
    pub fn edits_plan(self) -> bool {
        use Action::*;
        matches!(
            self,
            Status
                | EditNotes
                | EditOwner
                | Undo
                | Redo
                | Pick(_)
                | KeepMine
                | TakeTheirs
                | Add
                | EditItem
                | Save
                | MoveItem
                | ArchiveItem
                | ToggleFocus
                | ReorderUp
                | ReorderDown
                | Restore
        )
    }
}

/// The bindings the footer offers hints from in `context`, in table order:
/// while travelling, the travel keys and then the browse keys that change
/// nothing and that the travel keys leave as they are.
pub fn hints(context: Context) -> Vec<&'static Binding> {
    match context {
        Context::Travel => {
            let travel: Vec<&Binding> = bindings(Context::Travel).collect();
            let shadowed =
                |b: &Binding| (b.keys.iter()).any(|k| travel.iter().any(|t| t.keys.contains(k)));
            let browse =
                bindings(Context::Browse).filter(|b| !b.action.edits_plan() && !shadowed(b));
            travel.iter().copied().chain(browse).collect()
        }
        _ => bindings(context).collect(),
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::keymap::lookup;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn travelling_t_and_esc_go_back_and_other_keys_are_the_browse_keys() {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(Context::Travel, &esc), Some(Action::Today));
        assert_eq!(lookup(Context::Travel, &press('t')), Some(Action::Today));
        assert_eq!(
            lookup(Context::Browse, &press('t')),
            Some(Action::TimeTravel)
        );
        for c in ['j', 'p', 'c', '/', 's', 'u', 'A'] {
            let key = press(c);
            assert_eq!(lookup(Context::Travel, &key), lookup(Context::Browse, &key));
        }
        assert_eq!(
            lookup(Context::Browse, &esc),
            None,
            "Esc is free in the panes"
        );
    }

    #[test]
    fn every_browse_key_that_changes_the_plan_is_known_as_such() {
        let edits: Vec<Action> = bindings(Context::Browse)
            .map(|b| b.action)
            .filter(|a| a.edits_plan())
            .collect();
        for action in [
            Action::Status,
            Action::EditNotes,
            Action::EditOwner,
            Action::Undo,
            Action::Redo,
            Action::Add,
            Action::EditItem,
            Action::MoveItem,
            Action::ArchiveItem,
            Action::ToggleFocus,
            Action::ReorderUp,
            Action::ReorderDown,
        ] {
            assert!(edits.contains(&action), "{action:?}");
        }
        assert!(Action::Restore.edits_plan());
        let hinted: Vec<Action> = hints(Context::Travel).iter().map(|b| b.action).collect();
        assert_eq!(hinted.first(), Some(&Action::Today));
        assert!(hinted.iter().all(|a| !a.edits_plan()), "{hinted:?}");
        assert!(hinted.contains(&Action::Summary) && hinted.contains(&Action::Quit));
        assert!(
            !hinted.contains(&Action::TimeTravel),
            "t goes back to today"
        );
    }
}
