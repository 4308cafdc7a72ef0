//! A print pack killed (SIGKILL) at random points: every PDF under its name in the folder is
//! whole; anything cut short is a hidden part file.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

fn run_child(out: &Path, kill_after: Option<Duration>) -> Duration {
    let start = Instant::now();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([TEST, "--exact", "--nocapture"])
        .env(CHILD_OUT, out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if let Some(after) = kill_after {
        std::thread::sleep(after);
        let _ = child.kill();
    }
    let status = child.wait().unwrap();
    if kill_after.is_none() {
        assert!(status.success(), "an unkilled pack fails");
    }
    start.elapsed()
}

#[test]
fn killing_a_print_pack_leaves_only_whole_pdfs() {
    if let Some(out) = std::env::var_os(CHILD_OUT) {
        write_pack(Path::new(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let whole = run_child(&dir.path().join("whole"), None);
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    if std::env::var_os("CI").is_some() {
        seed = 0x1417_0002;
    }
    for round in 1..=8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = Duration::from_micros(seed % (whole.as_micros() as u64 + 1));
        let out = dir.path().join(format!("round{round}"));
        run_child(&out, Some(at));
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
