//! A terminal UI session without a terminal: the app, the renderer's state and
//! a screen size, drawn into a buffer after every key as the runtime draws
//! after every batch of input, with what each frame showed fed back to the app.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};

/// When the keys are pressed: the app reads no clock, keys bring their time.
pub const KEY_TIME: aoplan::timestamp::Timestamp = aoplan::timestamp::Timestamp(1_793_615_400); // 2026-11-02T10:30:00Z

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use aoplan::app::{App, Event};
use aoplan::ui::{Palette, Screen, Styles, ViewState};

pub struct Session {
    app: App,
    pub view: ViewState,
    styles: Styles,
    area: Rect,
}

impl Session {
    /// Starts a session on a screen of `size` and draws the first frame.
    pub fn new(app: App, palette: Palette, (width, height): (u16, u16)) -> Session {
        let mut session = Session {
            app,
            view: ViewState::new(),
            styles: palette.styles(),
            area: Rect::new(0, 0, width, height),
        };
        session.frame();
        session
    }

    /// Draws a frame and tells the app what it showed.
    pub fn frame(&mut self) -> Buffer {
        let mut buf = Buffer::empty(self.area);
        Screen::new(&self.app, &self.styles).render(self.area, &mut buf, &mut self.view);
        let viewport = self.view.viewport();
        if viewport != self.app.viewport() {
            self.app.handle(Event::Layout(viewport));
        }
        buf
    }

    /// Feeds a key to the app, pressed at [`KEY_TIME`], and draws.
    pub fn press(&mut self, key: KeyEvent) {
        self.app.handle(Event::Key(key, KEY_TIME));
        self.frame();
    }

    pub fn area(&self) -> Rect {
        self.area
    }
}

impl Deref for Session {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Session {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

/// Types `input`: `⏎` Enter, `↵` Alt-Enter, `⇥` Tab, `⇤` Shift-Tab, `§`
/// Ctrl-s, `⎋` Esc, `→` Right, `↑` Up, `↓` Down, the rest as typed.
pub fn keys(app: &mut Session, input: &str) {
    for c in input.chars() {
        let (code, modifiers) = match c {
            '⏎' => (KeyCode::Enter, KeyModifiers::NONE),
            '↵' => (KeyCode::Enter, KeyModifiers::ALT),
            '⇥' => (KeyCode::Tab, KeyModifiers::NONE),
            '⇤' => (KeyCode::BackTab, KeyModifiers::SHIFT),
            '§' => (KeyCode::Char('s'), KeyModifiers::CONTROL),
            '⎋' => (KeyCode::Esc, KeyModifiers::NONE),
            '→' => (KeyCode::Right, KeyModifiers::NONE),
            '↑' => (KeyCode::Up, KeyModifiers::NONE),
            '↓' => (KeyCode::Down, KeyModifiers::NONE),
            c => (KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.press(KeyEvent::new(code, modifiers));
    }
}

/// The screen as text: one line per row, trailing spaces trimmed, and the
/// terminal cursor's position when it is shown.
pub fn screen(app: &mut Session, (width, height): (u16, u16)) -> String {
    let area = Rect::new(0, 0, width, height);
    assert_eq!(area, app.area());
    let buf: Buffer = app.frame();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..width {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(p) = aoplan::ui::cursor_position(app, area) {
        out.push_str(&format!("cursor: {},{}\n", p.x, p.y));
    }
    out
}
