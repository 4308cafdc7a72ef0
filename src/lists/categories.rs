//! The project (and need) categories (类别): the user's list in the settings, the defaults
//! until changed, and a record's category as typed.

use rusqlite::Connection;

use super::fields::clean_title;
use crate::error::{Error, Result};

/// The settings key of the project categories (a JSON array of text).
const CATEGORIES_KEY: &str = "lists.categories";

/// The categories a new database offers.
pub const DEFAULT_CATEGORIES: [&str; 4] = ["宣传宣讲", "关心关爱", "服务指导", "区域发展"];

/// The project (and need) categories, the user's list; the defaults until changed.
pub fn categories(conn: &Connection) -> Result<Vec<String>> {
    let stored = crate::settings::get(conn, CATEGORIES_KEY)?;
    // A stored list that does not parse is a data error, never the defaults in its place.
    let list: Option<Vec<String>> = stored
        .map(|s| {
            serde_json::from_str(&s).map_err(|_| Error::Data {
                what: CATEGORIES_KEY.into(),
                value: s.chars().take(40).collect(),
            })
        })
        .transpose()?;
    Ok(list
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| DEFAULT_CATEGORIES.iter().map(|s| s.to_string()).collect()))
}

/// Replaces the categories. Names are trimmed; empty lines go; a repeated name, an over-long
/// one or an empty list is refused. Records keep the category they have.
pub fn set_categories(conn: &Connection, list: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in list {
        let c = clean_title(raw);
        if c.is_empty() {
            continue;
        }
        if c.chars().count() > 20 {
            return Err(Error::invalid(
                "categories",
                format!("类别“{c}”过长（最多 20 个字）。"),
            ));
        }
        if out.contains(&c) {
            return Err(Error::invalid("categories", format!("类别“{c}”重复了。")));
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(Error::invalid("categories", "请至少保留一个类别。"));
    }
    let json = serde_json::to_string(&out)?;
    crate::settings::set(conn, CATEGORIES_KEY, &json)?;
    Ok(out)
}

/// A record's category as typed: on one line, at most 20 characters.
pub(super) fn clean_category(raw: &str) -> Result<String> {
    let c = clean_title(raw);
    if c.chars().count() > 20 {
        return Err(Error::invalid(
            "category",
            format!("类别“{c}”过长（最多 20 个字）。"),
        ));
    }
    Ok(c)
}
