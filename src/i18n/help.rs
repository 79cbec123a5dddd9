//! `--help` in Dutch: what each command does and its examples, by the
//! command's path (`""` for `aoplan` itself, `"add project"`). The English is
//! in `cli`; a test walks every command and finds its Dutch here.

pub use super::help_args::arg_help;

/// (command path, what it does, the text after the options).
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("", "Blader door, zoek in en werk het activiteitenplan van het A&O-fonds bij in de terminal.", "\
Voorbeelden:
  aoplan                                   open het plan in de terminal
  aoplan find overgang                     zoek in het plan
  aoplan show programma-loyale-tegenspraak
  aoplan set programma-loyale-tegenspraak done
  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks'
  aoplan report --focus --format markdown  voortgang van de focusthema’s
  aoplan --file team.ron check
  aoplan --lang nl check                   meldingen in het Nederlands (of LANG=nl_NL.UTF-8)

Het plan is --file, anders $AOPLAN_FILE, anders `file` in het configuratiebestand,
anders plan.ron in de gegevensmap van de gebruiker (bij het eerste gebruik gemaakt
van het meegeleverde Activiteitenplan 2026). Het configuratiebestand is
$AOPLAN_CONFIG, anders config.ron in de configuratiemap (~/.config/aoplan op Linux).
De taal is --lang, anders `lang` in de configuratie, anders LC_ALL, LC_MESSAGES of LANG.

Afsluitcode: 0 gedaan; 1 mislukt, niets opgeslagen; 2 een verkeerde opdrachtregel;
3 de uitvoer kon niet worden geschreven (een wijziging van een opdracht die opslaat,
zoals set, add of rollover, is dan toch opgeslagen, en stderr zegt dat); 129 of
128+N wanneer de terminal eindigt door ophangen of signaal N."),
    ("check", "Controleer dat het plan laadt en klopt", "\
Voorbeeld:
  aoplan check --file data/activiteitenplan-2026.ron

Afsluitcode 0 als het plan goed is, 1 met elk probleem op een rij als dat niet zo is."),
    ("path", "Toon het pad van het plan dat gebruikt wordt", "Voorbeeld:\n  aoplan path"),
    ("init", "Zet het meegeleverde Activiteitenplan 2026 neer als plan (vervangt er nooit een)", "\
Voorbeelden:
  aoplan init
  aoplan init --file /srv/plannen/activiteitenplan.ron

Alleen `aoplan init` en de interactieve `aoplan` maken het standaardplan aan;
andere opdrachten zonder plan zeggen hoe je er een aanwijst."),
    ("find", "Zoek projecten op woorden, zinnen en filters (status, eigenaar, jaar, focus)", super::FIND_HELP_NL),
    ("list", "Toon elk project dat door een filter komt (status, eigenaar, focus, thema, gewijzigd sinds), in de volgorde van het plan", super::LIST_HELP_NL),
    ("show", "Toon alles over één project, subthema of thema, of het archief", "\
Voorbeelden:
  aoplan show programma-loyale-tegenspraak
  aoplan show programma-loyale-tegenspraak --json
  aoplan show loyale-tegenspraak          # een subthema en zijn projecten
  aoplan show ambtelijk-vakmanschap       # een thema en zijn subthema’s
  aoplan show --archived                  # wat `aoplan rm` archiveerde
  aoplan show programma-loyale-tegenspraak --as-of 2026-06-30

Met --as-of: het onderdeel zoals het was aan het eind van DATUM (plaatselijke
tijd), opnieuw opgebouwd uit de geschiedenis van het plan; DATUM mag ook een RFC 3339-tijd zijn."),
    ("set", "Zet de status van een project voor het planjaar (of --year)", "\
Voorbeelden:
  aoplan set programma-loyale-tegenspraak done
  aoplan set programma-loyale-tegenspraak Lopend --year 2027
  aoplan set programma-loyale-tegenspraak none --year 2027

Statussen: Planned/Gepland, InProgress/Lopend, Done/Afgerond, OnHold/Uitgesteld,
Cancelled/Vervallen (hoofdletters maken niet uit; `in-progress` en `on hold` mogen
ook); none/geen wist de status van het jaar."),
    ("report", "Voortgang per thema en subthema, voor het bestuur", "\
Voorbeelden:
  aoplan report
  aoplan report --focus --format markdown > voortgang.md
  aoplan report --theme ambtelijk-vakmanschap --year 2027
  aoplan report --format csv > voortgang.csv
  aoplan report --as-of 2026-06-30
  aoplan report --compare 2026-03-31 2026-09-30 --format markdown
  aoplan report --by quarter --focus

Tekst toont voortgangsbalken als hij naar een terminal gaat. CSV heeft één rij per
project (--compare: één per thema en aantal, dan één per gewijzigd project; --by:
één per periode).

DATUM is een dag in de plaatselijke tijdzone (TZ, anders die van het systeem),
zoals `changes --since` die leest (2026-06-30, 30-06-2026, 30 jun 2026,
gisteren, -7d, vorige week …), en staat voor het eind ervan; of een RFC 3339-tijd
zoals 2026-06-30T17:00:00+02:00. Het plan op een datum wordt opgebouwd uit zijn
geschiedenis; waar die niet zo ver teruggaat, zegt het rapport dat. --by telt aan
het eind van elke maand of elk kwartaal van het planjaar, in plaatselijke tijd;
perioden die nog niet voorbij zijn, tonen geen aantallen."),
    ("changes", "Toon de wijzigingen in een periode, per thema: statussen, teksten, opbouw", "\
Voorbeelden:
  aoplan changes --since 2026-03-01
  aoplan changes --since 'vorige week' --until 'vorige week'
  aoplan changes --since -7d --kind status
  aoplan changes --since 1-1-2026 --until 31/3/2026 --format csv > q1.csv
  aoplan changes --since 2026-03-14T09:00:00+01:00 --format json
  aoplan changes --since 2026-01-01 --kind structure,text

DATUM is een dag in de plaatselijke tijdzone (TZ, anders die van het systeem):
2026-11-29, 29-11-2026, 29/11/2026 (dag eerst), 29 nov 2026, vandaag/today,
gisteren/yesterday, -7d, 7 dagen geleden/7 days ago; zonder jaar (29 nov, 29-11,
29/11) de laatste zulke dag tot en met vandaag; of een week, maandag tot en
met zondag: deze week/this week, vorige week/last week; of een RFC 3339-tijd.
--since begint aan het begin van zijn dag of week, --until eindigt aan het eind
ervan. Tijden staan in de plaatselijke tijdzone; JSON geeft `at` in UTC en
`at_local` met de verschuiving. Wijzigingen van onderdelen die in geen thema meer
staan (de eigen velden van het plan, gearchiveerde thema’s) komen als laatste,
onder \"Plan en archief\". Posities tellen vanaf 1. In CSV noemen `id` en `project`
het gewijzigde onderdeel, van welke soort ook."),
    ("rollover", "Begin een nieuw planjaar: lopende projecten nemen hun status mee", "\
Voorbeelden:
  aoplan rollover 2027 --dry-run
  aoplan rollover 2027

Projecten die Gepland, Lopend of Uitgesteld zijn in het planjaar krijgen dezelfde
status in JAAR; afgeronde en vervallen projecten krijgen er geen. Daarna wordt JAAR
het planjaar. Nog een keer draaien verandert niets. Er komen geen regels bij in de
geschiedenis."),
    ("add", "Voeg een project, subthema of thema toe", "\
Voorbeelden:
  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks tegenspraak'
  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Digitale weerbaarheid'
  aoplan add theme --name 'Duurzame inzetbaarheid' --focus"),
    ("add project", "Voeg een project toe aan een subthema; toont zijn id", "\
Voorbeelden:
  aoplan add project --in loyale-tegenspraak --title 'Podcastreeks tegenspraak'
  aoplan add project --in integer-werken --title 'Dilemmatraining' --owner anna --status Lopend
  ID=$(aoplan add project --in integer-werken --title 'Quiz')   # het nieuwe id, voor scripts

Het id wordt gemaakt van de titel (kleine letters, zonder accenten, woorden met -
verbonden) en uniek gemaakt met -2, -3, … als het al bestaat; --id kiest er een. Het
verandert nooit, ook niet bij een nieuwe titel of een verplaatsing. Het getoonde id
is het opgeslagen id: nam een ander het intussen, dan krijgt het project het
volgende vrije, en stderr zegt dat. De status (standaard Gepland) geldt voor het
planjaar, of --year."),
    ("add subtheme", "Voeg een subthema toe aan een thema; toont zijn id", "\
Voorbeelden:
  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Digitale weerbaarheid'
  aoplan add subtheme --in ambtelijk-vakmanschap --name 'Ethiek' --intro 'Waarom.' --dry-run

Het subthema komt achteraan in het thema; `aoplan move ID --position N` zet het
ergens anders. Zijn letter (A., B., …) volgt uit zijn plaats."),
    ("add theme", "Voeg een thema toe aan het eind van het plan; toont zijn id", "\
Voorbeelden:
  aoplan add theme --name 'Duurzame inzetbaarheid' --focus
  aoplan add theme --name 'Arbeidsmarkt 2030' --intro 'Vooruitkijken.' --json"),
    ("edit", "Wijzig de teksten van een project, subthema of thema, of de focus van een thema", "\
Voorbeelden:
  aoplan edit programma-loyale-tegenspraak --title 'Programma Loyale Tegenspraak' --owner anna
  aoplan edit loyale-tegenspraak --name 'Loyale tegenspraak'     # een subthema
  aoplan edit arbeidsmarkt --focus                               # een thema
  aoplan edit programma-loyale-tegenspraak --notes '' --dry-run

Projecten kennen --title, --details, --owner en --notes; subthema’s --name en
--intro; thema’s --name, --intro en --focus of --no-focus. Ids veranderen nooit."),
    ("move", "Verplaats een project of subthema naar een andere ouder, of zet een onderdeel op een andere plaats", "\
Voorbeelden:
  aoplan move maatwerk-e-learning-integriteit --to loyale-tegenspraak
  aoplan move maatwerk-e-learning-integriteit --to loyale-tegenspraak --position 1
  aoplan move integer-werken --position 1          # andere volgorde binnen het thema
  aoplan move arbeidsmarkt --position 2            # thema’s krijgen alleen een andere volgorde

Posities tellen vanaf 1, zoals de lijsten en de letters van subthema’s ze tonen. De
geschiedenis blijft bij het onderdeel, en zijn id verandert nooit."),
    ("rm", "Archiveer een project, subthema of thema (met zijn geschiedenis; terug te zetten)", "\
Voorbeelden:
  aoplan rm maatwerk-e-learning-integriteit
  aoplan rm integer-werken --dry-run          # een subthema, met zijn projecten

Er wordt niets gewist: het onderdeel gaat met zijn geschiedenis naar het archief van
het plan (een subthema of thema met alles erin), en `aoplan restore ID` zet het terug
waar het was. `aoplan show --archived` toont het archief."),
    ("restore", "Zet een gearchiveerd onderdeel terug waar het was", "\
Voorbeelden:
  aoplan show --archived
  aoplan restore maatwerk-e-learning-integriteit

Het onderdeel keert terug naar de plek waar het uit gearchiveerd werd, met zijn
geschiedenis."),
    ("plan", "Toon of zet het fonds, de titel en het jaar van het plan", "\
Voorbeelden:
  aoplan plan                                  # het fonds, de titel, het jaar en de aantallen
  aoplan plan --json
  aoplan plan --title 'Activiteitenplan 2026 (herzien)'
  aoplan plan --year 2027 --dry-run            # zet het planjaar

Met --fund, --title of --year worden de eigen velden van het plan gezet; zonder
worden ze getoond. Het jaar zetten neemt geen status mee; `aoplan rollover JAAR`
doet dat wel."),
    ("completions", "Toon een aanvulscript voor de shell", "\
Voorbeelden:
  aoplan completions bash > ~/.local/share/bash-completion/completions/aoplan
  aoplan completions zsh > ~/.zfunc/_aoplan
  aoplan completions fish > ~/.config/fish/completions/aoplan.fish"),
    ("man", "Toon de handleiding (roff, in het Engels)", "Voorbeeld:\n  aoplan man | man -l -"),
    ("new", "Begin een nieuw, leeg planbestand (vervangt er nooit een)", "\
Voorbeelden:
  aoplan new --fund 'A&O-fonds Provincies' --title 'Activiteitenplan 2027' --year 2027 --file plan-2027.ron
  aoplan new --fund 'A&O fonds Gemeenten' --title 'Plan 2027' --year 2027 --file plan.ron --json

--year (verplicht) is het jaar van het nieuwe plan. Het bestand mag nog niet
bestaan: het wordt gemaakt, nooit vervangen. Afsluitcode 0 als het gemaakt is, 1 als
dat niet lukte (dan is er niets geschreven)."),
    ("import", "Begin een nieuw planbestand vanuit een Markdown-outline (vervangt er nooit een)", "\
Voorbeelden:
  aoplan import data/examples/gemeenten-2021.md --fund 'A&O fonds Gemeenten' \\
      --title 'Activiteitenplan 2021' --year 2021 --file gemeenten.ron
  aoplan export --file plan.ron | aoplan import - --fund F --title T --year 2026 --file copy.ron

De outline: `# Thema` (een `*` of `(focus)` erachter maakt het een focusthema),
`## Subthema`, `- Project`; tekst direct onder een kop is de inleiding, tekst twee
spaties ingesprongen onder een project de omschrijving. Projecten zijn Gepland in
--year (verplicht), tenzij `{status=…}` iets anders zegt; ids worden gemaakt van de
titels, tenzij `{#id}` er een geeft. docs/format.md (\"Outlines\") legt alles uit.
Een vergissing wordt gemeld met regel en kolom, en dan wordt er niets geschreven.
Het bestand mag nog niet bestaan: het wordt gemaakt, nooit vervangen."),
    ("export", "Schrijf het plan in een andere vorm naar standaarduitvoer", "\
Voorbeelden:
  aoplan export --format outline > plan.md
  aoplan export --year 2027 | less

De outline heeft elk thema, subthema en project met id, naam of titel, inleiding of
omschrijving, focusteken en status in het planjaar (of --year); niet de eigenaren,
notities, geschiedenis of andere jaren. `aoplan import` leest hem terug."),
    ("merge-driver", "Samenvoeger (merge driver) van git voor planbestanden: drie versies, veld voor veld", "\
Gestart door git, ingesteld met `aoplan git-setup`:
  git config merge.aoplan.driver 'aoplan merge-driver %O %A %B %P'

Wijzigingen van verschillende velden of onderdelen aan beide kanten blijven allemaal
bewaard; van een veld dat beide kanten wijzigden wint de latere wijziging volgens de
geschiedenis, en de andere waarde blijft in het plan als open conflict (`aoplan
conflicts` toont en beslecht ze). Afsluitcode 0 als het samengevoegd is (in ONZE
versie geschreven); 1 als een kant niet laadt (ONZE versie onaangeroerd, en git
meldt een conflict)."),
    ("conflicts", "Toon de open conflicten die een samenvoeging van git in het plan liet, en beslecht ze", "\
Voorbeelden:
  aoplan conflicts                        # de open conflicten, genummerd
  aoplan conflicts --json | jq -r '.[].key'
  aoplan conflicts keep 1                 # houd de waarde van het plan
  aoplan conflicts take programma-loyale-tegenspraak:status:2026
  aoplan conflicts take --all --dry-run

Als `git pull` twee kopieën via aoplan samenvoegt (zie `aoplan git-setup`), gaat een
veld dat beide kanten verschillend wijzigden naar de latere wijziging; de andere
waarde blijft in het plan als open conflict, tot iemand de waarde van het plan houdt
of de andere neemt. Elk conflict heeft een nummer (zijn plaats in de lijst, die
verschuift als conflicten sluiten) en een sleutel die blijft (ID:VELD, zoals
programma-loyale-tegenspraak:status:2026, loyale-tegenspraak:name of :year voor de
eigen velden van het plan).

Afsluitcode 0 als de lijst getoond is, ook als die leeg is (de JSON is dan []); 1 als
het plan niet laadt."),
    ("conflicts keep", "Houd de waarde van het plan: het conflict sluit, verder verandert er niets", "\
Voorbeelden:
  aoplan conflicts keep 1
  aoplan conflicts keep 1 3 --dry-run
  aoplan conflicts keep programma-loyale-tegenspraak:status:2026
  aoplan conflicts keep --all

Het plan houdt zijn waarde; het conflict gaat van de lijst. De andere waarde blijft
in de geschiedenis. Een onbekend nummer of een onbekende sleutel verandert niets
(afsluitcode 1)."),
    ("conflicts take", "Neem de andere waarde, opgeslagen en vastgelegd zoals `aoplan set` of `edit`; het conflict sluit", "\
Voorbeelden:
  aoplan conflicts take 1
  aoplan conflicts take programma-loyale-tegenspraak:status:2026 --json
  aoplan conflicts take --all --dry-run

De andere waarde wordt gezet als gewone wijziging (een status krijgt een regel in de
geschiedenis, elk ander veld een regel in het logboek van het plan), opgeslagen onder
het slot zoals `aoplan set`, en het conflict gaat van de lijst. Een onbekend nummer
of een onbekende sleutel, of een waarde die niet meer gezet kan worden (het
onderdeel is weg), verandert niets (afsluitcode 1)."),
    ("git-setup", "Stel aoplan in als samenvoeger van git voor het plan (--file) in deze repository", "\
Voorbeeld:
  aoplan --file plan.ron git-setup

Nog een keer draaien verandert niets. docs/git.md legt de werkwijze uit."),
    ("help", "Toon deze hulp of die van de gegeven opdracht(en)", ""),
];

/// What the command at `path` does, and the text after its options, in Dutch.
/// clap's own `help` subcommands (`help`, `add help project`) are the `help`
/// command, or say what the command they name does.
pub fn command_help(path: &str) -> Option<(&'static str, &'static str)> {
    let exact = |path: &str| {
        COMMANDS
            .iter()
            .find(|(p, _, _)| *p == path)
            .map(|(_, about, after)| (*about, *after))
    };
    let words: Vec<&str> = path.split(' ').collect();
    match words.iter().position(|w| *w == "help") {
        Some(at) if at + 1 < words.len() => {
            let named: Vec<&str> = (words[..at].iter().chain(&words[at + 1..]))
                .copied()
                .collect();
            command_help(&named.join(" "))
        }
        Some(_) => exact("help"),
        None => exact(path),
    }
}

/// The headings of clap's help, in Dutch: the template, and the headings of
/// positional arguments, options and subcommands.
pub const HELP_TEMPLATE_NL: &str =
    "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";
pub const ARGUMENTS_NL: &str = "Argumenten";
pub const OPTIONS_NL: &str = "Opties";
pub const COMMANDS_NL: &str = "Opdrachten";
pub const COMMAND_NL: &str = "OPDRACHT";
/// The usage's tag for "any options".
pub const OPTIONS_TAG_NL: &str = "[OPTIES]";

/// The names of values in the usage and help (`--file <PATH>`), in Dutch.
/// A test finds every name the command line uses here.
const VALUE_NAMES_NL: &[(&str, &str)] = &[
    ("BASE", "BASIS"),
    ("DATE", "DATUM"),
    ("DATE1", "DATUM1"),
    ("DATE2", "DATUM2"),
    ("DELIMITER", "TEKEN"),
    ("DETAILS", "OMSCHRIJVING"),
    ("FORMAT", "FORMAAT"),
    ("FUND", "FONDS"),
    ("ID", "ID"),
    ("INTRO", "INLEIDING"),
    ("KIND", "SOORT"),
    ("LANG", "TAAL"),
    ("LIMIT", "AANTAL"),
    ("N", "N"),
    ("N|KEY", "N|SLEUTEL"),
    ("NAME", "NAAM"),
    ("NOTES", "NOTITIES"),
    ("OURS", "ONZE"),
    ("OUTLINE.md", "OUTLINE.md"),
    ("OWNER", "EIGENAAR"),
    ("PARENT_ID", "OUDER_ID"),
    ("PATH", "PAD"),
    ("PERIOD", "PERIODE"),
    ("QUERY", "ZOEKVRAAG"),
    ("SHELL", "SHELL"),
    ("STATUS", "STATUS"),
    ("SUBTHEME_ID", "SUBTHEMA_ID"),
    ("THEIRS", "HUNNE"),
    ("THEME_ID", "THEMA_ID"),
    ("TITLE", "TITEL"),
    ("YEAR", "JAAR"),
];

/// The Dutch name of the value named `name` in English.
pub fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES_NL
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, nl)| *nl)
}

/// What clap adds after an option's help, in Dutch: its possible values and
/// its default.
pub fn possible_values(values: &[String]) -> String {
    format!("[waarden: {}]", values.join(", "))
}

/// A default in Dutch: a status by its Dutch name (which the option reads
/// too), anything else as written.
pub fn default_value(values: &[String]) -> String {
    let dutch: Vec<String> = values
        .iter()
        .map(|v| match crate::plan::Status::parse(v) {
            Some(status) => super::Lang::Nl.status(status).to_string(),
            None => v.clone(),
        })
        .collect();
    format!("[standaard: {}]", dutch.join(", "))
}
