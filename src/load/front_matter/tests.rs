//! Front matter: splitting, YAML, dates and positions of errors.

use super::*;

fn fm(text: &str) -> (FrontMatter, Vec<Diagnostic>) {
    read(&SourceFile::new("es/a-es.md", text.to_string()), &["title".to_string()])
}

fn positions(diags: &[Diagnostic]) -> Vec<(usize, usize, String)> {
    diags.iter().map(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0), d.message.clone())).collect()
}

#[test]
fn bom_crlf_trailing_spaces_comments_and_dotted_keys() {
    let text = "\u{feff}---  \r\n# required metadata  \r\ntitle: Playbook  \r\nms.date: 10/03/2019  \r\n---  \r\n# Body\r\n";
    let src = SourceFile::new("a.md", text.to_string());
    let (front, diags) = read(&src, &["title".to_string()]);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(front.title.as_deref(), Some("Playbook"));
    assert_eq!(front.date, Some(Date { year: 2019, month: 10, day: 3 }));
    assert_eq!(front.fields.get("ms.date"), Some(&Value::String("10/03/2019".into())));
    assert_eq!(&src.text[front.body_start..], "# Body\r\n");
}

#[test]
fn dot_dot_dot_closes_and_body_start_is_absolute() {
    let text = "---\ntitle: T\n...\nbody";
    let (front, diags) = fm(text);
    assert!(diags.is_empty());
    assert_eq!(front.body_start, text.find("body").unwrap());
}

#[test]
fn closing_line_at_end_of_file_without_newline() {
    let text = "---\ntitle: T\n---";
    assert_eq!(split(text), Split::Block(Block { yaml_start: 4, yaml_end: 13, body_start: 16 }));
    assert_eq!(fm(text).0.body_start, text.len());
}

#[test]
fn no_front_matter_means_body_start_zero_and_title_is_still_required() {
    let (front, diags) = fm("# Just markdown\n");
    assert_eq!(front.body_start, 0);
    assert!(front.fields.is_empty());
    assert_eq!(positions(&diags), [(1, 1, "missing required front-matter key `title`".to_string())]);
    assert!(diags[0].help.as_deref().unwrap().contains("`---`"));
}

#[test]
fn a_dash_line_inside_text_is_not_front_matter() {
    assert_eq!(split("# T\n---\nx\n---\n"), Split::None);
    assert_eq!(split("--- x\n---\n"), Split::None);
    assert_eq!(split(""), Split::None);
}

#[test]
fn unclosed_front_matter_is_one_error_and_no_front_matter() {
    let (front, diags) = fm("---\ntitle: T\n# Body\n");
    assert_eq!(front.body_start, 0);
    assert!(front.title.is_none());
    assert_eq!(
        positions(&diags),
        [(1, 1, "front matter is not closed: add a `---` line after it".to_string())]
    );
    assert_eq!(diags[0].code, Code::FrontMatter);
}

#[test]
fn yaml_error_is_reported_at_the_file_line() {
    // YAML line 2 is file line 3: the opening `---` is line 1.
    let (front, diags) = fm("---\ntitle: T\ndescription: FastTrack: Playbook\n---\n");
    assert_eq!(positions(&diags), [(3, 23, "mapping values are not allowed in this context".to_string())]);
    assert!(diags[0].help.as_deref().unwrap().contains("quoted"));
    assert_eq!(diags[0].snippet.as_deref(), Some("description: FastTrack: Playbook"));
    assert!(front.fields.is_empty());
}

#[test]
fn yaml_error_position_counts_characters_after_a_bom_and_crlf() {
    let (_, diags) = fm("\u{feff}---\r\ntitle: Ñandú\r\nx: [a,\r\n---\r\n");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].line, Some(3));
}

#[test]
fn duplicate_key_is_an_error_at_the_duplicate() {
    let (_, diags) = fm("---\ntitle: A\nms.date: 1/2/2020\ntitle: B\n---\n");
    assert_eq!(positions(&diags), [(4, 1, "duplicate mapping key: title".to_string())]);
}

#[test]
fn a_list_or_a_scalar_is_not_a_front_matter() {
    let (_, diags) = fm("---\n- title\n- b\n---\n");
    assert_eq!(
        positions(&diags),
        [(2, 1, "front matter must be `key: value` lines, not a list".to_string())]
    );
    let (_, diags) = fm("---\n\njust text\n---\n");
    assert_eq!(
        positions(&diags),
        [(3, 1, "front matter must be `key: value` lines, not a single value".to_string())]
    );
}

#[test]
fn empty_front_matter_is_fine_but_lacks_the_title() {
    let (front, diags) = fm("---\n# nothing\n---\nx");
    assert_eq!(front.body_start, 18);
    assert_eq!(positions(&diags), [(1, 1, "missing required front-matter key `title`".to_string())]);
    assert_eq!(diags[0].help.as_deref(), Some("add `title: …` to the front matter"));
}

#[test]
fn empty_title_is_reported_at_the_key() {
    let (front, diags) = fm("---\nauthor: x\ntitle:\n---\n");
    assert!(front.title.is_none());
    assert_eq!(positions(&diags), [(3, 1, "required front-matter key `title` is empty".to_string())]);
}

#[test]
fn required_keys_come_from_the_config() {
    let src = SourceFile::new("a.md", "---\ntitle: T\n---\n".to_string());
    let (_, diags) = read(&src, &["title".to_string(), "ms.author".to_string()]);
    assert_eq!(positions(&diags), [(1, 1, "missing required front-matter key `ms.author`".to_string())]);
    let (_, diags) = read(&src, &[]);
    assert!(diags.is_empty());
}

#[test]
fn numbers_and_booleans_are_titles_but_lists_are_not() {
    assert_eq!(fm("---\ntitle: 2020\n---\n").0.title.as_deref(), Some("2020"));
    assert_eq!(fm("---\ntitle: true\n---\n").0.title.as_deref(), Some("true"));
    let (front, diags) = fm("---\ntitle: [a, b]\n---\n");
    assert!(front.title.is_none());
    assert_eq!(positions(&diags), [(2, 8, "`title` must be text".to_string())]);
}

#[test]
fn bad_date_is_reported_at_its_value() {
    let (front, diags) = fm("---\ntitle: T\nms.date:   31/31/2019\n---\n");
    assert!(front.date.is_none());
    assert_eq!(positions(&diags), [(3, 12, "`ms.date` is not a date: `31/31/2019`".to_string())]);
    assert_eq!(diags[0].help.as_deref(), Some("write the date as MM/DD/YYYY, e.g. 10/03/2019"));
}

#[test]
fn numeric_date_is_not_a_date() {
    let (_, diags) = fm("---\ntitle: T\ndate: 20191003\n---\n");
    assert_eq!(positions(&diags), [(3, 7, "`date` is not a date: `20191003`".to_string())]);
}

#[test]
fn short_years_iso_dates_and_date_fallback() {
    assert_eq!(
        fm("---\ntitle: T\nms.date: 5/2/19\n---\n").0.date,
        Some(Date { year: 2019, month: 5, day: 2 })
    );
    assert_eq!(
        fm("---\ntitle: T\ndate: 2020-02-29\n---\n").0.date,
        Some(Date { year: 2020, month: 2, day: 29 })
    );
    let (front, diags) = fm("---\ntitle: T\nms.date:\ndate: 1/1/2020\n---\n");
    assert!(front.date.is_none() && diags.is_empty(), "an empty ms.date wins and is no date");
}

#[test]
fn quoted_keys_are_found_for_positions() {
    let (_, diags) = fm("---\ntitle: T\n\"ms.date\": nope\n---\n");
    assert_eq!(positions(&diags), [(3, 12, "`ms.date` is not a date: `nope`".to_string())]);
}
