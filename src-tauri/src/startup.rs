//! Start-up timing for `scripts/bench-app.sh`. When `LIANXI_BENCH_MARKS` names a file, each
//! mark appends `<label> <milliseconds since the Unix epoch>` to it; without the variable
//! nothing is written and a mark costs one environment lookup.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

const MARKS_ENV: &str = "LIANXI_BENCH_MARKS";

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

fn write(marks: &[(String, f64)]) {
    let Some(path) = std::env::var_os(MARKS_ENV).filter(|p| !p.is_empty()) else {
        return;
    };
    let text: String = marks
        .iter()
        .map(|(label, ms)| format!("{label} {ms:.1}\n"))
        .collect();
    // A benchmark aid: failing to write must never disturb the app.
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(text.as_bytes());
    }
}

/// Records that the shell reached `label` now.
pub fn mark(label: &str) {
    write(&[(label.to_string(), now_ms())]);
}

/// The front end's marks (`{marks: [[label, Unix epoch ms], …]}`), sent once its first screen
/// is painted.
pub fn record_page_marks(args: serde_json::Value) {
    #[derive(serde::Deserialize)]
    struct Args {
        marks: Vec<(String, f64)>,
    }
    if let Ok(Args { marks }) = serde_json::from_value(args) {
        write(&marks);
    }
    mark("ipc-received");
}
