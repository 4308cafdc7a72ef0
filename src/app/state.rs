//! The data store: the database connection, opened once at start-up, and the state that lives
//! between commands (the pending import, the cancel flags).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use crate::donations::import::DonationImportPlan;
use crate::import::ImportPlan;
use crate::lists::import::ListImportPlan;
use rusqlite::Connection;

use crate::app::{ApiError, ApiResult};

/// The app's data store. When the database could not be opened (a newer version's file, a
/// damaged file), `open_error` says why and every command returns that error.
pub struct Store {
    pub db_path: PathBuf,
    conn: Mutex<Option<Connection>>,
    pub open_error: Option<ApiError>,
    /// The plan of the last import preview (of any kind), kept for its commit: the page
    /// shows the plan but never sends it back.
    pending_import: Mutex<Option<PendingImport>>,
    /// Set to ask a running import to stop.
    pub import_cancel: AtomicBool,
    /// Set to ask a running print job (batch of PDFs) to stop.
    pub print_cancel: AtomicBool,
    /// The sign-in desks on the LAN, while open (`crate::app::desk`).
    #[cfg(feature = "desk")]
    pub(crate) desk: Mutex<Option<crate::app::desk::Running>>,
}

/// The plan an import preview keeps for its commit, one kind at a time.
#[derive(Debug)]
pub(crate) enum PendingImport {
    /// 导入名册 (`import_preview`).
    Roster(Box<ImportPlan>),
    /// 导入捐赠 (`donation_import_preview`).
    Donations(Box<DonationImportPlan>),
    /// 导入清单 (`list_import_preview`); the plan names its list.
    List(Box<ListImportPlan>),
}

impl Store {
    /// Keeps `plan` for the commit, in place of any plan kept before.
    pub(crate) fn keep_import(&self, plan: PendingImport) {
        *self.pending() = Some(plan);
    }

    /// Takes the kept plan when `pick` accepts it (it hands back a plan of another kind,
    /// which stays kept); none kept, or one of another kind, is `NoPendingImport`.
    pub(crate) fn take_import<T>(
        &self,
        pick: impl FnOnce(PendingImport) -> Result<T, PendingImport>,
    ) -> Result<T, crate::Error> {
        let mut slot = self.pending();
        let kept = slot.take().ok_or(crate::Error::NoPendingImport)?;
        pick(kept).map_err(|other| {
            *slot = Some(other);
            crate::Error::NoPendingImport
        })
    }

    /// Keeps `plan` again after a commit that failed or was cancelled, unless a newer
    /// preview has been kept meanwhile.
    pub(crate) fn keep_import_again(&self, plan: PendingImport) {
        let mut slot = self.pending();
        if slot.is_none() {
            *slot = Some(plan);
        }
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Option<PendingImport>> {
        // A poisoned lock: a command panicked while holding it; the plan is whole or absent.
        self.pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Opens the database at `db_path`, keeping the error for the UI if that fails.
    pub fn open(db_path: PathBuf) -> Self {
        match crate::db::open(&db_path) {
            Ok(conn) => Store::new(db_path, Some(conn), None),
            Err(e) => {
                log::error!("无法打开数据库 {}：{e:?}", db_path.display());
                Store::new(db_path, None, Some(e.into()))
            }
        }
    }

    fn new(db_path: PathBuf, conn: Option<Connection>, open_error: Option<ApiError>) -> Self {
        Store {
            db_path,
            conn: Mutex::new(conn),
            open_error,
            pending_import: Mutex::new(None),
            import_cancel: AtomicBool::new(false),
            print_cancel: AtomicBool::new(false),
            #[cfg(feature = "desk")]
            desk: Mutex::new(None),
        }
    }

    /// Runs `f` with the connection, one command at a time. Call it from a worker thread,
    /// never from a face's event loop.
    pub fn with_conn<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut Connection, &Path) -> Result<T, crate::Error>,
    {
        if let Some(e) = &self.open_error {
            return Err(e.clone());
        }
        // A poisoned lock means an earlier command panicked mid-way; SQLite rolled back its
        // transaction, so the connection itself is still sound.
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let conn = guard.as_mut().ok_or_else(ApiError::internal)?;
        f(conn, &self.db_path).map_err(|e| {
            log::warn!("命令失败（{}）：{e:?}", e.kind());
            ApiError::from(e)
        })
    }

    /// Closes the connection after the current command (a clean shutdown: no write is cut in
    /// half, since the lock is held for the whole of each command).
    pub fn close(&self) {
        // The desks first: their requests under way finish on the connection.
        #[cfg(feature = "desk")]
        crate::app::desk::close(self);
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(conn) = guard.take() {
            if let Err((_, e)) = conn.close() {
                log::warn!("关闭数据库时出错：{e}");
            }
        }
    }
}
