//! What the three lists share about a field as typed and as stored: titles on one line, a
//! required name, a day as stored, the text filter, the meeting and community a record names,
//! and links read in pairs.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::text::name_key;

/// The longest name or category accepted.
pub(super) const MAX_NAME: usize = 100;

pub(super) use crate::labelled::date_column as date_col;

pub(super) use crate::db::stored_day as day;

/// A name or category as typed, on one line: trimmed, runs of white space (line breaks in a
/// cell too) made one space between Latin words and none next to Chinese. Unlike unit names,
/// no NFKC: “红色物业”联建，共同… keeps its full-width punctuation.
pub(crate) fn clean_title(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.replace('\u{3000}', " ").split_whitespace() {
        let glue = match (out.chars().last(), word.chars().next()) {
            (Some(a), Some(b)) => !(crate::text::is_cjk(a) || crate::text::is_cjk(b)),
            _ => false,
        };
        if glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(super) fn required_name(field: &'static str, label: &str, raw: &str) -> Result<String> {
    let v = clean_title(raw);
    if v.is_empty() {
        return Err(Error::invalid(field, format!("请填写{label}。")));
    }
    if v.chars().count() > MAX_NAME {
        return Err(Error::invalid(
            field,
            format!("{label}过长（最多 {MAX_NAME} 个字）。"),
        ));
    }
    Ok(v)
}

pub(super) fn unit_ok(conn: &Connection, id: i64) -> Result<crate::units::Unit> {
    crate::units::get(conn, id)
}

pub(super) fn meeting_ok(conn: &Connection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        crate::meetings::get(conn, id)?;
    }
    Ok(())
}

pub(super) fn community_ok(conn: &Connection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        crate::org::community(conn, id)?;
    }
    Ok(())
}

pub(super) fn text_matches(text: &str, fields: &[&str]) -> bool {
    text.is_empty() || fields.iter().any(|f| name_key(f).contains(text))
}

/// Pairs (a, b) read by `sql`, grouped by a.
pub(super) fn grouped(conn: &Connection, sql: &str) -> Result<HashMap<i64, Vec<i64>>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in rows {
        let (a, b) = row?;
        out.entry(a).or_default().push(b);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::clean_title;

    #[test]
    fn titles_keep_full_width_punctuation_and_lose_line_breaks() {
        assert_eq!(
            clean_title(" “红色物业”联建，共同办好\n小区议事会 "),
            "“红色物业”联建，共同办好小区议事会"
        );
        assert_eq!(clean_title("Python  编程\u{3000}课"), "Python编程课");
        assert_eq!(clean_title("AI  for\nkids"), "AI for kids");
        assert_eq!(clean_title("（牵头）(协作)"), "（牵头）(协作)");
    }
}
