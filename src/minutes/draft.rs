//! The proposed text of a 纪要: its heading, the opening paragraph and one 议定事项 per
//! substantive agenda item, written from the meeting's [`Facts`]. Missing facts are left out.

use super::facts::{AgreementFacts, DonationFacts, Facts, ProjectFacts, SpeechFacts, Talk};
use super::MinutesItem;
use crate::date::cn_date;
use crate::meetings::agenda::{AgendaItem, AgendaKind};
use crate::money::format_news_amount;

/// The heading: the street's 联席会名称 + 纪要 (八大关街道区域化党建联席会议纪要).
pub fn heading_for(f: &Facts) -> String {
    let name = f.meeting_name.trim_end_matches('会');
    format!("{name}会议纪要")
}

/// The opening paragraph: when, where, who convened and presided, the theme, how many units
/// were invited and came; it ends with "现将会议议定事项纪要如下：".
pub fn draft_opening(f: &Facts) -> String {
    let mut s = String::new();
    if let Some(d) = f.date {
        s.push_str(&cn_date(d));
        s.push('，');
    }
    s.push_str(&f.title);
    if let Some(v) = &f.venue {
        s.push_str(&format!("在{v}"));
    }
    s.push_str("召开。");
    match (&f.host, &f.chair) {
        (Some(h), Some(c)) => s.push_str(&format!("会议由{h}召集，{c}主持。")),
        (Some(h), None) => s.push_str(&format!("会议由{h}召集。")),
        (None, Some(c)) => s.push_str(&format!("会议由{c}主持。")),
        (None, None) => {}
    }
    if let Some(t) = &f.theme {
        s.push_str(&format!("会议主题为“{t}”。"));
    }
    s.push_str(&attendance_sentence(f));
    s.push_str("现将会议议定事项纪要如下：");
    s
}

/// "会议共邀请成员单位52家，实到38家，其中新入会单位14家；3家单位列席。"
fn attendance_sentence(f: &Facts) -> String {
    let mut parts = Vec::new();
    if let Some(n) = f.invited {
        parts.push(format!("会议共邀请成员单位{n}家"));
    }
    if let Some(n) = f.attended {
        let mut p = if f.invited.is_some() {
            format!("实到{n}家")
        } else {
            format!("成员单位{n}家出席")
        };
        if let Some(k) = f.new_members {
            p.push_str(&format!("，其中新入会单位{k}家"));
        }
        parts.push(p);
    }
    let mut s = parts.join("，");
    if let Some(g) = f.guests {
        if !s.is_empty() {
            s.push('；');
        }
        s.push_str(&format!("{g}家单位列席"));
    }
    if !s.is_empty() {
        s.push('。');
    }
    s
}

/// "A、B、C等6家单位" (all names when there are three or fewer).
pub(crate) fn units_phrase(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 | 3 => format!("{}{}家单位", names.join("、"), names.len()),
        n => format!("{}等{n}家单位", names[..3].join("、")),
    }
}

pub(crate) fn speeches_sentence(s: &SpeechFacts) -> String {
    match s.on_behalf {
        Some(m) => format!("{}代表{m}家成员单位作交流发言", units_phrase(&s.speakers)),
        None => format!("{}作交流发言", units_phrase(&s.speakers)),
    }
}

pub(crate) fn agreements_sentence(a: &[AgreementFacts]) -> Option<String> {
    let parts: Vec<String> = a
        .iter()
        .map(|x| {
            if x.title.is_empty() {
                format!("{}份共建协议", x.count)
            } else {
                format!("{}份《{}》", x.count, x.title)
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("、"))
}

pub(crate) fn donations_sentence(d: &DonationFacts) -> String {
    let mut s = format!("{}家爱心企业", d.donors);
    let mut what = Vec::new();
    if let Some(c) = d.cash_fen {
        what.push(format!("认捐{}", format_news_amount(c)));
    }
    if let Some(k) = d.in_kind_fen {
        what.push(format!("物资折价{}", format_news_amount(k)));
    }
    if what.is_empty() {
        s.push_str("参与捐赠");
    } else {
        s.push_str(&what.join("，"));
    }
    s
}

pub(crate) fn projects_sentence(p: &ProjectFacts) -> String {
    format!("{}家单位认领{}个共建项目", p.units, p.projects)
}

/// The claimed projects by name: “四点半课堂”“红色物业”, the first five then 等.
pub(crate) fn project_names(p: &ProjectFacts) -> Option<String> {
    const SHOWN: usize = 5;
    let names: Vec<String> = p
        .names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .take(SHOWN)
        .map(crate::text::quoted)
        .collect();
    if names.is_empty() {
        return None;
    }
    let more = if p.names.len() > SHOWN { "等" } else { "" };
    Some(format!("{}{more}", names.concat()))
}

/// "街道党工委书记陈振华所作的年度区域化党建工作报告" / "区委组织部副部长林雅琴的讲话".
pub(crate) fn talk_phrase(t: &Talk) -> String {
    let by: String = t.presenter.chars().filter(|c| !c.is_whitespace()).collect();
    let what = t
        .title
        .split_once('作')
        .map_or(t.title.as_str(), |(_, w)| w);
    match (t.kind, by.is_empty()) {
        (AgendaKind::Address, false) => format!("{by}的讲话"),
        (_, false) => format!("{by}所作的{what}"),
        (_, true) => t.title.clone(),
    }
}

fn talk_item(t: &Talk) -> MinutesItem {
    let what = t
        .title
        .split_once('作')
        .map_or(t.title.as_str(), |(_, w)| w);
    MinutesItem {
        heading: format!("听取{what}"),
        text: format!("会议听取了{}。", talk_phrase(t)),
        ..MinutesItem::default()
    }
}

fn item(heading: &str, text: String) -> MinutesItem {
    MinutesItem {
        heading: heading.to_owned(),
        text,
        ..MinutesItem::default()
    }
}

/// One 议定事项 per substantive agenda item, in agenda order (the opening and closing are
/// not items); speeches, agreements, donations and projects that happened without their own
/// agenda item are added after them.
pub fn draft_items(f: &Facts, agenda: &[AgendaItem]) -> Vec<MinutesItem> {
    let mut items = Vec::new();
    let (mut speeches, mut signing, mut donation) = (false, false, false);
    let mut talks = f.talks.iter();
    for a in agenda {
        match a.kind {
            AgendaKind::Host | AgendaKind::Closing => {}
            AgendaKind::Report | AgendaKind::Address => {
                if let Some(t) = talks.next() {
                    items.push(talk_item(t));
                }
            }
            AgendaKind::Speeches => {
                if let Some(s) = &f.speeches {
                    items.push(item("交流发言", format!("{}。", speeches_sentence(s))));
                    speeches = true;
                }
            }
            AgendaKind::Signing => {
                if let Some(s) = agreements_sentence(&f.agreements) {
                    items.push(item("签署共建协议", format!("会议签署了{s}。")));
                    signing = true;
                }
            }
            AgendaKind::Donation => {
                if let Some(d) = &f.donations {
                    items.push(item("爱心捐赠", format!("{}。", donations_sentence(d))));
                    donation = true;
                }
            }
            AgendaKind::Award | AgendaKind::Other => {
                items.push(item(&a.title, format!("会议进行了{}。", a.title)));
            }
        }
    }
    if !speeches {
        if let Some(s) = &f.speeches {
            items.push(item("交流发言", format!("{}。", speeches_sentence(s))));
        }
    }
    if !signing {
        if let Some(s) = agreements_sentence(&f.agreements) {
            items.push(item("签署共建协议", format!("会议签署了{s}。")));
        }
    }
    if !donation {
        if let Some(d) = &f.donations {
            items.push(item("爱心捐赠", format!("{}。", donations_sentence(d))));
        }
    }
    if let Some(p) = &f.projects {
        let text = match project_names(p) {
            Some(names) => format!("{}：{names}。", projects_sentence(p)),
            None => format!("{}。", projects_sentence(p)),
        };
        items.push(item("认领共建项目", text));
    }
    items
}
