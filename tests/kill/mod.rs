//! Re-running the current test binary as a child that does one long write, optionally
//! killed with SIGKILL after a while (`crate::kill`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The full name of test `name` in module `module` (its `module_path!()`), as the test binary
/// lists it and `--exact` wants it: the module path without the crate's name.
pub fn test_path(module: &str, name: &str) -> String {
    match module.split_once("::") {
        Some((_, inner)) => format!("{inner}::{name}"),
        None => name.to_owned(),
    }
}

/// Runs test `test` (its full name, [`test_path`]) of this binary alone in a child process
/// with `env` set (the child sees the variables and does the write), killing it after
/// `kill_after` when given. Without a kill the child must succeed. Returns how long it ran.
pub fn run_child(test: &str, env: &[(&str, &Path)], kill_after: Option<Duration>) -> Duration {
    let start = Instant::now();
    let mut cmd = Command::new(std::env::current_exe().expect("the test binary's path"));
    // The run without a kill reads the harness's first line: a name that matches no test
    // would run nothing, succeed, and leave every kill with nothing to interrupt.
    let whole = kill_after.is_none();
    cmd.args([test, "--exact", "--nocapture"])
        .stdout(if whole { Stdio::piped() } else { Stdio::null() })
        .stderr(Stdio::null());
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut child = cmd.spawn().expect("the child starts");
    if let Some(after) = kill_after {
        std::thread::sleep(after);
        let _ = child.kill();
    }
    let out = child.wait_with_output().expect("the child ends");
    if whole {
        assert!(
            out.status.success(),
            "{test}: the write failed without a kill"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("running 1 test"),
            "{test}: no such test in this binary: {stdout}"
        );
    }
    start.elapsed()
}

/// When to kill the rounds' children, drawn from a seed ([`crate::common::seed`]: fixed under
/// CI, from the clock elsewhere).
pub struct KillTimes(crate::common::Rng);

impl KillTimes {
    pub fn new(ci_seed: u64) -> Self {
        Self(crate::common::Rng(crate::common::seed(ci_seed)))
    }

    /// A time within a child run that took `whole` without a kill: anywhere in it, or with
    /// `last = Some(n)` within its last n-th (where the write runs and commits).
    pub fn at(&mut self, whole: Duration, last: Option<u64>) -> Duration {
        let span = whole.as_micros() as u64 + 1;
        let r = self.0.next();
        Duration::from_micros(match last {
            Some(n) => span * (n - 1) / n + r % (span / n + 1),
            None => r % span,
        })
    }
}
