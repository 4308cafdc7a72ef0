//! The lists' fields: one field type for the three lists ([`ListField`], with the fields each
//! list's columns can be mapped to), the words every list shares (`COMMON`), and the header
//! type of each list ([`Col`]), whose synonyms are its own table (`need::SYNONYMS`, …) and
//! then `COMMON`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::super::ListKind;
use crate::import::header::{lookup_synonym, HeaderField};
use crate::import::pipeline::preview_types;

/// A column of one of the three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListField {
    Name,
    Category,
    Content,
    /// 需求: who raised it.
    RaisedBy,
    /// 需求: 规模; 资源: 容量.
    Scale,
    /// 需求: 期望完成时间.
    WantedBy,
    /// 需求: 状态.
    Status,
    /// 资源: the offering unit.
    Unit,
    /// 资源: 资源类型.
    Kind,
    /// 资源: 时间/频次.
    Availability,
    /// 项目: 认领单位 (one or more).
    Claimants,
    /// 项目: 牵头单位.
    Lead,
    /// 项目: 认领内容/承诺.
    Commitment,
    /// 项目: 认领时间.
    ClaimedOn,
    /// 项目: 完成时限.
    Deadline,
    Contact,
    Phone,
    Notes,
    /// 序号: recognised, never imported.
    Index,
}

impl ListField {
    /// The Chinese column name.
    pub fn label(self) -> &'static str {
        match self {
            ListField::Name => "名称",
            ListField::Category => "类别",
            ListField::Content => "内容",
            ListField::RaisedBy => "提出方",
            ListField::Scale => "规模",
            ListField::WantedBy => "期望完成时间",
            ListField::Status => "状态",
            ListField::Unit => "提供单位",
            ListField::Kind => "资源类型",
            ListField::Availability => "时间/频次",
            ListField::Claimants => "认领单位",
            ListField::Lead => "牵头单位",
            ListField::Commitment => "认领内容",
            ListField::ClaimedOn => "认领时间",
            ListField::Deadline => "完成时限",
            ListField::Contact => "联系人",
            ListField::Phone => "联系电话",
            ListField::Notes => "备注",
            ListField::Index => "序号",
        }
    }

    /// The fields a list's columns can be mapped to, in the wizard's order.
    pub fn of(kind: ListKind) -> &'static [ListField] {
        use ListField::*;
        match kind {
            ListKind::Needs => &[
                Name, RaisedBy, Category, Content, Scale, WantedBy, Contact, Phone, Status, Notes,
                Index,
            ],
            ListKind::Resources => &[
                Unit,
                Kind,
                Name,
                Content,
                Availability,
                Scale,
                Contact,
                Phone,
                Notes,
                Index,
            ],
            ListKind::Projects => &[
                Name, Category, Content, Claimants, Lead, Commitment, ClaimedOn, Deadline, Contact,
                Phone, Notes, Index,
            ],
        }
    }
}

/// A field with its Chinese name, for the wizard's column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListFieldLabel {
    pub field: ListField,
    pub label: String,
}

/// The fields a list's columns can be mapped to, with their names.
pub fn field_labels(kind: ListKind) -> Vec<ListFieldLabel> {
    ListField::of(kind)
        .iter()
        .map(|f| ListFieldLabel {
            field: *f,
            label: f.label().to_string(),
        })
        .collect()
}

const COMMON: &[(&str, ListField)] = &[
    ("类别", ListField::Category),
    ("类型", ListField::Category),
    ("内容", ListField::Content),
    ("具体内容", ListField::Content),
    ("联系人", ListField::Contact),
    ("联系人姓名", ListField::Contact),
    ("联系电话", ListField::Phone),
    ("电话", ListField::Phone),
    ("手机", ListField::Phone),
    ("联系方式", ListField::Phone),
    ("备注", ListField::Notes),
    ("序号", ListField::Index),
    ("序", ListField::Index),
    ("No.", ListField::Index),
];

/// A column of list `K` (0 needs, 1 resources, 2 projects) for the header machinery.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Col<const K: u8>(pub ListField);

impl<const K: u8> HeaderField for Col<K> {
    fn from_header(header: &str) -> Option<Self> {
        let own = match K {
            0 => super::need::SYNONYMS,
            1 => super::resource::SYNONYMS,
            _ => super::project::SYNONYMS,
        };
        lookup_synonym(own, header)
            .or_else(|| lookup_synonym(COMMON, header))
            .map(Col)
    }
    fn key() -> Self {
        Col(ListField::Name)
    }
    fn index() -> Self {
        Col(ListField::Index)
    }
    fn ordinal(self) -> u32 {
        self.0 as u32
    }
}

impl<const K: u8> From<Col<K>> for ListField {
    fn from(c: Col<K>) -> Self {
        c.0
    }
}

/// Whether `text` is the header of the name column of any list (a header row repeated in
/// the data).
pub(super) fn names_a_list(text: &str) -> bool {
    let name = |c: Option<ListField>| c == Some(ListField::Name);
    name(Col::<0>::from_header(text).map(|c| c.0))
        || name(Col::<1>::from_header(text).map(|c| c.0))
        || name(Col::<2>::from_header(text).map(|c| c.0))
}

preview_types!(ListField, ListProblem, ListColumn, ListColumnMapping);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label the wizard shows for a list's field is a header of that field in that
    /// list's import.
    #[test]
    fn the_apps_own_labels_are_headers_of_their_fields() {
        fn check<const K: u8>(kind: ListKind) {
            for f in ListField::of(kind) {
                let label = f.label();
                assert_eq!(
                    Col::<K>::from_header(label).map(|c| c.0),
                    Some(*f),
                    "{kind:?}: {label}"
                );
            }
        }
        check::<0>(ListKind::Needs);
        check::<1>(ListKind::Resources);
        check::<2>(ListKind::Projects);
    }
}
