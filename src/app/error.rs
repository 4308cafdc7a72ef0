//! The error every face sends: `{kind, message, fix}`. The UI branches on `kind` and
//! shows `message` (Chinese) to the user.

use crate::error::{ErrorKind, FixTarget, MissingDetail};
use serde::Serialize;

/// An error as the front end receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// The core's `ErrorKind` (generated as a TypeScript union, so the UI's switches are
    /// type-checked).
    pub kind: ErrorKind,
    /// The Chinese message for the user.
    pub message: String,
    /// Where the user fills in what the message says is missing (one click in the UI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixTarget>,
    /// When several records lack something at once: each with where it is filled in (the UI
    /// lists them with 去填写 on each).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingDetail>,
}

impl ApiError {
    /// An error of the shell itself.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
            fix: None,
            missing: Vec::new(),
        }
    }

    /// Work that should have finished did not (a panic or a cancelled task in the background).
    pub fn internal() -> Self {
        ApiError::new(
            ErrorKind::Internal,
            "操作未能完成（程序内部错误）。数据未被修改，请重试。详情已记入日志（设置 → 打开日志目录）。",
        )
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        ApiError {
            kind: e.kind(),
            message: e.to_string(),
            fix: e.fix().cloned(),
            missing: e.missing().to_vec(),
        }
    }
}

/// Results of commands.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_kind_and_message() {
        let e: ApiError = crate::Error::NotFound {
            what: "成员单位",
            id: "3".into(),
        }
        .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "not_found", "message": "找不到成员单位（编号 3）。"})
        );
    }

    #[test]
    fn a_missing_detail_says_where_to_fill_it_in() {
        let e: ApiError = crate::street::StreetProfile::missing_error(
            crate::street::StreetField::PartyOrg,
            "打印邀请函",
        )
        .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "missing_info");
        assert_eq!(
            json["fix"],
            serde_json::json!({"place": "street", "field": "party_org"})
        );
        assert!(json.get("missing").is_none(), "{json}");
    }

    #[test]
    fn several_missing_details_cross_as_a_list_each_with_its_place() {
        let entry = |id: i64, name: &str| MissingDetail {
            record: format!("社区“{name}”"),
            lacks: vec!["书记".into(), "电话".into()],
            needed_by: vec![format!("协议（{name}—八大关小学）")],
            message: format!("社区“{name}”缺书记、电话"),
            fix: FixTarget::Community { id },
        };
        let e: ApiError = crate::Error::MissingDetails {
            what: "协议无法打印".into(),
            entries: vec![entry(1, "太平角社区党委"), entry(2, "湛山社区党委")],
        }
        .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "missing_info");
        assert_eq!(
            json["fix"],
            serde_json::json!({"place": "community", "id": 1})
        );
        let missing = json["missing"].as_array().unwrap();
        assert_eq!(missing.len(), 2);
        assert_eq!(
            missing[1]["fix"],
            serde_json::json!({"place": "community", "id": 2})
        );
        assert_eq!(missing[1]["lacks"], serde_json::json!(["书记", "电话"]));
        let message = json["message"].as_str().unwrap();
        assert!(
            message.contains("太平角社区党委") && message.contains("湛山社区党委"),
            "{message}"
        );
    }
}
