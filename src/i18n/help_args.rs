//! The Dutch help of every command-line argument, by the command's path
//! (`"add project"`; `"*"` for any command) and the argument's id. The
//! English is the doc comment in `cli`; a test walks every argument of every
//! command and finds its Dutch here.

/// (command path or `*`, argument id, Dutch help). The first match wins, so
/// entries for one command come before the `*` ones.
pub const ARGS: &[(&str, &str, &str)] = &[
    // The global options.
    (
        "*",
        "file",
        "Het planbestand (standaard: $AOPLAN_FILE, anders de gegevensmap van de gebruiker)",
    ),
    (
        "*",
        "year",
        "Het planjaar om te tonen en te bewerken (standaard: het `year` van het plan)",
    ),
    (
        "*",
        "lang",
        "Taal van de bediening (standaard: uit LC_ALL, LC_MESSAGES of LANG)",
    ),
    ("*", "read_only", "Schrijf nooit naar het planbestand"),
    (
        "*",
        "no_mouse",
        "Laat de muis aan de terminal, zodat die zelf tekst kan selecteren",
    ),
    ("*", "help", "Toon deze hulp"),
    ("*", "version", "Toon de versie"),
    // Shared by the planning commands.
    ("*", "json", "Toon JSON in plaats van tekst"),
    (
        "*",
        "dry_run",
        "Laat zien wat er zou veranderen, en sla niets op",
    ),
    ("*", "id", "Het id van het project, subthema of thema"),
    // find
    (
        "find",
        "query",
        "Woorden, \"precieze woorden\" en filters: status:S, eigenaar:NAAM (owner:), jaar:JAAR (year:), focus",
    ),
    (
        "find",
        "limit",
        "Toon hoogstens zoveel resultaten (0: alle)",
    ),
    // list
    (
        "list",
        "status",
        "Alleen projecten met deze status in het planjaar (of --year); meer statussen betekent een van die",
    ),
    (
        "list",
        "owner",
        "Alleen projecten van wie de eigenaar een woord heeft dat zo begint (hoofdletters en accenten tellen niet)",
    ),
    ("list", "focus", "Alleen de projecten van focusthema’s (★)"),
    (
        "list",
        "theme",
        "Alleen de projecten van het thema met dit id",
    ),
    (
        "list",
        "changed_since",
        "Alleen projecten die sinds deze dag (of tijd, of week) zijn gewijzigd; zie `changes --since`",
    ),
    (
        "list",
        "limit",
        "Toon hoogstens zoveel projecten (0: alle, zoals zonder)",
    ),
    // show
    (
        "show",
        "id",
        "Het id van een project (zie `aoplan find`), subthema of thema",
    ),
    ("show", "archived", "Toon in plaats daarvan het archief"),
    (
        "show",
        "as_of",
        "Toon het zoals het was aan het eind van deze dag (of op deze tijd)",
    ),
    // set
    ("set", "id", "Het id van het project"),
    (
        "set",
        "status",
        "De nieuwe status, of `none` (geen) om hem te wissen",
    ),
    // report
    (
        "report",
        "format",
        "De vorm van de uitvoer: text (tekst), markdown, csv, json of html (het bestuurspakket)",
    ),
    (
        "report",
        "theme",
        "Alleen het thema met dit id (een verkeerd id noemt de ids die erop lijken)",
    ),
    ("report", "focus", "Alleen de focusthema’s (★)"),
    (
        "report",
        "as_of",
        "Het plan zoals het was aan het eind van deze dag (of op deze tijd)",
    ),
    (
        "report",
        "compare",
        "Vergelijk twee datums: per thema de aantallen op beide, en elk project waarvan de status veranderde",
    ),
    (
        "report",
        "by",
        "Aantallen per status aan het eind van elke maand (month) of elk kwartaal (quarter) van het planjaar",
    ),
    // changes
    (
        "changes",
        "since",
        "Het begin van de periode (een dag, een week of een tijd; zie hieronder)",
    ),
    (
        "changes",
        "until",
        "Het eind van de periode (standaard: nu)",
    ),
    (
        "changes",
        "kind",
        "Alleen deze soorten wijziging (standaard: alle): status, text (teksten), focus, year (planjaar), structure (opbouw)",
    ),
    (
        "changes",
        "format",
        "De vorm van de uitvoer: text (tekst), markdown, csv of json",
    ),
    (
        "changes",
        "all",
        "Elke vastgelegde wijziging, ook die zijn teruggedraaid of tot één regel samengevoegd",
    ),
    // rollover
    (
        "rollover",
        "new_year",
        "Het nieuwe planjaar, na het huidige",
    ),
    // add
    ("add project", "parent", "Het id van het subthema"),
    ("add project", "title", "De titel van het project"),
    ("add project", "details", "De omschrijving"),
    ("add project", "owner", "Wie het trekt"),
    (
        "add project",
        "status",
        "De status in het planjaar (of --year); `none` voor geen status",
    ),
    (
        "add project",
        "id",
        "Het id dat het krijgt (standaard: gemaakt van de titel)",
    ),
    ("add subtheme", "parent", "Het id van het thema"),
    ("add subtheme", "name", "De naam van het subthema"),
    ("add subtheme", "intro", "De inleiding"),
    (
        "add subtheme",
        "id",
        "Het id dat het krijgt (standaard: gemaakt van de naam)",
    ),
    ("add theme", "name", "De naam van het thema"),
    ("add theme", "intro", "De inleiding"),
    ("add theme", "focus", "Markeer het als focusthema (★)"),
    (
        "add theme",
        "id",
        "Het id dat het krijgt (standaard: gemaakt van de naam)",
    ),
    // edit
    ("edit", "title", "De titel van een project"),
    ("edit", "details", "De omschrijving van een project"),
    ("edit", "owner", "De eigenaar van een project ('' wist hem)"),
    ("edit", "notes", "De notities van een project ('' wist ze)"),
    ("edit", "name", "De naam van een subthema of thema"),
    ("edit", "intro", "De inleiding van een subthema of thema"),
    ("edit", "focus", "Markeer een thema als focusthema (★)"),
    ("edit", "no_focus", "Markeer een thema als geen focusthema"),
    // move
    (
        "move",
        "to",
        "Het subthema (voor een project) of thema (voor een subthema) om het in te zetten",
    ),
    (
        "move",
        "position",
        "De plaats daar, geteld vanaf 1 (standaard: achteraan bij een andere ouder)",
    ),
    // plan, new, import
    ("plan", "fund", "De naam van het fonds"),
    ("plan", "title", "De titel van het plan"),
    ("new", "fund", "De naam van het fonds, getoond in de kop"),
    ("new", "title", "De titel van het plan"),
    (
        "new",
        "dry_run",
        "Controleer en zeg wat er gemaakt zou worden, en schrijf niets",
    ),
    (
        "import",
        "outline",
        "De outline: een Markdown-bestand, of - voor standaardinvoer",
    ),
    ("import", "fund", "De naam van het fonds, getoond in de kop"),
    ("import", "title", "De titel van het plan"),
    (
        "import",
        "dry_run",
        "Controleer en zeg wat er gemaakt zou worden, en schrijf niets",
    ),
    // export, completions
    (
        "export",
        "format",
        "De vorm van de uitvoer: outline (de Markdown-outline die `aoplan import` leest)",
    ),
    ("completions", "shell", "De shell"),
    // merge-driver
    (
        "merge-driver",
        "base",
        "De gemeenschappelijke voorouder (%O van git)",
    ),
    (
        "merge-driver",
        "ours",
        "Onze versie, die het resultaat krijgt (%A van git)",
    ),
    ("merge-driver", "theirs", "Hun versie (%B van git)"),
    (
        "merge-driver",
        "path",
        "De naam in de repository (%P van git), voor meldingen",
    ),
    // conflicts
    (
        "conflicts",
        "json",
        "Toon een JSON-lijst in plaats van tekst",
    ),
    (
        "*",
        "conflicts",
        "De conflicten: elk met zijn nummer in `aoplan conflicts`, of zijn sleutel",
    ),
    ("*", "all", "Elk open conflict"),
    (
        "*",
        "delimiter",
        "Het scheidingsteken van CSV (standaard: `;` in het Nederlands, `,` in het Engels): semicolon, comma of tab",
    ),
];

/// The Dutch help of argument `id` of the command at `path`.
pub fn arg_help(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .or_else(|| ARGS.iter().find(|(p, i, _)| *p == "*" && *i == id))
        .map(|(_, _, help)| *help)
}
