//! The proposed text of a 纪要: its heading, the opening paragraph and one 议定事项 per
//! substantive agenda item, written from the meeting's [`Facts`]. Missing facts are left out.
//!
//! Every sentence comes from one function: one per agenda kind (`*_item`, dispatched by
//! [`agenda_item`]) and one per fact (attendance, speeches, agreements, donations, claimed
//! projects). The 信息稿 uses the same functions.

use super::facts::{
    AgendaPoint, AgreementFacts, CashFacts, DonationFacts, Donors, Facts, GoodsFacts, ProjectFacts,
    SpeechFacts,
};
use super::MinutesItem;
use crate::date::cn_date;
use crate::meetings::agenda::AgendaKind;
use crate::money::format_news_amount;
use crate::text::{looks_like_personal_name, quoted};

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
    match (
        f.host.as_deref().and_then(who),
        f.chair.as_deref().and_then(who),
    ) {
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

// ---------------------------------------------------------------------------------------------
// Who and what

/// Words that end a post (职务) written before a name: 区委组织部副部长林雅琴.
const POSTS: [&str; 8] = ["长", "书记", "主任", "经理", "主席", "委员", "政委", "干事"];

/// A presenter as a 纪要 names them: the agenda's "街道党工委书记 陈振华" becomes
/// "街道党工委书记陈振华同志" (a person's name takes 同志); a unit, a post alone (张书记) or
/// anything not read as a name stays as written, without spaces. `None` when empty.
pub(crate) fn who(presenter: &str) -> Option<String> {
    let parts: Vec<&str> = presenter.split_whitespace().collect();
    let joined = parts.concat();
    if joined.is_empty() {
        return None;
    }
    if joined.ends_with("同志") {
        return Some(joined);
    }
    let name = match parts.as_slice() {
        [.., last] if parts.len() > 1 => (*last).to_owned(),
        _ if looks_like_personal_name(&joined) => joined.clone(),
        _ => {
            // The name after the last post word, if any: 副部长|林雅琴.
            let end = POSTS
                .iter()
                .filter_map(|p| joined.rfind(p).map(|i| i + p.len()))
                .max()
                .unwrap_or(0);
            joined[end..].to_owned()
        }
    };
    if looks_like_personal_name(&name) {
        Some(format!("{joined}同志"))
    } else {
        Some(joined)
    }
}

/// The title of an agenda item, or its kind's label when it has none.
fn title_of(a: &AgendaPoint) -> String {
    let t = a.title.trim();
    if t.is_empty() {
        a.kind.label().to_owned()
    } else {
        t.to_owned()
    }
}

/// Verbs an agenda title may start with (longest first where one begins another).
const VERBS: [&str; 40] = [
    "研究讨论",
    "研究部署",
    "审议通过",
    "讨论通过",
    "传达学习",
    "学习传达",
    "集中学习",
    "表彰",
    "颁发",
    "授予",
    "研究",
    "讨论",
    "审议",
    "学习",
    "传达",
    "部署",
    "参观",
    "观看",
    "观摩",
    "听取",
    "通报",
    "汇报",
    "介绍",
    "总结",
    "安排",
    "布置",
    "征求",
    "协商",
    "商议",
    "确定",
    "明确",
    "交流",
    "签订",
    "签署",
    "宣读",
    "推选",
    "选举",
    "表决",
    "启动",
    "审定",
];

/// A title that starts with a verb, with 了 after the verb: "研究讨论有关事项" →
/// "研究讨论了有关事项". `None` when it does not start with one of [`VERBS`] (or is only the
/// verb).
fn with_le(title: &str) -> Option<String> {
    VERBS.iter().find_map(|v| {
        let rest = title.strip_prefix(v)?;
        let rest = rest.strip_prefix('了').unwrap_or(rest);
        (!rest.is_empty()).then(|| format!("{v}了{rest}"))
    })
}

/// Nouns a talk is called by.
const TALKS: [&str; 7] = ["报告", "讲话", "发言", "汇报", "通报", "说明", "致辞"];

/// "街道党工委书记作年度工作报告" → ("街道党工委书记", "年度工作报告"): the verb 作 (not the
/// 作 of 工作, 合作 …) followed by what is given.
fn split_zuo(title: &str) -> Option<(&str, &str)> {
    title.match_indices('作').find_map(|(i, _)| {
        let (before, after) = (&title[..i], &title[i + '作'.len_utf8()..]);
        let prev = before.chars().last()?;
        if "工合协创写操动制著".contains(prev) {
            return None;
        }
        let after = after.strip_prefix('了').unwrap_or(after);
        let after = after.strip_prefix('的').unwrap_or(after);
        TALKS
            .iter()
            .any(|t| after.ends_with(t))
            .then_some((before, after))
    })
}

/// "关于X的" → "X": the subject of a report as "关于…的报告" wants it.
fn subject(s: &str) -> &str {
    let s = s.strip_prefix("关于").unwrap_or(s);
    s.strip_suffix('的').unwrap_or(s)
}

fn item(heading: impl Into<String>, text: String) -> MinutesItem {
    MinutesItem {
        heading: heading.into(),
        text,
        ..MinutesItem::default()
    }
}

// ---------------------------------------------------------------------------------------------
// One function per agenda kind

/// The 议定事项 of one agenda item (`None`: the item gives none), with the facts that belong
/// to it. Speeches, agreements and donations are passed to the first item of their kind only
/// (the caller decides); a later one of the same kind reads as its title.
pub fn agenda_item(
    a: &AgendaPoint,
    speeches: Option<&SpeechFacts>,
    agreements: &[AgreementFacts],
    donations: Option<&DonationFacts>,
) -> Option<MinutesItem> {
    match a.kind {
        AgendaKind::Host => host_item(a),
        AgendaKind::Address => Some(address_item(a)),
        AgendaKind::Report => Some(report_item(a)),
        AgendaKind::Speeches => Some(speeches_item(a, speeches)),
        AgendaKind::Signing => Some(signing_item(a, agreements)),
        AgendaKind::Donation => Some(donation_item(a, donations)),
        AgendaKind::Award => Some(award_item(a)),
        AgendaKind::Closing => closing_item(a),
        AgendaKind::Other => other_item(a),
    }
}

/// 主持开场: no 议定事项; the opening says who presided (the facts take the item's presenter
/// when the meeting names no 主持人).
fn host_item(_: &AgendaPoint) -> Option<MinutesItem> {
    None
}

/// 工作报告: "会议听取了街道党工委书记陈振华同志所作的2026年度区域化党建工作报告。",
/// "会议听取了王建国同志关于年度区域化党建工作情况的通报。", by the title's form.
fn report_item(a: &AgendaPoint) -> MinutesItem {
    let t = title_of(a);
    let by = who(&a.presenter);
    // "X作Y报告": X names who gives it when the agenda names no presenter.
    if let Some((x, y)) = split_zuo(&t) {
        let text = match by.or_else(|| who(x)) {
            Some(b) => format!("会议听取了{b}所作的{y}。"),
            None => format!("会议听取了{y}。"),
        };
        return item(format!("听取{y}"), text);
    }
    // "通报年度……情况": the verb names the kind of talk.
    for v in ["通报", "汇报", "报告", "介绍", "说明"] {
        if let Some(rest) = t.strip_prefix(v).map(subject).filter(|r| !r.is_empty()) {
            let text = match &by {
                Some(b) => format!("会议听取了{b}关于{rest}的{v}。"),
                None => format!("会议听取了关于{rest}的{v}。"),
            };
            return item(format!("听取{rest}{v}"), text);
        }
    }
    // "2026年度区域化党建工作报告": the title is the talk's name.
    if TALKS.iter().any(|n| t.ends_with(n)) {
        let text = match &by {
            Some(b) => format!("会议听取了{b}所作的{t}。"),
            None => format!("会议听取了{t}。"),
        };
        return item(format!("听取{t}"), text);
    }
    // "年度区域化党建工作情况": the title is the report's subject.
    let what = subject(&t);
    let text = match &by {
        Some(b) => format!("会议听取了{b}关于{what}的报告。"),
        None => format!("会议听取了关于{what}的报告。"),
    };
    item(format!("听取{what}报告"), text)
}

/// 领导讲话: "区委组织部副部长林雅琴同志出席会议并讲话。"; without a presenter, the title:
/// "会议听取了上级领导讲话。".
fn address_item(a: &AgendaPoint) -> MinutesItem {
    let t = title_of(a);
    let heading = if t.ends_with("讲话") || t.ends_with("致辞") {
        t.clone()
    } else {
        "领导讲话".to_owned()
    };
    let text = match who(&a.presenter) {
        Some(b) => format!("{b}出席会议并讲话。"),
        None => match split_zuo(&t) {
            Some((x, "讲话")) => {
                format!("会议听取了{}的讲话。", who(x).unwrap_or_default())
            }
            Some((x, y)) => format!("会议听取了{}所作的{y}。", who(x).unwrap_or_default()),
            None if TALKS.iter().any(|n| t.ends_with(n)) => format!("会议听取了{t}。"),
            None => format!("会议听取了{t}讲话。"),
        },
    };
    item(heading, text)
}

/// 交流发言: who spoke for how many ("海洋大学等3家单位代表12家成员单位作交流发言。"); with no
/// speeches recorded, the presenter or the title ("会议安排了成员单位代表交流发言。").
fn speeches_item(a: &AgendaPoint, s: Option<&SpeechFacts>) -> MinutesItem {
    let text = match (s, who(&a.presenter)) {
        (Some(s), _) => format!("{}。", speeches_sentence(s)),
        (None, Some(b)) => format!("{b}作交流发言。"),
        (None, None) => format!("会议安排了{}。", title_of(a)),
    };
    item("交流发言", text)
}

/// The ceremony an item names (党建结对共建协议签约 → 党建结对共建协议签约仪式), else `fallback`.
fn ceremony(a: &AgendaPoint, ends: &[&str], fallback: &str) -> String {
    let t = title_of(a);
    let t = t.strip_suffix("仪式").unwrap_or(&t);
    if ends.iter().any(|e| t.ends_with(e)) && !t.contains("企业") {
        format!("{t}仪式")
    } else {
        fallback.to_owned()
    }
}

/// 协议签约: "会议举行了党建结对共建协议签约仪式，签署《党建结对共建协议书》12份。" (the
/// agreements printed for signing; none recorded: the ceremony alone).
fn signing_item(a: &AgendaPoint, agreements: &[AgreementFacts]) -> MinutesItem {
    let mut text = format!(
        "会议举行了{}",
        ceremony(a, &["签约", "签字"], "共建协议签约仪式")
    );
    if let Some(list) = agreements_sentence(agreements) {
        text.push_str(&format!("，签署{list}"));
    }
    text.push('。');
    item("签署共建协议", text)
}

/// 捐赠仪式: "会议举行了爱心捐赠仪式，3家爱心单位认捐资金8.14万元，……。" The title is not
/// repeated when it names the donors wrongly (爱心企业捐赠仪式 for a university's gift).
fn donation_item(a: &AgendaPoint, d: Option<&DonationFacts>) -> MinutesItem {
    let mut text = format!("会议举行了{}", ceremony(a, &["捐赠"], "爱心捐赠仪式"));
    if let Some(d) = d {
        text.push_str(&format!("，{}", donations_sentence(d)));
    }
    text.push('。');
    item("爱心捐赠", text)
}

/// 表彰颁奖: "会议表彰了2026年度优秀共建单位，区委组织部副部长林雅琴同志颁奖。", by the
/// title's form (为X颁奖 / X仪式 / X颁奖 / 表彰X / X表彰 / X).
fn award_item(a: &AgendaPoint) -> MinutesItem {
    let t = title_of(a);
    let by = who(&a.presenter);
    let text = if let Some(x) = t.strip_prefix('为').filter(|x| x.ends_with("颁奖")) {
        match &by {
            Some(b) => format!("{b}为{x}。"),
            None => format!("会议为{x}。"),
        }
    } else {
        let what = if t.ends_with("仪式") || t.ends_with("大会") {
            format!("会议举行了{t}")
        } else if t.ends_with("颁奖") {
            format!("会议举行了{t}仪式")
        } else if let Some(v) = ["表彰", "颁发", "授予"]
            .iter()
            .find_map(|v| t.starts_with(v).then(|| with_le(&t)).flatten())
        {
            format!("会议{v}")
        } else if let Some(x) = t.strip_suffix("表彰").filter(|x| !x.is_empty()) {
            format!("会议对{x}进行了表彰")
        } else {
            format!("会议表彰了{t}")
        };
        match &by {
            Some(b) => format!("{what}，{b}颁奖。"),
            None => format!("{what}。"),
        }
    };
    item(t, text)
}

/// 总结讲话: "街道党工委书记陈振华同志作总结讲话。"; without a presenter nothing (the usual
/// closing only ends the meeting).
fn closing_item(a: &AgendaPoint) -> Option<MinutesItem> {
    let b = who(&a.presenter)?;
    Some(item("总结讲话", format!("{b}作总结讲话。")))
}

/// 其他: a title that starts with a verb reads as what the meeting (or the presenter) did
/// ("会议研究讨论了有关事项。"); any other title as what the agenda held
/// ("会议安排了参观党建展厅，由海洋大学负责。"). The bare label 其他 says nothing.
fn other_item(a: &AgendaPoint) -> Option<MinutesItem> {
    let t = a.title.trim();
    if t.is_empty() || t == AgendaKind::Other.label() {
        return None;
    }
    let by = who(&a.presenter);
    let text = match (with_le(t), &by) {
        (Some(v), Some(b)) => format!("{b}{v}。"),
        (Some(v), None) => format!("会议{v}。"),
        (None, Some(b)) => format!("会议安排了{t}，由{b}负责。"),
        (None, None) => format!("会议安排了{t}。"),
    };
    Some(item(t, text))
}

// ---------------------------------------------------------------------------------------------
// One function per fact

/// "A" (one unit), "A、B等2家单位", "A、B、C等6家单位" (the first three named).
pub(crate) fn units_phrase(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{}等{n}家单位", names[..n.min(3)].join("、")),
    }
}

/// "海洋大学代表5家成员单位作交流发言", "A、B等2家单位代表7家成员单位作交流发言".
pub(crate) fn speeches_sentence(s: &SpeechFacts) -> String {
    match s.on_behalf {
        Some(m) => format!("{}代表{m}家成员单位作交流发言", units_phrase(&s.speakers)),
        None => format!("{}作交流发言", units_phrase(&s.speakers)),
    }
}

/// "《党建结对共建协议书》12份、《共驻共建责任书》3份"; `None` without agreements.
pub(crate) fn agreements_sentence(a: &[AgreementFacts]) -> Option<String> {
    let parts: Vec<String> = a
        .iter()
        .filter(|x| x.count > 0)
        .map(|x| {
            if x.title.trim().is_empty() {
                format!("共建协议{}份", x.count)
            } else {
                format!("《{}》{}份", x.title.trim(), x.count)
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("、"))
}

/// "3家爱心单位", "1名爱心人士", "2家爱心单位和1名爱心人士".
fn donors_phrase(d: Donors) -> String {
    match (d.units, d.persons) {
        (u, 0) => format!("{u}家爱心单位"),
        (0, p) => format!("{p}名爱心人士"),
        (u, p) => format!("{u}家爱心单位和{p}名爱心人士"),
    }
}

/// "3家爱心单位认捐资金8.14万元" and what has arrived: "，已全部到账" or "，其中已到账5万元".
fn cash_phrase(c: &CashFacts) -> String {
    let mut s = format!(
        "{}认捐资金{}",
        donors_phrase(c.donors),
        format_news_amount(c.pledged_fen)
    );
    if c.received_fen >= c.pledged_fen && c.received_fen > 0 {
        s.push_str("，已全部到账");
    } else if c.received_fen > 0 {
        s.push_str(&format!(
            "，其中已到账{}",
            format_news_amount(c.received_fen)
        ));
    }
    s
}

/// "1家爱心单位捐赠物资（棉被80床，折价2.4万元）": 捐赠 when every gift was delivered, 认捐
/// when none was yet, and how many arrived when some did; the value only as far as one was
/// given.
fn goods_phrase(g: &GoodsFacts) -> String {
    const SHOWN: usize = 3;
    let n = g.goods.len();
    let mut inner = g.goods[..n.min(SHOWN)].join("、");
    if n > SHOWN {
        inner.push_str(&format!("等{n}项"));
    }
    if g.value_fen > 0 {
        let value = format_news_amount(g.value_fen);
        if g.unvalued == 0 {
            inner.push_str(&format!("，折价{value}"));
        } else {
            inner.push_str(&format!("，已估价部分折价{value}"));
        }
    }
    let delivered = g.delivered as usize;
    let verb = if delivered >= n { "捐赠" } else { "认捐" };
    let mut s = format!("{}{verb}物资（{inner}）", donors_phrase(g.donors));
    if delivered > 0 && delivered < n {
        s.push_str(&format!("，其中{delivered}项已送达"));
    }
    s
}

/// "3家爱心单位认捐资金8.14万元，1家爱心单位捐赠物资（棉被80床，折价2.4万元）".
pub(crate) fn donations_sentence(d: &DonationFacts) -> String {
    let parts: Vec<String> = d
        .cash
        .iter()
        .map(cash_phrase)
        .chain(d.goods.iter().map(goods_phrase))
        .collect();
    parts.join("，")
}

/// "7家单位认领共建项目5个", "八大关小学认领了共建项目“四点半课堂”", "3家单位共同认领了共建
/// 项目“红色物业”". The names of several projects are [`project_names`].
pub(crate) fn projects_sentence(p: &ProjectFacts) -> String {
    let first = p.names.first().map(|n| quoted(n)).unwrap_or_default();
    let claimant = match p.claimants.as_slice() {
        [one] => one.clone(),
        _ => format!("{}家单位", p.units),
    };
    match (p.units, p.projects) {
        (1, 1) => format!("{claimant}认领了共建项目{first}"),
        (1, n) => format!("{claimant}认领共建项目{n}个"),
        (u, 1) => format!("{u}家单位共同认领了共建项目{first}"),
        (u, n) => format!("{u}家单位认领共建项目{n}个"),
    }
}

/// The claimed projects by name when there are several: “四点半课堂”“红色物业”, the first five
/// then 等; `None` for one project (the sentence names it) or none.
pub(crate) fn project_names(p: &ProjectFacts) -> Option<String> {
    const SHOWN: usize = 5;
    if p.projects < 2 {
        return None;
    }
    let names: Vec<String> = p
        .names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .take(SHOWN)
        .map(quoted)
        .collect();
    if names.is_empty() {
        return None;
    }
    let more = if p.names.len() > SHOWN { "等" } else { "" };
    Some(format!("{}{more}", names.concat()))
}

// ---------------------------------------------------------------------------------------------
// The items

/// One 议定事项 per substantive agenda item, in agenda order (the opening and the usual
/// closing are not items); speeches, agreements and donations that happened without their
/// own agenda item, and the claimed projects, are added after them.
pub fn draft_items(f: &Facts) -> Vec<MinutesItem> {
    let mut items = Vec::new();
    let mut speeches = f.speeches.as_ref();
    let mut agreements = f.agreements.as_slice();
    let mut donations = f.donations.as_ref();
    for a in &f.agenda {
        if let Some(it) = agenda_item(a, speeches, agreements, donations) {
            items.push(it);
        }
        match a.kind {
            AgendaKind::Speeches => speeches = None,
            AgendaKind::Signing => agreements = &[],
            AgendaKind::Donation => donations = None,
            _ => {}
        }
    }
    if let Some(s) = speeches {
        items.push(item("交流发言", format!("{}。", speeches_sentence(s))));
    }
    if let Some(s) = agreements_sentence(agreements) {
        items.push(item("签署共建协议", format!("会议签署了{s}。")));
    }
    if let Some(d) = donations {
        items.push(item("爱心捐赠", format!("{}。", donations_sentence(d))));
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

#[cfg(test)]
mod tests {
    // Amounts in fen are written yuan_fen (81_400_00 is ¥81,400.00), as in money.rs.
    #![allow(clippy::inconsistent_digit_grouping)]

    use super::*;

    fn point(kind: AgendaKind, title: &str, presenter: &str) -> AgendaPoint {
        AgendaPoint {
            kind,
            title: title.into(),
            presenter: presenter.into(),
        }
    }

    #[test]
    fn presenters_take_comrade_after_a_name_only() {
        for (raw, want) in [
            ("街道党工委书记 陈振华", Some("街道党工委书记陈振华同志")),
            ("王建国", Some("王建国同志")),
            ("区委组织部副部长林雅琴", Some("区委组织部副部长林雅琴同志")),
            ("王长江", Some("王长江同志")),
            ("张书记", Some("张书记")),
            ("街道党工委书记 张书记", Some("街道党工委书记张书记")),
            ("海洋大学", Some("海洋大学")),
            ("陈振华同志", Some("陈振华同志")),
            ("  ", None),
        ] {
            assert_eq!(who(raw).as_deref(), want, "{raw}");
        }
    }

    /// A report's sentence by the form of its title, with and without a presenter.
    #[test]
    fn report_titles_of_every_form() {
        for (title, presenter, want) in [
            (
                "通报年度区域化党建工作情况",
                "王建国",
                "会议听取了王建国同志关于年度区域化党建工作情况的通报。",
            ),
            (
                "通报年度区域化党建工作情况",
                "",
                "会议听取了关于年度区域化党建工作情况的通报。",
            ),
            (
                "街道党工委书记作年度工作报告",
                "街道党工委书记 陈振华",
                "会议听取了街道党工委书记陈振华同志所作的年度工作报告。",
            ),
            (
                "街道党工委书记作年度工作报告",
                "",
                "会议听取了街道党工委书记所作的年度工作报告。",
            ),
            (
                "2026年度区域化党建工作报告",
                "王建国",
                "会议听取了王建国同志所作的2026年度区域化党建工作报告。",
            ),
            (
                "共建项目进展情况",
                "",
                "会议听取了关于共建项目进展情况的报告。",
            ),
            ("", "王建国", "会议听取了王建国同志所作的工作报告。"),
        ] {
            let it = report_item(&point(AgendaKind::Report, title, presenter));
            assert_eq!(it.text, want, "{title} / {presenter}");
            assert!(!it.heading.is_empty());
        }
    }

    #[test]
    fn award_and_other_titles_of_every_form() {
        for (title, presenter, want) in [
            (
                "表彰2026年度优秀共建单位",
                "",
                "会议表彰了2026年度优秀共建单位。",
            ),
            (
                "优秀共建单位表彰",
                "区委组织部副部长 林雅琴",
                "会议对优秀共建单位进行了表彰，区委组织部副部长林雅琴同志颁奖。",
            ),
            ("为优秀共建单位颁奖", "", "会议为优秀共建单位颁奖。"),
            ("表彰颁奖", "", "会议举行了表彰颁奖仪式。"),
            (
                "2026年度优秀共建单位",
                "",
                "会议表彰了2026年度优秀共建单位。",
            ),
        ] {
            let it = award_item(&point(AgendaKind::Award, title, presenter));
            assert_eq!(it.text, want, "{title}");
        }
        for (title, presenter, want) in [
            ("研究讨论有关事项", "", Some("会议研究讨论了有关事项。")),
            (
                "介绍共建项目",
                "海洋大学 张三",
                Some("海洋大学张三同志介绍了共建项目。"),
            ),
            ("参观党建展厅", "", Some("会议参观了党建展厅。")),
            ("党建知识竞赛", "", Some("会议安排了党建知识竞赛。")),
            (
                "党建知识竞赛",
                "海洋大学",
                Some("会议安排了党建知识竞赛，由海洋大学负责。"),
            ),
            ("其他", "王建国", None),
        ] {
            let it = other_item(&point(AgendaKind::Other, title, presenter));
            assert_eq!(it.map(|i| i.text).as_deref(), want, "{title}");
        }
    }

    #[test]
    fn donations_name_donors_by_what_they_are_and_count_cash_and_goods_apart() {
        let d = DonationFacts {
            cash: Some(CashFacts {
                donors: Donors {
                    units: 2,
                    persons: 1,
                },
                pledged_fen: 81_400_00,
                received_fen: 0,
            }),
            goods: Some(GoodsFacts {
                donors: Donors {
                    units: 1,
                    persons: 0,
                },
                goods: vec!["棉被80床".into()],
                delivered: 1,
                value_fen: 24_000_00,
                unvalued: 0,
            }),
        };
        assert_eq!(
            donations_sentence(&d),
            "2家爱心单位和1名爱心人士认捐资金8.14万元，1家爱心单位捐赠物资（棉被80床，折价2.4万元）"
        );
        let d = DonationFacts {
            cash: Some(CashFacts {
                donors: Donors {
                    units: 1,
                    persons: 0,
                },
                pledged_fen: 50_000_00,
                received_fen: 20_000_00,
            }),
            goods: Some(GoodsFacts {
                donors: Donors {
                    units: 0,
                    persons: 2,
                },
                goods: vec![
                    "棉被80床".into(),
                    "大米500袋".into(),
                    "食用油100桶".into(),
                    "月饼200盒".into(),
                ],
                delivered: 1,
                value_fen: 1_000_00,
                unvalued: 2,
            }),
        };
        assert_eq!(
            donations_sentence(&d),
            "1家爱心单位认捐资金5万元，其中已到账2万元，2名爱心人士认捐物资（棉被80床、大米500袋、食用油100桶等4项，已估价部分折价1000元），其中1项已送达"
        );
    }
}
