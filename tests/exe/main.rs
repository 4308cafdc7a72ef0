//! The tests that drive the `lianxi` command line and also run, unchanged, against the
//! Windows `lianxi.exe` under Wine (scripts/test-windows.sh) and the ARM program under
//! qemu-user (scripts/build-portable.sh) through `LIANXI_TEST_EXE` (`cli::command`); those
//! scripts name the modules they run (scripts/exe-tests.sh). Every other integration test is
//! in tests/it/: one binary each rather than one per file, since every test binary is a link
//! of the whole library on every build (issue 25).

// The helpers, each in its own folder of tests/, where both test binaries (and examples/)
// find them.
#[path = "../cli/mod.rs"]
mod cli;
#[path = "../common/mod.rs"]
mod common;
#[path = "../office/mod.rs"]
mod office;
#[path = "../poppler/mod.rs"]
mod poppler;

mod cli_agenda;
mod cli_minutes;
mod cli_street;
mod cli_year;
mod roster_cli;
mod signin_codes;
mod windows_cli;
mod word_export;
