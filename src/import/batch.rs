//! The `import_batches` row every import writes, whatever it imports (the roster, donations,
//! the three lists): opened inside the commit's transaction, checked before an undo, marked
//! undone by it. `kind` is the table's code (`roster`, `donations`, `needs`, …).

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Records a committed batch of `kind` (inside the commit's transaction); returns its id.
pub(crate) fn insert(
    tx: &Connection,
    kind: &str,
    file_name: &str,
    sheet: &str,
    backup_id: &str,
    counts_json: &str,
    ts: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO import_batches (file_name, sheet, started_at, committed_at, backup_id, counts_json, kind)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)",
        params![file_name, sheet, ts, backup_id, counts_json, kind],
    )?;
    Ok(tx.last_insert_rowid())
}

/// When batch `batch` of `kind` was committed, if it can still be undone. A batch of another
/// kind, or none, is not found (`what` names it); one undone already is refused (`noun` says
/// what it held, e.g. 捐赠).
pub(crate) fn undoable(
    tx: &Connection,
    kind: &str,
    batch: i64,
    what: &'static str,
    noun: &str,
) -> Result<String> {
    let found: Option<(Option<String>, Option<String>)> = tx
        .query_row(
            "SELECT committed_at, undone_at FROM import_batches WHERE id = ?1 AND kind = ?2",
            params![batch, kind],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((committed, undone)) = found else {
        return Err(Error::NotFound {
            what,
            id: batch.to_string(),
        });
    };
    if undone.is_some() {
        return Err(Error::UndoRefused {
            reason: format!("这批{noun}已经撤销过了。"),
        });
    }
    Ok(committed.unwrap_or_default())
}

/// Marks batch `batch` undone at `ts` (inside the undo's transaction).
pub(crate) fn mark_undone(tx: &Connection, batch: i64, ts: &str) -> Result<()> {
    tx.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
        params![batch, ts],
    )?;
    Ok(())
}

/// The newest batch of `kind` that can still be undone.
pub(crate) fn latest(conn: &Connection, kind: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM import_batches WHERE kind = ?1 AND undone_at IS NULL
             ORDER BY id DESC LIMIT 1",
            [kind],
            |r| r.get(0),
        )
        .optional()?)
}
