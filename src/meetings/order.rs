//! Positions of ordered lists within a meeting (agenda items, speeches).

use rusqlite::{params, Connection};

use crate::error::{Error, Result};

/// A table whose rows carry a 1-based `position` within their meeting.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ordered {
    Agenda,
    Speeches,
}

impl Ordered {
    fn update_sql(self) -> &'static str {
        match self {
            Ordered::Agenda => "UPDATE agenda_items SET position = ?2 WHERE id = ?1",
            Ordered::Speeches => "UPDATE speeches SET position = ?2 WHERE id = ?1",
        }
    }
}

/// Writes positions 1, 2, … in the order of `ids`.
pub(crate) fn write(conn: &Connection, table: Ordered, ids: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(table.update_sql())?;
    for (i, id) in ids.iter().enumerate() {
        stmt.execute(params![id, i64::try_from(i).unwrap_or(i64::MAX) + 1])?;
    }
    Ok(())
}

/// Checks that a new order names exactly the rows there are; `message` says otherwise.
pub(crate) fn check_same(have: &[i64], want: &[i64], message: &str) -> Result<()> {
    let (mut have, mut want) = (have.to_vec(), want.to_vec());
    have.sort_unstable();
    want.sort_unstable();
    if have == want {
        Ok(())
    } else {
        Err(Error::invalid("ids", message))
    }
}
