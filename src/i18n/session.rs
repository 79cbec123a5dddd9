//! Messages about the session and the file on disk: waiting for the lock, a
//! failed save, the journal of unsaved edits, saving becoming possible again.

use super::Lang;
use jiff::tz::TimeZone;

use super::aux_faults::Holder;
use super::faults::SaveFailure;

impl Lang {
    /// The footer while a save waits for another writer's lock.
    pub(crate) fn waiting_for(self, holder: &Holder, zone: &TimeZone) -> String {
        let holder = self.holder(holder, zone);
        match self {
            Lang::Nl => format!("wachten op {holder}…"),
            Lang::En => format!("waiting for {holder}…"),
        }
    }

    /// A command's line on stderr as soon as its save has to wait for the lock
    /// on `plan`, at most `most` long.
    pub fn waiting_to_save(
        self,
        holder: &Holder,
        plan: &str,
        most: std::time::Duration,
        zone: &TimeZone,
    ) -> String {
        let holder = self.holder(holder, zone);
        let secs = most.as_secs_f64();
        match self {
            Lang::Nl => {
                let secs = format!("{secs:.1}").replace('.', ",");
                format!("wacht op {holder}, die {plan} opslaat (hoogstens {secs} s)…")
            }
            Lang::En => {
                format!("waiting for {holder}, who is saving {plan} (at most {secs:.1} s)…")
            }
        }
    }

    /// A failed save, in a line of its own: "not saved: …".
    pub(crate) fn not_saved(self, failure: &SaveFailure, zone: &TimeZone) -> String {
        let why = self.save_failure(failure, zone);
        match self {
            Lang::Nl => format!("niet opgeslagen: {why}"),
            Lang::En => format!("not saved: {why}"),
        }
    }

    pub fn writable_again(self) -> &'static str {
        match self {
            Lang::Nl => "Het plan kan weer worden opgeslagen",
            Lang::En => "The plan can be saved again",
        }
    }

    /// At start: edits from an earlier session were applied again.
    pub(crate) fn journal_replayed(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => {
                "1 niet opgeslagen wijziging uit een eerdere sessie opnieuw toegepast".into()
            }
            (Lang::Nl, n) => {
                format!("{n} niet opgeslagen wijzigingen uit een eerdere sessie opnieuw toegepast")
            }
            (Lang::En, 1) => "1 unsaved change from an earlier session applied again".into(),
            (Lang::En, n) => format!("{n} unsaved changes from an earlier session applied again"),
        }
    }

    /// Read-only at start, with a journal of an earlier session that is left alone.
    pub(crate) fn journal_kept(self, n: usize, path: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{n} niet opgeslagen wijziging(en) uit een eerdere sessie staan in {path}; open het plan zonder --read-only om ze toe te passen"
            ),
            Lang::En => format!(
                "{n} unsaved change(s) from an earlier session are kept in {path}; open the plan without --read-only to apply them"
            ),
        }
    }

    /// On leaving with something not saved: where it is.
    pub(crate) fn journal_written(self, edits: usize, input: bool, path: &str) -> String {
        let what = match (self, edits, input) {
            (Lang::Nl, 0, _) => "Je half getypte invoer".to_string(),
            (Lang::Nl, 1, false) => "1 niet opgeslagen wijziging".to_string(),
            (Lang::Nl, n, false) => format!("{n} niet opgeslagen wijzigingen"),
            (Lang::Nl, n, true) => {
                format!("{n} niet opgeslagen wijziging(en) en je half getypte invoer")
            }
            (Lang::En, 0, _) => "Your half-typed input".to_string(),
            (Lang::En, 1, false) => "1 unsaved change".to_string(),
            (Lang::En, n, false) => format!("{n} unsaved changes"),
            (Lang::En, n, true) => format!("{n} unsaved change(s) and your half-typed input"),
        };
        match self {
            Lang::Nl => {
                format!("{what} staan in {path}; ze worden toegepast als je dit plan weer opent")
            }
            Lang::En => {
                format!("{what} are kept in {path}; they are applied when you open this plan again")
            }
        }
    }

    /// On leaving when even the journal could not be written.
    pub(crate) fn journal_failed(self, edits: usize, why: &str) -> String {
        match self {
            Lang::Nl => format!(
                "{edits} wijziging(en) konden niet worden opgeslagen en ook niet in het journaal: {why}"
            ),
            Lang::En => {
                format!("{edits} change(s) could not be saved, nor kept in the journal: {why}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::ErrorKind;
    use std::time::Duration;

    use super::*;

    /// A failed write of `/srv/plan.ron` of this kind, in the system's words.
    fn io(kind: ErrorKind, reason: &str) -> SaveFailure {
        SaveFailure::Io {
            path: "/srv/plan.ron".into(),
            why: crate::i18n::IoWhy {
                kind,
                text: reason.into(),
            },
        }
    }

    #[test]
    fn waiting_for_the_lock_is_said_in_both_languages() {
        let holder = crate::i18n::Holder::Known {
            name: "bram".into(),
            pid: 7,
            since: Some(crate::timestamp::Timestamp(1_773_480_065)),
        };
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("the tz database has Amsterdam");
        let most = Duration::from_secs(10);
        assert_eq!(
            Lang::Nl.waiting_to_save(&holder, "/srv/plan.ron", most, &amsterdam),
            "wacht op bram (pid 7) sinds 14-03-2026 10:21:05 CET, die /srv/plan.ron opslaat \
             (hoogstens 10,0 s)…"
        );
        assert_eq!(
            Lang::En.waiting_to_save(
                &crate::i18n::Holder::Unknown,
                "/srv/plan.ron",
                most,
                &amsterdam
            ),
            "waiting for an unknown process, who is saving /srv/plan.ron (at most 10.0 s)…"
        );
    }

    #[test]
    fn a_lock_held_by_an_unknown_process_names_the_lock_file_too() {
        let locked = SaveFailure::Locked {
            plan: "/srv/plan.ron".into(),
            lock: "/srv/.plan.ron.lock".into(),
            holder: crate::i18n::Holder::Unknown,
            waited: Duration::from_secs(10),
        };
        assert_eq!(
            Lang::Nl.save_failure(&locked, &TimeZone::UTC),
            "een andere aoplan slaat /srv/plan.ron op en was na 10,0 s nog niet klaar \
             (vergrendeld door een onbekend proces; slotbestand /srv/.plan.ron.lock)"
        );
        assert_eq!(
            Lang::En.save_failure(&locked, &TimeZone::UTC),
            "another aoplan is saving /srv/plan.ron and did not finish within 10.0 s \
             (lock held by an unknown process; lock file /srv/.plan.ron.lock)"
        );
    }

    #[test]
    fn a_failed_save_is_said_in_both_languages() {
        let full = io(ErrorKind::StorageFull, "no space left on the device");
        let odd = io(ErrorKind::Other, "input/output error");
        let locked = SaveFailure::Locked {
            plan: "/srv/plan.ron".into(),
            lock: "/srv/.plan.ron.lock".into(),
            holder: crate::i18n::Holder::Known {
                name: "bram".into(),
                pid: 7,
                since: Some(crate::timestamp::Timestamp(1_773_480_065)),
            },
            waited: Duration::from_millis(10_500),
        };
        let utc = TimeZone::UTC;
        let amsterdam = TimeZone::get("Europe/Amsterdam").expect("the tz database has Amsterdam");
        let said = [
            Lang::Nl.not_saved(&full, &utc),
            Lang::En.not_saved(&full, &utc),
            // The system's words where there is no translation.
            Lang::Nl.save_failure(&odd, &utc),
            Lang::Nl.save_failure(&locked, &amsterdam),
            Lang::En.not_saved(&locked, &amsterdam),
        ];
        assert_eq!(
            said,
            [
                "niet opgeslagen: /srv/plan.ron: geen ruimte meer op het apparaat",
                "not saved: /srv/plan.ron: no space left on the device",
                "/srv/plan.ron: input/output error",
                "een andere aoplan slaat /srv/plan.ron op en was na 10,5 s nog niet klaar \
                 (vergrendeld door bram (pid 7) sinds 14-03-2026 10:21:05 CET)",
                "not saved: another aoplan is saving /srv/plan.ron and did not finish within 10.5 s \
                 (lock held by bram (pid 7) since 14 Mar 2026 10:21:05 CET)",
            ]
        );
    }
}
