//! The core's one error type. Its `Display` is the Chinese message shown to the user; its
//! [`Error::kind`] is a stable code the front end and scripts branch on.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::code_problem::CodeProblem;
use crate::lookup_target::{ambiguous_message, no_match_message, Target};
use crate::street_field::StreetField;

/// Where the user fills in what an error says is missing: the UI takes them there in one
/// click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "place", rename_all = "snake_case")]
pub enum FixTarget {
    /// A field of 设置 → 街道信息.
    Street { field: StreetField },
    /// A community's details (社区与分会).
    Community { id: i64 },
    /// A member unit's details (成员单位).
    Unit { id: i64 },
    /// A draft agreement's own details (term, areas, copies).
    Agreement { id: i64 },
}

/// One record that lacks details a job needs (a party of the agreements being printed), what
/// it lacks, and where that is filled in: one entry of [`Error::MissingDetails`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MissingDetail {
    /// The record, as the user knows it: 社区“太平角社区党委”, 成员单位“八大关小学”, 街道信息.
    pub record: String,
    /// What it lacks, in the words of the place where it is filled in (书记, 电话 …).
    pub lacks: Vec<String>,
    /// The records held up by it (协议（…—…）), so the user sees why it matters.
    pub needed_by: Vec<String>,
    /// The whole entry as one line for the user (no closing punctuation).
    pub message: String,
    /// Where it is filled in.
    pub fix: FixTarget,
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite reported an error we did not expect.
    #[error("数据库出错：{0}")]
    Sqlite(rusqlite::Error),

    /// The database holds a value the app cannot read (an unknown code, a JSON column that
    /// does not parse): written by a newer version, or damaged. Never replaced by a default.
    #[error("数据文件中有本软件无法识别的内容（{what}：“{value}”），可能由更新版本写入或已损坏。为避免改错数据，本次操作未执行。请升级软件，或在“设置”中从备份恢复。")]
    Data { what: String, value: String },

    /// A fault of the app itself, not of the data or the user's input (a value that could
    /// not be serialised, a background task that stopped).
    #[error("操作未能完成（程序内部错误：{0}）。数据未被修改，请重试。")]
    Internal(String),

    /// The file is not an SQLite database (or is damaged beyond opening).
    #[error("“{}”不是本软件的数据文件，或文件已损坏。", path.display())]
    NotADatabase { path: PathBuf },

    /// The database was written by a newer version of the app; we refuse to touch it.
    #[error("这个数据文件由更新版本的联席会筹备助手创建（数据版本 {found}，本版本最高支持 {supported}）。为避免损坏数据，本版本不会打开或修改它，请升级软件。")]
    DatabaseTooNew { found: i64, supported: i64 },

    /// Upgrading the schema failed; the backup taken before it is named.
    #[error("升级数据结构失败：{message}")]
    Migration { message: String },

    /// Reading or writing a file failed.
    #[error("无法访问文件“{}”：{source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A record the user referred to does not exist (any more).
    #[error("找不到{what}（编号 {id}）。")]
    NotFound { what: &'static str, id: String },

    /// A file the record points to is gone (moved or deleted outside the app); `message`
    /// says what to do. Its kind is `not_found`.
    #[error("{0}")]
    Gone(String),

    /// A field the user filled in is not acceptable; `message` says why, in Chinese.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    /// The action conflicts with existing data (a duplicate, a reference that forbids it).
    #[error("{0}")]
    Conflict(String),

    /// A file given to the importer cannot be read as a roster; nothing was changed.
    #[error("{}", problem.message(file))]
    BadFile { file: String, problem: FileProblem },

    /// The roster has no column the importer recognises as the unit name.
    #[error("工作表“{sheet}”中找不到“单位名称”列（可用的表头如：单位名称、成员单位、单位全称）。请检查表头，或手动指定哪一列是单位名称。")]
    NoNameColumn { sheet: String },

    /// An import batch cannot be undone; `reason` says why, in Chinese.
    #[error("{reason}")]
    UndoRefused { reason: String },

    /// The user cancelled a long operation.
    #[error("操作已取消，数据未作任何修改。")]
    Cancelled,

    /// An import was committed with no preview of that kind kept (none yet, or already
    /// committed): the file must be previewed again.
    #[error("请先重新预览要导入的文件。")]
    NoPendingImport,

    /// A document has nothing to show yet (no invitees, no platform names); the message
    /// says what to do first.
    #[error("{0}")]
    NothingToPrint(String),

    /// An error while making one document of a batch (the print pack), naming the document.
    /// Its kind is the kind of the underlying error.
    #[error("生成“{document}”时出错：{source}")]
    InDocument {
        document: String,
        #[source]
        source: Box<Error>,
    },

    /// A character to be printed exists in none of the chosen fonts nor the bundled one.
    #[error("{record} {field} 中的“{ch}”字没有可用字体（U+{code:04X}），无法打印。请换用含有该字的字体，或修改该处文字。", code = u32::from(*ch))]
    MissingGlyph {
        record: String,
        field: String,
        ch: char,
    },

    /// A template or agreement uses a placeholder the app does not know.
    #[error("{record}中的占位符“{{{{{name}}}}}”无法识别。可用的占位符：{known}。")]
    UnknownPlaceholder {
        record: String,
        name: String,
        known: String,
    },

    /// A placeholder of an agreement has no value to fill in; printing is refused.
    #[error("{record}中的占位符“{{{{{name}}}}}”没有填写内容，无法打印。请先补全该项（如成员单位的负责人、联系人、电话）。")]
    UnfilledPlaceholder { record: String, name: String },

    /// An agreement cannot move from its status to the one asked for.
    #[error("{record}当前为“{from}”，不能改为“{to}”。")]
    IllegalTransition {
        record: String,
        from: &'static str,
        to: &'static str,
    },

    /// Something a document or action needs is not filled in yet; `fix` says where it is.
    #[error("{message}")]
    MissingInfo { message: String, fix: FixTarget },

    /// Several records lack details a job needs: all of them at once, each with where it is
    /// filled in (its kind is `missing_info`; `fix` is the first entry's).
    #[error("{}", missing_details_message(what, entries))]
    MissingDetails {
        /// The job refused, e.g. "协议无法打印".
        what: String,
        entries: Vec<MissingDetail>,
    },

    /// A Word (.docx) file could not be put together (a fault of the writer, not of the data).
    #[error("生成 Word 文件时出错：{0}")]
    Word(String),

    /// A font file could not be read or parsed.
    #[error("无法使用字体“{name}”：{message}")]
    Font { name: String, message: String },

    /// A 签到码 scanned or typed at the sign-in desk was refused (not a code, forged, of
    /// another meeting).
    #[error("{}", .0.message())]
    BadCode(CodeProblem),

    /// A name the user typed (a unit, a community …) matches no record; `candidates` are the
    /// closest names, best first (possibly none).
    #[error("{}", no_match_message(*what, name, candidates))]
    NoMatch {
        what: Target,
        name: String,
        candidates: Vec<String>,
    },

    /// A name the user typed matches more than one record; `candidates` are the first of
    /// them, best first, and `total` how many matched.
    #[error("{}", ambiguous_message(*what, name, candidates, *total))]
    Ambiguous {
        what: Target,
        name: String,
        candidates: Vec<String>,
        total: usize,
    },
}

/// "协议无法打印：社区“太平角社区党委”缺书记、电话，请在“社区与分会”中补全。", or with several:
/// "协议无法打印，以下 3 处信息没有填写：…；…；…。请逐一补全后再打印。"
fn missing_details_message(what: &str, entries: &[MissingDetail]) -> String {
    let lines: Vec<&str> = entries.iter().map(|e| e.message.as_str()).collect();
    match lines.as_slice() {
        [] => format!("{what}。"),
        [one] => format!("{what}：{one}。"),
        many => format!(
            "{what}，以下 {} 处信息没有填写：{}。请逐一补全后再打印。",
            many.len(),
            many.join("；")
        ),
    }
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Zero bytes, or only white space.
    Empty,
    /// A zip or CFB container that is cut short or damaged.
    Damaged,
    /// A web page (often what a "download as Excel" button really gives).
    Html,
    /// Plain text (CSV) saved with a spreadsheet's extension.
    TextWithSpreadsheetExtension,
    /// A workbook protected by a password.
    Encrypted,
    /// Bytes that are neither a spreadsheet nor text.
    NotASpreadsheet,
    /// No visible sheet holds any data.
    NoData,
    /// Reading it went beyond the memory or time allowed, or the reader failed: the file
    /// is damaged in a way the reader cannot tell apart from a real workbook.
    Unreadable,
}

impl FileProblem {
    /// The error's kind.
    pub fn code(self) -> ErrorKind {
        match self {
            FileProblem::Empty => ErrorKind::EmptyFile,
            FileProblem::Damaged => ErrorKind::DamagedFile,
            FileProblem::Html => ErrorKind::HtmlFile,
            FileProblem::TextWithSpreadsheetExtension => ErrorKind::RenamedTextFile,
            FileProblem::Encrypted => ErrorKind::EncryptedFile,
            FileProblem::NotASpreadsheet => ErrorKind::NotASpreadsheet,
            FileProblem::NoData => ErrorKind::NoData,
            FileProblem::Unreadable => ErrorKind::UnreadableFile,
        }
    }

    /// The Chinese message for `file`.
    pub fn message(self, file: &str) -> String {
        match self {
            FileProblem::Empty => format!("文件“{file}”是空的，没有可导入的内容。"),
            FileProblem::Damaged => format!(
                "文件“{file}”已损坏或不完整（可能没有下载或复制完整）。请用 Excel 或 WPS 打开确认后重新保存，再导入。"
            ),
            FileProblem::Html => format!(
                "文件“{file}”其实是网页（HTML），不是 Excel 表格。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。"
            ),
            FileProblem::TextWithSpreadsheetExtension => format!(
                "文件“{file}”的扩展名是 Excel 表格，但内容其实是 CSV 文本。请把扩展名改为 .csv 后再导入，或用 Excel 打开后另存为 .xlsx。"
            ),
            FileProblem::Encrypted => format!(
                "文件“{file}”设置了打开密码，无法读取。请在 Excel 或 WPS 中去掉密码后另存，再导入。"
            ),
            FileProblem::NotASpreadsheet => format!(
                "文件“{file}”不是表格文件。可以导入的格式：.xlsx、.xls、.ods、.csv。"
            ),
            FileProblem::NoData => format!("文件“{file}”中没有含数据的工作表。"),
            FileProblem::Unreadable => format!(
                "文件“{file}”已损坏或格式异常，无法读取。请用 Excel 或 WPS 打开确认后另存为 .xlsx，再导入。"
            ),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match crate::labelled::unreadable(&e) {
            Some(v) => Error::Data {
                what: v.what.to_string(),
                value: v.value.clone(),
            },
            None => Error::Sqlite(e),
        }
    }
}

impl From<serde_json::Error> for Error {
    /// Serialising the app's own values cannot fail on valid data: a fault of the app.
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(e.to_string())
    }
}

/// Declares [`ErrorKind`]: each kind and its stable code, once.
macro_rules! error_kinds {
    ($($variant:ident = $code:literal),+ $(,)?) => {
        /// The stable code of an error: what the front end (through IPC, typed by the
        /// generated binding) and scripts (the CLI's JSON) switch on. Never shown to a user.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum ErrorKind {
            $(#[serde(rename = $code)] $variant),+
        }
        impl ErrorKind {
            /// Every kind.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$variant),+];
            /// The code as text (`"not_found"`).
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorKind::$variant => $code),+ }
            }
        }
    };
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind equals its code: `e.kind() == "not_found"`.
impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

error_kinds! {
    Database = "database",
    Data = "data",
    Internal = "internal",
    NotADatabase = "not_a_database",
    DatabaseTooNew = "database_too_new",
    Migration = "migration",
    Io = "io",
    NotFound = "not_found",
    Invalid = "invalid",
    Conflict = "conflict",
    EmptyFile = "empty_file",
    DamagedFile = "damaged_file",
    HtmlFile = "html_file",
    RenamedTextFile = "renamed_text_file",
    EncryptedFile = "encrypted_file",
    NotASpreadsheet = "not_a_spreadsheet",
    NoData = "no_data",
    UnreadableFile = "unreadable_file",
    NoNameColumn = "no_name_column",
    UndoRefused = "undo_refused",
    Cancelled = "cancelled",
    NoPendingImport = "no_pending_import",
    NothingToPrint = "nothing_to_print",
    MissingGlyph = "missing_glyph",
    Font = "font",
    Word = "word",
    UnknownPlaceholder = "unknown_placeholder",
    UnfilledPlaceholder = "unfilled_placeholder",
    IllegalTransition = "illegal_transition",
    MissingInfo = "missing_info",
    BadCode = "bad_code",
    NoMatch = "no_match",
    Ambiguous = "ambiguous",
}

impl Error {
    /// A stable, machine-readable code for this error; the front end switches on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Sqlite(_) => ErrorKind::Database,
            Error::Data { .. } => ErrorKind::Data,
            Error::Internal(_) => ErrorKind::Internal,
            Error::NotADatabase { .. } => ErrorKind::NotADatabase,
            Error::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Error::Migration { .. } => ErrorKind::Migration,
            Error::Io { .. } => ErrorKind::Io,
            Error::NotFound { .. } | Error::Gone(_) => ErrorKind::NotFound,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::BadFile { problem, .. } => problem.code(),
            Error::NoNameColumn { .. } => ErrorKind::NoNameColumn,
            Error::UndoRefused { .. } => ErrorKind::UndoRefused,
            Error::Cancelled => ErrorKind::Cancelled,
            Error::NoPendingImport => ErrorKind::NoPendingImport,
            Error::NothingToPrint(_) => ErrorKind::NothingToPrint,
            Error::InDocument { source, .. } => source.kind(),
            Error::MissingGlyph { .. } => ErrorKind::MissingGlyph,
            Error::Font { .. } => ErrorKind::Font,
            Error::Word(_) => ErrorKind::Word,
            Error::UnknownPlaceholder { .. } => ErrorKind::UnknownPlaceholder,
            Error::UnfilledPlaceholder { .. } => ErrorKind::UnfilledPlaceholder,
            Error::IllegalTransition { .. } => ErrorKind::IllegalTransition,
            Error::MissingInfo { .. } | Error::MissingDetails { .. } => ErrorKind::MissingInfo,
            Error::BadCode(_) => ErrorKind::BadCode,
            Error::NoMatch { .. } => ErrorKind::NoMatch,
            Error::Ambiguous { .. } => ErrorKind::Ambiguous,
        }
    }

    /// Where to fill in what is missing, when the error says something is.
    pub fn fix(&self) -> Option<&FixTarget> {
        match self {
            Error::MissingInfo { fix, .. } => Some(fix),
            Error::MissingDetails { entries, .. } => entries.first().map(|e| &e.fix),
            Error::InDocument { source, .. } => source.fix(),
            _ => None,
        }
    }

    /// Every record that lacks something and where each is filled in, when the error names
    /// several at once (empty otherwise).
    pub fn missing(&self) -> &[MissingDetail] {
        match self {
            Error::MissingDetails { entries, .. } => entries,
            Error::InDocument { source, .. } => source.missing(),
            _ => &[],
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// `e` as an error while making `document` (its kind and fix stay those of `e`); a cancel
    /// stays plain.
    pub(crate) fn in_document(document: impl Into<String>, e: Error) -> Self {
        match e {
            Error::Cancelled => e,
            other => Error::InDocument {
                document: document.into(),
                source: Box::new(other),
            },
        }
    }

    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }
}

impl FixTarget {
    /// The street field, when the fix is in 街道信息.
    pub fn street_field(&self) -> Option<StreetField> {
        match self {
            FixTarget::Street { field } => Some(*field),
            _ => None,
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stable_and_messages_chinese() {
        let e = Error::DatabaseTooNew {
            found: 9,
            supported: 1,
        };
        assert_eq!(e.kind(), "database_too_new");
        assert!(e.to_string().contains("更新版本"));
        let e = Error::NotFound {
            what: "成员单位",
            id: "7".into(),
        };
        assert_eq!(e.to_string(), "找不到成员单位（编号 7）。");
    }

    #[test]
    fn a_commit_without_a_kept_preview_asks_for_a_new_one() {
        let e = Error::NoPendingImport;
        assert_eq!(e.kind(), "no_pending_import");
        assert_eq!(e.to_string(), "请先重新预览要导入的文件。");
        assert!(ErrorKind::ALL.contains(&ErrorKind::NoPendingImport));
    }
}
