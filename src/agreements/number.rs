//! Agreement numbers: 海棠共建〔2026〕第001号, a gap-free sequence per prefix and year.

use rusqlite::Connection;

use crate::error::Result;
use crate::settings;

/// The setting that holds the number prefix.
pub const PREFIX_SETTING: &str = "agreement_number_prefix";

/// The street's short name: 海棠街道（示例） → 海棠.
pub fn street_short(street: &str) -> String {
    let mut s = street.trim();
    for suffix in ["（示例）", "(示例)"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    for suffix in ["街道办事处", "街道"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    s.to_string()
}

/// The configured prefix, else `{street short}共建`.
pub fn prefix(conn: &Connection) -> Result<String> {
    if let Some(p) = settings::get(conn, PREFIX_SETTING)? {
        if !p.trim().is_empty() {
            return Ok(p.trim().to_string());
        }
    }
    let street = settings::get(conn, "street_name")?.unwrap_or_default();
    Ok(format!("{}共建", street_short(&street)))
}

/// The next free number for `prefix` in `year` (call inside the transaction that inserts it).
pub fn next_seq(conn: &Connection, prefix: &str, year: i32) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM agreements WHERE number_prefix = ?1 AND year = ?2",
        rusqlite::params![prefix, year],
        |r| r.get(0),
    )?)
}

/// The printed number.
pub fn format(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}〔{year}〕第{seq:03}号")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_and_format() {
        assert_eq!(street_short("海棠街道（示例）"), "海棠");
        assert_eq!(street_short("八大关街道办事处"), "八大关");
        assert_eq!(format("海棠共建", 2026, 1), "海棠共建〔2026〕第001号");
        assert_eq!(format("海棠共建", 2026, 1234), "海棠共建〔2026〕第1234号");
    }
}
