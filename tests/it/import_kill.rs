//! An import commit killed (SIGKILL) at random points: the database opens, passes
//! `integrity_check`, and holds the whole batch or none of it (units, history, the batch row).

use crate::kill;

use std::path::Path;

use lianxi::db;
use lianxi::import::{self, no_progress, ImportOptions};

const CHILD_DB: &str = "LIANXI_TEST_IMPORT_DB";
const TEST: &str = "killing_an_import_commit_leaves_all_or_nothing";
const ROWS: usize = 4000;

fn roster() -> String {
    let mut csv = String::from("单位名称,联系电话,单位地址\n");
    for i in 0..ROWS {
        csv.push_str(&format!("测试单位{i:05},1380000{i:04},海棠路{i}号\n"));
    }
    csv
}

fn commit_all(db_path: &Path) -> ! {
    let mut conn = db::open(db_path).unwrap();
    let plan = import::plan_bytes(
        &conn,
        "名册.csv",
        roster().as_bytes(),
        &ImportOptions::default(),
        &mut no_progress,
    )
    .unwrap();
    import::commit(&mut conn, db_path, &plan, &mut no_progress).unwrap();
    std::process::exit(0);
}

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn killing_an_import_commit_leaves_all_or_nothing() {
    if let Some(db_path) = std::env::var_os(CHILD_DB) {
        commit_all(Path::new(&db_path));
    }
    let test = kill::test_path(module_path!(), TEST);
    let dir = tempfile::tempdir().unwrap();
    let whole = kill::run_child(
        &test,
        &[(CHILD_DB, &dir.path().join("whole.sqlite3"))],
        None,
    );
    let mut kills = kill::KillTimes::new(0x1417_0001);
    let (mut none, mut all) = (0, 0);
    for round in 1..=8 {
        // Half the kills land in the last half, where the transaction runs and commits.
        let at = kills.at(whole, (round % 2 == 0).then_some(2));
        let path = dir.path().join(format!("round{round}.sqlite3"));
        kill::run_child(&test, &[(CHILD_DB, &path)], Some(at));
        if !path.exists() {
            none += 1;
            continue;
        }
        let conn = db::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round} (killed at {at:?})");
        let (units, batches) = (count(&conn, "units"), count(&conn, "import_batches"));
        let history = count(&conn, "unit_history");
        match units {
            0 => {
                assert_eq!((batches, history), (0, 0), "round {round}");
                none += 1;
            }
            n if n as usize == ROWS => {
                assert_eq!(batches, 1, "round {round}");
                assert_eq!(
                    history as usize, ROWS,
                    "round {round}: every unit has its history"
                );
                all += 1;
            }
            n => panic!("round {round}: {n} of {ROWS} units after a kill at {at:?}"),
        }
    }
    eprintln!(
        "import kills: {none} left nothing, {all} left the whole batch (one import: {whole:?})"
    );
}
