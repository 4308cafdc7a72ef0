//! Enums stored as an English code and shown (and serialised) as a Chinese label, and the
//! one way a stored value that the app cannot read becomes an error.
//!
//! A value read from the database that no variant knows (a code written by a newer version,
//! a hand-edited file, a JSON column that does not parse) is never replaced by a default: it
//! becomes [`crate::Error::Data`], so the user hears that the data file has something the app
//! cannot read instead of seeing a silently changed record.

use std::fmt;

use rusqlite::types::{FromSqlError, Type};

/// Declares an enum stored as an English code and shown (and serialised) as a Chinese label.
/// It reads from and writes to SQLite as its code; an unknown stored code is a data error.
macro_rules! labelled {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $code:literal / $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $label)] $variant),+
        }
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The database code.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The Chinese label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Parses a database code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
            /// Parses a Chinese label.
            pub fn from_label(label: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.label() == label)
            }
        }
        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let code = v.as_str()?;
                Self::from_code(code).ok_or_else(|| $crate::labelled::unknown(stringify!($name), code))
            }
        }
        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }
    };
}
pub(crate) use labelled;

/// A stored value the app cannot read; carried inside rusqlite's conversion error and turned
/// into [`crate::Error::Data`] when it reaches the core's error type.
#[derive(Debug)]
pub(crate) struct UnreadableValue {
    /// The Rust type or column that was being read (for the log).
    pub what: &'static str,
    /// The value as stored, shortened.
    pub value: String,
}

impl fmt::Display for UnreadableValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what, self.value)
    }
}

impl std::error::Error for UnreadableValue {}

/// The conversion error for an unknown stored code of `what`.
pub(crate) fn unknown(what: &'static str, code: &str) -> FromSqlError {
    FromSqlError::Other(Box::new(UnreadableValue {
        what,
        value: code.chars().take(40).collect(),
    }))
}

/// Reads a JSON column; a value that does not parse is a data error, never an empty default.
pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row<'_>,
    col: &'static str,
) -> rusqlite::Result<T> {
    let s: String = r.get(col)?;
    serde_json::from_str(&s).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            Type::Text,
            Box::new(UnreadableValue {
                what: col,
                value: s.chars().take(40).collect(),
            }),
        )
    })
}

/// A stored date (`YYYY-MM-DD`); a value that is not one is a data error, never "no date".
pub(crate) fn date_column(
    r: &rusqlite::Row<'_>,
    col: &'static str,
) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    parsed_column(r, col, |s| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    })
}

/// A stored time of day (`HH:MM`, or `HH:MM:SS`); anything else is a data error.
pub(crate) fn time_column(
    r: &rusqlite::Row<'_>,
    col: &'static str,
) -> rusqlite::Result<Option<chrono::NaiveTime>> {
    parsed_column(r, col, |s| {
        chrono::NaiveTime::parse_from_str(s, "%H:%M")
            .or_else(|_| chrono::NaiveTime::parse_from_str(s, "%H:%M:%S"))
            .ok()
    })
}

/// A stored moment (`YYYY-MM-DD HH:MM:SS`, local time); anything else is a data error.
pub(crate) fn moment_column(
    r: &rusqlite::Row<'_>,
    col: &'static str,
) -> rusqlite::Result<Option<chrono::NaiveDateTime>> {
    parsed_column(r, col, |s| {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()
    })
}

fn parsed_column<T>(
    r: &rusqlite::Row<'_>,
    col: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let Some(s) = r.get::<_, Option<String>>(col)? else {
        return Ok(None);
    };
    parse(&s).map(Some).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            Type::Text,
            Box::new(UnreadableValue {
                what: col,
                value: s.chars().take(40).collect(),
            }),
        )
    })
}

/// The unreadable value inside a rusqlite error, if that is what it is.
pub(crate) fn unreadable(e: &rusqlite::Error) -> Option<&UnreadableValue> {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.downcast_ref(),
        _ => None,
    }
}
