//! Where the data lives by default: the OS app-data folder of the bundle identifier, the same
//! folder the desktop shell uses (`%APPDATA%\cn.lianxi.desktop` on Windows,
//! `~/.local/share/cn.lianxi.desktop` on Linux).

use std::path::PathBuf;

/// The bundle identifier (also in `src-tauri/tauri.conf.json`).
pub const APP_IDENTIFIER: &str = "cn.lianxi.desktop";

/// The database file name inside the data folder.
pub const DB_FILE: &str = "lianxi.sqlite3";

/// Environment variable that moves the data folder (tests, portable use). The shell and
/// the CLI each find the OS app-data folder their own way (Tauri's path resolver, `dirs`)
/// and honour this variable first.
pub const DATA_DIR_ENV: &str = "LIANXI_DATA_DIR";

/// The data folder and where everything in it lives: the database, its backups, the copies
/// of signed scans and of results' attachments, the template previews and the logs. Nothing else builds these paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The folder of signed scans, as stored in the database (`scans/…`).
    pub const SCANS: &'static str = "scans";
    /// The folder of project results' files, as stored in the database (`attachments/…`).
    pub const ATTACHMENTS: &'static str = "attachments";

    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }

    /// The folder that holds the database file `db_path` (the current folder for a bare name).
    pub fn of_db(db_path: &std::path::Path) -> Self {
        DataDir::new(
            db_path
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default(),
        )
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// The database file.
    pub fn db(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    /// Backups of the database (`backup.rs`).
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Copies of signed agreements' scans.
    pub fn scans(&self) -> PathBuf {
        self.root.join(Self::SCANS)
    }

    /// A stored scan `rel` (relative to the data folder, as in the database) as an existing
    /// file inside the scans folder; a path pointing elsewhere or a file that is gone is
    /// refused.
    pub fn stored_scan(&self, rel: &str) -> crate::Result<PathBuf> {
        self.stored_in(
            &self.scans(),
            rel,
            "扫描件文件已不在数据目录中，请重新标记签署并选择扫描件。",
            "扫描件不在数据目录的 scans 文件夹中，未打开。",
        )
    }

    /// A stored attachment of a project's result as an existing file inside the attachments
    /// folder; anything else is refused, as for scans.
    pub fn stored_attachment(&self, rel: &str) -> crate::Result<PathBuf> {
        self.stored_in(
            &self.attachments(),
            rel,
            "附件文件已不在数据目录中。",
            "附件不在数据目录的 attachments 文件夹中，未打开。",
        )
    }

    /// `rel` as an existing file inside `folder`: a file the app copied there itself. The
    /// database could have been edited, so a path leading out of the folder is refused.
    fn stored_in(
        &self,
        folder: &std::path::Path,
        rel: &str,
        gone: &str,
        outside: &str,
    ) -> crate::Result<PathBuf> {
        let missing = || crate::Error::Gone(gone.into());
        let folder = folder.canonicalize().map_err(|_| missing())?;
        let path = self.root.join(rel).canonicalize().map_err(|_| missing())?;
        if !path.starts_with(&folder) {
            return Err(crate::Error::invalid("file", outside));
        }
        if !path.is_file() {
            return Err(missing());
        }
        Ok(path)
    }

    /// Copies of the files kept with projects' results (photos, PDFs).
    pub fn attachments(&self) -> PathBuf {
        self.root.join(Self::ATTACHMENTS)
    }

    /// Template previews written for the system viewer.
    pub fn previews(&self) -> PathBuf {
        self.root.join("previews")
    }

    /// The log files (`logging.rs`).
    pub fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_folder_is_inside_the_data_folder() {
        let d = DataDir::of_db(std::path::Path::new("/data/lianxi.sqlite3"));
        assert_eq!(d.root(), std::path::Path::new("/data"));
        assert_eq!(d.db(), PathBuf::from("/data/lianxi.sqlite3"));
        for p in [
            d.backups(),
            d.scans(),
            d.attachments(),
            d.previews(),
            d.logs(),
        ] {
            assert!(p.starts_with("/data"), "{}", p.display());
        }
        assert_eq!(
            DataDir::of_db(std::path::Path::new("x.sqlite3")).root(),
            std::path::Path::new("")
        );
    }

    #[test]
    fn only_files_inside_their_folder_are_opened() {
        let root = std::env::temp_dir().join(format!("lianxi-stored-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let data = DataDir::new(&root);
        std::fs::create_dir_all(data.scans()).unwrap();
        std::fs::create_dir_all(data.attachments()).unwrap();
        std::fs::write(root.join("scans/a.pdf"), b"%PDF-1.4").unwrap();
        std::fs::write(root.join("attachments/a.jpg"), b"jpg").unwrap();
        std::fs::write(root.join("lianxi.sqlite3"), b"db").unwrap();
        assert!(data.stored_scan("scans/a.pdf").is_ok());
        assert!(data.stored_attachment("attachments/a.jpg").is_ok());
        let outside = root.join("lianxi.sqlite3").display().to_string();
        type Check<'a> = &'a dyn Fn(&str) -> crate::Result<PathBuf>;
        let scan: Check<'_> = &|rel| data.stored_scan(rel);
        let attachment: Check<'_> = &|rel| data.stored_attachment(rel);
        for (check, dir) in [(scan, "scans"), (attachment, "attachments")] {
            let kind = |rel: &str| check(rel).unwrap_err().kind();
            assert_eq!(kind(&format!("{dir}/missing.pdf")), "not_found");
            assert_eq!(kind(&format!("{dir}/../lianxi.sqlite3")), "invalid");
            assert_eq!(kind("lianxi.sqlite3"), "invalid");
            assert_eq!(kind(&outside), "invalid");
        }
        assert_eq!(
            data.stored_scan("attachments/a.jpg").unwrap_err().kind(),
            "invalid"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
