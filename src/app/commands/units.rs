//! 成员单位: the roster.

use crate::units::{self, HistoryEntry, PhonesCheck, Source, Unit, UnitInput, UnitLabels};

crate::app_commands! {
    pub fn units_list(ctx) -> Vec<Unit> {
        ctx.with_conn(|conn, _| units::list(conn))
    }

    pub fn unit_create(ctx, input: UnitInput) -> Unit {
        ctx.with_conn(move |conn, _| units::create(conn, &input, Source::Edit))
    }

    pub fn unit_update(ctx, id: i64, input: UnitInput) -> Unit {
        ctx.with_conn(move |conn, _| units::update(conn, id, &input, Source::Edit))
    }

    pub fn unit_leave(ctx, id: i64, on: Option<String>) -> Unit {
        ctx.with_conn(move |conn, _| units::leave(conn, id, on.as_deref()))
    }

    pub fn unit_rejoin(ctx, id: i64) -> Unit {
        ctx.with_conn(move |conn, _| units::rejoin(conn, id))
    }

    pub fn unit_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| units::delete(conn, id))
    }

    pub fn unit_history(ctx, id: i64) -> Vec<HistoryEntry> {
        ctx.with_conn(move |conn, _| units::history(conn, id))
    }

    /// The labels the unit screens offer (categories, statuses).
    pub fn unit_labels(_ctx) -> UnitLabels {
        Ok(units::labels())
    }

    /// The unit form's phone field as the core reads it (the numbers and the first problem).
    pub fn unit_check_phones(_ctx, text: String) -> PhonesCheck {
        Ok(units::check_phones(&text))
    }

    /// The unit form's 入会时间 as typed: the problem, if any.
    pub fn unit_check_joined_on(_ctx, text: String) -> Option<String> {
        Ok(units::check_joined_on(&text))
    }
}
