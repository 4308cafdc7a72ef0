//! A batch print of agreements killed (SIGKILL) at random points: the database opens and
//! passes `integrity_check`, and the statuses match the files that exist — either every
//! agreement of the batch is 已打印 with a number and the PDF is whole, or none is, no number
//! was used, and no PDF is there (only a hidden part file may be left).

use crate::kill;

use std::path::{Path, PathBuf};

use lianxi::agreements::{self, AgreementStatus};
use lianxi::print::FontSet;
use lianxi::{db, demo};

const CHILD_DB: &str = "LIANXI_TEST_PRINT_DB";
const CHILD_OUT: &str = "LIANXI_TEST_PRINT_OUT";
const TEST: &str = "killing_a_batch_print_leaves_statuses_matching_the_files";

fn drafts(conn: &rusqlite::Connection) -> Vec<i64> {
    agreements::list(conn, None)
        .unwrap()
        .into_iter()
        .filter(|a| a.status == AgreementStatus::Draft)
        .map(|a| a.id)
        .collect()
}

/// The child: prints every draft into one PDF.
fn print_all(db_path: &Path, out: &Path) -> ! {
    let conn = db::open(db_path).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let ids = drafts(&conn);
    agreements::write_agreements_pdf(&conn, &ids, &fonts, out, &mut |_, _| true).unwrap();
    std::process::exit(0);
}

fn fresh_copy(template: &Path, dir: &Path, round: usize) -> PathBuf {
    let p = dir.join(format!("round{round}.sqlite3"));
    std::fs::copy(template, &p).unwrap();
    p
}

#[test]
fn killing_a_batch_print_leaves_statuses_matching_the_files() {
    if let (Some(db_path), Some(out)) = (std::env::var_os(CHILD_DB), std::env::var_os(CHILD_OUT)) {
        print_all(Path::new(&db_path), Path::new(&out));
    }
    let test = kill::test_path(module_path!(), TEST);
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("demo.sqlite3");
    let batch = {
        let mut conn = db::open(&template).unwrap();
        demo::load(&mut conn).unwrap();
        let batch = drafts(&conn);
        assert!(batch.len() >= 2, "the demo has drafts to print");
        // Leave one file: no WAL beside the copy.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        batch
    };
    // One whole print, to know how long one takes.
    let db0 = fresh_copy(&template, dir.path(), 0);
    let whole = kill::run_child(
        &test,
        &[(CHILD_DB, &db0), (CHILD_OUT, &dir.path().join("whole.pdf"))],
        None,
    );

    let mut kills = kill::KillTimes::new(0x1417);
    for round in 1..=8 {
        let db_path = fresh_copy(&template, dir.path(), round);
        let out_dir = dir.path().join(format!("out{round}"));
        std::fs::create_dir_all(&out_dir).unwrap();
        let out = out_dir.join("协议.pdf");
        // Half the kills land in the last third, where the file is written and committed.
        let at = kills.at(whole, (round % 2 == 0).then_some(3));
        kill::run_child(&test, &[(CHILD_DB, &db_path), (CHILD_OUT, &out)], Some(at));

        let conn = db::open(&db_path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round} (killed at {at:?})");
        let all: Vec<_> = agreements::list(&conn, None)
            .unwrap()
            .into_iter()
            .filter(|a| batch.contains(&a.id))
            .collect();
        let printed = all
            .iter()
            .filter(|a| a.status == AgreementStatus::Printed)
            .count();
        let numbered = all.iter().filter(|a| !a.number.is_empty()).count();
        let exists = out.exists();
        let left: Vec<String> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        eprintln!("round {round}: killed at {at:?} of {whole:?}: printed {printed}, PDF {exists}");
        if exists {
            let bytes = std::fs::read(&out).unwrap();
            assert!(
                bytes.starts_with(b"%PDF") && bytes.windows(5).any(|w| w == b"%%EOF"),
                "round {round}: a half-written PDF under the final name"
            );
            assert_eq!(
                printed,
                batch.len(),
                "round {round}: a PDF without all its statuses"
            );
            assert_eq!(
                numbered,
                batch.len(),
                "round {round}: a PDF without all its numbers"
            );
        } else if printed > 0 {
            // Killed between the commit and the rename: the numbers are kept for a reprint.
            assert_eq!(printed, batch.len(), "round {round}");
            assert!(left.iter().any(|n| n == ".协议.pdf.part"), "round {round}");
        } else {
            assert_eq!(numbered, 0, "round {round}: a number used without a PDF");
        }
        // Nothing half-written is visible: a cut-short part file is hidden.
        assert!(
            left.iter().all(|n| n == "协议.pdf" || n.starts_with('.')),
            "round {round}: left in the user's folder: {left:?} (killed at {at:?})"
        );
    }
}
