//! What each list's tab calls things: its records, its 新增 button, its search field and what
//! an empty list says. The screens' one list tab words itself from here, so a list's wording
//! lives once, beside the kind it belongs to.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ListKind;

/// The words of one list's tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListTabLabels {
    pub kind: ListKind,
    /// What one record is called: 需求, 资源, 项目 (编辑需求 需2026-001, 已登记需求 …,
    /// 删除需求“…”？).
    pub noun: String,
    /// The button that adds a record: 新增需求.
    pub add: String,
    /// The text search's placeholder: what it looks in.
    pub search: String,
    /// A year with records, none of which the filters let through.
    pub none_matching: String,
    /// A year without records, after "2026 年": what to do first.
    pub empty: String,
}

/// The words of each list's tab, in the lists' order.
pub fn tab_labels() -> Vec<ListTabLabels> {
    ListKind::ALL.iter().map(|&kind| tab(kind)).collect()
}

fn tab(kind: ListKind) -> ListTabLabels {
    let (noun, search, empty) = match kind {
        ListKind::Needs => (
            "需求",
            "搜索编号、名称、内容、联系人",
            "还没有需求。点“新增需求”逐条登记各社区、单位和居民提出的需求，或从 Excel 导入需求清单。",
        ),
        ListKind::Resources => (
            "资源",
            "搜索编号、名称、内容、单位",
            "还没有资源。点“新增资源”登记成员单位能提供的场地、志愿者、资金、物资、专业服务或教育基地，或从 Excel 导入资源清单。",
        ),
        ListKind::Projects => (
            "项目",
            "搜索编号、名称、内容、认领单位",
            "还没有共建项目。点“新增项目”，或在需求清单中对某条需求“据此立项”，或从 Excel 导入项目清单。",
        ),
    };
    ListTabLabels {
        kind,
        noun: noun.into(),
        add: format!("新增{noun}"),
        search: search.into(),
        none_matching: format!("没有符合筛选条件的{noun}"),
        empty: empty.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_its_tab_words_and_an_empty_list_names_its_add_button() {
        let tabs = tab_labels();
        assert_eq!(
            tabs.iter().map(|t| t.kind).collect::<Vec<_>>(),
            ListKind::ALL.to_vec()
        );
        for t in &tabs {
            assert!(t.empty.contains(&format!("“{}”", t.add)), "{t:?}");
            assert!(t.empty.contains(t.kind.label()), "{t:?}");
            assert!(t.none_matching.ends_with(&t.noun), "{t:?}");
        }
    }
}
