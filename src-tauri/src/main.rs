// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    // First thing, before Tauri starts: the same executable reads untrusted files in a
    // bounded worker process (lianxi::import::bounded).
    if let Some(code) = lianxi::import::bounded::run_worker_if_requested() {
        return code;
    }
    lianxi_desktop::run();
    std::process::ExitCode::SUCCESS
}
