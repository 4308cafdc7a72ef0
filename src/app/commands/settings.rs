//! 设置: where the data lives, backups, demo data.

use crate::backup::{self, BackupInfo, BackupReason};
use crate::print::{FontChoice, FontOption};
use crate::settings::DataInfo;
use crate::street::{self, FieldSpec, StreetProfile};

use crate::app::ApiError;

crate::app_commands! {
    /// Whether the database opened; the UI shows a blocking message when it did not.
    pub fn app_status(ctx) -> Option<ApiError> {
        Ok(ctx.store.open_error.clone())
    }

    pub fn data_info(ctx) -> DataInfo {
        ctx.with_conn(|conn, path| {
            crate::settings::data_info(conn, path, crate::demo::is_demo(conn)?)
        })
    }

    pub fn backup_list(ctx) -> Vec<BackupInfo> {
        ctx.with_conn(|_, path| backup::list(path))
    }

    pub fn backup_create(ctx) -> BackupInfo {
        ctx.with_conn(|conn, path| backup::create(conn, path, BackupReason::Manual))
    }

    /// Restores a backup; returns the backup taken of the state before the restore.
    pub fn backup_restore(ctx, id: String) -> BackupInfo {
        ctx.with_conn(move |conn, path| backup::restore(conn, path, &id))
    }

    pub fn demo_load(ctx) -> () {
        ctx.with_conn(|conn, _| crate::demo::load(conn).map(|_| ()))
    }

    /// 清除示例数据，开始正式使用; returns the backup taken first.
    pub fn demo_clear(ctx) -> BackupInfo {
        ctx.with_conn(crate::demo::clear)
    }

    /// The street's profile (街道信息).
    pub fn street_get(ctx) -> StreetProfile {
        ctx.with_conn(|conn, _| street::get(conn))
    }

    /// Saves the street's profile after the core's checks.
    pub fn street_save(ctx, profile: StreetProfile) -> StreetProfile {
        ctx.with_conn(move |conn, _| street::save(conn, &profile))
    }

    /// The fields of the 街道信息 form: labels, examples, which are required.
    pub fn street_fields(_ctx) -> Vec<FieldSpec> {
        Ok(street::FIELDS.to_vec())
    }

    /// Opens the data folder in the system file manager.
    pub fn open_data_dir(ctx) -> () {
        let dir = crate::paths::DataDir::of_db(&ctx.store.db_path);
        ctx.host.open_folder(dir.root())
    }

    /// Opens the log folder (`logs/` in the data folder) in the system file manager.
    pub fn open_log_dir(ctx) -> () {
        let dir = crate::paths::DataDir::of_db(&ctx.store.db_path).logs();
        std::fs::create_dir_all(&dir).map_err(|e| ApiError::from(crate::Error::io(&dir, e)))?;
        ctx.host.open_folder(&dir)
    }

    /// The fonts this machine offers for printing (the bundled font first).
    pub fn font_options(_ctx) -> Vec<FontOption> {
        Ok(crate::print::font_options())
    }

    /// The fonts chosen per role for printing.
    pub fn font_choice(ctx) -> FontChoice {
        ctx.with_conn(|conn, _| crate::print::saved_choice(conn))
    }

    /// Saves the fonts per role after checking that each one loads.
    pub fn font_choice_save(ctx, choice: FontChoice) -> () {
        ctx.with_conn(move |conn, _| crate::print::save_choice(conn, &choice))
    }
}
