//! The three lists (三张清单) of 区域化党建: what residents and communities need (需求), what
//! member units can offer (资源), and the year's 共建项目 that units claim (认领) at the meeting,
//! with their progress and results (完成情况) reported at the next meeting.
//!
//! - `store`: needs, resources, projects, claims and results as stored; one write path each.
//! - `import`: each list from an Excel file, on the roster import's header machinery.
//! - `print`: 三张清单, 项目认领表 and 完成情况通报.

pub mod import;
pub mod print;
pub mod store;
