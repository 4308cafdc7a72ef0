//! 捐赠: the list with its totals, add/edit, 到账登记, 撤回, the 大写金额 tool, the labels, the
//! certificate layout and printing (the core's `donations`).

use crate::donations::import::{
    self as dimport, DonationFieldLabel, DonationImportOptions, DonationImportPlan,
    DonationImportResult,
};
use crate::donations::print::{
    certificate_layout, save_certificate_layout, write_paper, CertificateLayout, DonationPaper,
};
use crate::donations::{
    self, AmountInWords, Donation, DonationFilter, DonationInput, DonationLabels, DonationList,
    ReceiptInput,
};

use super::files::Written;
use crate::app::state::PendingImport;
use crate::app::ProgressTo;

crate::app_commands! {
    pub fn donation_labels(_ctx) -> DonationLabels {
        Ok(donations::labels())
    }

    pub fn donations_list(ctx, filter: DonationFilter) -> DonationList {
        ctx.with_conn(move |conn, _| donations::list(conn, &filter))
    }

    pub fn donation_add(
        ctx,
        input: DonationInput,
        receipt: Option<ReceiptInput>,
    ) -> Donation {
        ctx.with_conn(move |conn, _| donations::add(conn, &input, receipt.as_ref()))
    }

    pub fn donation_update(ctx, id: i64, input: DonationInput) -> Donation {
        ctx.with_conn(move |conn, _| donations::update(conn, id, &input))
    }

    pub fn donation_receive(ctx, id: i64, receipt: ReceiptInput) -> Donation {
        ctx.with_conn(move |conn, _| donations::receive(conn, id, &receipt))
    }

    pub fn donation_withdraw(ctx, id: i64, reason: String) -> Donation {
        ctx.with_conn(move |conn, _| donations::withdraw(conn, id, &reason, crate::date::today()))
    }

    /// An amount typed in the dialog (or the 大写金额 tool) read by the core: fen, figures, 大写.
    pub fn amount_in_words(_ctx, text: String) -> AmountInWords {
        Ok(donations::amount_in_words(&text)?)
    }

    pub fn certificate_layout_get(ctx) -> CertificateLayout {
        ctx.with_conn(|conn, _| certificate_layout(conn))
    }

    pub fn certificate_layout_set(
        ctx,
        layout: CertificateLayout,
    ) -> CertificateLayout {
        ctx.with_conn(move |conn, _| save_certificate_layout(conn, &layout))
    }

    /// Writes the register, the letters or the certificates of `filter` to `path` and opens it.
    pub fn donations_print(
        ctx,
        paper: DonationPaper,
        filter: DonationFilter,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        let n = ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            let on = donations::print::letter_date(conn, &filter, crate::date::today())?;
            write_paper(conn, paper, &filter, on, &fonts, &target)
        })?;
        Ok(ctx.written(&path, n))
    }

    /// Writes the register, the letters or the certificates of `filter` to `path` as a .docx and
    /// opens it; nothing is marked as printed.
    pub fn donations_export_word(
        ctx,
        paper: DonationPaper,
        filter: DonationFilter,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["docx"])?;
        let target = path.clone();
        let n = ctx.with_conn(move |conn, _| {
            let on = donations::print::letter_date(conn, &filter, crate::date::today())?;
            crate::docx::write_donation_docx(conn, paper, &filter, on, &target)
        })?;
        Ok(ctx.written(&path, n))
    }

    /// Reads a donation list and returns the preview; nothing is written. 取消 (`import_cancel`)
    /// stops it.
    pub fn donation_import_preview(
        ctx,
        path: String,
        options: DonationImportOptions,
        on_progress: ProgressTo,
    ) -> DonationImportPlan {
        super::import::preview(
            ctx,
            &path,
            on_progress,
            move |conn, worker, path, progress| {
                dimport::plan_file(conn, worker, path, &options, progress)
            },
            |plan| PendingImport::Donations(Box::new(plan)),
        )
    }

    /// Writes the plan the last preview kept (every row is checked again): a backup, then one
    /// batch.
    pub fn donation_import_commit(ctx) -> DonationImportResult {
        super::import::commit_kept(
            ctx,
            |kept| match kept {
                PendingImport::Donations(plan) => Ok(plan),
                other => Err(other),
            },
            PendingImport::Donations,
            |conn, path, plan| dimport::commit(conn, path, plan.as_ref()),
        )
    }

    /// 撤销本次导入: removes the batch's donations and their receipts.
    pub fn donation_import_undo(ctx, batch_id: i64) -> u32 {
        ctx.with_conn(move |conn, _| dimport::undo(conn, batch_id))
    }

    pub fn donation_import_fields(_ctx) -> Vec<DonationFieldLabel> {
        Ok(dimport::field_labels())
    }
}
