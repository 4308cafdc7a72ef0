//! The minutes (会议纪要) and the news draft (信息稿) of a meeting, assembled from what happened
//! at it: `facts` gathers the meeting's facts once, `draft` proposes the opening and the
//! 议定事项, `store` keeps the one editable 纪要 per meeting (with the attendance lists taken
//! from the sign-in data), `news` the 信息稿, and `print` builds both as documents.

mod draft;
pub mod facts;
mod news;
mod print;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use draft::{agenda_item, draft_items, draft_opening, heading_for};
pub use facts::{facts, Facts};
pub use news::{
    current_news, draft_news, news, news_text, reset_news, save_news, stored_news, NewsDraft,
    NewsEdit,
};
pub use print::{
    minutes_doc, minutes_pdf, minutes_preview, news_doc, news_pdf, PreviewBlock, PreviewKind,
};
pub use store::{
    current, ensure, finalise, get, lists_from_attendance, rebuild_lists, reopen, save,
    AttendanceLists, Minutes, MinutesEdit, MinutesStatus,
};

/// One line of 出席 / 请假 / 列席: the unit (or guest organisation) and who came for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attendee {
    pub unit: String,
    /// The people who came (、-separated); for a delegate, the substitute.
    pub person: String,
    /// Someone else came in the invitee's place: printed "（委派）".
    pub delegated: bool,
}

impl Attendee {
    /// As printed under 出席 or 列席: "海棠小学 王海燕", a delegate "… 孙思远（委派）".
    pub fn text(&self) -> String {
        let mut s = self.unit.clone();
        if !self.person.is_empty() {
            s.push(' ');
            s.push_str(&self.person);
        }
        if self.delegated {
            s.push_str("（委派）");
        }
        s
    }
}

/// One 议定事项: a heading (黑体), its text, and optionally who is responsible and by when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MinutesItem {
    pub heading: String,
    pub text: String,
    /// 责任单位.
    pub owner: String,
    /// 完成时限, as written (e.g. 2026年12月底前).
    pub due: String,
}

/// 一、二、… for the 1-based number `n` (up to 九十九).
pub fn cn_numeral(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n % 10]),
        20..=99 => {
            let tail = if n.is_multiple_of(10) { "" } else { D[n % 10] };
            format!("{}十{tail}", D[n / 10])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for (n, s) in [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (23, "二十三"),
        ] {
            assert_eq!(cn_numeral(n), s);
        }
    }

    #[test]
    fn attendee_text_marks_delegates() {
        let a = Attendee {
            unit: "海棠小学".into(),
            person: "孙思远".into(),
            delegated: true,
        };
        assert_eq!(a.text(), "海棠小学 孙思远（委派）");
    }
}
