//! The browser face's files: a file the user picks is uploaded and kept under an id; a file a
//! command writes goes into a fresh folder and is fetched by the page as a download. The page
//! only ever names an upload's id or a download's file name: no path it sends is used as a
//! path on this machine.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::app::commands::files::{has_extension, wrong_kind};
use crate::app::{ApiError, ApiResult};
use crate::error::ErrorKind;

/// The largest file the page may upload (a roster, a scan, an attachment).
pub const MAX_UPLOAD: usize = 100 * 1024 * 1024;

/// What a file name keeps unencoded in an address.
const NAME: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_');

/// What the page sends for an uploaded file: `upload:<id>/<file name>`.
const UPLOAD: &str = "upload:";
/// What the page sends for a file to save: `download:<file name>`.
const DOWNLOAD: &str = "download:";

/// The uploads and downloads of one run, in a folder of the system's temporary directory that
/// is removed when the server stops.
pub struct Files {
    root: PathBuf,
    uploads: Mutex<HashMap<String, PathBuf>>,
    downloads: Mutex<HashMap<String, PathBuf>>,
    /// Files of the data folder a command asked to show (a scan, an attachment, a preview):
    /// the page opens them in a tab.
    views: Mutex<HashMap<String, PathBuf>>,
}

fn random_id() -> ApiResult<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        log::error!("无法取得随机数：{e}");
        ApiError::internal()
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn io_error(path: &Path, e: std::io::Error) -> ApiError {
    ApiError::from(crate::Error::io(path, e))
}

/// The last component of a name the page sent, without anything that could leave the folder
/// or confuse a file system: separators, `..`, control characters, Windows' reserved
/// characters. `None` when nothing is left.
pub fn safe_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_string();
    (!cleaned.is_empty() && cleaned.chars().count() <= 120).then_some(cleaned)
}

fn refused_upload() -> ApiError {
    ApiError::new(ErrorKind::Invalid, "找不到上传的文件，请重新选择文件。")
}

impl Files {
    /// A new, empty folder for this run.
    pub fn new() -> ApiResult<Files> {
        let root = std::env::temp_dir().join(format!("lianxi-serve-{}", random_id()?));
        std::fs::create_dir_all(root.join("uploads")).map_err(|e| io_error(&root, e))?;
        std::fs::create_dir_all(root.join("downloads")).map_err(|e| io_error(&root, e))?;
        Ok(Files {
            root,
            uploads: Mutex::new(HashMap::new()),
            downloads: Mutex::new(HashMap::new()),
            views: Mutex::new(HashMap::new()),
        })
    }

    /// Keeps an uploaded file; returns what the page sends for it from now on.
    pub fn upload(&self, name: &str, bytes: &[u8]) -> ApiResult<String> {
        let name = safe_name(name)
            .ok_or_else(|| ApiError::new(ErrorKind::Invalid, "上传的文件没有可用的文件名。"))?;
        let id = random_id()?;
        let dir = self.root.join("uploads").join(&id);
        std::fs::create_dir(&dir).map_err(|e| io_error(&dir, e))?;
        let path = dir.join(&name);
        let mut file = std::fs::File::create(&path).map_err(|e| io_error(&path, e))?;
        file.write_all(bytes).map_err(|e| io_error(&path, e))?;
        self.uploads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), path);
        Ok(format!("{UPLOAD}{id}/{name}"))
    }

    /// The uploaded file `chosen` names, when it is one of `extensions`.
    pub fn input(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        let id = chosen
            .strip_prefix(UPLOAD)
            .and_then(|rest| rest.split('/').next())
            .ok_or_else(refused_upload)?;
        let path = self
            .uploads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
            .ok_or_else(refused_upload)?;
        if !has_extension(&path, extensions) {
            return Err(wrong_kind(extensions));
        }
        Ok(path)
    }

    fn new_download(&self, chosen: &str) -> ApiResult<(String, PathBuf)> {
        let name = chosen
            .strip_prefix(DOWNLOAD)
            .and_then(safe_name)
            .ok_or_else(|| ApiError::new(ErrorKind::Invalid, "请给要保存的文件起一个名字。"))?;
        let id = random_id()?;
        let dir = self.root.join("downloads").join(&id);
        std::fs::create_dir(&dir).map_err(|e| io_error(&dir, e))?;
        Ok((id, dir.join(name)))
    }

    /// Where a command writes the file the page will download as `download:<name>`.
    pub fn output(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        let (id, path) = self.new_download(chosen)?;
        if !has_extension(&path, extensions) {
            return Err(wrong_kind(extensions));
        }
        self.register(id, &path);
        Ok(path)
    }

    /// A folder a command writes several files into; the page downloads it as a .zip.
    pub fn output_dir(&self, chosen: &str) -> ApiResult<PathBuf> {
        let (id, path) = self.new_download(chosen)?;
        std::fs::create_dir(&path).map_err(|e| io_error(&path, e))?;
        self.register(id, &path);
        Ok(path)
    }

    fn register(&self, id: String, path: &Path) {
        self.downloads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, path.to_path_buf());
    }

    /// The download id of `path`, or of the download folder holding it.
    fn id_of(&self, path: &Path) -> Option<(String, PathBuf)> {
        let downloads = self.downloads.lock().unwrap_or_else(|p| p.into_inner());
        downloads
            .iter()
            .find(|(_, p)| path.starts_with(p))
            .map(|(id, p)| (id.clone(), p.clone()))
    }

    /// Whether `path` is (inside) one of this run's downloads.
    pub fn is_download(&self, path: &Path) -> bool {
        self.id_of(path).is_some()
    }

    /// Lets the page fetch `path`, a file the server itself chose to show (never a path the
    /// page sent), to open it in a tab.
    pub fn view(&self, path: &Path) -> ApiResult<()> {
        let id = random_id()?;
        self.views
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, path.to_path_buf());
        Ok(())
    }

    fn encoded(name: &str) -> String {
        percent_encoding::utf8_percent_encode(name, NAME).to_string()
    }

    /// The name a download is saved under (a folder: `<name>.zip`).
    pub fn download_name(&self, path: &Path) -> Option<String> {
        let (_, registered) = self.id_of(path)?;
        let name = registered.file_name()?.to_string_lossy().into_owned();
        Some(if registered.is_dir() {
            format!("{name}.zip")
        } else {
            name
        })
    }

    /// The address of a written file: `/files/<id>/<name>` (a folder: `<name>.zip`); of a
    /// file to show: the same with `?inline=1`.
    pub fn link(&self, path: &Path) -> Option<String> {
        if let Some((id, _)) = self.id_of(path) {
            let name = self.download_name(path)?;
            return Some(format!("/files/{id}/{}", Self::encoded(&name)));
        }
        let views = self.views.lock().unwrap_or_else(|p| p.into_inner());
        let (id, p) = views.iter().find(|(_, p)| p.as_path() == path)?;
        let name = p.file_name()?.to_string_lossy().into_owned();
        Some(format!("/files/{id}/{}?inline=1", Self::encoded(&name)))
    }

    /// The bytes and file name of download or view `id` (a folder is zipped first).
    pub fn download(&self, id: &str) -> Option<(String, Vec<u8>)> {
        let path = self
            .downloads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
            .or_else(|| {
                self.views
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get(id)
                    .cloned()
            })?;
        let name = path.file_name()?.to_string_lossy().into_owned();
        if path.is_dir() {
            Some((format!("{name}.zip"), zip_folder(&path).ok()?))
        } else {
            Some((name, std::fs::read(&path).ok()?))
        }
    }

    /// Removes this run's folder (at shutdown).
    pub fn remove(&self) {
        if let Err(e) = std::fs::remove_dir_all(&self.root) {
            log::warn!("无法删除临时文件夹 {}：{e}", self.root.display());
        }
    }
}

/// The files of `dir` (and its sub-folders) as a .zip, under the folder's own name.
fn zip_folder(dir: &Path) -> std::io::Result<Vec<u8>> {
    let base = dir.parent().unwrap_or(dir);
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&d)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        entries.sort();
        for path in entries {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(base).unwrap_or(&path);
            let name = rel.to_string_lossy().replace('\\', "/");
            out.start_file(name, options)
                .map_err(std::io::Error::other)?;
            out.write_all(&std::fs::read(&path)?)?;
        }
    }
    Ok(out.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_the_page_never_leave_the_folder() {
        assert_eq!(safe_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(safe_name(r"C:\Windows\win.ini").as_deref(), Some("win.ini"));
        assert_eq!(safe_name("..").as_deref(), None);
        assert_eq!(safe_name("  ").as_deref(), None);
        assert_eq!(
            safe_name("成员 名单.xlsx").as_deref(),
            Some("成员 名单.xlsx")
        );
        assert_eq!(safe_name("a\u{0}b?.pdf").as_deref(), Some("ab.pdf"));
    }

    #[test]
    fn only_uploads_of_this_run_are_read_and_only_names_are_written() {
        let files = Files::new().expect("files");
        let chosen = files.upload("../名单.xlsx", b"PK").expect("upload");
        let path = files.input(&chosen, &["xlsx"]).expect("input");
        assert!(path.starts_with(&files.root), "{}", path.display());
        assert_eq!(std::fs::read(&path).expect("read"), b"PK");
        // A server path, another id, or the wrong kind are refused.
        for bad in ["/etc/passwd", "upload:0123/名单.xlsx", "名单.xlsx"] {
            assert!(files.input(bad, &["xlsx"]).is_err(), "{bad}");
        }
        assert!(files.input(&chosen, &["pdf"]).is_err());
        assert!(files.output("/tmp/x.pdf", &["pdf"]).is_err());
        let out = files.output("download:协议.pdf", &["pdf"]).expect("output");
        assert!(out.starts_with(&files.root));
        std::fs::write(&out, b"%PDF").expect("write");
        let link = files.link(&out).expect("link");
        let id = link.split('/').nth(2).expect("id");
        assert_eq!(
            files.download(id),
            Some(("协议.pdf".into(), b"%PDF".to_vec()))
        );
        // A file the server chose to show is fetchable, to open in a tab.
        let scan = files.root.join("scan.pdf");
        std::fs::write(&scan, b"%PDF scan").expect("write");
        assert_eq!(files.link(&scan), None);
        files.view(&scan).expect("view");
        let link = files.link(&scan).expect("view link");
        assert!(link.ends_with("/scan.pdf?inline=1"), "{link}");
        let id = link.split('/').nth(2).expect("id");
        assert_eq!(
            files.download(id).map(|(n, _)| n).as_deref(),
            Some("scan.pdf")
        );
        files.remove();
        assert!(!files.root.exists());
    }
}
