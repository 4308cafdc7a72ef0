//! What kind of record a typed name refers to, and the messages of a name that matches no
//! record or several ([`crate::Error::NoMatch`], [`crate::Error::Ambiguous`]). A leaf: it names
//! nothing else of the crate, so the error type can word these messages without depending on
//! `lookup`, which re-exports [`Target`].

/// What kind of record a name refers to (it names the record in messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Unit,
    Community,
    Branch,
    Meeting,
    /// An agreement template (协议模板).
    Template,
}

impl Target {
    /// The Chinese name of the record, e.g. 成员单位.
    pub fn label(self) -> &'static str {
        match self {
            Target::Unit => "成员单位",
            Target::Community => "社区",
            Target::Branch => "分会",
            Target::Meeting => "会议",
            Target::Template => "协议模板",
        }
    }

    /// The measure word used to count such records (多家成员单位, 多个社区, 多次会议).
    pub fn measure(self) -> &'static str {
        match self {
            Target::Unit => "家",
            Target::Community | Target::Branch | Target::Template => "个",
            Target::Meeting => "次",
        }
    }
}

/// The message of [`crate::Error::NoMatch`].
pub(crate) fn no_match_message(what: Target, name: &str, candidates: &[String]) -> String {
    let mut s = format!("找不到名为“{name}”的{}。", what.label());
    if !candidates.is_empty() {
        // Templates are refused with the whole (short) list, not only the close names.
        let lead = if what == Target::Template {
            "现有的模板"
        } else {
            "相近的有"
        };
        s.push_str(&format!("{lead}：{}。", candidates.join("、")));
    }
    s
}

/// The message of [`crate::Error::Ambiguous`].
pub(crate) fn ambiguous_message(
    what: Target,
    name: &str,
    candidates: &[String],
    total: usize,
) -> String {
    let more = if total > candidates.len() {
        format!("等 {total} {}", what.measure())
    } else {
        String::new()
    };
    format!(
        "“{name}”对应多{}{}：{}{more}。请写出完整名称。",
        what.measure(),
        what.label(),
        candidates.join("、")
    )
}
