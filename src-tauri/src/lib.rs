//! 联席会筹备助手 desktop shell: Tauri setup, managed state, and the command glue.
//! All logic lives in the `lianxi` core; this crate only adapts it to IPC.

pub mod commands;
pub mod error;
pub mod startup;
pub mod state;
pub mod webview;

use std::path::PathBuf;
use std::sync::Arc;

use tauri::Manager;

/// The data folder: `$LIANXI_DATA_DIR` when set (tests, portable use), else the OS app-data
/// folder of the bundle identifier.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(d) = std::env::var_os(lianxi::paths::DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d));
    }
    Ok(app.path().app_data_dir()?)
}

/// Builds and runs the app.
pub fn run() {
    startup::mark("main");
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            startup::mark("setup");
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            let dir = data_dir(app)?;
            lianxi::logging::init(&dir);
            let db_path = dir.join(lianxi::paths::DB_FILE);
            app.manage(Arc::new(state::Store::open(db_path)));
            startup::mark("db-open");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            startup::startup_marks,
            commands::settings::app_status,
            commands::settings::data_info,
            commands::settings::backup_list,
            commands::settings::backup_create,
            commands::settings::backup_restore,
            commands::settings::demo_load,
            commands::settings::demo_clear,
            commands::settings::street_get,
            commands::settings::street_save,
            commands::settings::street_fields,
            commands::settings::open_data_dir,
            commands::settings::open_log_dir,
            commands::units::units_list,
            commands::units::unit_labels,
            commands::units::unit_check_phones,
            commands::units::unit_check_joined_on,
            commands::units::unit_create,
            commands::units::unit_update,
            commands::units::unit_leave,
            commands::units::unit_rejoin,
            commands::units::unit_delete,
            commands::units::unit_history,
            commands::import::import_preview,
            commands::import::import_commit,
            commands::import::import_cancel,
            commands::import::import_batches,
            commands::import::import_undo,
            commands::import::import_fields,
            commands::import::units_export,
            commands::org::communities_list,
            commands::org::branches_list,
            commands::org::community_create,
            commands::org::community_update,
            commands::org::community_merge,
            commands::org::community_delete,
            commands::org::branch_create,
            commands::org::branch_rename,
            commands::org::branch_merge,
            commands::org::branch_delete,
            commands::files::print_cancel,
            commands::settings::font_options,
            commands::settings::font_choice,
            commands::settings::font_choice_save,
            // 会议筹备 (commands/meetings.rs)
            commands::meetings::meetings_list,
            commands::meetings::meeting_labels,
            commands::meetings::meeting_get,
            commands::meetings::meeting_new_input,
            commands::meetings::meeting_create,
            commands::meetings::meeting_update,
            commands::meetings::meeting_status_act,
            commands::meetings::meeting_delete,
            commands::meetings::meeting_copy_from,
            commands::meetings::meeting_readiness,
            commands::meetings::attendance_list,
            commands::meetings::attendance_invite,
            commands::meetings::attendance_add_guest,
            commands::meetings::attendance_set_attendee,
            commands::meetings::attendance_set_reply,
            commands::meetings::attendance_sign_in,
            commands::meetings::attendance_sign_out,
            commands::meetings::attendance_remove,
            commands::meetings::attendance_counts,
            commands::meetings::attendance_search,
            commands::meetings::agenda_list,
            commands::meetings::agenda_add,
            commands::meetings::agenda_add_usual,
            commands::meetings::agenda_update,
            commands::meetings::agenda_remove,
            commands::meetings::agenda_reorder,
            commands::meetings::agenda_move,
            commands::meetings::speeches_list,
            commands::meetings::speech_add,
            commands::meetings::speech_update,
            commands::meetings::speech_remove,
            commands::meetings::speeches_reorder,
            commands::meetings::seating_rule,
            commands::meetings::seating_rule_set,
            commands::meetings::seating_default_platform,
            commands::meeting_print::meeting_print,
            commands::meeting_print::meeting_print_pack,
            commands::meeting_print::meeting_documents,
            commands::year::year_stats,
            commands::year::year_stats_pdf,
            commands::year::archive_meetings,
            commands::year::archive_year,
            commands::year::archive_retentions,
            commands::year::archive_retention_set,
            commands::year::archive_retention_options,
            commands::meeting_print::meeting_export_word,
            commands::donations::donation_labels,
            commands::donations::donations_list,
            commands::donations::donation_add,
            commands::donations::donation_update,
            commands::donations::donation_receive,
            commands::donations::donation_withdraw,
            commands::donations::amount_in_words,
            commands::donations::certificate_layout_get,
            commands::donations::certificate_layout_set,
            commands::donations::donations_print,
            commands::donations::donations_export_word,
            commands::donations::donation_import_preview,
            commands::donations::donation_import_commit,
            commands::donations::donation_import_undo,
            commands::donations::donation_import_fields,
            // end 会议筹备
            // 共建协议 (commands/agreements.rs)
            commands::agreements::agreement_templates_list,
            commands::agreements::agreement_template_create,
            commands::agreements::agreement_template_update,
            commands::agreements::agreement_template_delete,
            commands::agreements::agreement_template_validate,
            commands::agreements::agreement_placeholder_samples,
            commands::agreements::agreement_template_preview_text,
            commands::agreements::agreements_file_name,
            commands::agreements::agreement_template_preview_pdf,
            commands::agreements::agreements_list,
            commands::agreements::agreement_get,
            commands::agreements::agreement_create,
            commands::agreements::agreements_pair_many,
            commands::agreements::agreements_street_pairs_since,
            commands::agreements::agreements_meeting_choices,
            commands::agreements::agreement_mark_signed,
            commands::agreements::agreement_archive,
            commands::agreements::agreement_open_scan,
            commands::agreements::agreement_number_prefix,
            commands::agreements::agreements_check_pairs,
            commands::agreements::agreement_update_draft,
            commands::agreements::agreement_delete,
            commands::agreements::agreement_void,
            commands::agreements::agreements_print_pdf,
            commands::agreements::agreements_print_dir,
            commands::agreements::agreements_export_word,
            // end 共建协议
            // 会议纪要 (commands/minutes.rs)
            commands::minutes::minutes_get,
            commands::minutes::minutes_save,
            commands::minutes::minutes_rebuild,
            commands::minutes::minutes_finalise,
            commands::minutes::minutes_reopen,
            commands::minutes::minutes_preview,
            commands::minutes::minutes_print,
            commands::minutes::news_get,
            commands::minutes::news_save,
            commands::minutes::news_reset,
            commands::minutes::news_text,
            commands::minutes::news_print,
            commands::minutes::minutes_export_word,
            // end 会议纪要
            // 三张清单 (commands/lists.rs)
            commands::lists::lists_labels,
            commands::lists::lists_overview,
            commands::lists::needs_list,
            commands::lists::need_add,
            commands::lists::need_update,
            commands::lists::need_delete,
            commands::lists::project_from_need,
            commands::lists::resources_list,
            commands::lists::resource_add,
            commands::lists::resource_update,
            commands::lists::resource_delete,
            commands::lists::projects_list,
            commands::lists::project_get,
            commands::lists::project_add,
            commands::lists::project_update,
            commands::lists::project_delete,
            commands::lists::project_claim,
            commands::lists::project_unclaim,
            commands::lists::project_set_lead,
            commands::lists::project_progress_add,
            commands::lists::project_progress_delete,
            commands::lists::project_result,
            commands::lists::project_open_attachment,
            commands::lists::project_result_clear,
            commands::lists::project_attachment_remove,
            commands::lists::project_categories,
            commands::lists::project_categories_set,
            commands::lists::list_import_fields,
            commands::lists::list_import_preview,
            commands::lists::list_import_commit,
            commands::lists::list_import_undo,
            commands::lists::lists_documents,
            commands::lists::lists_print,
            commands::lists::lists_export_word,
            // end 三张清单
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        log::error!("无法启动：{e:?}");
        eprintln!("联席会筹备助手无法启动：{e}");
        std::process::exit(1);
    }
}
