//! Agreement numbers: 海棠共建〔2026〕第001号, a gap-free sequence per prefix and year, given
//! when an agreement is first printed.

use rusqlite::Connection;

use crate::error::Result;

/// The street's prefix (街道信息 → 协议编号前缀, else derived from the street's name); empty
/// before the street is named.
pub fn prefix(conn: &Connection) -> Result<String> {
    Ok(crate::street::get(conn)?.number_prefix())
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
    fn format_pads_to_three_digits() {
        assert_eq!(format("海棠共建", 2026, 1), "海棠共建〔2026〕第001号");
        assert_eq!(format("海棠共建", 2026, 1234), "海棠共建〔2026〕第1234号");
    }
}
