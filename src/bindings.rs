//! The TypeScript bindings of the types that cross to the UI (generated with ts-rs into
//! `ui/src/bindings/`). `tests/it/bindings.rs` fails when the committed files are stale; run
//! `UPDATE_BINDINGS=1 cargo test -p lianxi --test it -- bindings::` to regenerate them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

/// Writes every UI-facing type (and the types they use) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    crate::units::Unit::export_all(&cfg)?;
    crate::units::UnitInput::export_all(&cfg)?;
    crate::units::HistoryEntry::export_all(&cfg)?;
    crate::org::Community::export_all(&cfg)?;
    crate::org::Branch::export_all(&cfg)?;
    crate::backup::BackupInfo::export_all(&cfg)?;
    crate::settings::DataInfo::export_all(&cfg)?;
    crate::import::ImportPlan::export_all(&cfg)?;
    crate::import::ImportOptions::export_all(&cfg)?;
    crate::import::ImportBatch::export_all(&cfg)?;
    crate::import::UndoSummary::export_all(&cfg)?;
    crate::import::FieldLabel::export_all(&cfg)?;
    crate::import::Progress::export_all(&cfg)?;
    crate::meetings::Meeting::export_all(&cfg)?;
    crate::meetings::MeetingInput::export_all(&cfg)?;
    crate::meetings::CopyParts::export_all(&cfg)?;
    crate::meetings::Readiness::export_all(&cfg)?;
    crate::meetings::attendance::Invitee::export_all(&cfg)?;
    crate::meetings::attendance::InviteScope::export_all(&cfg)?;
    crate::meetings::attendance::AttendanceCounts::export_all(&cfg)?;
    crate::meetings::codes::CodeSignIn::export_all(&cfg)?;
    crate::meetings::codes::CodeProblem::export_all(&cfg)?;
    crate::meetings::codes::DeskEntry::export_all(&cfg)?;
    #[cfg(feature = "desk")]
    crate::app::desk::DeskInfo::export_all(&cfg)?;
    crate::meetings::agenda::AgendaItem::export_all(&cfg)?;
    crate::meetings::agenda::AgendaInput::export_all(&cfg)?;
    crate::meetings::speeches::Speech::export_all(&cfg)?;
    crate::meetings::speeches::SpeechInput::export_all(&cfg)?;
    crate::meetings::seating::EvenRule::export_all(&cfg)?;
    crate::meetings::print_pack::Document::export_all(&cfg)?;
    crate::meetings::print_pack::GroupBy::export_all(&cfg)?;
    crate::minutes::Minutes::export_all(&cfg)?;
    crate::minutes::MinutesEdit::export_all(&cfg)?;
    crate::minutes::NewsDraft::export_all(&cfg)?;
    crate::minutes::NewsEdit::export_all(&cfg)?;
    crate::minutes::PreviewBlock::export_all(&cfg)?;
    crate::agreements::Agreement::export_all(&cfg)?;
    crate::archive::ArchiveOutcome::export_all(&cfg)?;
    crate::archive::ArchiveMeetings::export_all(&cfg)?;
    crate::archive::RetentionRow::export_all(&cfg)?;
    crate::archive::VerifyReport::export_all(&cfg)?;
    crate::stats::YearStats::export_all(&cfg)?;
    crate::lists::print::ListsDocument::export_all(&cfg)?;
    crate::lists::print::ListsDocumentInfo::export_all(&cfg)?;
    crate::agreements::AgreementTemplate::export_all(&cfg)?;
    crate::agreements::TemplateInput::export_all(&cfg)?;
    crate::agreements::PairSpec::export_all(&cfg)?;
    crate::agreements::AgreementOptions::export_all(&cfg)?;
    crate::agreements::DefaultTerm::export_all(&cfg)?;
    crate::agreements::DraftEdit::export_all(&cfg)?;
    crate::agreements::PairWarning::export_all(&cfg)?;
    crate::org::CommunityInput::export_all(&cfg)?;
    crate::street::StreetProfile::export_all(&cfg)?;
    crate::street::FieldSpec::export_all(&cfg)?;
    crate::error::FixTarget::export_all(&cfg)?;
    crate::error::MissingDetail::export_all(&cfg)?;
    crate::error::ErrorKind::export_all(&cfg)?;
    crate::units::UnitLabels::export_all(&cfg)?;
    crate::units::PhonesCheck::export_all(&cfg)?;
    crate::meetings::MeetingLabels::export_all(&cfg)?;
    crate::meetings::seating::EvenRuleLabel::export_all(&cfg)?;
    crate::meetings::print_pack::DocumentInfo::export_all(&cfg)?;
    crate::agreements::preview::TemplatePreview::export_all(&cfg)?;
    crate::print::FontChoice::export_all(&cfg)?;
    crate::print::FontOption::export_all(&cfg)?;
    crate::donations::DonationList::export_all(&cfg)?;
    crate::donations::DonationInput::export_all(&cfg)?;
    crate::donations::DonationFilter::export_all(&cfg)?;
    crate::donations::ReceiptInput::export_all(&cfg)?;
    crate::donations::DonationLabels::export_all(&cfg)?;
    crate::donations::AmountInWords::export_all(&cfg)?;
    crate::donations::print::CertificateLayout::export_all(&cfg)?;
    crate::donations::print::DonationPaper::export_all(&cfg)?;
    crate::donations::import::DonationImportPlan::export_all(&cfg)?;
    crate::donations::import::DonationImportOptions::export_all(&cfg)?;
    crate::donations::import::DonationImportResult::export_all(&cfg)?;
    crate::donations::import::DonationFieldLabel::export_all(&cfg)?;
    crate::lists::Need::export_all(&cfg)?;
    crate::lists::NeedInput::export_all(&cfg)?;
    crate::lists::NeedFilter::export_all(&cfg)?;
    crate::lists::Resource::export_all(&cfg)?;
    crate::lists::ResourceInput::export_all(&cfg)?;
    crate::lists::ResourceFilter::export_all(&cfg)?;
    crate::lists::Project::export_all(&cfg)?;
    crate::lists::ProjectInput::export_all(&cfg)?;
    crate::lists::ProjectFilter::export_all(&cfg)?;
    crate::lists::ClaimInput::export_all(&cfg)?;
    crate::lists::ResultInput::export_all(&cfg)?;
    crate::lists::ListsOverview::export_all(&cfg)?;
    crate::lists::ListKind::export_all(&cfg)?;
    crate::lists::ListLabels::export_all(&cfg)?;
    crate::lists::import::ListImportPlan::export_all(&cfg)?;
    crate::lists::import::ListImportOptions::export_all(&cfg)?;
    crate::lists::import::ListImportResult::export_all(&cfg)?;
    crate::lists::import::ListFieldLabel::export_all(&cfg)?;
    crate::lists::import::ClaimantMapping::export_all(&cfg)?;
    crate::lists::import::ListUndoSummary::export_all(&cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn exports_import_types() {
        let dir = tempfile::tempdir().unwrap();
        super::export_all(dir.path()).unwrap();
        for name in [
            "ImportPlan.ts",
            "PlannedUnit.ts",
            "Problem.ts",
            "ImportCounts.ts",
            "Progress.ts",
        ] {
            assert!(dir.path().join(name).exists(), "{name}");
        }
        let plan = std::fs::read_to_string(dir.path().join("PlannedUnit.ts")).unwrap();
        assert!(plan.contains("source_row"), "{plan}");
    }
}
