//! 三张清单: needs, resources and projects with their claims, progress notes and results; the
//! categories; the overview of a year (the core's `lists`). Each command is glue.

use crate::lists::import::{
    self as limport, ClaimantMapping, ListFieldLabel, ListImportOptions, ListImportPlan,
    ListImportResult,
};
use crate::lists::print::ListsDocument;
use crate::lists::{
    self, ClaimInput, ListKind, ListLabels, ListsOverview, Need, NeedFilter, NeedInput, Project,
    ProjectFilter, ProjectInput, Resource, ResourceFilter, ResourceInput, ResultInput,
};
use crate::paths::DataDir;

use super::files::Written;
use crate::app::state::PendingImport;
use crate::app::ProgressTo;

// ---- 需求 ----

// ---- 资源 ----

// ---- 项目 ----

// ---- 项目类别 ----

// ---- 导入 ----

// ---- 打印 ----

crate::app_commands! {
    /// The choices the screens offer (statuses, resource types, categories, import columns).
    pub fn lists_labels(ctx) -> ListLabels {
        ctx.with_conn(|conn, _| lists::labels(conn))
    }

    pub fn lists_overview(ctx, year: i32) -> ListsOverview {
        ctx.with_conn(move |conn, _| lists::overview(conn, year))
    }

    pub fn needs_list(ctx, filter: NeedFilter) -> Vec<Need> {
        ctx.with_conn(move |conn, _| lists::list_needs(conn, &filter))
    }

    pub fn need_add(ctx, input: NeedInput) -> Need {
        ctx.with_conn(move |conn, _| lists::add_need(conn, &input))
    }

    pub fn need_update(ctx, id: i64, input: NeedInput) -> Need {
        ctx.with_conn(move |conn, _| lists::update_need(conn, id, &input))
    }

    pub fn need_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| lists::delete_need(conn, id))
    }

    /// 据此立项: a project made from a need (linked to it).
    pub fn project_from_need(ctx, need_id: i64) -> Project {
        ctx.with_conn(move |conn, _| lists::project_from_need(conn, need_id))
    }

    pub fn resources_list(ctx, filter: ResourceFilter) -> Vec<Resource> {
        ctx.with_conn(move |conn, _| lists::list_resources(conn, &filter))
    }

    pub fn resource_add(ctx, input: ResourceInput) -> Resource {
        ctx.with_conn(move |conn, _| lists::add_resource(conn, &input))
    }

    pub fn resource_update(ctx, id: i64, input: ResourceInput) -> Resource {
        ctx.with_conn(move |conn, _| lists::update_resource(conn, id, &input))
    }

    pub fn resource_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| lists::delete_resource(conn, id))
    }

    pub fn projects_list(ctx, filter: ProjectFilter) -> Vec<Project> {
        ctx.with_conn(move |conn, _| lists::list_projects(conn, &filter))
    }

    pub fn project_get(ctx, id: i64) -> Project {
        ctx.with_conn(move |conn, _| lists::get_project(conn, id))
    }

    pub fn project_add(ctx, input: ProjectInput) -> Project {
        ctx.with_conn(move |conn, _| lists::add_project(conn, &input))
    }

    pub fn project_update(ctx, id: i64, input: ProjectInput) -> Project {
        ctx.with_conn(move |conn, _| lists::update_project(conn, id, &input))
    }

    pub fn project_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| lists::delete_project(conn, id))
    }

    /// 认领: the units picked in one dialog claim the project together (one transaction).
    pub fn project_claim(ctx, id: i64, claims: Vec<ClaimInput>) -> Project {
        ctx.with_conn(move |conn, _| lists::claim_many(conn, id, &claims))
    }

    pub fn project_unclaim(ctx, id: i64, unit_id: i64) -> Project {
        ctx.with_conn(move |conn, _| lists::unclaim(conn, id, unit_id))
    }

    pub fn project_set_lead(ctx, id: i64, unit_id: i64) -> Project {
        ctx.with_conn(move |conn, _| lists::set_lead(conn, id, unit_id))
    }

    pub fn project_progress_add(ctx, id: i64, on: String, text: String) -> Project {
        ctx.with_conn(move |conn, _| {
            let on = crate::date::parse_day(&on)?;
            lists::add_progress(conn, id, on, &text)
        })
    }

    pub fn project_progress_delete(ctx, note_id: i64) -> Project {
        ctx.with_conn(move |conn, _| lists::delete_progress(conn, note_id))
    }

    /// 完成情况: the date, the text and files picked in the dialog (copied into the data folder).
    pub fn project_result(ctx, id: i64, input: ResultInput) -> Project {
        let mut input = input;
        for a in &mut input.attachments {
            *a = ctx
                .input(a, &lists::ATTACHMENT_EXTENSIONS)?
                .to_string_lossy()
                .into_owned();
        }
        ctx.with_conn(move |conn, db_path| {
            lists::record_result(conn, DataDir::of_db(db_path).root(), id, &input)
        })
    }

    /// 撤销完成登记: the result and its files are removed; the project is open again.
    pub fn project_result_clear(ctx, id: i64) -> Project {
        ctx.with_conn(move |conn, db_path| {
            lists::clear_result(conn, DataDir::of_db(db_path).root(), id)
        })
    }

    /// Removes one file of a result (and its copy in the data folder).
    pub fn project_attachment_remove(ctx, attachment_id: i64) -> Project {
        ctx.with_conn(move |conn, db_path| {
            lists::remove_attachment(conn, DataDir::of_db(db_path).root(), attachment_id)
        })
    }

    /// Opens a file kept with a project's result with the system viewer.
    pub fn project_open_attachment(ctx, id: i64, attachment_id: i64) -> Written {
        let path = ctx.with_conn(move |conn, db_path| {
            lists::attachment_path(conn, &DataDir::of_db(db_path), id, attachment_id)
        })?;
        Ok(ctx.written(&path, 1))
    }

    pub fn project_categories(ctx) -> Vec<String> {
        ctx.with_conn(|conn, _| lists::categories(conn))
    }

    pub fn project_categories_set(ctx, categories: Vec<String>) -> Vec<String> {
        ctx.with_conn(move |conn, _| lists::set_categories(conn, &categories))
    }

    /// The fields a column of `kind`'s sheet can be imported as, with their labels.
    pub fn list_import_fields(_ctx, kind: ListKind) -> Vec<ListFieldLabel> {
        Ok(limport::field_labels(kind))
    }

    /// Reads a list and returns the preview; nothing is written. 取消 (`import_cancel`) stops it.
    pub fn list_import_preview(
        ctx,
        kind: ListKind,
        path: String,
        options: ListImportOptions,
        on_progress: ProgressTo,
    ) -> ListImportPlan {
        super::import::preview(
            ctx,
            &path,
            on_progress,
            move |conn, worker, path, progress| {
                limport::plan_file(conn, worker, kind, path, &options, progress)
            },
            |plan| PendingImport::List(Box::new(plan)),
        )
    }

    /// Writes the plan the last preview of `kind` kept (every row is checked again) with the
    /// user's choice for each claimant not on the roster (a unit, a new unit in the batch, or
    /// left out): a backup, then one undoable batch.
    pub fn list_import_commit(
        ctx,
        kind: ListKind,
        claimants: Vec<ClaimantMapping>,
    ) -> ListImportResult {
        super::import::commit_kept(
            ctx,
            move |kept| match kept {
                PendingImport::List(plan) if plan.kind == kind => Ok(plan),
                other => Err(other),
            },
            PendingImport::List,
            |conn, path, plan| limport::commit(conn, path, plan, &claimants),
        )
    }

    /// 撤销本次导入: removes what the batch added, the member units it added included.
    pub fn list_import_undo(
        ctx,
        kind: ListKind,
        batch_id: i64,
    ) -> limport::ListUndoSummary {
        ctx.with_conn(move |conn, _| limport::undo(conn, kind, batch_id))
    }

    /// The papers of the lists, in order (三张清单, 项目认领表, 完成情况通报).
    pub fn lists_documents(_ctx) -> Vec<crate::lists::print::ListsDocumentInfo> {
        Ok(crate::lists::print::documents())
    }

    /// Writes one paper of `year` to `path` (a .pdf) and opens it.
    pub fn lists_print(ctx, what: ListsDocument, year: i32, path: String) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            lists::print::write_paper(conn, what, year, &fonts, &target)
        })?;
        Ok(ctx.written(&path, 1))
    }

    /// Writes one paper of `year` to `path` as a .docx (the same content as its PDF) and opens it.
    pub fn lists_export_word(
        ctx,
        what: ListsDocument,
        year: i32,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["docx"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| crate::docx::write_lists_docx(conn, what, year, &target))?;
        Ok(ctx.written(&path, 1))
    }
}
