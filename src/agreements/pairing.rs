//! Pairing: which pairs a batch starts from, and what each pair lacks before agreements are
//! made of it (with where the user fills it in).

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::store::{
    list, numbering_year, resolve, template_id, AgreementOptions, AgreementStatus, PairSpec, Party,
    PartyKind, PartyRef,
};
use super::templates;
use crate::error::{Error, FixTarget, Result};
use crate::street::StreetField;
use crate::units::{self, UnitStatus};

/// Pairs for a batch: the street with every active unit that joined in `from_year` or later.
pub fn street_with_units_joined_since(conn: &Connection, from_year: i32) -> Result<Vec<PairSpec>> {
    Ok(units::list(conn)?
        .into_iter()
        .filter(|u| u.status == UnitStatus::Active)
        .filter(|u| {
            u.joined_on
                .as_deref()
                .and_then(|d| d.get(..4))
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| y >= from_year)
        })
        .map(|u| PairSpec {
            party_a: PartyRef::street(),
            party_b: PartyRef::unit(u.id),
        })
        .collect())
}

/// Where a party's details are filled in.
pub fn party_fix(p: &Party, field: &str) -> FixTarget {
    match (p.kind, p.community_id, p.unit_id) {
        (PartyKind::Community, Some(id), _) => FixTarget::Community { id },
        (PartyKind::Unit, _, Some(id)) => FixTarget::Unit { id },
        _ => FixTarget::Street {
            field: match field {
                "负责人" => StreetField::Leader,
                "联系人" => StreetField::Contact,
                "电话" => StreetField::Phone,
                _ => StreetField::PartyOrg,
            },
        },
    }
}

/// What a party's detail is called where it is filled in: a community's or a unit's 负责人 is
/// its 书记; the street's is its 书记/负责人.
pub(super) fn field_label(kind: PartyKind, field: &str) -> &str {
    match (kind, field) {
        (PartyKind::Street, "负责人") => StreetField::Leader.label(),
        (PartyKind::Street, "名称") => StreetField::PartyOrg.label(),
        (_, "负责人") => "书记",
        (_, "名称") => "党组织名称",
        _ => field,
    }
}

/// The screen where a party's details are kept.
pub fn party_screen(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Street => "“设置 → 街道信息”",
        PartyKind::Community => "“社区与分会”",
        PartyKind::Unit => "“成员单位”",
    }
}

/// Where a party's missing details (e.g. ["负责人", "电话"]) are filled in, for messages:
/// 请在“社区与分会”中补全该社区的书记、电话.
pub fn party_place(p: &Party, fields: &[&str]) -> String {
    let labels: Vec<&str> = fields.iter().map(|f| field_label(p.kind, f)).collect();
    match p.kind {
        PartyKind::Street => format!("请在“设置 → 街道信息”中填写“{}”", labels.join("”“")),
        PartyKind::Community => format!("请在“社区与分会”中补全该社区的{}", labels.join("、")),
        PartyKind::Unit => format!("请在“成员单位”中补全该单位的{}", labels.join("、")),
    }
}

/// A warning about one pair before agreements are made of it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PairWarning {
    pub message: String,
    /// Where to fill in what is missing.
    pub fix: Option<FixTarget>,
    /// Printing will be refused until this is resolved (making the draft is still allowed).
    pub blocks_printing: bool,
}

/// What stands in the way of each pair (same order as `pairs`): details the template prints
/// but the roster lacks, a pair repeated in the batch, a pair that already has an agreement
/// in the year, a unit that has left.
pub fn check_pairs(
    conn: &Connection,
    pairs: &[PairSpec],
    options: &AgreementOptions,
) -> Result<Vec<Vec<PairWarning>>> {
    let template_id = template_id(conn, options)?;
    let used = templates::get(conn, template_id)?.body.placeholders_used();
    let year = numbering_year(conn, options)?;
    let existing = list(conn, None)?;
    let same = |x: &Party, r: &PartyRef| {
        x.kind == r.kind
            && match r.kind {
                PartyKind::Street => true,
                PartyKind::Community => x.community_id == r.id,
                PartyKind::Unit => x.unit_id == r.id,
            }
    };
    let mut out = Vec::with_capacity(pairs.len());
    for (i, pair) in pairs.iter().enumerate() {
        let mut w = Vec::new();
        for (side, r) in [("甲方", &pair.party_a), ("乙方", &pair.party_b)] {
            match resolve(conn, r, side) {
                Ok(p) => {
                    let missing: Vec<&str> = [
                        ("负责人", &p.leader),
                        ("联系人", &p.contact),
                        ("电话", &p.phone),
                    ]
                    .into_iter()
                    .filter(|(f, v)| used.contains(&format!("{side}{f}")) && v.trim().is_empty())
                    .map(|(f, _)| f)
                    .collect();
                    if let Some(first) = missing.first() {
                        let labels: Vec<&str> =
                            missing.iter().map(|f| field_label(p.kind, f)).collect();
                        w.push(PairWarning {
                            message: format!(
                                "{side}“{}”缺{}，请在{}中补全。",
                                p.name,
                                labels.join("、"),
                                party_screen(p.kind)
                            ),
                            fix: Some(party_fix(&p, first)),
                            blocks_printing: true,
                        });
                    }
                }
                Err(Error::MissingInfo { message, fix }) => w.push(PairWarning {
                    message,
                    fix: Some(fix),
                    blocks_printing: true,
                }),
                Err(e @ (Error::Conflict(_) | Error::NotFound { .. } | Error::Invalid { .. })) => w
                    .push(PairWarning {
                        message: e.to_string(),
                        fix: None,
                        blocks_printing: true,
                    }),
                Err(e) => return Err(e),
            }
        }
        if let Some(j) = pairs[..i].iter().position(|p| p == pair) {
            w.push(PairWarning {
                message: format!("与第 {} 行重复。", j + 1),
                fix: None,
                blocks_printing: false,
            });
        }
        if let Some(a) = existing.iter().find(|a| {
            a.year == year
                && a.status != AgreementStatus::Void
                && same(&a.party_a, &pair.party_a)
                && same(&a.party_b, &pair.party_b)
        }) {
            w.push(PairWarning {
                message: format!(
                    "{year} 年已有这两方的协议（{}，{}）。",
                    if a.number.is_empty() {
                        "尚未编号"
                    } else {
                        &a.number
                    },
                    a.status.label()
                ),
                fix: None,
                blocks_printing: false,
            });
        }
        out.push(w);
    }
    Ok(out)
}
