//! 签到台: the sign-in desks on the venue's LAN (`crate::app::desk`), opened, shown and closed
//! from the secretary's 签到 screen.

use crate::app::desk::{self, DeskInfo};

crate::app_commands! {
    /// Opens the desks of a meeting (closing desks already open): the address, PIN and QR code
    /// to show. `port` 0 or absent: a free port.
    pub fn desk_open(ctx, meeting_id: i64, port: Option<u16>) -> DeskInfo {
        desk::open(ctx.store, meeting_id, port.unwrap_or(0))
    }

    /// The desks now, or null when none are open.
    pub fn desk_status(ctx) -> Option<DeskInfo> {
        Ok(desk::status(ctx.store))
    }

    /// Closes the desks: their address and PIN stop working at once.
    pub fn desk_close(ctx) -> () {
        desk::close(ctx.store);
        Ok(())
    }
}
