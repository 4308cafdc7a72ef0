//! Reading untrusted files within bounds. A damaged spreadsheet can make a reader allocate
//! without limit or loop (calamine 0.38 did both on fuzzed `.xls` files), so the parse runs in
//! a worker process: the app's own executable started again with [`WORKER_ARG`]. The worker
//! gets the file's bytes on stdin, runs [`super::read`], and writes the cells (or the
//! reader's refusal) as JSON on stdout.
//!
//! The parent bounds it: on Unix an address-space limit (`RLIMIT_AS`, [`Limits::memory`])
//! and a CPU-time limit are set in the child before it runs; the parent kills it when the
//! wall-clock limit ([`Limits::time`]) passes, or when the user cancels. A worker that is
//! killed, aborts (an allocation beyond the limit), panics or answers nonsense is one error
//! for the user: [`FileProblem::Unreadable`]. Nothing is written in either process.
//!
//! On Windows the worker is started without a console window and put in a Job Object
//! ([`job::Job`]) right after it starts, before it is given the bytes: the job caps the
//! process's committed memory (`JOB_OBJECT_LIMIT_PROCESS_MEMORY`) and kills it when the job's
//! handle closes. The parent also reads the worker's committed memory while it waits and
//! stops it past the cap, for systems that keep the job's limit without enforcing it (Wine).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::read::{read, Workbook};
use crate::error::{Error, FileProblem, Result};

/// The first argument that turns the app's executable into a read worker.
pub const WORKER_ARG: &str = "--lianxi-read-worker";

/// The environment variable naming an emulator to start the worker through (see
/// [`Worker::current_exe`]).
pub const WORKER_EMULATOR: &str = "LIANXI_WORKER_EMULATOR";

/// The largest reply the parent accepts from a worker (JSON of the cells).
const MAX_REPLY: u64 = 512 * 1024 * 1024;

/// How much of a worker's stderr is kept for the log.
const MAX_STDERR: u64 = 16 * 1024;

/// The bounds a file is read within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Address space of the worker, in bytes (Unix); its allocations beyond it fail.
    pub memory: u64,
    /// Wall-clock time before the worker is killed.
    pub time: Duration,
}

impl Default for Limits {
    /// 1 GiB and 15 s: a 20,000-row roster reads in under a second in well under 100 MB.
    fn default() -> Self {
        Limits {
            memory: 1024 * 1024 * 1024,
            time: Duration::from_secs(15),
        }
    }
}

/// How to start a read worker: an executable and the arguments that put it in worker mode.
#[derive(Debug, Clone)]
pub struct Worker {
    exe: PathBuf,
    args: Vec<OsString>,
    limits: Limits,
}

/// What a worker read, and how it went (for the log and the benchmarks).
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<Workbook>,
    pub elapsed: Duration,
    /// Peak resident memory of the worker in bytes, where the OS reports it (Linux).
    pub peak_rss: Option<u64>,
}

/// The worker's answer on stdout.
#[derive(Serialize, Deserialize)]
enum Reply {
    Read(Workbook),
    Refused(FileProblem),
}

impl Worker {
    /// A worker run as `exe args… <file name>`; `exe` must call [`run_worker_if_requested`]
    /// first thing in `main`.
    pub fn new(
        exe: impl Into<PathBuf>,
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Self {
        Worker {
            exe: exe.into(),
            args: args.into_iter().map(Into::into).collect(),
            limits: Limits::default(),
        }
    }

    /// The running executable as its own worker (the CLI, the desktop app).
    ///
    /// Under user-mode emulation (the ARM build tested on an x86 machine with qemu-user, where
    /// the kernel cannot start an ARM program by itself), `LIANXI_WORKER_EMULATOR` names the
    /// emulator, and the worker is started through it as the program itself was.
    pub fn current_exe() -> Result<Self> {
        let exe = std::env::current_exe().map_err(|e| Error::io("<current executable>", e))?;
        Ok(
            match std::env::var_os(WORKER_EMULATOR).filter(|e| !e.is_empty()) {
                Some(emulator) => Worker::new(emulator, [exe.into_os_string(), WORKER_ARG.into()]),
                None => Worker::new(exe, [WORKER_ARG]),
            },
        )
    }

    /// The same worker with other limits (tests).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Reads `bytes`, the content of a file named `file_name`, in a bounded worker.
    /// `keep_going` is asked a few times a second; `false` kills the worker
    /// ([`Error::Cancelled`]).
    pub fn read(
        &self,
        file_name: &str,
        bytes: &[u8],
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Result<Workbook> {
        self.run(file_name, bytes, keep_going).result
    }

    /// [`Worker::read`] with the time and memory the worker took.
    pub fn run(
        &self,
        file_name: &str,
        bytes: &[u8],
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Outcome {
        let start = Instant::now();
        let unreadable = || Error::BadFile {
            file: file_name.to_string(),
            problem: FileProblem::Unreadable,
        };
        let mut child = match self.spawn(file_name) {
            Ok(c) => c,
            Err(e) => {
                log::error!("读取工作进程无法启动（{}）：{e}", self.exe.display());
                return Outcome {
                    result: Err(Error::io(&self.exe, e)),
                    elapsed: start.elapsed(),
                    peak_rss: None,
                };
            }
        };
        // The worker reads nothing before its stdin arrives, so it is in the job before it
        // can allocate anything that matters.
        let guard = match Guard::new(&child, self.limits) {
            Ok(g) => g,
            Err(e) => {
                log::error!("无法为读取进程设置内存上限：{e}");
                kill(&mut child, None);
                return Outcome {
                    result: Err(unreadable()),
                    elapsed: start.elapsed(),
                    peak_rss: None,
                };
            }
        };
        let (stdin, stdout, stderr) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take());
        let (reply, errors, status) = std::thread::scope(|s| {
            // The pipes are served on their own threads, so a worker that fills one
            // while the parent writes the other never deadlocks.
            s.spawn(move || {
                if let Some(mut w) = stdin {
                    // A worker that dies early closes the pipe: its exit status says why.
                    let _ = w.write_all(bytes);
                }
            });
            let reply = s.spawn(move || drain(stdout, MAX_REPLY));
            let errors = s.spawn(move || drain(stderr, MAX_STDERR));
            let status = self.wait(&mut child, &guard, start, keep_going);
            (
                reply.join().unwrap_or_default(),
                errors.join().unwrap_or_default(),
                status,
            )
        });
        let elapsed = start.elapsed();
        let peak_rss = status
            .as_ref()
            .ok()
            .and_then(|(_, rss)| *rss)
            .or_else(|| guard.peak());
        let errors = String::from_utf8_lossy(&errors);
        let result = match status {
            Err(Stop::Cancelled) => Err(Error::Cancelled),
            Err(Stop::TimedOut) => {
                log::warn!(
                    "读取“{file_name}”超过 {:?} 未完成，已终止读取进程。{errors}",
                    self.limits.time
                );
                Err(unreadable())
            }
            Err(Stop::OverMemory(bytes)) => {
                log::warn!(
                    "读取“{file_name}”的进程占用内存 {} MB，超过上限 {} MB，已终止。",
                    bytes / (1024 * 1024),
                    self.limits.memory / (1024 * 1024)
                );
                Err(unreadable())
            }
            Err(Stop::Wait(e)) => {
                log::error!("等待读取进程时出错（“{file_name}”）：{e}");
                Err(unreadable())
            }
            Ok((status, _)) if !status.success() => {
                log::warn!(
                    "读取“{file_name}”的进程异常结束（{}；内存上限 {} MB）：{}",
                    describe(status),
                    self.limits.memory / (1024 * 1024),
                    errors.trim()
                );
                Err(unreadable())
            }
            Ok(_) => match serde_json::from_slice::<Reply>(&reply) {
                Ok(Reply::Read(book)) => Ok(book),
                Ok(Reply::Refused(problem)) => Err(Error::BadFile {
                    file: file_name.to_string(),
                    problem,
                }),
                Err(e) => {
                    log::error!(
                        "读取“{file_name}”的进程回复无法解析（{} 字节）：{e}",
                        reply.len()
                    );
                    Err(unreadable())
                }
            },
        };
        if let Ok(book) = &result {
            log::info!(
                "读取“{file_name}”：{} 个工作表，{:.2} 秒，峰值内存 {}",
                book.sheets.len(),
                elapsed.as_secs_f64(),
                peak_rss.map_or_else(|| "未知".into(), |b| format!("{} MB", b / (1024 * 1024)))
            );
        }
        Outcome {
            result,
            elapsed,
            peak_rss,
        }
    }

    fn spawn(&self, file_name: &str) -> std::io::Result<Child> {
        let mut cmd = Command::new(&self.exe);
        cmd.args(&self.args)
            .arg(file_name)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // Its own process group, so a kill reaches anything it started too, and no
            // pipe is left held open by a grandchild.
            cmd.process_group(0);
            let memory = self.limits.memory;
            // CPU time is a second guard, for a worker whose parent died before killing it.
            let cpu = self.limits.time.as_secs().saturating_mul(2).max(1);
            // SAFETY: the closure runs between fork and exec; it only calls setrlimit, which
            // is async-signal-safe, and allocates nothing.
            unsafe {
                cmd.pre_exec(move || {
                    set_limit(libc::RLIMIT_AS, memory)?;
                    set_limit(libc::RLIMIT_CPU, cpu)
                });
            }
        }
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt;
            // No console at all: the worker talks through its pipes only, so no console
            // window flashes and no console host process is started for it.
            const DETACHED_PROCESS: u32 = 0x0000_0008;
            cmd.creation_flags(DETACHED_PROCESS);
        }
        cmd.spawn()
    }

    fn wait(
        &self,
        child: &mut Child,
        guard: &Guard,
        start: Instant,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> std::result::Result<(ExitStatus, Option<u64>), Stop> {
        let mut last_asked = Instant::now();
        loop {
            match try_wait(child) {
                Ok(Some(done)) => return Ok(done),
                Ok(None) => {}
                Err(e) => {
                    kill(child, Some(guard));
                    return Err(Stop::Wait(e));
                }
            }
            if start.elapsed() >= self.limits.time {
                kill(child, Some(guard));
                return Err(Stop::TimedOut);
            }
            if let Some(used) = guard.over_cap() {
                kill(child, Some(guard));
                return Err(Stop::OverMemory(used));
            }
            if last_asked.elapsed() >= Duration::from_millis(200) {
                last_asked = Instant::now();
                if !keep_going() {
                    kill(child, Some(guard));
                    return Err(Stop::Cancelled);
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

enum Stop {
    TimedOut,
    Cancelled,
    /// The worker's committed memory passed the cap (bytes seen).
    OverMemory(u64),
    Wait(std::io::Error),
}

/// The exit status and, on Linux, the peak resident memory of a finished child.
#[cfg(target_os = "linux")]
fn try_wait(child: &mut Child) -> std::io::Result<Option<(ExitStatus, Option<u64>)>> {
    use std::os::unix::process::ExitStatusExt;
    let pid = libc::pid_t::try_from(child.id()).map_err(std::io::Error::other)?;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child only; the pointers are valid for the call.
    let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
    match r {
        0 => Ok(None),
        r if r == pid => {
            let rss = u64::try_from(usage.ru_maxrss).ok().map(|kb| kb * 1024);
            Ok(Some((ExitStatus::from_raw(status), rss)))
        }
        _ => Err(std::io::Error::last_os_error()),
    }
}

#[cfg(not(target_os = "linux"))]
fn try_wait(child: &mut Child) -> std::io::Result<Option<(ExitStatus, Option<u64>)>> {
    Ok(child.try_wait()?.map(|s| (s, None)))
}

fn kill(child: &mut Child, guard: Option<&Guard>) {
    #[cfg(windows)]
    if let Some(g) = guard {
        g.job.terminate();
    }
    #[cfg(not(windows))]
    let _ = guard;
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: signals the worker's own process group (see `spawn`); the worker is not
        // reaped yet, so the id is still ours.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    // Already gone is fine; reap it so no zombie is left.
    let _ = child.kill();
    let _ = child.wait();
}

/// What bounds a running worker beyond its time: on Unix the limits set before exec (nothing
/// to hold); on Windows its Job Object and the cap the parent checks.
struct Guard {
    #[cfg(windows)]
    job: job::Job,
    #[cfg(windows)]
    memory: u64,
}

impl Guard {
    #[cfg(not(windows))]
    fn new(_child: &Child, _limits: Limits) -> std::io::Result<Guard> {
        Ok(Guard {})
    }

    #[cfg(windows)]
    fn new(child: &Child, limits: Limits) -> std::io::Result<Guard> {
        Ok(Guard {
            job: job::Job::assign(child, limits.memory)?,
            memory: limits.memory,
        })
    }

    /// The worker's committed memory when it is past the cap.
    fn over_cap(&self) -> Option<u64> {
        #[cfg(windows)]
        {
            self.job.committed().filter(|&used| used > self.memory)
        }
        #[cfg(not(windows))]
        None
    }

    /// The most memory the worker committed, where the job reports it (Windows).
    fn peak(&self) -> Option<u64> {
        #[cfg(windows)]
        {
            self.job.peak()
        }
        #[cfg(not(windows))]
        None
    }
}

#[cfg(windows)]
mod job {
    use std::ffi::c_void;
    use std::os::windows::io::AsRawHandle;
    use std::process::Child;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JobObjectExtendedLimitInformation,
        QueryInformationJobObject, SetInformationJobObject, TerminateJobObject,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION,
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    };
    use windows_sys::Win32::System::ProcessStatus::{
        K32GetProcessMemoryInfo, PROCESS_MEMORY_COUNTERS, PROCESS_MEMORY_COUNTERS_EX,
    };

    /// A Job Object holding one worker: its committed memory is capped, and closing the
    /// handle (dropping the `Job`, or the parent dying) kills it.
    pub struct Job {
        handle: HANDLE,
        process: HANDLE,
    }

    impl Job {
        pub fn assign(child: &Child, memory: u64) -> std::io::Result<Job> {
            // SAFETY: plain Win32 calls on a handle we own and a struct we initialise;
            // the child's handle stays valid while `child` lives, which outlives the job's use.
            unsafe {
                let handle = CreateJobObjectW(std::ptr::null(), std::ptr::null());
                if handle.is_null() {
                    return Err(std::io::Error::last_os_error());
                }
                let job = Job {
                    handle,
                    process: child.as_raw_handle() as HANDLE,
                };
                let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY
                    | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
                    | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
                info.ProcessMemoryLimit = usize::try_from(memory).unwrap_or(usize::MAX);
                let size = std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32;
                let set = SetInformationJobObject(
                    handle,
                    JobObjectExtendedLimitInformation,
                    (&info as *const JOBOBJECT_EXTENDED_LIMIT_INFORMATION).cast::<c_void>(),
                    size,
                );
                if set == 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if AssignProcessToJobObject(handle, job.process) == 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(job)
            }
        }

        /// The worker's committed (private) memory now, in bytes.
        pub fn committed(&self) -> Option<u64> {
            // SAFETY: an all-zero counters struct is valid; the call fills it for our child.
            unsafe {
                let mut c: PROCESS_MEMORY_COUNTERS_EX = std::mem::zeroed();
                let size = std::mem::size_of::<PROCESS_MEMORY_COUNTERS_EX>() as u32;
                c.cb = size;
                let ok = K32GetProcessMemoryInfo(
                    self.process,
                    (&mut c as *mut PROCESS_MEMORY_COUNTERS_EX).cast::<PROCESS_MEMORY_COUNTERS>(),
                    size,
                );
                (ok != 0).then(|| c.PrivateUsage.max(c.PagefileUsage) as u64)
            }
        }

        /// The most memory the job's process committed, as the job recorded it.
        pub fn peak(&self) -> Option<u64> {
            // SAFETY: queries our own job into a struct of the size we pass.
            unsafe {
                let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                let size = std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32;
                let ok = QueryInformationJobObject(
                    self.handle,
                    JobObjectExtendedLimitInformation,
                    (&mut info as *mut JOBOBJECT_EXTENDED_LIMIT_INFORMATION).cast::<c_void>(),
                    size,
                    std::ptr::null_mut(),
                );
                (ok != 0 && info.PeakProcessMemoryUsed > 0)
                    .then_some(info.PeakProcessMemoryUsed as u64)
            }
        }

        pub fn terminate(&self) {
            // SAFETY: ends the processes of our own job.
            unsafe {
                TerminateJobObject(self.handle, 1);
            }
        }
    }

    impl Drop for Job {
        fn drop(&mut self) {
            // SAFETY: closes the handle we created (kill-on-close ends what is left).
            unsafe {
                CloseHandle(self.handle);
            }
        }
    }
}

fn drain(pipe: Option<impl Read>, limit: u64) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(p) = pipe {
        let mut p = p.take(limit);
        let _ = p.read_to_end(&mut out);
        // Past the limit, keep the pipe flowing so the worker is not stuck writing; its
        // reply is cut and will not parse.
        let mut rest = p.into_inner();
        let _ = std::io::copy(&mut rest, &mut std::io::sink());
    }
    out
}

fn describe(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("信号 {sig}");
        }
    }
    format!("退出码 {:?}", status.code())
}

#[cfg(unix)]
fn set_limit(resource: LimitResource, value: u64) -> std::io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: value as libc::rlim_t,
        rlim_max: value as libc::rlim_t,
    };
    // SAFETY: a plain system call on a valid, initialised struct.
    if unsafe { libc::setrlimit(resource, &limit) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(all(unix, target_os = "linux", target_env = "gnu"))]
type LimitResource = libc::__rlimit_resource_t;
#[cfg(all(unix, not(all(target_os = "linux", target_env = "gnu"))))]
type LimitResource = libc::c_int;

/// Call first thing in `main` of every executable used as a worker: when started with
/// [`WORKER_ARG`], reads stdin, answers on stdout and returns the exit code; otherwise
/// returns `None` at once.
pub fn run_worker_if_requested() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != WORKER_ARG {
        return None;
    }
    let file_name = args
        .next()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A panic is answered by the exit status; one line for the parent's log, no backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("panic: {info}");
    }));
    let mut bytes = Vec::new();
    if std::io::stdin().lock().read_to_end(&mut bytes).is_err() {
        return Some(ExitCode::from(2));
    }
    let reply = match read(&file_name, &bytes) {
        Ok(book) => Reply::Read(book),
        Err(Error::BadFile { problem, .. }) => Reply::Refused(problem),
        Err(e) => {
            eprintln!("{e}");
            return Some(ExitCode::from(3));
        }
    };
    drop(bytes);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match serde_json::to_writer(&mut out, &reply).map(|_| out.flush()) {
        Ok(Ok(())) => Some(ExitCode::SUCCESS),
        _ => Some(ExitCode::from(4)),
    }
}
