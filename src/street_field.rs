//! The fields of the street's profile (街道信息) and how the form shows them. A leaf: it names
//! nothing else of the crate, so the error type can carry a [`StreetField`] (in
//! `FixTarget::Street`) without depending on the street module. Re-exported from `street`,
//! where callers name these.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One field of the profile; what a message names and where the form puts the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StreetField {
    Name,
    ShortName,
    PartyOrg,
    Leader,
    Contact,
    Phone,
    Address,
    MeetingName,
    NumberPrefix,
    Issuer,
}

/// How the form shows a field: its label, an example, whether saving needs it, and a hint.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldSpec {
    pub field: StreetField,
    pub label: &'static str,
    pub example: &'static str,
    /// Saving is refused without it.
    pub required: bool,
    /// Shown in the short first-start form.
    pub essential: bool,
    /// Documents need it: while empty, the app says so (a derived field is never missing).
    pub needed: bool,
    pub hint: &'static str,
}

/// The fields in the order of the form. The one place their labels live.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        field: StreetField::Name,
        label: "街道全称",
        example: "八大关街道办事处",
        required: true,
        essential: true,
        needed: true,
        hint: "",
    },
    FieldSpec {
        field: StreetField::ShortName,
        label: "简称",
        example: "八大关街道",
        required: false,
        essential: true,
        needed: false,
        hint: "不填时由全称去掉“办事处”得出。",
    },
    FieldSpec {
        field: StreetField::PartyOrg,
        label: "党组织全称",
        example: "中共八大关街道工作委员会",
        required: false,
        essential: true,
        needed: true,
        hint: "邀请函落款、以街道为甲方的共建协议都用它。",
    },
    FieldSpec {
        field: StreetField::Leader,
        label: "书记/负责人",
        example: "",
        required: false,
        essential: true,
        needed: true,
        hint: "共建协议中街道一方的负责人。",
    },
    FieldSpec {
        field: StreetField::Contact,
        label: "联系人",
        example: "",
        required: false,
        essential: true,
        needed: true,
        hint: "",
    },
    FieldSpec {
        field: StreetField::Phone,
        label: "电话",
        example: "0532-82860001",
        required: false,
        essential: true,
        needed: true,
        hint: "",
    },
    FieldSpec {
        field: StreetField::Address,
        label: "地址",
        example: "",
        required: false,
        essential: false,
        needed: false,
        hint: "",
    },
    FieldSpec {
        field: StreetField::MeetingName,
        label: "联席会名称",
        example: "八大关街道“六联共建”联席会",
        required: false,
        essential: false,
        needed: false,
        hint: "会议纪要的标题用它；不填时为“简称 + 区域化党建联席会”。",
    },
    FieldSpec {
        field: StreetField::NumberPrefix,
        label: "协议编号前缀",
        example: "八大关共建",
        required: false,
        essential: false,
        needed: false,
        hint: "不填时由简称得出，如“八大关共建〔2026〕第001号”。",
    },
    FieldSpec {
        field: StreetField::Issuer,
        label: "印发机关",
        example: "八大关街道党工委办公室",
        required: false,
        essential: false,
        needed: false,
        hint: "会议纪要、感谢信等的落款；不填时用党组织全称。",
    },
];

impl StreetField {
    /// The stable code (as serialised), e.g. `party_org`.
    pub fn code(self) -> &'static str {
        match self {
            StreetField::Name => "name",
            StreetField::ShortName => "short_name",
            StreetField::PartyOrg => "party_org",
            StreetField::Leader => "leader",
            StreetField::Contact => "contact",
            StreetField::Phone => "phone",
            StreetField::Address => "address",
            StreetField::MeetingName => "meeting_name",
            StreetField::NumberPrefix => "number_prefix",
            StreetField::Issuer => "issuer",
        }
    }

    /// The label shown to the user (街道全称, 党组织全称, …).
    pub fn label(self) -> &'static str {
        FIELDS
            .iter()
            .find(|s| s.field == self)
            .map(|s| s.label)
            .unwrap_or("街道信息")
    }
}
