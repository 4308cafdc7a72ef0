//! The three lists (三张清单) of 区域化党建: what residents and communities need (需求), what
//! member units can offer (资源), and the year's 共建项目 that units claim (认领) at the meeting,
//! with their progress and results (完成情况) reported at the next meeting.
//!
//! - `kinds`: needs, resources and projects as stored, each kind declared once over one
//!   machinery (list, get, insert, update, delete; numbered per year, filtered, read by name).
//! - `store`: the names the import writes through (each kind's validate and insert).
//! - `numbering`: a record's year and its number within the year.
//! - `fields`: what the lists share about a field (titles, names, days, the text filter).
//! - `categories`: the user's categories (类别).
//! - `claims`: 认领, as 牵头 or 协作.
//! - `results`: progress notes (进展) and results (完成情况) with their files.
//! - `need_link`: a project made from a need; a need's status following its projects.
//! - `overview`: 年度概览 and the choices the screens offer.
//! - `labels`: what each list's tab calls things (its records, 新增, search, an empty list).
//! - `demo`: the demo street's lists.
//! - `import`: each list from an Excel file, on the roster import's header machinery.
//! - `print`: 三张清单, 项目认领表 and 完成情况通报.
//!
//! Numbers are per year and shown as codes (需2026-001, 资2026-001, 项2026-001). A project's
//! status is derived from its claims, progress notes and result, never stored; a need's status
//! is stored and follows its projects forward only.

mod categories;
mod claims;
mod demo;
mod fields;
pub mod import;
mod kinds;
mod labels;
mod need_link;
mod numbering;
mod overview;
pub mod print;
mod results;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::meetings::labelled;

pub use categories::{categories, set_categories, DEFAULT_CATEGORIES};
pub use claims::{claim, claim_many, claimed_project_names, set_lead, unclaim};
pub use demo::load_demo;
pub use kinds::need::{
    add_need, delete_need, get_need, list_needs, update_need, Need, NeedFilter, NeedInput,
};
pub use kinds::project::{
    add_project, delete_project, derive_status, get_project, list_projects, overdue_on,
    project_by_ref, update_project, Project, ProjectFilter, ProjectInput,
};
pub use kinds::resource::{
    add_resource, delete_resource, get_resource, list_resources, update_resource, Resource,
    ResourceFilter, ResourceInput,
};
pub use labels::{tab_labels, ListTabLabels};
pub use need_link::{project_from_need, project_from_need_at};
pub use overview::{labels, overview};
pub use results::{
    add_progress, attachment_path, clear_result, delete_progress, record_result, remove_attachment,
};
/// The kinds of file the screens offer for a project's result (photos, scans, documents),
/// lower case; the shell accepts these from the file dialog.
pub const ATTACHMENT_EXTENSIONS: [&str; 8] =
    ["jpg", "jpeg", "png", "pdf", "doc", "docx", "xls", "xlsx"];

/// What a project past its 完成时限 and not done is called, wherever it is shown.
pub const OVERDUE: &str = "已超期";

labelled! {
    /// 需求状态 (stored): 征集 → 已发布 → 已认领 → 实施中 → 已完成, or 已关闭.
    NeedStatus {
        Collecting = "collecting" / "征集",
        Published = "published" / "已发布",
        Claimed = "claimed" / "已认领",
        Underway = "underway" / "实施中",
        Done = "done" / "已完成",
        Closed = "closed" / "已关闭",
    }
}

impl NeedStatus {
    /// The place on the way from 征集 to 已完成 (已关闭 is off the way).
    fn rank(self) -> Option<u8> {
        match self {
            NeedStatus::Collecting => Some(0),
            NeedStatus::Published => Some(1),
            NeedStatus::Claimed => Some(2),
            NeedStatus::Underway => Some(3),
            NeedStatus::Done => Some(4),
            NeedStatus::Closed => None,
        }
    }

    /// The status a need moves to when its project reaches `to`: only forward, never over
    /// 已关闭 or a later status the user set.
    pub fn advanced_to(self, to: NeedStatus) -> NeedStatus {
        match (self.rank(), to.rank()) {
            (Some(a), Some(b)) if b > a => to,
            _ => self,
        }
    }
}

labelled! {
    /// 项目状态, derived (never stored): no claims, claimed, a progress note, a result.
    ProjectStatus {
        Unclaimed = "unclaimed" / "未认领",
        Claimed = "claimed" / "已认领",
        Underway = "underway" / "实施中",
        Done = "done" / "已完成",
    }
}

labelled! {
    /// 资源类型.
    ResourceKind {
        Venue = "venue" / "场地",
        Volunteers = "volunteers" / "志愿者",
        Funds = "funds" / "资金",
        Goods = "goods" / "物资",
        Services = "services" / "专业服务",
        EducationBase = "education_base" / "教育基地",
        Other = "other" / "其他",
    }
}

labelled! {
    /// Which of the three lists.
    ListKind {
        Needs = "needs" / "需求清单",
        Resources = "resources" / "资源清单",
        Projects = "projects" / "项目清单",
    }
}

impl ListKind {
    /// The letter of a record's code: 需, 资, 项.
    pub fn code_prefix(self) -> &'static str {
        match self {
            ListKind::Needs => "需",
            ListKind::Resources => "资",
            ListKind::Projects => "项",
        }
    }

    /// A record's code: 需2026-001.
    pub fn record_code(self, year: i32, number: i64) -> String {
        format!("{}{year}-{number:03}", self.code_prefix())
    }
}

/// One unit's claim (认领) of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Claim {
    pub id: i64,
    pub project_id: i64,
    pub unit_id: i64,
    /// The unit's name as at the claim.
    pub unit_name: String,
    /// 牵头 (else 协作).
    pub lead: bool,
    /// 牵头 or 协作.
    pub role: String,
    pub claimed_on: Option<NaiveDate>,
    /// 承诺/认领内容.
    pub commitment: String,
    pub contact: String,
    pub phone: String,
    /// The unit has left the roster since (its claim stays).
    pub unit_left: bool,
}

/// What the user enters to claim a project for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ClaimInput {
    pub unit_id: i64,
    /// Makes this unit the 牵头 (the others become 协作). The first claimant of a project
    /// leads when no claimant does.
    pub lead: bool,
    /// Defaults to the project's meeting date, else today.
    pub claimed_on: Option<NaiveDate>,
    pub commitment: String,
    /// Default to the unit's contact and first phone.
    pub contact: String,
    pub phone: String,
}

/// A dated progress note (进展).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgressNote {
    pub id: i64,
    pub noted_on: NaiveDate,
    pub text: String,
}

/// A file kept with a project's result (a photo, a PDF), inside the data folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    pub id: i64,
    /// Relative to the data folder: attachments/项2026-001-照片.jpg.
    pub file: String,
    /// The file's name when the user picked it.
    pub original_name: String,
    pub added_at: String,
}

/// What the user enters to record a result (完成情况).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ResultInput {
    pub done_on: Option<NaiveDate>,
    pub result: String,
    /// Files to copy into the data folder (paths on this computer).
    pub attachments: Vec<String>,
}

/// A count for one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    /// The status's label (征集, 未认领 …).
    pub status: String,
    pub count: u32,
}

/// 年度概览 of the three lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListsOverview {
    pub year: i32,
    pub needs: u32,
    pub resources: u32,
    pub projects: u32,
    /// Every need status, in order (zeros included).
    pub needs_by_status: Vec<StatusCount>,
    /// Every project status, in order (zeros included).
    pub projects_by_status: Vec<StatusCount>,
    pub overdue_count: u32,
    /// Units with at least one claim.
    pub claiming_units: u32,
    /// Every project of the year: unclaimed first, then overdue, then by number.
    pub projects_list: Vec<Project>,
    /// Past their 完成时限 and not done, the longest overdue first.
    pub overdue: Vec<Project>,
}

/// The choices the screens offer, all from the core: statuses, resource types, the user's
/// categories and each list's importable columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListLabels {
    pub need_statuses: Vec<String>,
    pub project_statuses: Vec<String>,
    pub resource_kinds: Vec<String>,
    pub categories: Vec<String>,
    pub need_fields: Vec<import::ListFieldLabel>,
    pub resource_fields: Vec<import::ListFieldLabel>,
    pub project_fields: Vec<import::ListFieldLabel>,
    /// What a project past its 完成时限 and not done is called ([`OVERDUE`]).
    pub overdue: String,
    /// The file kinds a result's attachments may be ([`ATTACHMENT_EXTENSIONS`]).
    pub attachment_extensions: Vec<String>,
    /// What each list's tab calls things, in the lists' order.
    pub tabs: Vec<ListTabLabels>,
}
