//! Messages of the command line that carry values.

use std::io;

use super::Lang;

impl Lang {
    /// Why a write failed, in this language where it is one of the usual reasons.
    pub fn io_reason(self, e: &io::Error) -> String {
        match (self, e.kind()) {
            (Lang::Nl, io::ErrorKind::StorageFull) => "geen ruimte meer op het apparaat".into(),
            (Lang::Nl, io::ErrorKind::QuotaExceeded) => "schijfquotum overschreden".into(),
            (Lang::Nl, io::ErrorKind::PermissionDenied) => "geen toestemming".into(),
            (Lang::Nl, io::ErrorKind::BrokenPipe) => "de lezer is gestopt".into(),
            _ => crate::storage::io_reason(e),
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
