//! The renderer's own state: offsets kept between frames, what a frame showed,
//! and mouse hit-testing against it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use super::{Palette, Screen, ViewState};
use crate::app::{App, AppOptions, Event};
use crate::i18n::Lang;
use crate::view::{Pane, Pointer, Region};

/// An app drawn after every key into a screen of `size`, as the runtime does.
struct Drawn {
    app: App,
    view: ViewState,
    area: Rect,
}

impl Drawn {
    fn new((width, height): (u16, u16)) -> Drawn {
        let mut plan = crate::codec::parse(crate::storage::BUNDLED_PLAN).expect("bundled plan");
        // Three times the themes, so the themes pane overflows on small screens.
        let themes = plan.themes.clone();
        for n in 2..=3 {
            plan.themes.extend(themes.iter().cloned().map(|mut theme| {
                theme.id = format!("{}-{n}", theme.id);
                theme
            }));
        }
        let options = AppOptions {
            lang: Lang::En,
            year: None,
            read_only: None,
            user: "tester".into(),
            mouse: true,
        };
        let mut drawn = Drawn {
            app: App::new(plan, options),
            view: ViewState::new(),
            area: Rect::new(0, 0, width, height),
        };
        drawn.frame();
        drawn
    }

    fn frame(&mut self) -> Buffer {
        let mut buf = Buffer::empty(self.area);
        let styles = Palette::Plain.styles();
        Screen::new(&self.app, &styles).render(self.area, &mut buf, &mut self.view);
        self.app.handle(Event::Layout(self.view.viewport()));
        buf
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '↓' => KeyCode::PageDown,
                c => KeyCode::Char(c),
            };
            self.app.handle(Event::Key(
                KeyEvent::new(code, KeyModifiers::NONE),
                crate::timestamp::Timestamp(1_793_615_400),
            ));
            self.frame();
        }
    }

    fn mouse(&self, kind: MouseEventKind, column: u16, row: u16) -> Option<Pointer> {
        self.view.pointer(&MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }
}

#[test]
fn a_frame_reports_the_rows_each_list_shows() {
    let drawn = Drawn::new((80, 24));
    let viewport = drawn.view.viewport();
    // 24 rows: header, footer of two lines, the frames' borders.
    assert_eq!(viewport.panes[0], 19);
    assert_eq!(viewport.panes[1], 19);
    assert_eq!(viewport, drawn.app.viewport(), "the app heard of it");
}

#[test]
fn the_offset_moves_only_when_the_selection_leaves_the_screen() {
    let mut drawn = Drawn::new((80, 16));
    let shown = drawn.view.viewport().panes[0];
    let themes = drawn.app.plan().themes.len();
    assert!(themes > shown, "the themes overflow at this size");
    drawn.keys(&"j".repeat(shown - 1));
    assert_eq!(drawn.view.pane(Pane::Themes).offset(), 0);
    drawn.keys("j");
    assert_eq!(drawn.view.pane(Pane::Themes).offset(), 1);
    drawn.keys("k");
    assert_eq!(drawn.view.pane(Pane::Themes).offset(), 1, "still on screen");
    drawn.keys("G");
    assert_eq!(drawn.view.pane(Pane::Themes).offset(), themes - shown);
    assert_eq!(drawn.view.pane(Pane::Themes).selected(), Some(themes - 1));
}

#[test]
fn clicks_hit_the_row_under_the_pointer_in_the_scrolled_list() {
    let mut drawn = Drawn::new((80, 16));
    drawn.keys("G");
    let offset = drawn.view.pane(Pane::Themes).offset();
    assert!(offset > 0);
    let left = MouseEventKind::Down(MouseButton::Left);
    // The frame's top border is row 1; the first row on screen is row 2.
    assert_eq!(
        drawn.mouse(left, 3, 2),
        Some(Pointer::Click {
            pane: Pane::Themes,
            row: Some(offset)
        })
    );
    assert_eq!(
        drawn.mouse(left, 3, 1),
        Some(Pointer::Click {
            pane: Pane::Themes,
            row: None
        }),
        "the frame focuses without selecting"
    );
    assert_eq!(drawn.mouse(left, 3, 0), None, "the header");
    let Some(Pointer::Click { row: Some(row), .. }) = drawn.mouse(left, 3, 2) else {
        panic!("a row");
    };
    drawn.app.handle(Event::Pointer(Pointer::Click {
        pane: Pane::Themes,
        row: Some(row),
    }));
    assert_eq!(drawn.app.view().selection.theme, offset);
}

#[test]
fn the_wheel_says_what_it_is_over() {
    let drawn = Drawn::new((80, 24));
    let down = MouseEventKind::ScrollDown;
    assert_eq!(
        drawn.mouse(down, 3, 5),
        Some(Pointer::Wheel {
            over: Region::Pane(Pane::Themes),
            down: true
        })
    );
    assert_eq!(
        drawn.mouse(MouseEventKind::ScrollUp, 60, 20),
        Some(Pointer::Wheel {
            over: Region::Details,
            down: false
        })
    );
    assert_eq!(drawn.mouse(MouseEventKind::Moved, 3, 5), None);
}

#[test]
fn a_view_opens_at_its_top_and_pages_by_what_it_showed() {
    let mut drawn = Drawn::new((80, 16));
    drawn.keys("pG");
    let shown = drawn.view.viewport().summary;
    let themes = drawn.app.plan().themes.len();
    assert_eq!(drawn.view.summary().offset(), themes - shown);
    drawn.keys("pgp↓");
    assert_eq!(drawn.view.summary().offset(), 0, "opened again at the top");
    let crate::app::Mode::Summary(summary) = drawn.app.mode() else {
        panic!("the progress view");
    };
    assert_eq!(summary.selected, shown - 1, "a page is one less than shown");
}

#[test]
fn the_help_scrolls_no_further_than_its_text() {
    let mut drawn = Drawn::new((80, 24));
    drawn.keys("?");
    let max = drawn.view.viewport().help_max;
    assert!(max > 0, "the help is longer than the screen");
    drawn.keys(&"j".repeat(usize::from(max) + 5));
    assert_eq!(drawn.app.mode(), &crate::app::Mode::Help { scroll: max });
    drawn.keys("k");
    assert_eq!(
        drawn.app.mode(),
        &crate::app::Mode::Help { scroll: max - 1 }
    );
}
