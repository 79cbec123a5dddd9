use super::*;
use crossterm::event::KeyModifiers;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn shift_is_part_of_the_character_and_control_is_not() {
    let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Browse, &big_g), Some(Action::Bottom));
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(lookup(Browse, &ctrl_c), Some(Action::Quit));
    let plain_r = press(KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(lookup(Browse, &plain_r), Some(Action::EditItem));
    let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(lookup(Browse, &back_tab), Some(Action::PrevPane));
}

#[test]
fn letters_are_not_bound_while_typing_a_search() {
    for c in ['j', 'k', 'q', 's', '?'] {
        let e = press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(lookup(Search, &e), None, "{c}");
        assert_eq!(editor_op(&e), None, "{c}");
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in Context::ALL {
        let keys: Vec<Key> = bindings(context)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{context:?}: {} twice",
                k.label()
            );
        }
    }
}

#[test]
fn every_binding_is_described_in_both_languages() {
    for b in BINDINGS {
        for lang in [Lang::Nl, Lang::En] {
            assert!(!(b.describe)(lang).is_empty(), "{:?}", b.action);
        }
    }
}

#[test]
fn the_editor_commits_breaks_lines_and_cancels() {
    let none = KeyModifiers::NONE;
    let (with_ctrl, with_alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
    let cases = [
        (press(KeyCode::Enter, none), Action::Confirm),
        (press(KeyCode::Char('s'), with_ctrl), Action::Confirm),
        (press(KeyCode::Enter, with_alt), Action::NewLine),
        (press(KeyCode::Char('j'), with_ctrl), Action::NewLine),
        (press(KeyCode::Esc, none), Action::Cancel),
        (press(KeyCode::Char('c'), with_ctrl), Action::Cancel),
    ];
    for (event, action) in cases {
        assert_eq!(lookup(Editing, &event), Some(action), "{event:?}");
    }
    assert_eq!(alt(KeyCode::Enter).label(), "Alt-Enter");
    assert_eq!(ctrl('j').label(), "Ctrl-j");
}

fn is_navigation(action: Option<Action>) -> bool {
    use Action::*;
    matches!(
        action,
        Some(
            Up | Down
                | Top
                | Bottom
                | PageUp
                | PageDown
                | PaneLeft
                | PaneRight
                | NextPane
                | PrevPane
                | Deeper
                | Focus(_)
                | Confirm
        )
    )
}

#[test]
fn conflict_keys_are_no_navigation_keys() {
    for b in bindings(Conflict).filter(|b| b.action != Action::Cancel) {
        for k in b.keys {
            let event = press(k.code, KeyModifiers::NONE);
            // In the main view a conflict key may open something (`a` adds),
            // but it never moves the selection.
            let browse = lookup(Browse, &event);
            assert!(!is_navigation(browse), "{}: {browse:?}", k.label());
            for context in [Summary, Changes, Help, Picker] {
                assert_eq!(lookup(context, &event), None, "{}", k.label());
            }
        }
    }
    let m = press(KeyCode::Char('M'), KeyModifiers::SHIFT);
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(lookup(Conflict, &m), Some(Action::KeepMine));
    let plain_m = press(KeyCode::Char('m'), KeyModifiers::NONE);
    assert_eq!(
        lookup(Conflict, &plain_m),
        None,
        "m moves an item in the panes"
    );
    assert_eq!(lookup(Conflict, &a), Some(Action::TakeTheirs));
}

#[test]
fn the_form_saves_with_ctrl_s_anywhere_and_moves_with_tab() {
    let none = KeyModifiers::NONE;
    let cases = [
        (press(KeyCode::Tab, none), Action::NextField),
        (
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::PrevField,
        ),
        (
            press(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Action::Save,
        ),
        (press(KeyCode::Enter, none), Action::Confirm),
        (press(KeyCode::Esc, none), Action::Cancel),
    ];
    for (event, action) in cases {
        assert_eq!(lookup(Form, &event), Some(action), "{event:?}");
    }
    // Letters are typed; `y`/`j` and `n` only answer the question.
    for c in ['y', 'j', 'n', 'a', 'q'] {
        assert_eq!(lookup(Form, &press(KeyCode::Char(c), none)), None, "{c}");
    }
    let y = press(KeyCode::Char('y'), none);
    assert_eq!(lookup(Discard, &y), Some(Action::Yes));
    assert_eq!(
        lookup(Discard, &press(KeyCode::Esc, none)),
        Some(Action::No)
    );
}

#[test]
fn letters_type_the_query_of_the_move_picker() {
    for c in ['j', 'k', 'q', 'm', 'd', ' ', '<', '>'] {
        let e = press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(lookup(Move, &e), None, "{c}");
    }
    let up = press(KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(lookup(Move, &up), Some(Action::Up));
}

#[test]
fn only_enter_and_esc_answer_the_archive_dialog() {
    let keys: Vec<Key> = bindings(ConfirmArchive)
        .flat_map(|b| b.keys.iter().copied())
        .collect();
    assert_eq!(keys, [key(KeyCode::Enter), key(KeyCode::Esc)]);
    let alt_up = press(KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(lookup(Browse, &alt_up), Some(Action::ReorderUp));
    let up = press(KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(lookup(Browse, &up), Some(Action::Up));
}
