//! What an office states about a member unit — its name, category, party organisation,
//! contact and so on — declared once, in [`unit_details!`].
//!
//! That one list makes the fields of [`UnitDetails`], which [`super::Unit`] (as stored),
//! [`super::UnitInput`] (as typed) and [`crate::import::ImportedUnit`] (as read from a file)
//! all hold; the columns the one insert and update write; how each field is read back by
//! column name; how it is cleaned before saving; and the Chinese label and text its changes
//! show in the unit's history. Adding a field is one line here and a migration adding its
//! column (`scripts/check-one-edit.sh` proves it on a scratch copy of the crate).

use rusqlite::types::Value;
use rusqlite::Row;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::UnitCategory;
use crate::error::Result;
use crate::labelled::json_column;
use crate::text::{clean_name, clean_text, trimmed};

/// How a value of one of the details is stored in its column, read back, and shown in the
/// unit's history.
pub(crate) trait DetailValue: Sized {
    fn to_column(&self) -> Result<Value>;
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self>;
    /// The value as the history shows it.
    fn shown(&self) -> String;
}

impl DetailValue for String {
    fn to_column(&self) -> Result<Value> {
        Ok(Value::Text(self.clone()))
    }
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self> {
        r.get(col)
    }
    fn shown(&self) -> String {
        self.clone()
    }
}

impl DetailValue for Option<String> {
    fn to_column(&self) -> Result<Value> {
        Ok(self.clone().map_or(Value::Null, Value::Text))
    }
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self> {
        r.get(col)
    }
    fn shown(&self) -> String {
        self.clone().unwrap_or_default()
    }
}

impl DetailValue for bool {
    fn to_column(&self) -> Result<Value> {
        Ok(Value::Integer(i64::from(*self)))
    }
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self> {
        r.get(col)
    }
    fn shown(&self) -> String {
        if *self { "是" } else { "否" }.into()
    }
}

impl DetailValue for UnitCategory {
    fn to_column(&self) -> Result<Value> {
        Ok(Value::Text(self.code().into()))
    }
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self> {
        r.get(col)
    }
    fn shown(&self) -> String {
        self.label().into()
    }
}

/// A list of texts (the phone numbers), stored as a JSON list.
impl DetailValue for Vec<String> {
    fn to_column(&self) -> Result<Value> {
        Ok(Value::Text(serde_json::to_string(self)?))
    }
    fn from_column(r: &Row<'_>, col: &'static str) -> rusqlite::Result<Self> {
        json_column(r, col)
    }
    fn shown(&self) -> String {
        self.join("、")
    }
}

/// The value unchanged (for fields with nothing to clean, or checked elsewhere).
fn same<T: Clone>(v: &T) -> T {
    v.clone()
}

/// Phone numbers: spaces out, empty entries dropped (each is checked by `phone::validate`).
fn clean_phones(phones: &[String]) -> Vec<String> {
    phones
        .iter()
        .map(|p| clean_text(p).replace(' ', ""))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Declares [`UnitDetails`]: each field as `name: Type = "中文名" => cleaner,`, where the
/// column is named as the field, the label names it in the history, and the cleaner tidies
/// what a user or a file gave before it is saved.
macro_rules! unit_details {
    ($($(#[$doc:meta])* $field:ident : $ty:ty = $label:literal => $clean:expr),+ $(,)?) => {
        /// What an office states about a member unit (everything but its community, branch
        /// and status, which the roster keeps by id, and its bookkeeping).
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
        #[serde(default)]
        pub struct UnitDetails {
            $($(#[$doc])* pub $field: $ty),+
        }

        impl UnitDetails {
            /// The columns, in the order of [`UnitDetails::to_columns`].
            pub(crate) const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            /// The Chinese names of the fields, in the same order.
            pub const LABELS: &'static [&'static str] = &[$($label),+];

            /// The column values, in the order of [`UnitDetails::COLUMNS`].
            pub(crate) fn to_columns(&self) -> Result<Vec<Value>> {
                Ok(vec![$(DetailValue::to_column(&self.$field)?),+])
            }

            /// Reads the details from a row of `units`, by column name.
            pub(crate) fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
                Ok(Self { $($field: DetailValue::from_column(r, stringify!($field))?),+ })
            }

            /// Every field tidied as it is saved (names of unusual spacing and brackets
            /// normalised, phone numbers without spaces, …).
            pub(crate) fn cleaned(&self) -> Self {
                Self { $($field: ($clean)(&self.$field)),+ }
            }

            /// The fields as (Chinese name, text) pairs, as the unit's history shows them.
            pub(crate) fn shown(&self) -> Vec<(&'static str, String)> {
                vec![$(($label, DetailValue::shown(&self.$field))),+]
            }
        }
    };
}

unit_details! {
    name: String = "单位名称" => clean_name,
    short_name: String = "简称" => clean_text,
    category: UnitCategory = "单位类别" => same,
    vice_chair: bool = "副会长单位" => same,
    party_org: String = "党组织名称" => clean_text,
    party_secretary: String = "党组织书记" => clean_text,
    contact: String = "联系人" => clean_text,
    contact_title: String = "职务" => clean_text,
    phones: Vec<String> = "联系电话" => clean_phones,
    address: String = "地址" => clean_text,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked and normalised by `units::validate`).
    joined_on: Option<String> = "入会时间" => same,
    notes: String = "备注" => trimmed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_column_and_a_label() {
        assert_eq!(UnitDetails::COLUMNS.len(), UnitDetails::LABELS.len());
        let d = UnitDetails {
            name: " 海棠(集团)公司 ".into(),
            phones: vec![" 138 0532 1234 ".into(), "  ".into()],
            notes: "  备注  ".into(),
            vice_chair: true,
            ..Default::default()
        };
        let c = d.cleaned();
        assert_eq!(c.name, "海棠（集团）公司");
        assert_eq!(c.phones, vec!["13805321234"]);
        assert_eq!(c.notes, "备注");
        let shown = c.shown();
        assert_eq!(shown.len(), UnitDetails::COLUMNS.len());
        assert!(shown.contains(&("副会长单位", "是".to_string())));
        assert!(shown.contains(&("联系电话", "13805321234".to_string())));
    }
}
