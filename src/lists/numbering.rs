//! Numbers per year (需2026-001, 资2026-001, 项2026-001): a record's year (the one given,
//! else its meeting's, else this year) and its number within the year (the one asked for if
//! free, else the next free one).

use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension};

use super::kinds::{Kind, Numbered};
use crate::error::{Error, Result};

/// A year as given: 1900 to 2200.
pub(super) fn check_year(year: i32) -> Result<i32> {
    if (1900..=2200).contains(&year) {
        Ok(year)
    } else {
        Err(Error::invalid("year", format!("年度“{year}”无效。")))
    }
}

/// The year of a new record: the one given, else the meeting's, else this year.
pub(super) fn year_of(conn: &Connection, year: Option<i32>, meeting: Option<i64>) -> Result<i32> {
    if let Some(y) = year {
        return check_year(y);
    }
    if let Some(id) = meeting {
        if let Some(d) = crate::meetings::get(conn, id)?.date {
            return Ok(d.year());
        }
    }
    Ok(crate::date::today().year())
}

/// The number a record gets: the one asked for (free in its year), else the next free one.
/// `own` is the record being edited (its own number is free to keep).
pub(super) fn number_for<K: Kind>(
    conn: &Connection,
    year: i32,
    asked: Option<i64>,
    own: Option<i64>,
) -> Result<i64> {
    let t = K::TABLE;
    match asked {
        Some(n) if !(1..=99_999).contains(&n) => Err(Error::invalid(
            "number",
            format!("编号“{n}”无效，应为 1 到 99999 之间的整数。"),
        )),
        Some(n) => {
            let taken: Option<i64> = conn
                .query_row(
                    &format!("SELECT id FROM {t} WHERE year = ?1 AND number = ?2"),
                    params![year, n],
                    |r| r.get(0),
                )
                .optional()?;
            match taken {
                Some(id) if Some(id) != own => Err(Error::Conflict(format!(
                    "{year}年的{}编号 {} 已被使用，请换一个编号或留空自动编号。",
                    K::NUMBERED,
                    K::LIST.record_code(year, n)
                ))),
                _ => Ok(n),
            }
        }
        None => Ok(conn.query_row(
            &format!("SELECT COALESCE(MAX(number), 0) + 1 FROM {t} WHERE year = ?1"),
            [year],
            |r| r.get(0),
        )?),
    }
}

/// Settles an input's year and number for kind `K`: the year given, else (an edit) the
/// record's own, else the meeting's or this year ([`year_of`]); the number asked for, else
/// its own while the year stays, else the next free one ([`number_for`]).
pub(super) fn settle<K: Kind>(
    conn: &Connection,
    year: &mut Option<i32>,
    number: &mut Option<i64>,
    own: Option<&K::Record>,
    meeting: Option<i64>,
) -> Result<()> {
    let y = match (*year, own) {
        (None, Some(r)) => r.year(),
        (y, _) => year_of(conn, y, meeting)?,
    };
    *year = Some(y);
    let asked = number.or(own.filter(|r| r.year() == y).map(|r| r.number()));
    *number = Some(number_for::<K>(conn, y, asked, own.map(|r| r.id()))?);
    Ok(())
}
