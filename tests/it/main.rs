//! Every integration test but those of `tests/exe/` (the command line tests that also run
//! against the Windows and ARM programs), each former test file a module here. One binary, so
//! one link of the library per build instead of one per file (issue 25).

// The helpers, each in its own folder of tests/, where both test binaries (and examples/)
// find them.
#[path = "../cli/mod.rs"]
mod cli;
#[path = "../common/mod.rs"]
mod common;
#[path = "../kill/mod.rs"]
mod kill;
#[path = "../office/mod.rs"]
mod office;
#[path = "../poppler/mod.rs"]
mod poppler;

mod agreements;
mod agreements_batch;
mod app_table;
mod archive;
mod bindings;
mod cli_argv;
mod cli_happened;
#[cfg(all(target_os = "linux", feature = "desk"))]
mod desk;
mod donations;
mod donations_cli;
mod font_catalog;
mod golden;
mod import_bounded;
mod import_fuzz;
mod import_kill;
mod import_roster;
mod import_roster_merge;
mod layering;
mod lists;
mod lists_claims;
mod lists_cli;
mod lists_import;
mod lists_print;
mod meeting_status;
mod meetings;
mod meetings_print;
mod minutes;
mod minutes_draft;
mod minutes_print;
mod org;
mod print_canvas;
mod print_cells;
mod print_coverage;
mod print_document;
mod print_grid;
mod print_kill;
mod print_layout_props;
mod print_pack_kill;
mod print_year;
mod reads_do_not_write;
#[cfg(all(unix, feature = "serve"))]
mod serve;
mod store;
mod word_colophon;
