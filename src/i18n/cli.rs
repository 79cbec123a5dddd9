//! Messages of the command line that carry values.

use std::io;

use super::Lang;

impl Lang {
    /// Why a write failed, in this language where it is one of the usual reasons.
    pub fn io_reason(self, e: &io::Error) -> String {
        self.io_kind_reason(e.kind())
            .map_or_else(|| crate::platform::io_reason(e), str::to_string)
    }

    /// The usual reasons a read or write fails, in Dutch; `None` where the
    /// system's own (English) words are used.
    pub(super) fn io_kind_reason(self, kind: io::ErrorKind) -> Option<&'static str> {
        match (self, kind) {
            (Lang::Nl, io::ErrorKind::StorageFull) => Some("geen ruimte meer op het apparaat"),
            (Lang::Nl, io::ErrorKind::QuotaExceeded) => Some("schijfquotum overschreden"),
            (Lang::Nl, io::ErrorKind::PermissionDenied) => Some("geen toestemming"),
            (Lang::Nl, io::ErrorKind::BrokenPipe) => Some("de lezer is gestopt"),
            _ => None,
        }
    }

    /// The output of a command could not be written.
    pub fn output_failed(self, e: &io::Error) -> String {
        let reason = self.io_reason(e);
        match self {
            Lang::Nl => format!("de uitvoer kon niet worden geschreven: {reason}"),
            Lang::En => format!("the output could not be written: {reason}"),
        }
    }

    /// A change was saved although its output then failed.
    pub fn saved_anyway(self, what: &str) -> String {
        match self {
            Lang::Nl => format!("de wijziging is wel opgeslagen: {what}"),
            Lang::En => format!("the change was saved all the same: {what}"),
        }
    }
}
