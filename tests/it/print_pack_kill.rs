//! A print pack killed (SIGKILL) at random points: every PDF under its name in the folder is
//! whole; anything cut short is a hidden part file.

use crate::kill;

use std::path::Path;

use lianxi::meetings::{self, print_pack, MeetingStatus};
use lianxi::print::FontSet;

const CHILD_OUT: &str = "LIANXI_TEST_PACK_OUT";
const TEST: &str = "killing_a_print_pack_leaves_only_whole_pdfs";

fn write_pack(out: &Path) -> ! {
    let mut conn = lianxi::db::open_in_memory().unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    let this = meetings::list(&conn)
        .unwrap()
        .into_iter()
        .find(|m| m.status == MeetingStatus::Preparing)
        .unwrap()
        .id;
    let fonts = FontSet::bundled().unwrap();
    let options = print_pack::PackOptions::default();
    print_pack::write_pack(&conn, this, &options, &fonts, out, &mut |_, _, _| true).unwrap();
    std::process::exit(0);
}

#[test]
fn killing_a_print_pack_leaves_only_whole_pdfs() {
    if let Some(out) = std::env::var_os(CHILD_OUT) {
        write_pack(Path::new(&out));
    }
    let test = kill::test_path(module_path!(), TEST);
    let dir = tempfile::tempdir().unwrap();
    let whole = kill::run_child(&test, &[(CHILD_OUT, &dir.path().join("whole"))], None);
    let mut kills = kill::KillTimes::new(0x1417_0002);
    for round in 1..=8 {
        let at = kills.at(whole, None);
        let out = dir.path().join(format!("round{round}"));
        kill::run_child(&test, &[(CHILD_OUT, &out)], Some(at));
        let Ok(entries) = std::fs::read_dir(&out) else {
            continue; // killed before the folder was made
        };
        for e in entries {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            assert!(
                name.ends_with(".pdf"),
                "round {round}: {name} left (killed at {at:?})"
            );
            let bytes = std::fs::read(out.join(&name)).unwrap();
            assert!(
                bytes.starts_with(b"%PDF") && bytes.windows(5).any(|w| w == b"%%EOF"),
                "round {round}: {name} is half-written (killed at {at:?})"
            );
        }
    }
}
