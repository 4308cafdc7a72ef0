//! Why a 签到码 scanned or typed at the sign-in desk was refused, and what the desk says. A
//! leaf: it names nothing else of the crate, so the error type can carry it
//! ([`crate::Error::BadCode`]) without depending on `meetings`. Re-exported from
//! `meetings::codes`, where callers name it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a scanned or typed code was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum CodeProblem {
    /// Not a 签到码 at all (a name typed into the code field, a code cut short by the scan).
    NotACode,
    /// It looks like a code, but its tag does not match: edited, or made by another database.
    Forged,
    /// A genuine code of another meeting.
    OtherMeeting { title: String },
    /// A genuine code of this meeting whose invitee has since been removed from it.
    NoLongerInvited,
}

impl CodeProblem {
    /// The message for the desk, in Chinese.
    pub fn message(&self) -> String {
        match self {
            CodeProblem::NotACode => {
                "这不是本软件的签到码。请扫描邀请函右上角的二维码，或输入单位名称中的两个字查找。"
                    .into()
            }
            CodeProblem::Forged => {
                "签到码无效：它不是本次会议发出的邀请函上的码（可能有改动或来自其他电脑）。请改用单位名称查找签到。"
                    .into()
            }
            CodeProblem::OtherMeeting { title } => format!(
                "这是会议“{title}”的签到码，不是本次会议的。请用本次会议的邀请函签到，或输入单位名称查找。"
            ),
            CodeProblem::NoLongerInvited => {
                "这张邀请函的单位已不在本次会议的参会名单中。如确需参会，请在“邀请与回执”中重新邀请后签到。"
                    .into()
            }
        }
    }
}
