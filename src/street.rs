//! The street's own profile (街道信息): its names, party organisation, leader and contacts, the
//! joint meeting's name, the agreement number prefix and the issuing office. One typed row,
//! edited in 设置 and on first start; every document and message that names the street reads
//! it from here.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::now;
use crate::error::{Error, FixTarget, Result};
use crate::text::{clean_name, clean_text};

pub use crate::street_field::{FieldSpec, StreetField, FIELDS};

/// The street's profile. Empty strings are fields not filled in yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StreetProfile {
    /// 街道全称: 八大关街道办事处.
    pub name: String,
    /// 简称: 八大关街道.
    pub short_name: String,
    /// 党组织全称: 中共八大关街道工作委员会.
    pub party_org: String,
    /// 书记/负责人.
    pub leader: String,
    pub contact: String,
    pub phone: String,
    pub address: String,
    /// 联席会名称: 八大关街道“六联共建”联席会.
    pub meeting_name: String,
    /// 协议编号前缀 as typed; empty means derived (see [`StreetProfile::number_prefix`]).
    pub number_prefix: String,
    /// 印发机关 of minutes and letters.
    pub issuer: String,
}

impl StreetProfile {
    /// The value of one field as stored.
    pub fn value(&self, field: StreetField) -> &str {
        match field {
            StreetField::Name => &self.name,
            StreetField::ShortName => &self.short_name,
            StreetField::PartyOrg => &self.party_org,
            StreetField::Leader => &self.leader,
            StreetField::Contact => &self.contact,
            StreetField::Phone => &self.phone,
            StreetField::Address => &self.address,
            StreetField::MeetingName => &self.meeting_name,
            StreetField::NumberPrefix => &self.number_prefix,
            StreetField::Issuer => &self.issuer,
        }
    }

    /// Sets one field as typed (an empty value clears it); [`save`] checks it.
    pub fn set(&mut self, field: StreetField, value: impl Into<String>) {
        let slot = match field {
            StreetField::Name => &mut self.name,
            StreetField::ShortName => &mut self.short_name,
            StreetField::PartyOrg => &mut self.party_org,
            StreetField::Leader => &mut self.leader,
            StreetField::Contact => &mut self.contact,
            StreetField::Phone => &mut self.phone,
            StreetField::Address => &mut self.address,
            StreetField::MeetingName => &mut self.meeting_name,
            StreetField::NumberPrefix => &mut self.number_prefix,
            StreetField::Issuer => &mut self.issuer,
        };
        *slot = value.into();
    }

    /// The short name as used in text: the one typed, else the full name without 办事处.
    pub fn short(&self) -> String {
        if !self.short_name.trim().is_empty() {
            return self.short_name.trim().to_string();
        }
        let n = self.name.trim();
        n.strip_suffix("办事处").unwrap_or(n).to_string()
    }

    /// The agreement number prefix: the one typed, else `{street's bare name}共建`
    /// (八大关街道 → 八大关共建). Empty when the street has no name yet.
    pub fn number_prefix(&self) -> String {
        if !self.number_prefix.trim().is_empty() {
            return self.number_prefix.trim().to_string();
        }
        let bare = bare_name(&self.short());
        if bare.is_empty() {
            String::new()
        } else {
            format!("{bare}共建")
        }
    }

    /// The joint meeting's name: the one typed, else 八大关街道区域化党建联席会.
    pub fn meeting_name(&self) -> String {
        if !self.meeting_name.trim().is_empty() {
            return self.meeting_name.trim().to_string();
        }
        let short = self.short();
        if short.is_empty() {
            String::new()
        } else {
            format!("{short}区域化党建联席会")
        }
    }

    /// The issuing office: the one typed, else the party organisation.
    pub fn issuer(&self) -> String {
        if self.issuer.trim().is_empty() {
            self.party_org.trim().to_string()
        } else {
            self.issuer.trim().to_string()
        }
    }

    /// Where replies to an invitation go, in the street's own words: the office typed as
    /// 印发机关 (八大关街道党工委办公室), else the street's short name (八大关街道), else
    /// `host`, the invitation's signer.
    pub fn reply_office(&self, host: &str) -> String {
        [self.issuer.trim(), &self.short(), host.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_string()
    }

    /// The value documents use for `field`: the one typed, else the derived one (简称,
    /// 联席会名称, 协议编号前缀, 印发机关 have one); empty when there is neither.
    pub fn value_in_use(&self, field: StreetField) -> String {
        match field {
            StreetField::ShortName => self.short(),
            StreetField::MeetingName => self.meeting_name(),
            StreetField::NumberPrefix => self.number_prefix(),
            StreetField::Issuer => self.issuer(),
            _ => self.value(field).trim().to_string(),
        }
    }

    /// The profile as documents use it: every field by [`StreetProfile::value_in_use`].
    pub fn in_use(&self) -> StreetProfile {
        let mut p = StreetProfile::default();
        for spec in FIELDS {
            p.set(spec.field, self.value_in_use(spec.field));
        }
        p
    }

    /// The needed fields not filled in yet, in form order.
    pub fn missing(&self) -> Vec<StreetField> {
        FIELDS
            .iter()
            .filter(|s| s.needed && self.value(s.field).trim().is_empty())
            .map(|s| s.field)
            .collect()
    }

    /// The error for `field` missing while doing `purpose` (e.g. "打印邀请函").
    pub fn missing_error(field: StreetField, purpose: &str) -> Error {
        Error::MissingInfo {
            message: format!(
                "{purpose}需要街道的“{}”，请先在“设置 → 街道信息”中填写。",
                field.label()
            ),
            fix: FixTarget::Street { field },
        }
    }

    /// The profile, or an error naming the first of `fields` that is empty.
    pub fn require(&self, fields: &[StreetField], purpose: &str) -> Result<&Self> {
        match fields.iter().find(|f| self.value(**f).trim().is_empty()) {
            Some(f) => Err(Self::missing_error(*f, purpose)),
            None => Ok(self),
        }
    }
}

/// 八大关街道办事处 / 八大关街道 / 海棠街道（示例） → 八大关 / 海棠.
pub fn bare_name(street: &str) -> String {
    let mut s = street.trim();
    for suffix in ["（示例）", "(示例)"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    for suffix in ["街道办事处", "办事处", "街道"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    s.to_string()
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<StreetProfile> {
    Ok(StreetProfile {
        name: r.get("name")?,
        short_name: r.get("short_name")?,
        party_org: r.get("party_org")?,
        leader: r.get("leader")?,
        contact: r.get("contact")?,
        phone: r.get("phone")?,
        address: r.get("address")?,
        meeting_name: r.get("meeting_name")?,
        number_prefix: r.get("number_prefix")?,
        issuer: r.get("issuer")?,
    })
}

/// The profile (all empty before it is first filled in).
pub fn get(conn: &Connection) -> Result<StreetProfile> {
    Ok(conn
        .query_row("SELECT * FROM street_profile WHERE id = 1", [], from_row)
        .optional()?
        .unwrap_or_default())
}

/// Checks and tidies a profile as saving would: names are cleaned, the phone must look like a
/// phone number, the prefix may not hold characters that break the number.
pub fn validate(p: &StreetProfile) -> Result<StreetProfile> {
    let v = StreetProfile {
        name: clean_name(&p.name),
        short_name: clean_name(&p.short_name),
        party_org: clean_name(&p.party_org),
        leader: clean_name(&p.leader),
        contact: clean_name(&p.contact),
        phone: clean_text(&p.phone).replace(' ', ""),
        address: clean_text(&p.address),
        meeting_name: clean_name(&p.meeting_name),
        number_prefix: clean_name(&p.number_prefix),
        issuer: clean_name(&p.issuer),
    };
    let invalid = |field: StreetField, message: String| Error::invalid(field.code(), message);
    if v.name.is_empty() {
        return Err(invalid(
            StreetField::Name,
            "请填写街道全称，如“八大关街道办事处”。".into(),
        ));
    }
    for spec in FIELDS {
        if v.value(spec.field).chars().count() > 60 {
            return Err(invalid(
                spec.field,
                format!("“{}”太长了（最多 60 个字）。", spec.label),
            ));
        }
    }
    if !v.phone.is_empty() {
        crate::phone::validate(&v.phone).map_err(|m| invalid(StreetField::Phone, m))?;
    }
    if v.number_prefix
        .chars()
        .any(|c| "〔〕[]【】第号".contains(c))
    {
        return Err(invalid(
            StreetField::NumberPrefix,
            "协议编号前缀只写前面的文字（如“八大关共建”），年份和“第…号”由软件加上。".into(),
        ));
    }
    Ok(v)
}

/// Saves the profile after [`validate`]; returns it as stored.
pub fn save(conn: &Connection, p: &StreetProfile) -> Result<StreetProfile> {
    let v = validate(p)?;
    conn.execute(
        "INSERT INTO street_profile (id, name, short_name, party_org, leader, contact, phone,
            address, meeting_name, number_prefix, issuer, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
            party_org = excluded.party_org, leader = excluded.leader,
            contact = excluded.contact, phone = excluded.phone, address = excluded.address,
            meeting_name = excluded.meeting_name, number_prefix = excluded.number_prefix,
            issuer = excluded.issuer, updated_at = excluded.updated_at",
        params![
            v.name,
            v.short_name,
            v.party_org,
            v.leader,
            v.contact,
            v.phone,
            v.address,
            v.meeting_name,
            v.number_prefix,
            v.issuer,
            now()
        ],
    )?;
    get(conn)
}

/// Whether the street has been named (the app is set up for a real street, or the demo).
pub fn is_named(conn: &Connection) -> Result<bool> {
    Ok(!get(conn)?.name.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, short: &str) -> StreetProfile {
        StreetProfile {
            name: name.into(),
            short_name: short.into(),
            ..Default::default()
        }
    }

    #[test]
    fn derived_names() {
        for (name, short, want_short, want_prefix, want_meeting) in [
            (
                "八大关街道办事处",
                "",
                "八大关街道",
                "八大关共建",
                "八大关街道区域化党建联席会",
            ),
            (
                "八大关街道办事处",
                "八大关街道",
                "八大关街道",
                "八大关共建",
                "八大关街道区域化党建联席会",
            ),
            (
                "海棠街道（示例）",
                "海棠街道",
                "海棠街道",
                "海棠共建",
                "海棠街道区域化党建联席会",
            ),
            ("", "", "", "", ""),
        ] {
            let p = named(name, short);
            assert_eq!(p.short(), want_short, "{name}");
            assert_eq!(p.number_prefix(), want_prefix, "{name}");
            assert_eq!(p.meeting_name(), want_meeting, "{name}");
        }
        let mut p = named("八大关街道办事处", "");
        p.number_prefix = "八街共建".into();
        assert_eq!(p.number_prefix(), "八街共建");
        p.party_org = "中共八大关街道工作委员会".into();
        assert_eq!(p.issuer(), "中共八大关街道工作委员会");
        p.issuer = "八大关街道党工委办公室".into();
        assert_eq!(p.issuer(), "八大关街道党工委办公室");
    }

    #[test]
    fn set_writes_the_field_value_reads() {
        let mut p = StreetProfile::default();
        for (i, spec) in FIELDS.iter().enumerate() {
            p.set(spec.field, format!("值{i}"));
        }
        for (i, spec) in FIELDS.iter().enumerate() {
            assert_eq!(p.value(spec.field), format!("值{i}"), "{:?}", spec.field);
        }
        p.set(StreetField::Leader, "");
        assert_eq!(p.leader, "");
    }

    #[test]
    fn in_use_fills_the_derived_fields_only() {
        let mut p = named("八大关街道办事处", "");
        p.party_org = "中共八大关街道工作委员会".into();
        let u = p.in_use();
        assert_eq!(u.name, "八大关街道办事处");
        assert_eq!(u.short_name, "八大关街道");
        assert_eq!(u.number_prefix, "八大关共建");
        assert_eq!(u.meeting_name, "八大关街道区域化党建联席会");
        assert_eq!(u.issuer, "中共八大关街道工作委员会");
        assert_eq!(u.leader, "");
        assert_eq!(u.address, "");
        p.number_prefix = "八街共建".into();
        assert_eq!(p.value_in_use(StreetField::NumberPrefix), "八街共建");
        assert_eq!(StreetProfile::default().in_use(), StreetProfile::default());
    }

    #[test]
    fn saves_one_row_and_validates() {
        let conn = crate::db::open_in_memory().unwrap();
        assert_eq!(get(&conn).unwrap(), StreetProfile::default());
        assert!(!is_named(&conn).unwrap());
        let err = save(&conn, &StreetProfile::default()).unwrap_err();
        assert_eq!(err.kind(), "invalid");
        assert!(err.to_string().contains("街道全称"));
        let mut p = named(" 八大关街道办事处 ", "");
        p.phone = "12".into();
        assert!(save(&conn, &p).unwrap_err().to_string().contains("电话"));
        p.phone = "0532-82860001".into();
        p.number_prefix = "八大关共建〔2026〕".into();
        assert!(save(&conn, &p).unwrap_err().to_string().contains("前缀"));
        p.number_prefix.clear();
        let saved = save(&conn, &p).unwrap();
        assert_eq!(saved.name, "八大关街道办事处");
        p.leader = "王书记".into();
        save(&conn, &p).unwrap();
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM street_profile", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        assert_eq!(get(&conn).unwrap().leader, "王书记");
        assert!(get(&conn)
            .unwrap()
            .missing()
            .contains(&StreetField::PartyOrg));
    }

    #[test]
    fn a_missing_field_names_itself_and_where_to_fill_it() {
        let p = named("八大关街道办事处", "");
        let err = p
            .require(&[StreetField::Name, StreetField::PartyOrg], "打印邀请函")
            .unwrap_err();
        assert_eq!(err.kind(), "missing_info");
        assert_eq!(
            err.to_string(),
            "打印邀请函需要街道的“党组织全称”，请先在“设置 → 街道信息”中填写。"
        );
        assert_eq!(
            err.fix(),
            Some(&FixTarget::Street {
                field: StreetField::PartyOrg
            })
        );
    }
}
