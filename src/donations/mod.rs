//! Donations (捐赠): who gave what — cash pledged (认捐) and received (到账) in one or more
//! receipts, or goods with an optional fair value — the totals in figures and 大写, and the
//! papers (register, thank-you letters, honour certificates). A street office may not issue
//! official donation receipts (财综〔2024〕1号), so nothing here is ever titled 收据/票据/发票.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

pub mod import;
pub mod print;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::fields::record_fields;
use crate::labelled::date_column as date_col;
use crate::meetings::labelled;
use crate::money::{format_yuan, rmb_upper};
use crate::text::{clean_text, trimmed};
use import::DonationField;

pub use store::{
    add, for_meeting, get, list, load_demo, receive, set_printed, totals, update, withdraw, Printed,
};

labelled! {
    /// 捐赠方式: money or goods.
    DonationKind {
        Cash = "cash" / "现金",
        InKind = "in_kind" / "物资",
    }
}

labelled! {
    /// Where a donation stands, derived from its amounts (never stored).
    DonationStatus {
        Pledged = "pledged" / "认捐",
        Partial = "partial" / "部分到账",
        Received = "received" / "已到账",
        Withdrawn = "withdrawn" / "撤回",
    }
}

labelled! {
    /// 到账方式.
    ReceiptMethod {
        Transfer = "transfer" / "转账",
        Cheque = "cheque" / "支票",
        Cash = "cash" / "现金",
    }
}

labelled! {
    /// 估价依据 of goods' fair value.
    ValuationBasis {
        DeliveryNote = "delivery_note" / "出货单",
        Invoice = "invoice" / "发票",
        MarketPrice = "market_price" / "市场价",
    }
}

/// One receipt (到账) against a cash donation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Receipt {
    pub id: i64,
    pub amount_fen: i64,
    pub received_on: NaiveDate,
    pub method: ReceiptMethod,
    pub notes: String,
}

/// What the user enters for a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceiptInput {
    pub amount_fen: i64,
    pub received_on: NaiveDate,
    pub method: ReceiptMethod,
    #[serde(default)]
    pub notes: String,
}

/// A donation's fields, declared once, in the order of the TypeScript types: the record and
/// its input (`crate::db::fields::record_fields!`, here) and the import's fields
/// (`field_enum!`, in `import.rs`). A plain text field is one `text` line (and a migration).
macro_rules! donation_fields {
    ($then:ident { $($head:tt)* }) => {
        $then! {
            read(r), import(DonationField);
            $($head)*
            record id: i64;
            both meeting_id: Option<i64>;
            record meeting_title: Option<String>;
            /// The member unit, when the donor is one.
            record unit_id: Option<i64>;
            input unit_id: Option<i64>;
            record donor_name: String;
            /// The donor's name; for a member unit, empty takes the unit's name.
            input donor_name: String;
            column Donor = "捐赠方" [
                "捐赠单位", "捐赠人", "捐赠单位(个人)", "捐赠单位或个人", "捐赠者", "单位名称", "单位"
            ];
            /// 统一社会信用代码 (optional).
            record credit_code: String;
            input credit_code: String;
            column CreditCode = "统一社会信用代码" ["信用代码"];
            record kind: DonationKind;
            input kind: DonationKind = DonationKind::Cash;
            column Kind = "捐赠方式" ["方式", "捐赠类型"];
            record year: i32;
            /// Defaults to the meeting's year, else the pledge date's, else this year.
            input year: Option<i32>;
            both pledged_fen: i64;
            column Pledged = "认捐金额" ["捐赠金额", "金额"];
            record pledged_on: Option<NaiveDate> = date_col(r, "pledged_on")?;
            input pledged_on: Option<NaiveDate>;
            column PledgedOn = "认捐日期" ["认捐时间", "捐赠日期"];
            /// The sum of the receipts.
            record received_fen: i64 = 0;
            column Received = "到账金额" ["实际到账", "已到账金额", "实收金额"];
            /// The latest receipt's date.
            record received_on: Option<NaiveDate> = None;
            column ReceivedOn = "到账日期" ["到账时间"];
            column Method = "到账方式" ["付款方式"];
            record receipts: Vec<Receipt> = Vec::new();
            text item_name => clean_text, Item = "物资名称" ["物资", "捐赠物资"];
            text item_spec => clean_text, Spec = "规格" ["规格型号"];
            both quantity: String;
            column Quantity = "数量" [];
            text quantity_unit => clean_text, QuantityUnit = "计量单位" [];
            both estimated_value_fen: Option<i64>;
            column Value = "折价金额" ["折价", "物资折价"];
            record valuation_basis: Option<ValuationBasis> = r
                .get::<_, Option<String>>("valuation_basis")?
                .as_deref()
                .and_then(ValuationBasis::from_code);
            input valuation_basis: Option<ValuationBasis>;
            column Basis = "估价依据" [];
            record delivered_on: Option<NaiveDate> = date_col(r, "delivered_on")?;
            input delivered_on: Option<NaiveDate>;
            /// 定向用途.
            text purpose => clean_text, Purpose = "定向用途" ["用途", "捐赠用途"];
            /// 经办人.
            text handler => clean_text, Handler = "经办人" [];
            text notes => trimmed, Notes = "备注" [];
            /// Who issued an official receipt, if recorded (printed as 由××开具).
            text receipt_issuer => clean_text;
            record withdrawn_on: Option<NaiveDate> = date_col(r, "withdrawn_on")?;
            record withdraw_reason: String;
            record status: DonationStatus = DonationStatus::Pledged;
            record letter_printed: bool = r.get::<_, Option<String>>("letter_printed_at")?.is_some();
            record certificate_printed: bool =
                r.get::<_, Option<String>>("certificate_printed_at")?.is_some();
            record source_row: Option<i64>;
            record import_batch_id: Option<i64>;
            /// The amounts and the goods as the screens show them (¥50,000.00; 中秋月饼200盒).
            record pledged_figures: String = String::new();
            record received_figures: String = String::new();
            /// Empty for goods without a fair value.
            record value_figures: String = String::new();
            record goods_text: String = String::new();
            /// 序号: recognised, never imported.
            column Index = "序号" ["序", "No."];
        }
    };
}
pub(crate) use donation_fields;

donation_fields!(record_fields {
    /// A donation as shown and printed.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    pub struct Donation;
    /// What the user enters to add or edit a donation (receipts are recorded separately).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(default)]
    pub struct DonationInput;
});

impl Donation {
    /// The goods as one phrase: 月饼（双黄莲蓉）200盒; empty for cash.
    pub fn goods(&self) -> String {
        if self.kind != DonationKind::InKind {
            return String::new();
        }
        goods_phrase(
            &self.item_name,
            &self.item_spec,
            &self.quantity,
            &self.quantity_unit,
        )
    }

    /// Given by a private person (爱心人士, 您 in a letter) rather than an organisation: not a
    /// member unit, no 统一社会信用代码, and a name that reads as a person's
    /// ([`crate::text::looks_like_personal_name`]). The data keeps no such flag; this is the
    /// one rule the letters and the drafted 纪要 and 信息稿 go by.
    pub fn from_person(&self) -> bool {
        self.unit_id.is_none()
            && self.credit_code.trim().is_empty()
            && crate::text::looks_like_personal_name(&self.donor_name)
    }

    /// The amount that counts as pledged: a withdrawn pledge counts only what arrived.
    pub fn effective_pledged_fen(&self) -> i64 {
        if self.withdrawn_on.is_some() {
            self.received_fen
        } else {
            self.pledged_fen
        }
    }
}

/// Goods as one phrase: 月饼（双黄莲蓉）200盒.
pub fn goods_phrase(name: &str, spec: &str, quantity: &str, unit: &str) -> String {
    let spec = if spec.is_empty() {
        String::new()
    } else {
        format!("（{spec}）")
    };
    format!("{name}{spec}{quantity}{unit}")
}

/// The status of a donation from its amounts.
pub fn derive_status(
    kind: DonationKind,
    pledged_fen: i64,
    received_fen: i64,
    delivered: bool,
    withdrawn: bool,
) -> DonationStatus {
    if withdrawn {
        return DonationStatus::Withdrawn;
    }
    match kind {
        DonationKind::InKind if delivered => DonationStatus::Received,
        DonationKind::InKind => DonationStatus::Pledged,
        DonationKind::Cash if received_fen == 0 => DonationStatus::Pledged,
        DonationKind::Cash if received_fen < pledged_fen => DonationStatus::Partial,
        DonationKind::Cash => DonationStatus::Received,
    }
}

/// Which donations a list or a print covers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DonationFilter {
    pub meeting_id: Option<i64>,
    pub year: Option<i32>,
    pub kind: Option<DonationKind>,
    pub status: Option<DonationStatus>,
    /// Part of the donor's name, the goods, the purpose or the notes.
    pub text: String,
    /// Only these donations (all when empty).
    pub ids: Vec<i64>,
}

/// The totals bar and the register's totals block, in fen and in 大写.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct DonationTotals {
    pub count: u32,
    /// 认捐合计 (cash; a withdrawn pledge counts only what arrived).
    pub cash_pledged_fen: i64,
    pub cash_pledged_figures: String,
    pub cash_pledged_upper: String,
    /// 到账合计.
    pub cash_received_fen: i64,
    pub cash_received_figures: String,
    pub cash_received_upper: String,
    /// 未到账.
    pub cash_outstanding_fen: i64,
    pub cash_outstanding_figures: String,
    pub cash_outstanding_upper: String,
    /// 物资折价合计 (goods without a fair value add nothing).
    pub in_kind_value_fen: i64,
    pub in_kind_value_figures: String,
    pub in_kind_value_upper: String,
    /// Goods recorded without a fair value.
    pub in_kind_unvalued: u32,
}

impl DonationTotals {
    /// Sums `list`.
    pub fn of(list: &[Donation]) -> DonationTotals {
        let mut t = DonationTotals {
            count: u32::try_from(list.len()).unwrap_or(u32::MAX),
            ..DonationTotals::default()
        };
        for d in list {
            match d.kind {
                DonationKind::Cash => {
                    t.cash_pledged_fen += d.effective_pledged_fen();
                    t.cash_received_fen += d.received_fen;
                }
                DonationKind::InKind if d.withdrawn_on.is_none() => match d.estimated_value_fen {
                    Some(v) => t.in_kind_value_fen += v,
                    None => t.in_kind_unvalued += 1,
                },
                DonationKind::InKind => {}
            }
        }
        t.cash_outstanding_fen = (t.cash_pledged_fen - t.cash_received_fen).max(0);
        let upper = |fen: i64| rmb_upper(fen).unwrap_or_else(|_| format_yuan(fen));
        t.cash_pledged_figures = format_yuan(t.cash_pledged_fen);
        t.cash_received_figures = format_yuan(t.cash_received_fen);
        t.cash_outstanding_figures = format_yuan(t.cash_outstanding_fen);
        t.in_kind_value_figures = format_yuan(t.in_kind_value_fen);
        t.cash_pledged_upper = upper(t.cash_pledged_fen);
        t.cash_received_upper = upper(t.cash_received_fen);
        t.cash_outstanding_upper = upper(t.cash_outstanding_fen);
        t.in_kind_value_upper = upper(t.in_kind_value_fen);
        t
    }
}

/// A list with its totals (the CLI's `donation list --json`, the screen's list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationList {
    pub donations: Vec<Donation>,
    pub totals: DonationTotals,
}

/// The labels the screens offer (kinds, statuses, methods, valuation bases).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationLabels {
    pub kinds: Vec<DonationKind>,
    pub statuses: Vec<DonationStatus>,
    pub methods: Vec<ReceiptMethod>,
    pub valuation_bases: Vec<ValuationBasis>,
    /// The papers the screen prints, with their names.
    pub papers: Vec<print::PaperLabel>,
    /// How the letters and certificates are dated ([`print::LETTER_DATE_RULE`]).
    pub letter_date_rule: String,
}

/// Every label, in display order.
pub fn labels() -> DonationLabels {
    DonationLabels {
        kinds: DonationKind::ALL.to_vec(),
        statuses: DonationStatus::ALL.to_vec(),
        methods: ReceiptMethod::ALL.to_vec(),
        valuation_bases: ValuationBasis::ALL.to_vec(),
        papers: print::DonationPaper::ALL
            .iter()
            .map(|&paper| print::PaperLabel {
                paper,
                name: paper.name().into(),
            })
            .collect(),
        letter_date_rule: print::LETTER_DATE_RULE.into(),
    }
}

/// A 到账方式 by its label (转账、支票、现金).
pub fn parse_method(label: &str) -> crate::Result<ReceiptMethod> {
    ReceiptMethod::from_label(label.trim()).ok_or_else(|| {
        let all: Vec<&str> = ReceiptMethod::ALL.iter().map(|m| m.label()).collect();
        crate::Error::invalid(
            "method",
            format!("到账方式“{}”无效，可选：{}。", label.trim(), all.join("、")),
        )
    })
}

/// An amount typed by the user, in figures and in 大写 (the 大写金额 tool).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AmountInWords {
    pub fen: i64,
    pub figures: String,
    pub upper: String,
}

/// Reads `input` as an amount and writes it both ways.
pub fn amount_in_words(input: &str) -> crate::Result<AmountInWords> {
    let fen = crate::money::parse_amount(input)?;
    Ok(AmountInWords {
        fen,
        figures: format_yuan(fen),
        upper: rmb_upper(fen)?,
    })
}

/// Checks a 统一社会信用代码 (GB 32100-2015): 18 characters and the check character.
pub fn check_credit_code(code: &str) -> crate::Result<String> {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let c: String = unicode_normalization::UnicodeNormalization::nfkc(code.trim())
        .collect::<String>()
        .to_ascii_uppercase();
    let bad = || {
        crate::Error::invalid(
            "credit_code",
            format!(
                "“{}”不是有效的统一社会信用代码（应为 18 位数字或大写字母，请核对）。",
                code.trim()
            ),
        )
    };
    let values: Vec<u32> = c
        .chars()
        .map(|ch| CHARS.find(ch).map(|i| i as u32))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    if values.len() != 18 {
        return Err(bad());
    }
    let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    if values[17] != check {
        return Err(bad());
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes() {
        // Public codes of well-known companies.
        for ok in [
            "91350100M000100Y43",
            "91440300708461136T",
            "91110000710925462X",
        ] {
            assert!(check_credit_code(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_credit_code(" 91110000710925462x ").ok().as_deref(),
            Some("91110000710925462X")
        );
        for bad in [
            "",
            "123",
            "91350100M000100Y44",
            "91350100M000100Y4I",
            "9135010 0M000100Y43",
        ] {
            assert!(check_credit_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_follow_the_amounts() {
        use DonationKind::*;
        use DonationStatus::*;
        assert_eq!(derive_status(Cash, 100, 0, false, false), Pledged);
        assert_eq!(derive_status(Cash, 100, 40, false, false), Partial);
        assert_eq!(derive_status(Cash, 100, 100, false, false), Received);
        assert_eq!(derive_status(Cash, 100, 40, false, true), Withdrawn);
        assert_eq!(derive_status(InKind, 0, 0, false, false), Pledged);
        assert_eq!(derive_status(InKind, 0, 0, true, false), Received);
    }
}
