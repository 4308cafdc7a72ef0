//! Platform seating (主席台座次) by Chinese protocol.
//!
//! Convention: "left" and "right" are as seen **from the platform, facing the audience**
//! (the traditional 左为上: a seat on the first-ranked person's left is the higher one). The
//! first-ranked sits in the centre; the 2nd on the 1st's left, the 3rd on the 1st's right, the
//! 4th on the 2nd's left, and so on, alternating outwards. The printed chart is drawn as seen
//! from the audience (台下), so it is the mirror image: the 2nd appears to the reader's right.
//!
//! With an even number there is no single centre seat; offices follow one of two practices,
//! a setting ([`EvenRule`]).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::settings;

/// Where the 1st and 2nd sit when the number of seats is even (as seen from the platform).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum EvenRule {
    /// 1st just right of centre, 2nd on the 1st's left (left-of-centre): 左为上 kept for
    /// every pair. Audience view for 4: 3 1 2 4.
    #[default]
    #[serde(rename = "一号居中偏右")]
    FirstRightOfCentre,
    /// 1st just left of centre, 2nd on the 1st's right: the 1st takes the higher (left) of the
    /// two centre seats. Audience view for 4: 4 2 1 3.
    #[serde(rename = "一号居中偏左")]
    FirstLeftOfCentre,
}

/// The settings key holding the even-count rule (its Chinese label).
pub const EVEN_RULE_SETTING: &str = "seating_even_rule";

impl EvenRule {
    /// Every rule, the default first.
    pub const ALL: [EvenRule; 2] = [EvenRule::FirstRightOfCentre, EvenRule::FirstLeftOfCentre];

    /// The Chinese label (as serialised and stored in the settings).
    pub fn label(self) -> &'static str {
        match self {
            EvenRule::FirstRightOfCentre => "一号居中偏右",
            EvenRule::FirstLeftOfCentre => "一号居中偏左",
        }
    }
}

/// An even-count rule as the print tab offers it: the rule and its words, with the order of
/// four seats as the audience sees them (一号居中偏右（台下看：3 1 2 4）).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EvenRuleLabel {
    pub rule: EvenRule,
    pub label: String,
}

/// Every even-count rule with its words, read off [`audience_order`], the default first.
pub fn even_rule_labels() -> Vec<EvenRuleLabel> {
    EvenRule::ALL
        .iter()
        .map(|&rule| {
            let seats: Vec<String> = audience_order(4, rule)
                .iter()
                .map(|r| (r + 1).to_string())
                .collect();
            EvenRuleLabel {
                rule,
                label: format!("{}（台下看：{}）", rule.label(), seats.join(" ")),
            }
        })
        .collect()
}

/// The even-count rule chosen in the settings (the default when none or unknown).
pub fn saved_rule(conn: &Connection) -> Result<EvenRule> {
    let stored = settings::get(conn, EVEN_RULE_SETTING)?;
    Ok(stored
        .and_then(|s| EvenRule::ALL.into_iter().find(|r| r.label() == s))
        .unwrap_or_default())
}

/// Keeps the even-count rule in the settings.
pub fn save_rule(conn: &Connection, rule: EvenRule) -> Result<()> {
    settings::set(conn, EVEN_RULE_SETTING, rule.label())
}

/// Seats for `n` people, as seen **from the platform**, left to right: each entry is the
/// 0-based rank of the person in that seat (0 = first-ranked).
pub fn platform_order(n: usize, rule: EvenRule) -> Vec<usize> {
    let mut seats = std::collections::VecDeque::with_capacity(n);
    if n == 0 {
        return Vec::new();
    }
    seats.push_back(0);
    // Does the 2nd go on the 1st's left (platform view)?
    let second_left = !n.is_multiple_of(2) || rule == EvenRule::FirstRightOfCentre;
    for rank in 1..n {
        let left = (rank % 2 == 1) == second_left;
        if left {
            seats.push_front(rank);
        } else {
            seats.push_back(rank);
        }
    }
    seats.into()
}

/// Seats as seen **from the audience** (how the chart is printed), left to right.
pub fn audience_order(n: usize, rule: EvenRule) -> Vec<usize> {
    let mut v = platform_order(n, rule);
    v.reverse();
    v
}

/// The chart's note, in the chart's own frame (as seen from the audience), read off the drawn
/// order so that the words and the drawing cannot disagree.
pub fn audience_note(n: usize, rule: EvenRule) -> String {
    let order = audience_order(n, rule);
    let at = |rank: usize| order.iter().position(|&r| r == rank);
    let Some(first) = at(0) else {
        return String::new();
    };
    let side = |seat: usize| if seat < first { "左" } else { "右" };
    let mut note = String::from("（从台下看；数字为座次：1号居中");
    if n.is_multiple_of(2) {
        note.push_str(if first < n / 2 { "偏左" } else { "偏右" });
    }
    for rank in 1..n.min(3) {
        if let Some(seat) = at(rank) {
            note.push_str(&format!("，{}号在1号{}边", rank + 1, side(seat)));
        }
    }
    if n > 3 {
        note.push_str("，依次向两边排开");
    }
    note.push('）');
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_is_kept_in_the_settings() {
        let conn = crate::db::open_in_memory().unwrap();
        assert_eq!(saved_rule(&conn).unwrap(), EvenRule::FirstRightOfCentre);
        save_rule(&conn, EvenRule::FirstLeftOfCentre).unwrap();
        assert_eq!(saved_rule(&conn).unwrap(), EvenRule::FirstLeftOfCentre);
        for r in EvenRule::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.label());
        }
    }

    #[test]
    fn the_rules_are_offered_with_the_seats_the_audience_sees() {
        let labels: Vec<String> = even_rule_labels().into_iter().map(|l| l.label).collect();
        assert_eq!(
            labels,
            [
                "一号居中偏右（台下看：3 1 2 4）",
                "一号居中偏左（台下看：4 2 1 3）"
            ]
        );
    }

    #[test]
    fn the_note_says_what_the_chart_draws() {
        // Audience view for 4 under the default: 3 1 2 4.
        assert_eq!(
            audience_note(4, EvenRule::FirstRightOfCentre),
            "（从台下看；数字为座次：1号居中偏左，2号在1号右边，3号在1号左边，依次向两边排开）"
        );
        // And 4 2 1 3 under the other rule.
        assert_eq!(
            audience_note(4, EvenRule::FirstLeftOfCentre),
            "（从台下看；数字为座次：1号居中偏右，2号在1号左边，3号在1号右边，依次向两边排开）"
        );
        assert_eq!(
            audience_note(3, EvenRule::default()),
            "（从台下看；数字为座次：1号居中，2号在1号右边，3号在1号左边）"
        );
        assert_eq!(
            audience_note(1, EvenRule::default()),
            "（从台下看；数字为座次：1号居中）"
        );
        assert_eq!(audience_note(0, EvenRule::default()), "");
    }

    #[test]
    fn odd_counts_put_the_first_in_the_middle() {
        assert_eq!(platform_order(1, EvenRule::default()), vec![0]);
        assert_eq!(platform_order(3, EvenRule::default()), vec![1, 0, 2]);
        assert_eq!(
            platform_order(5, EvenRule::FirstLeftOfCentre),
            vec![3, 1, 0, 2, 4]
        );
    }
}
