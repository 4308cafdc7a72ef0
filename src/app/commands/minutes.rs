//! 会议纪要 and 信息稿: glue over `crate::minutes` (an unsaved draft until the secretary saves, save, rebuild the
//! lists from the sign-in data, 定稿 / 重新打开, the page preview, PDFs, the plain text).

use crate::minutes::{self, Minutes, MinutesEdit, NewsDraft, NewsEdit, PreviewBlock};

use super::files::Written;

crate::app_commands! {
    /// The meeting's 纪要: the stored one, else a draft from its data that is not saved
    /// (viewing writes nothing).
    pub fn minutes_get(ctx, meeting_id: i64) -> Minutes {
        ctx.with_conn(move |conn, _| minutes::current(conn, meeting_id))
    }

    /// Saves the editable parts (refused when finalised).
    pub fn minutes_save(ctx, meeting_id: i64, edit: MinutesEdit) -> Minutes {
        ctx.with_conn(move |conn, _| minutes::save(conn, meeting_id, &edit))
    }

    /// 从签到数据重新生成出席名单.
    pub fn minutes_rebuild(ctx, meeting_id: i64) -> Minutes {
        ctx.with_conn(move |conn, _| minutes::rebuild_lists(conn, meeting_id))
    }

    /// 定稿.
    pub fn minutes_finalise(ctx, meeting_id: i64) -> Minutes {
        ctx.with_conn(move |conn, _| minutes::finalise(conn, meeting_id))
    }

    /// 重新打开.
    pub fn minutes_reopen(ctx, meeting_id: i64) -> Minutes {
        ctx.with_conn(move |conn, _| minutes::reopen(conn, meeting_id))
    }

    /// The page preview of the 纪要 as edited (nothing saved).
    pub fn minutes_preview(
        ctx,
        meeting_id: i64,
        edit: MinutesEdit,
    ) -> Vec<PreviewBlock> {
        ctx.with_conn(move |conn, _| minutes::minutes_preview(conn, meeting_id, &edit))
    }

    /// Writes the 纪要 PDF to `path` and opens it.
    pub fn minutes_print(ctx, meeting_id: i64, path: String) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            let bytes = minutes::minutes_pdf(conn, meeting_id, &fonts)?;
            crate::print::write_file(&target, &bytes)
        })?;
        Ok(ctx.written(&path, 1))
    }

    /// The meeting's 信息稿: the stored one, else an unsaved draft (`updated_at` empty).
    pub fn news_get(ctx, meeting_id: i64) -> NewsDraft {
        ctx.with_conn(move |conn, _| minutes::current_news(conn, meeting_id))
    }

    /// Saves an edited 信息稿.
    pub fn news_save(ctx, meeting_id: i64, edit: NewsEdit) -> NewsDraft {
        ctx.with_conn(move |conn, _| minutes::save_news(conn, meeting_id, &edit))
    }

    /// Drafts the 信息稿 again from the meeting's data.
    pub fn news_reset(ctx, meeting_id: i64) -> NewsDraft {
        ctx.with_conn(move |conn, _| minutes::reset_news(conn, meeting_id))
    }

    /// The 信息稿 as plain text for WeChat (the stored one, else a draft that is not saved).
    pub fn news_text(ctx, meeting_id: i64) -> String {
        ctx.with_conn(move |conn, _| {
            minutes::current_news(conn, meeting_id).map(|n| minutes::news_text(&n))
        })
    }

    /// Writes the 信息稿 PDF to `path` and opens it.
    pub fn news_print(ctx, meeting_id: i64, path: String) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            let bytes = minutes::news_pdf(conn, meeting_id, &fonts)?;
            crate::print::write_file(&target, &bytes)
        })?;
        Ok(ctx.written(&path, 1))
    }

    /// Writes the 纪要 or (with `news`) the 信息稿 to `path` as a .docx and opens it.
    pub fn minutes_export_word(
        ctx,
        meeting_id: i64,
        news: bool,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["docx"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| {
            if news {
                crate::docx::write_news_docx(conn, meeting_id, &target)
            } else {
                crate::docx::write_minutes_docx(conn, meeting_id, &target)
            }
        })?;
        Ok(ctx.written(&path, 1))
    }
}
