//! The lists' fields: one field type for the three lists ([`ListField`], with the fields each
//! list's columns can be mapped to), the words every list shares (`COMMON`), and the header
//! type of each list ([`Col`]), whose synonyms are its own words (`NeedInput::SYNONYMS`, …,
//! from the kind's declaration) and then `COMMON`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::super::{ListKind, NeedInput, ProjectInput, ResourceInput};
use crate::db::fields::field_enum;
use crate::import::header::{lookup_synonym, HeaderField};
use crate::import::pipeline::preview_types;

crate::lists::kinds::need::need_fields!(field_enum {
    /// A column of one of the three lists.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum ListField;
    column Name = "名称" [];
    column Category = "类别" [];
    column Content = "内容" [];
    /// 需求: who raised it.
    column RaisedBy = "提出方" [];
    /// 需求: 规模; 资源: 容量.
    column Scale = "规模" [];
    /// 需求: 期望完成时间.
    column WantedBy = "期望完成时间" [];
    /// 需求: 状态.
    column Status = "状态" [];
    /// 资源: the offering unit.
    column Unit = "提供单位" [];
    /// 资源: 资源类型.
    column Kind = "资源类型" [];
    /// 资源: 时间/频次.
    column Availability = "时间/频次" [];
    /// 项目: 认领单位 (one or more).
    column Claimants = "认领单位" [];
    /// 项目: 牵头单位.
    column Lead = "牵头单位" [];
    /// 项目: 认领内容/承诺.
    column Commitment = "认领内容" [];
    /// 项目: 认领时间.
    column ClaimedOn = "认领时间" [];
    /// 项目: 完成时限.
    column Deadline = "完成时限" [];
    column Contact = "联系人" [];
    column Phone = "联系电话" [];
    column Notes = "备注" [];
    /// 序号: recognised, never imported.
    column Index = "序号" [];
    // Then the fields a need's own `text` lines declare (`need_fields!`).
});

/// The fields a need's own lines declare: those after 序号.
const NEED_OWN: &[ListField] = ListField::ALL.split_at(ListField::Index as usize + 1).1;

/// The needs' fields in the wizard's order: the shared ones, the needs' own, 序号 last.
const NEEDS: [ListField; 10 + NEED_OWN.len() + 1] = {
    use ListField::*;
    let shared = [
        Name, RaisedBy, Category, Content, Scale, WantedBy, Contact, Phone, Status, Notes,
    ];
    let mut all = [Index; 10 + NEED_OWN.len() + 1];
    let mut i = 0;
    while i < shared.len() {
        all[i] = shared[i];
        i += 1;
    }
    while i < shared.len() + NEED_OWN.len() {
        all[i] = NEED_OWN[i - shared.len()];
        i += 1;
    }
    all
};

impl ListField {
    /// The fields a list's columns can be mapped to, in the wizard's order.
    pub fn of(kind: ListKind) -> &'static [ListField] {
        use ListField::*;
        match kind {
            ListKind::Needs => &NEEDS,
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

const COMMON: &[(ListField, &[&str])] = &[
    (ListField::Category, &["类别", "类型"]),
    (ListField::Content, &["内容", "具体内容"]),
    (ListField::Contact, &["联系人", "联系人姓名"]),
    (ListField::Phone, &["联系电话", "电话", "手机", "联系方式"]),
    (ListField::Notes, &["备注"]),
    (ListField::Index, &["序号", "序", "No."]),
];

/// A column of list `K` (0 needs, 1 resources, 2 projects) for the header machinery.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Col<const K: u8>(pub ListField);

impl<const K: u8> HeaderField for Col<K> {
    fn from_header(header: &str) -> Option<Self> {
        // The list's own words (its declaration's `words`), then the shared ones.
        let own = match K {
            0 => NeedInput::SYNONYMS,
            1 => ResourceInput::SYNONYMS,
            _ => ProjectInput::SYNONYMS,
        };
        let kind = match K {
            0 => ListKind::Needs,
            1 => ListKind::Resources,
            _ => ListKind::Projects,
        };
        // Then each field's label (and a need's own line's words), for the list's fields.
        lookup_synonym(own, header)
            .or_else(|| lookup_synonym(COMMON, header))
            .or_else(|| {
                lookup_synonym(ListField::SYNONYMS, header)
                    .filter(|f| ListField::of(kind).contains(f))
            })
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

    /// The fields a header row (its cells joined by spaces) reads as in list `K`, by their
    /// labels; `-` for a column that names none.
    fn read<const K: u8>(row: &str) -> String {
        row.split(' ')
            .map(|h| Col::<K>::from_header(h).map_or("-", |c| c.0.label()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Header rows as offices send them (the integration tests' 需求清单 and 项目清单) and as
    /// the app's own papers print them (三张清单, 项目认领表): every column that holds a field
    /// of the list reads as that field; what is no field (编号 is a counter, 对应需求 and a
    /// project's 状态 are the app's own, 签字 and the seal column are for the pen) reads as none.
    #[test]
    fn real_header_rows_read_as_their_fields() {
        let office_needs = "序号 需求名称 提出方 需求类别 需求内容 期望完成时间 状态";
        assert_eq!(
            read::<0>(office_needs),
            "序号 名称 提出方 类别 内容 期望完成时间 状态"
        );
        let office_projects = "序号 项目名称 项目类别 项目内容 认领单位 完成时限 联系人 联系电话";
        assert_eq!(
            read::<2>(office_projects),
            "序号 名称 类别 内容 认领单位 完成时限 联系人 联系电话"
        );
        let needs = "编号 需求名称 提出方 类别 需求内容 规模 期望完成时间 联系人 联系电话 状态";
        assert_eq!(
            read::<0>(needs),
            "- 名称 提出方 类别 内容 规模 期望完成时间 联系人 联系电话 状态"
        );
        let resources = "编号 提供单位 类型 资源名称 资源内容 可提供时间 规模 联系人 联系电话";
        assert_eq!(
            read::<1>(resources),
            "- 提供单位 资源类型 名称 内容 时间/频次 规模 联系人 联系电话"
        );
        let projects = "编号 项目名称 类别 项目内容 对应需求 认领单位 完成时限 状态";
        assert_eq!(
            read::<2>(projects),
            "- 名称 类别 内容 - 认领单位 完成时限 -"
        );
        let claim_form = "序号 项目名称 类别 内容 认领单位（盖章） 联系人 电话 签字";
        assert_eq!(
            read::<2>(claim_form),
            "序号 名称 类别 内容 - 联系人 联系电话 -"
        );
    }
}
