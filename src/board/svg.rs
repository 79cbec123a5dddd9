//! The pictures of the pack, as inline SVG: a pattern per status (so that a
//! status reads in black and white too, not only by colour), the swatch that
//! stands beside a status word, a theme's stacked bar, and the chart through
//! the year.

use std::fmt::Write as _;

use crate::plan::{Progress, Status};

/// The statuses in the order bars stack them: finished work first; `None` is
/// "no status".
pub(super) const STACK: [Option<Status>; 6] = [
    Some(Status::Done),
    Some(Status::InProgress),
    Some(Status::Planned),
    Some(Status::OnHold),
    Some(Status::Cancelled),
    None,
];

/// The id of a status's fill pattern, and its CSS class.
pub(super) fn key(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Done) => "done",
        Some(Status::InProgress) => "progress",
        Some(Status::Planned) => "planned",
        Some(Status::OnHold) => "hold",
        Some(Status::Cancelled) => "cancelled",
        None => "none",
    }
}

/// One hidden SVG whose patterns every picture fills with: solid dark for
/// done, diagonal stripes for in progress, dots for planned, horizontal
/// stripes for on hold, cross-hatching for cancelled, white for none. Their
/// greys differ, so each also reads on a black-and-white print.
pub(super) const PATTERNS: &str = r##"<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
<defs>
<pattern id="p-done" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#1d5a2a"/></pattern>
<pattern id="p-progress" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#cfe0f5"/><rect width="2.6" height="6" fill="#1f4e96"/></pattern>
<pattern id="p-planned" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="0.9" fill="#3a3a3a"/></pattern>
<pattern id="p-hold" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fbe3c8"/><rect width="5" height="1.8" fill="#8a4300"/></pattern>
<pattern id="p-cancelled" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e4e4e4"/><rect width="1.2" height="6" fill="#4a4a4a"/><rect width="6" height="1.2" fill="#4a4a4a"/></pattern>
<pattern id="p-none" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/></pattern>
</defs>
</svg>
"##;

/// The small square in a status's pattern that stands before its word.
pub(super) fn swatch(status: Option<Status>) -> String {
    format!(
        r##"<svg class="sw" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><rect x="0.5" y="0.5" width="11" height="11" fill="url(#p-{})" stroke="#111" stroke-width="1"/></svg>"##,
        key(status)
    )
}

/// A horizontal bar of `p`'s statuses, `label` (escaped already) as its
/// accessible name and tooltip.
pub(super) fn bar(p: &Progress, label: &str) -> String {
    const W: f64 = 200.0;
    const H: f64 = 14.0;
    let mut out = format!(
        r#"<svg class="bar" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{label}"><title>{label}</title>"#
    );
    let total = p.total();
    let mut x = 0.0;
    for status in STACK {
        let n = match status {
            Some(s) => p.count(s),
            None => p.unset,
        };
        if n == 0 || total == 0 {
            continue;
        }
        let w = W * n as f64 / total as f64;
        let _ = write!(
            out,
            r##"<rect x="{x:.2}" y="0" width="{w:.2}" height="{H}" fill="url(#p-{})" stroke="#111" stroke-width="0.6"/>"##,
            key(status)
        );
        x += w;
    }
    let _ = write!(
        out,
        r##"<rect x="0.3" y="0.3" width="{}" height="{}" fill="none" stroke="#111" stroke-width="0.6"/></svg>"##,
        W - 0.6,
        H - 0.6
    );
    out
}

/// What one month of the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// The counts at the month's end.
    Ended(Progress),
    /// The month that has not ended: the counts of now.
    ToDate(Progress),
    /// A month that has not begun, or that ended before the plan recorded
    /// anything: nothing is drawn as data.
    Empty,
}

/// The chart through the year: per month a column of the share done (solid)
/// with the share in progress (striped) on top; months without data are a
/// dashed outline. `labels` are the months' names, `title` (escaped already)
/// the chart's accessible name.
pub(super) fn chart(slots: &[(Slot, &str, String)], title: &str) -> String {
    const X0: f64 = 46.0;
    const X1: f64 = 652.0;
    const Y0: f64 = 10.0;
    const Y1: f64 = 140.0;
    let mut out = format!(
        r#"<svg class="chart" viewBox="0 0 660 162" role="img" aria-label="{title}"><title>{title}</title>"#
    );
    for pct in [0u32, 25, 50, 75, 100] {
        let y = Y1 - (Y1 - Y0) * f64::from(pct) / 100.0;
        let (stroke, width) = if pct == 0 {
            ("#111", 1.0)
        } else {
            ("#9a9a9a", 0.5)
        };
        let _ = write!(
            out,
            r#"<line x1="{X0}" y1="{y:.1}" x2="{X1}" y2="{y:.1}" stroke="{stroke}" stroke-width="{width}"/><text x="{}" y="{:.1}" class="axis" text-anchor="end">{pct} %</text>"#,
            X0 - 6.0,
            y + 4.0
        );
    }
    let n = slots.len().max(1) as f64;
    let step = (X1 - X0) / n;
    let width = step * 0.62;
    for (i, (slot, label, tip)) in slots.iter().enumerate() {
        let x = X0 + step * i as f64 + (step - width) / 2.0;
        let mid = x + width / 2.0;
        let _ = write!(out, "<g><title>{tip}</title>");
        match slot {
            Slot::Ended(p) | Slot::ToDate(p) => {
                let total = p.total().max(1) as f64;
                let done = (Y1 - Y0) * p.done() as f64 / total;
                let going = (Y1 - Y0) * p.count(Status::InProgress) as f64 / total;
                column(&mut out, x, width, Y1 - done, done, "done");
                column(&mut out, x, width, Y1 - done - going, going, "progress");
                if matches!(slot, Slot::ToDate(_)) {
                    let _ = write!(
                        out,
                        r##"<rect x="{:.1}" y="{Y0}" width="{:.1}" height="{:.1}" fill="none" stroke="#111" stroke-width="0.8" stroke-dasharray="2 2"/>"##,
                        x - 3.0,
                        width + 6.0,
                        Y1 - Y0
                    );
                }
            }
            Slot::Empty => {
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{:.1}" width="{width:.1}" height="8" fill="none" stroke="#6a6a6a" stroke-width="0.8" stroke-dasharray="3 2"/>"##,
                    Y1 - 8.0
                );
            }
        }
        let class = if matches!(slot, Slot::Empty) {
            "month empty"
        } else {
            "month"
        };
        let _ = write!(
            out,
            r#"<text x="{mid:.1}" y="{:.1}" class="{class}" text-anchor="middle">{label}</text></g>"#,
            Y1 + 16.0
        );
    }
    out.push_str("</svg>");
    out
}

/// One status's part of a chart column, when it has any height.
fn column(out: &mut String, x: f64, width: f64, y: f64, height: f64, key: &str) {
    if height > 0.0 {
        let _ = write!(
            out,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{height:.1}" fill="url(#p-{key})" stroke="#111" stroke-width="0.8"/>"##
        );
    }
}
