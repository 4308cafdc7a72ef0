//! The app's commands, once, for every face: the Tauri window (src-tauri) and the browser face
//! (`lianxi serve`, [`serve`]) register from the same [`COMMANDS`] table. A command is a plain function of
//! a [`Ctx`] and its arguments; it calls the core and maps the error, nothing else. What differs
//! between the faces — where a chosen file really is, how a written file is shown, how progress
//! reaches the page — is the [`Host`] each face supplies.
//!
//! Arguments arrive as one JSON object whose keys are the parameter names in camelCase (what
//! Tauri's `invoke` sends); the reply is the result as JSON, or an [`ApiError`].

mod error;
mod host;
#[cfg(feature = "desk")]
mod http;
mod state;

pub mod commands;
#[cfg(feature = "desk")]
pub mod desk;
#[cfg(feature = "serve")]
pub mod serve;

pub use error::{ApiError, ApiResult};
pub use host::{Host, ProgressTo};
pub use state::Store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

/// What a command runs with: the data store and the face it was called through.
pub struct Ctx<'a> {
    pub store: &'a Arc<Store>,
    pub host: &'a dyn Host,
}

impl<'a> Ctx<'a> {
    pub fn new(store: &'a Arc<Store>, host: &'a dyn Host) -> Self {
        Ctx { store, host }
    }

    /// Runs `f` with the connection (the caller is already on a worker thread).
    pub fn with_conn<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut rusqlite::Connection, &Path) -> Result<T, crate::Error>,
    {
        self.store.with_conn(f)
    }

    /// A file the user chose to read, of one of the `extensions`.
    pub fn input(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        self.host.input(chosen, extensions)
    }

    /// Where to write a file the user asked to save, of one of the `extensions`.
    pub fn output(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        self.host.output(chosen, extensions)
    }

    /// A folder the user chose to write several files into.
    pub fn output_dir(&self, chosen: &str) -> ApiResult<PathBuf> {
        self.host.output_dir(chosen)
    }

    /// Shows a written file or folder to the user; whether that worked.
    pub fn show(&self, path: &Path) -> bool {
        self.host.show(path)
    }

    /// Shows `path` and reports what was written.
    pub fn written(&self, path: &Path, count: usize) -> commands::files::Written {
        // Shown first: a face may only make it fetchable by showing it.
        let opened = self.host.show(path);
        commands::files::Written {
            path: self.host.display(path),
            link: self.host.link(path),
            count,
            opened,
            notes: Vec::new(),
        }
    }

    /// Sends one progress report to the page's `to`.
    pub fn progress<T: Serialize>(&self, to: &ProgressTo, report: &T) {
        match serde_json::to_value(report) {
            Ok(value) => self.host.progress(to, value),
            Err(e) => log::warn!("进度无法发送：{e}"),
        }
    }
}

/// One entry of the table: the command's name and its JSON-in, JSON-out call.
pub struct Command {
    pub name: &'static str,
    pub call: fn(&Ctx<'_>, serde_json::Value) -> ApiResult<serde_json::Value>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Every command, from every area.
pub static COMMANDS: &[&[Command]] = &[
    commands::agreements::COMMANDS,
    commands::donations::COMMANDS,
    commands::files::COMMANDS,
    commands::import::COMMANDS,
    commands::lists::COMMANDS,
    commands::meeting_print::COMMANDS,
    commands::meetings::COMMANDS,
    commands::minutes::COMMANDS,
    commands::org::COMMANDS,
    commands::settings::COMMANDS,
    commands::units::COMMANDS,
    commands::year::COMMANDS,
    #[cfg(feature = "desk")]
    commands::desk::COMMANDS,
];

/// The command called `name`.
pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .flat_map(|area| area.iter())
        .find(|c| c.name == name)
}

/// Runs the command `name` with `args` (a JSON object, or null for none). An unknown name,
/// arguments of the wrong shape and a panic inside the command all come back as an
/// [`ApiError`]; nothing unwinds into the face that called.
pub fn dispatch(
    ctx: &Ctx<'_>,
    name: &str,
    args: serde_json::Value,
) -> ApiResult<serde_json::Value> {
    let Some(command) = find(name) else {
        log::warn!("未知命令：{name}");
        return Err(ApiError::new(
            crate::error::ErrorKind::Invalid,
            format!("程序内部错误：未知的操作“{name}”。请重新打开程序；仍有问题时请把日志发给技术支持。"),
        ));
    };
    let args = if args.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        args
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (command.call)(ctx, args)))
        .unwrap_or_else(|_| {
            // The panic hook has logged the panic with its backtrace.
            log::error!("命令 {name} 异常结束");
            Err(ApiError::internal())
        })
}

/// Parses a command's arguments (used by [`app_commands!`](crate::app_commands)).
#[doc(hidden)]
pub fn parse_args<T: serde::de::DeserializeOwned>(
    name: &str,
    args: serde_json::Value,
) -> ApiResult<T> {
    serde_json::from_value(args).map_err(|e| {
        log::warn!("命令 {name} 的参数无法识别：{e}");
        ApiError::new(
            crate::error::ErrorKind::Invalid,
            format!("程序内部错误：操作“{name}”收到的内容无法识别。请重新打开程序；仍有问题时请把日志发给技术支持。"),
        )
    })
}

/// Turns a command's result into its JSON reply (used by [`app_commands!`](crate::app_commands)).
#[doc(hidden)]
pub fn reply<T: Serialize>(name: &str, value: T) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| {
        log::error!("命令 {name} 的结果无法发送：{e}");
        ApiError::internal()
    })
}

/// Declares an area's commands: each `pub fn name(ctx, arg: Type, ...) -> T { body }` becomes
/// the function `name(ctx: &Ctx, arg: Type, ...) -> ApiResult<T>` and an entry of the area's
/// `COMMANDS`, which reads the arguments by their camelCase names.
#[macro_export]
macro_rules! app_commands {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident($ctx:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[$meta])*
            pub fn $name($ctx: &$crate::app::Ctx<'_> $(, $arg: $ty)*) -> $crate::app::ApiResult<$ret> $body
        )*

        /// This area's commands, for the table every face registers from.
        pub const COMMANDS: &[$crate::app::Command] = &[$(
            $crate::app::Command {
                name: stringify!($name),
                call: {
                    fn call(
                        ctx: &$crate::app::Ctx<'_>,
                        args: serde_json::Value,
                    ) -> $crate::app::ApiResult<serde_json::Value> {
                        #[derive(serde::Deserialize)]
                        #[serde(rename_all = "camelCase")]
                        struct Args {
                            $($arg: $ty,)*
                        }
                        let Args { $($arg,)* } = $crate::app::parse_args(stringify!($name), args)?;
                        $crate::app::reply(stringify!($name), $name(ctx $(, $arg)*)?)
                    }
                    call
                },
            },
        )*];
    };
}
