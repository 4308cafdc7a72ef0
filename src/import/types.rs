//! The types of an import preview: units as read, what will happen to each, problems, counts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::header::Field;
use crate::units::{FieldChange, Unit, UnitDetails, UnitStatus};

/// One unit as read from the file (values as the user sees them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedUnit {
    /// Its details read as its own fields (`u.name`).
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: UnitDetails,
    /// The community and branch by name, as written in the file.
    pub community: String,
    pub branch: String,
    pub status: UnitStatus,
    pub left_on: Option<String>,
    /// Values that could not be read (an invalid date) kept as written; they are added to
    /// the notes (备注) when imported, so nothing the office wrote is lost.
    pub kept_raw: Vec<String>,
    /// The Excel row number the unit was read from (the first, when rows were merged).
    pub source_row: u32,
    /// Later rows with the same name merged into this one.
    pub merged_rows: Vec<u32>,
    /// Fields the file gave a value for; the others keep the database's value.
    pub provided: Vec<Field>,
}

impl ImportedUnit {
    pub(crate) fn empty(row: u32) -> Self {
        ImportedUnit {
            source_row: row,
            ..Self::from_unit(&Unit::default())
        }
    }

    /// A stored unit in the same shape (every field provided).
    pub fn from_unit(u: &Unit) -> Self {
        ImportedUnit {
            details: u.details.clone(),
            community: u.community.clone().unwrap_or_default(),
            branch: u.branch.clone().unwrap_or_default(),
            status: u.status,
            left_on: u.left_on.clone(),
            source_row: u
                .source_row
                .and_then(|r| u32::try_from(r).ok())
                .unwrap_or(0),
            kept_raw: Vec::new(),
            merged_rows: Vec::new(),
            provided: Vec::new(),
        }
    }

    pub(crate) fn has(&self, f: Field) -> bool {
        self.provided.contains(&f)
    }

    pub(crate) fn provide(&mut self, f: Field) {
        if !self.has(f) {
            self.provided.push(f);
        }
    }

    /// The fields as (field, display value), in the order of the history's diffs.
    pub fn display(&self) -> Vec<(Field, String)> {
        vec![
            (Field::Name, self.name.clone()),
            (Field::ShortName, self.short_name.clone()),
            (Field::Category, self.category.label().into()),
            (Field::Community, self.community.clone()),
            (Field::Branch, self.branch.clone()),
            (
                Field::ViceChair,
                if self.vice_chair { "是" } else { "否" }.into(),
            ),
            (Field::PartyOrg, self.party_org.clone()),
            (Field::PartySecretary, self.party_secretary.clone()),
            (Field::Contact, self.contact.clone()),
            (Field::ContactTitle, self.contact_title.clone()),
            (Field::Phones, self.phones.join("、")),
            (Field::Address, self.address.clone()),
            (Field::JoinedOn, self.joined_on.clone().unwrap_or_default()),
            (Field::Status, self.status.label().into()),
            (Field::LeftOn, self.left_on.clone().unwrap_or_default()),
            (Field::Notes, self.notes.clone()),
        ]
    }

    /// Copies field `f` from `other`.
    pub(crate) fn take(&mut self, other: &ImportedUnit, f: Field) {
        match f {
            Field::Name | Field::Index => {}
            Field::ShortName => self.short_name = other.short_name.clone(),
            Field::Category => self.category = other.category,
            Field::Community => self.community = other.community.clone(),
            Field::Branch => self.branch = other.branch.clone(),
            Field::ViceChair => self.vice_chair = other.vice_chair,
            Field::PartyOrg => self.party_org = other.party_org.clone(),
            Field::PartySecretary => self.party_secretary = other.party_secretary.clone(),
            Field::Contact => self.contact = other.contact.clone(),
            Field::ContactTitle => self.contact_title = other.contact_title.clone(),
            Field::Phones => self.phones = other.phones.clone(),
            Field::Address => self.address = other.address.clone(),
            Field::JoinedOn => self.joined_on = other.joined_on.clone(),
            Field::Status => self.status = other.status,
            Field::LeftOn => self.left_on = other.left_on.clone(),
            Field::Notes => self.notes = other.notes.clone(),
        }
    }

    /// The stored unit `base` with this file's provided fields laid over it.
    pub(crate) fn over(&self, base: &ImportedUnit) -> ImportedUnit {
        let mut out = base.clone();
        out.name = self.name.clone();
        for f in &self.provided {
            out.take(self, *f);
        }
        for note in &self.kept_raw {
            if !out.notes.contains(note.as_str()) {
                if !out.notes.is_empty() {
                    out.notes.push('；');
                }
                out.notes.push_str(note);
            }
        }
        out.source_row = self.source_row;
        out
    }
}

/// Field-by-field differences, with the Chinese field names of the unit history.
pub(crate) fn diff(old: &ImportedUnit, new: &ImportedUnit) -> Vec<FieldChange> {
    old.display()
        .into_iter()
        .zip(new.display())
        .filter(|((_, a), (_, b))| a != b)
        .map(|((f, old), (_, new))| FieldChange {
            field: f.label().into(),
            old,
            new,
        })
        .collect()
}

/// What committing will do with a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    New,
    Update,
    Unchanged,
}

/// A unit of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlannedUnit {
    #[serde(flatten)]
    pub unit: ImportedUnit,
    pub action: Action,
    /// The id of the unit in the database with the same name, if any.
    pub existing_id: Option<i64>,
    /// For an update: what changes, field by field.
    pub changes: Vec<FieldChange>,
    /// Names (in the file or the database) that differ only by 有限公司/有限责任公司/股份有限公司
    /// or a trailing bracket: possibly the same unit, never merged automatically.
    pub suspected_duplicates: Vec<String>,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row is not imported.
    Error,
    /// The row is imported; a value was guessed or kept as written.
    Warning,
    /// For information (rows skipped on purpose, the sheet used).
    Info,
}

/// A problem found in the file, at the Excel row number the user sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Problem {
    pub row: Option<u32>,
    pub field: Option<Field>,
    pub severity: Severity,
    pub message: String,
}

/// The counts shown in the preview and stored with the batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCounts {
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Rows merged into an earlier row with the same name.
    pub merged: u32,
    pub suspected_duplicates: u32,
    pub error_rows: u32,
    pub ignored_rows: u32,
}

/// A column of the sheet and what it was mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ColumnInfo {
    /// Zero-based column index.
    pub index: u32,
    /// A, B, … AA.
    pub letter: String,
    pub header: String,
    /// The field the column is imported as (none for a column not imported).
    pub field: Option<Field>,
    /// The header names no field: the column is reported and the user may map it. A known
    /// column that is never imported (序号, 编号 holding a row counter) is not unrecognised.
    pub unrecognised: bool,
}

/// The preview of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPlan {
    pub file_name: String,
    /// The sheet read.
    pub sheet: String,
    /// All visible sheets, for choosing another.
    pub sheets: Vec<String>,
    /// Excel row numbers of the header (one or two rows).
    pub header_rows: Vec<u32>,
    pub columns: Vec<ColumnInfo>,
    pub units: Vec<PlannedUnit>,
    pub counts: ImportCounts,
    pub problems: Vec<Problem>,
}

crate::import::pipeline::row_counts!(ImportCounts);

crate::import::pipeline::preview_from!(Field, Problem, ColumnInfo);
