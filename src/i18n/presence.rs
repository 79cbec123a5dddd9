//! Words for colleagues who have the plan open at the same time.

use super::Lang;

impl Lang {
    /// The label before the others' names under the header.
    pub fn also_open(self) -> &'static str {
        match self {
            Lang::Nl => "ook open",
            Lang::En => "also open",
        }
    }

    /// Above the details of an item others have an editor open on: "anna is
    /// editing this". `names` are already safe to show.
    pub fn being_edited_by(self, names: &[&str]) -> String {
        let (and, one, several) = match self {
            Lang::Nl => ("en", "bewerkt dit nu", "bewerken dit nu"),
            Lang::En => ("and", "is editing this", "are editing this"),
        };
        match names {
            [] => String::new(),
            [name] => format!("{name} {one}"),
            [first @ .., last] => format!("{} {and} {last} {several}", first.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_are_named_in_both_languages() {
        assert_eq!(Lang::Nl.being_edited_by(&["anna"]), "anna bewerkt dit nu");
        assert_eq!(
            Lang::Nl.being_edited_by(&["anna", "bert", "carla"]),
            "anna, bert en carla bewerken dit nu"
        );
        assert_eq!(Lang::En.being_edited_by(&["anna"]), "anna is editing this");
        assert_eq!(
            Lang::En.being_edited_by(&["anna", "bert"]),
            "anna and bert are editing this"
        );
        assert_eq!(Lang::En.being_edited_by(&[]), "");
        assert_eq!(
            (Lang::Nl.also_open(), Lang::En.also_open()),
            ("ook open", "also open")
        );
    }
}
