//! `Vocabulary`: the words of one language that the parser must recognise
//! (task-table headers, requirement letters, the phase label, words that name
//! a task in prose), with built-in defaults for the corpus languages.
//!
//! Must not hold UI strings (those live in `locales/*.ftl`) or parsing code.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Per-language words that content uses. Every list is matched
/// case-insensitively after collapsing whitespace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vocabulary {
    /// Header of the first column of a task table ("Task ID").
    pub task_id: Vec<String>,
    /// Requirement values meaning mandatory ("M"; German "E", Portuguese "b").
    pub mandatory: Vec<String>,
    /// Requirement values meaning optional ("O").
    pub optional: Vec<String>,
    /// Label of the phase line under the H1 ("Phase", "Fase").
    pub phase: Vec<String>,
    /// Words naming a task in prose ("Task", "Tarea").
    pub task_word: Vec<String>,
    /// Translated alert words authors write instead of the English kind,
    /// mapped to the kind they look like (`HINWEIS` → `NOTE`); used only
    /// for the help of `unknown-alert`. Built-in: `ALERT_ALIASES`, for
    /// every language; a config's entries are added to them.
    pub alert_aliases: BTreeMap<String, String>,
    /// Requirement values of the site's other locales (filled by `Config`):
    /// with this locale's own and every built-in language's, they are the
    /// letters that make a column a requirement column when a task table
    /// is recognised by its shape. Not read from a config file.
    #[serde(skip)]
    pub other_requirements: Vec<String>,
}

/// Requirement values of every built-in language (`M`, `O`, German `E`,
/// Portuguese `b`).
const BUILTIN_REQUIREMENTS: &[&str] = &["M", "O", "E", "b"];

/// Alert words seen in translated playbooks (the corpus has `[!HINWEIS]`,
/// `[!OBSERVAÇÃO]`, `[!注意]`) and the usual translations of the five
/// kinds in the corpus languages (and French), with the kind each means.
const ALERT_ALIASES: &[(&str, &str)] = &[
    ("HINWEIS", "NOTE"),
    ("ANMERKUNG", "NOTE"),
    ("NOTA", "NOTE"),
    ("OBSERVAÇÃO", "NOTE"),
    ("OBSERVACAO", "NOTE"),
    ("OBSERVACIÓN", "NOTE"),
    ("REMARQUE", "NOTE"),
    ("注意", "NOTE"),
    ("メモ", "NOTE"),
    ("备注", "NOTE"),
    ("注释", "NOTE"),
    ("TIPP", "TIP"),
    ("SUGERENCIA", "TIP"),
    ("CONSEJO", "TIP"),
    ("DICA", "TIP"),
    ("CONSEIL", "TIP"),
    ("ヒント", "TIP"),
    ("提示", "TIP"),
    ("WICHTIG", "IMPORTANT"),
    ("IMPORTANTE", "IMPORTANT"),
    ("重要", "IMPORTANT"),
    ("WARNUNG", "WARNING"),
    ("ADVERTENCIA", "WARNING"),
    ("AVISO", "WARNING"),
    ("AVERTISSEMENT", "WARNING"),
    ("警告", "WARNING"),
    ("VORSICHT", "CAUTION"),
    ("ACHTUNG", "CAUTION"),
    ("PRECAUCIÓN", "CAUTION"),
    ("PRECAUCION", "CAUTION"),
    ("CUIDADO", "CAUTION"),
    ("ATTENTION", "CAUTION"),
    ("注意事項", "CAUTION"),
    ("小心", "CAUTION"),
];

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Vocabulary {
    /// The built-in vocabulary for a BCP 47 tag, by its language subtag;
    /// every header variant seen in the FastTrack corpus is included.
    /// Unknown languages get the English words.
    pub fn builtin(tag: &str) -> Vocabulary {
        let lang = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let (task_id, mandatory, phase, task_word): (&[&str], &[&str], &[&str], &[&str]) = match lang.as_str()
        {
            "es" => (
                &["Id. de Tareas", "Id. de Tarea", "Tareas de Id.", "ID de tarea", "Task ID"],
                &["M"],
                &["Fase", "Phase"],
                &["Tarea", "Tareas"],
            ),
            "pt" => (
                &["ID da Tarefa", "ID da tarefa", "Task ID"],
                &["b", "M"],
                &["Fase", "Phase"],
                &["Tarefa", "Tarefas"],
            ),
            "de" => (
                &["Aufgaben-ID", "Aufgaben ID", "Task ID"],
                &["E", "M"],
                &["Phase"],
                &["Aufgabe", "Aufgaben"],
            ),
            "ja" => (&["タスク ID", "タスクID", "Task ID"], &["M"], &["フェーズ", "Phase"], &["タスク"]),
            "zh" => (&["任务 ID", "任务ID", "Task ID"], &["M"], &["阶段", "Phase"], &["任务"]),
            _ => (&["Task ID", "Task Id"], &["M"], &["Phase"], &["Task", "Tasks"]),
        };
        Vocabulary {
            task_id: words(task_id),
            mandatory: words(mandatory),
            optional: words(&["O"]),
            phase: words(phase),
            task_word: words(task_word),
            alert_aliases: ALERT_ALIASES.iter().map(|(w, k)| (w.to_string(), k.to_string())).collect(),
            other_requirements: Vec::new(),
        }
    }

    /// Overlays the non-empty lists of `other` on these defaults; alert
    /// aliases are added (an alias given again takes the new kind).
    pub fn overlay(mut self, other: Vocabulary) -> Vocabulary {
        let pick = |mine: &mut Vec<String>, theirs: Vec<String>| {
            if !theirs.is_empty() {
                *mine = theirs;
            }
        };
        pick(&mut self.task_id, other.task_id);
        pick(&mut self.mandatory, other.mandatory);
        pick(&mut self.optional, other.optional);
        pick(&mut self.phase, other.phase);
        pick(&mut self.task_word, other.task_word);
        self.alert_aliases.extend(other.alert_aliases);
        self
    }

    /// Whether `value` is a requirement value of any locale: this one's,
    /// the site's other locales' (`other_requirements`) or a built-in
    /// language's.
    pub fn is_any_requirement(&self, value: &str) -> bool {
        matches(&self.mandatory, value)
            || matches(&self.optional, value)
            || matches(&self.other_requirements, value)
            || BUILTIN_REQUIREMENTS.iter().any(|w| same_words(w, value))
    }

    /// Whether `cell` is one of this locale's task-id headers, compared by
    /// `header_key`.
    pub fn is_task_id_header(&self, cell: &str) -> bool {
        let key = header_key(cell);
        !key.is_empty() && self.task_id.iter().any(|w| header_key(w) == key)
    }
}

/// The form in which table headers are compared, so that spellings that
/// differ only in letter case, accents, spacing, punctuation or `(M)`-style
/// marks are one header: `(X)` marks of one letter are dropped (or
/// kept as letters when a word goes on after them: `(M)andatory` →
/// `Mandatory`), the text is decomposed (Unicode NFKD, so accents and
/// fullwidth forms fold too), combining accents are removed, letters are
/// lowercased, and only letters, marks and numbers (general categories L,
/// M, N) are kept:
/// `Id. de Tareas` → `iddetareas`, `Aufgaben-ID` → `aufgabenid`,
/// `ＩＤ` → `id`. Japanese voicing marks (U+3099, U+309A) are kept: they
/// change the letter.
pub fn header_key(s: &str) -> String {
    use icu_normalizer::DecomposingNormalizerBorrowed;
    use icu_properties::CodePointMapData;
    use icu_properties::props::{GeneralCategory, GeneralCategoryGroup as G};
    let category = CodePointMapData::<GeneralCategory>::new();
    let kept = |c: char| {
        let gc = category.get(c);
        (G::Letter.contains(gc) || G::Number.contains(gc) || G::Mark.contains(gc)) && !is_accent(c)
    };
    let unmarked = drop_marks(s);
    DecomposingNormalizerBorrowed::new_nfkd()
        .normalize_iter(unmarked.chars())
        .filter(|&c| kept(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Combining accents (the diacritical-mark blocks), which `header_key`
/// removes after decomposition.
fn is_accent(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// `s` without `(X)` marks of one letter; a mark that a word
/// continues (`(M)andatory`) keeps its letters.
fn drop_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let letters = after
            .find(')')
            .map(|close| &after[..close])
            .filter(|inner| inner.chars().count() == 1 && inner.chars().all(char::is_alphabetic));
        match letters {
            Some(inner) => {
                rest = &after[inner.len() + 1..];
                if rest.starts_with(char::is_alphabetic) {
                    out.push_str(inner);
                }
            }
            None => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Normalises a header or value for comparison: trimmed, inner whitespace
/// collapsed to one space, lowercase.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `value` is one of `list`, under `normalize` (compared word by
/// word, case-insensitively, without allocating: this runs for every table
/// header and requirement cell).
pub fn matches(list: &[String], value: &str) -> bool {
    list.iter().any(|w| same_words(w, value))
}

fn same_words(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y))
                if x == y
                    || x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase)) => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_e_and_portuguese_b_are_mandatory() {
        assert!(matches(&Vocabulary::builtin("de").mandatory, "E"));
        assert!(matches(&Vocabulary::builtin("pt-BR").mandatory, "b"));
        assert!(!matches(&Vocabulary::builtin("en").mandatory, "E"));
    }

    #[test]
    fn headers_match_with_odd_spacing_and_case() {
        assert!(matches(&Vocabulary::builtin("es").task_id, "  id.  de tareas "));
        assert!(matches(&Vocabulary::builtin("zh-Hans").task_id, "任务 ID"));
    }

    #[test]
    fn header_keys_ignore_case_accents_spacing_dots_and_marks() {
        assert_eq!(header_key("Id. de Tareas"), "iddetareas");
        assert_eq!(header_key("  ID  de   tareas "), "iddetareas");
        assert_eq!(header_key("Aufgaben-ID"), header_key("aufgaben id"));
        assert_eq!(header_key("N° de tâche"), "ndetache");
        assert_eq!(header_key("Número de Ação"), "numerodeacao");
        assert_eq!(header_key("(M)andatory / (O)ptional"), "mandatoryoptional");
        assert_eq!(header_key("(M) Mandatory (O) Optional"), "mandatoryoptional");
        assert_eq!(header_key("(E) Erforderlich (O) Optional"), "erforderlichoptional");
        // Longer parentheses hold words, not marks.
        assert_eq!(header_key("Task (ID)"), "taskid");
        assert_eq!(header_key("タスク ＩＤ"), "タスクid");
        assert_eq!(header_key("データ"), header_key("テ\u{3099}ータ"));
        assert_ne!(header_key("データ"), header_key("テータ"), "voicing marks stay");
        assert_eq!(header_key("a (b"), "ab");
        assert_eq!(header_key("(x)"), "");
    }

    #[test]
    fn task_id_headers_match_by_key_and_requirements_by_any_locale() {
        let es = Vocabulary::builtin("es");
        assert!(es.is_task_id_header("ID. DE TAREAS"));
        assert!(es.is_task_id_header("Id de tarea"));
        assert!(!es.is_task_id_header("Nº de tarea"));
        assert!(!es.is_task_id_header(" . "), "an empty key is no header");
        assert!(es.is_any_requirement("E") && es.is_any_requirement("b") && es.is_any_requirement("o"));
        assert!(!es.is_any_requirement("X"));
        let custom = Vocabulary { other_requirements: vec!["F".into()], ..Vocabulary::default() };
        assert!(custom.is_any_requirement("f"));
        let own = Vocabulary {
            mandatory: vec!["Obl".into()],
            optional: vec!["Opc".into()],
            ..Vocabulary::default()
        };
        assert!(own.is_any_requirement("obl") && own.is_any_requirement("OPC"));
    }

    #[test]
    fn alert_aliases_are_built_in_and_extended_by_overlay() {
        let v = Vocabulary::builtin("de");
        assert_eq!(v.alert_aliases.get("HINWEIS").map(String::as_str), Some("NOTE"));
        let extra = BTreeMap::from([("ACHTUNG".to_string(), "WARNING".to_string())]);
        let v = v.overlay(Vocabulary { alert_aliases: extra, ..Default::default() });
        assert_eq!(v.alert_aliases.get("ACHTUNG").map(String::as_str), Some("WARNING"));
        assert_eq!(v.alert_aliases.get("OBSERVAÇÃO").map(String::as_str), Some("NOTE"));
    }

    #[test]
    fn overlay_replaces_only_given_lists() {
        let v = Vocabulary::builtin("en")
            .overlay(Vocabulary { mandatory: vec!["R".into()], ..Default::default() });
        assert_eq!(v.mandatory, vec!["R".to_string()]);
        assert_eq!(v.optional, vec!["O".to_string()]);
    }
}
