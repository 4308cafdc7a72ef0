//! 年度工作统计: the charts of 年度概览 drawn by the print engine (bars are filled
//! rectangles, labels are text checked against the fonts), one or two A4 pages.

use super::{Count, YearStats};
use crate::print::{mm, Canvas, FontRole, FontSet, PageSize, TextRun};
use crate::Result;

/// The A4 page's width and the margins, left and right alike (mm).
const PAGE_W: f32 = 210.0;
const LEFT: f32 = 25.0;
const TOP: f32 = 272.0;
const BOTTOM: f32 = 22.0;
/// The label column's width, the bar area after it, and one bar row's height (mm).
const LABEL_W: f32 = 48.0;
const BAR_W: f32 = 72.0;
const ROW: f32 = 6.2;
const BODY: f32 = 10.5;

/// The page being drawn and where the next line goes (mm from the bottom).
struct Pen<'f> {
    canvas: Canvas<'f>,
    page: usize,
    y: f32,
}

impl Pen<'_> {
    /// Makes room for `height` mm, starting a new page when it does not fit.
    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.page = self.canvas.add_page(PageSize::A4);
            self.y = TOP;
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, role: FontRole, text: &str) -> Result<()> {
        self.canvas
            .text(self.page, &TextRun::new(mm(x), mm(y), size, role, text))
    }

    fn width(&self, role: FontRole, size: f32, text: &str) -> f32 {
        self.canvas.measure(role, size, text) / mm(1.0)
    }

    /// A chart's heading; keeps at least its first two rows on the same page.
    fn heading(&mut self, text: &str) -> Result<()> {
        self.room(10.0 + 2.0 * ROW);
        self.y -= 8.0;
        self.text(LEFT, self.y, 13.0, FontRole::Heading1, text)?;
        self.y -= 3.0;
        Ok(())
    }

    /// One row: the label right-aligned before the bars, then bars `(share of the bar
    /// area, grey)` drawn over each other, widest first, and `value` after them.
    fn row(&mut self, label: &str, bars: &[(f32, f32)], value: &str) -> Result<()> {
        self.room(ROW);
        self.y -= ROW;
        let base = self.y + 1.2;
        let label = fit(self, label, LABEL_W - 3.0);
        let w = self.width(FontRole::Body, BODY, &label);
        self.text(LEFT + LABEL_W - 3.0 - w, base, BODY, FontRole::Body, &label)?;
        let x0 = LEFT + LABEL_W;
        let mut widest: f32 = 0.0;
        for &(share, grey) in bars {
            let bw = (share.clamp(0.0, 1.0) * BAR_W).max(if share > 0.0 { 0.6 } else { 0.0 });
            widest = widest.max(bw);
            self.canvas.fill_rect(
                self.page,
                mm(x0),
                mm(self.y + 0.8),
                mm(bw),
                mm(ROW - 1.8),
                grey,
            );
        }
        // The value after the bars; where it would run past the right margin, on a line of
        // its own under them (never off the paper, never over a bar).
        let right = PAGE_W - LEFT;
        if x0 + widest + 2.0 + self.width(FontRole::Body, BODY, value) <= right {
            return self.text(x0 + widest + 2.0, base, BODY, FontRole::Body, value);
        }
        self.room(ROW);
        self.y -= ROW;
        let value = fit(self, value, right - x0);
        self.text(x0, self.y + 1.2, BODY, FontRole::Body, &value)
    }

    fn note(&mut self, text: &str) -> Result<()> {
        self.room(ROW);
        self.y -= ROW;
        self.text(LEFT + LABEL_W, self.y + 1.2, BODY, FontRole::Body, text)
    }
}

/// `text` cut with … to fit `width` mm.
fn fit(pen: &Pen<'_>, text: &str, width: f32) -> String {
    if pen.width(FontRole::Body, BODY, text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        let next = format!("{out}{ch}…");
        if pen.width(FontRole::Body, BODY, &next) > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

fn counts(pen: &mut Pen<'_>, title: &str, list: &[Count], unit: &str) -> Result<()> {
    pen.heading(title)?;
    let max = list.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f32;
    if list.iter().all(|c| c.count == 0) {
        return pen.note("（暂无数据）");
    }
    for c in list {
        pen.row(
            &c.label,
            &[(c.count as f32 / max, 0.35)],
            &format!("{}{unit}", c.count),
        )?;
    }
    Ok(())
}

/// The statistics of `stats` as PDF bytes; `who` names the joint meeting in the title.
pub fn stats_pdf(stats: &YearStats, who: &str, fonts: &FontSet) -> Result<Vec<u8>> {
    let title = format!("{who}{}年度工作统计", stats.year);
    let mut canvas = Canvas::new(fonts, &title);
    let page = canvas.add_page(PageSize::A4);
    let mut pen = Pen {
        canvas,
        page,
        y: TOP,
    };
    let tw = pen.width(FontRole::Title, 18.0, &title);
    pen.text(
        (210.0 - tw) / 2.0,
        pen.y - 6.0,
        18.0,
        FontRole::Title,
        &title,
    )?;
    pen.y -= 12.0;

    counts(
        &mut pen,
        "一、成员单位（在册，按类别）",
        &stats.units_by_category,
        " 家",
    )?;
    counts(
        &mut pen,
        "二、成员单位（在册，按分会）",
        &stats.units_by_branch,
        " 家",
    )?;

    pen.heading("三、历年入会与退出（深色入会，浅色退出）")?;
    let max = stats
        .joins_and_leaves
        .iter()
        .map(|f| f.joined.max(f.left))
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    if stats.joins_and_leaves.is_empty() {
        pen.note("（暂无数据）")?;
    }
    for f in &stats.joins_and_leaves {
        pen.row(
            &format!("{} 年", f.year),
            &[(f.left as f32 / max, 0.75), (f.joined as f32 / max, 0.35)],
            &format!("入会 {}，退出 {}", f.joined, f.left),
        )?;
    }

    pen.heading("四、会议到会情况（浅色应到，深色实到）")?;
    if stats.attendance.is_empty() {
        pen.note("（本年度没有会议）")?;
    }
    let max = stats
        .attendance
        .iter()
        .map(|m| m.expected)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    for m in &stats.attendance {
        let rate = m.rate_percent.map_or("—".to_string(), |r| format!("{r}%"));
        pen.row(
            &m.title,
            &[
                (m.expected as f32 / max, 0.8),
                (m.present as f32 / max, 0.3),
            ],
            &format!(
                "实到 {}/{}，请假 {}，{rate}",
                m.present, m.expected, m.leave
            ),
        )?;
    }

    counts(
        &mut pen,
        "五、共建协议（按状态）",
        &stats.agreements_by_status,
        " 份",
    )?;

    pen.heading("六、历年捐赠（浅色认捐，深色到账）")?;
    if stats.donations_by_year.is_empty() {
        pen.note("（暂无捐赠）")?;
    }
    let max = stats
        .donations_by_year
        .iter()
        .map(|d| d.pledged_fen.max(d.received_fen))
        .max()
        .unwrap_or(0)
        .max(1);
    for d in &stats.donations_by_year {
        // The bar's share of the longest, in thousandths (integer arithmetic on 分).
        let share = |fen: i64| (fen.saturating_mul(1000) / max) as f32 / 1000.0;
        let mut value = format!("认捐 {}，到账 {}", d.pledged, d.received);
        if d.in_kind_fen > 0 {
            value.push_str(&format!("，物资 {}", d.in_kind));
        }
        pen.row(
            &format!("{} 年", d.year),
            &[(share(d.pledged_fen), 0.75), (share(d.received_fen), 0.35)],
            &value,
        )?;
    }
    counts(
        &mut pen,
        "七、需求清单（按状态）",
        &stats.needs_by_status,
        " 项",
    )?;
    counts(
        &mut pen,
        "八、共建项目（按状态）",
        &stats.projects_by_status,
        " 个",
    )?;
    for (title, list, none) in [
        (
            "九、尚未认领的共建项目",
            &stats.unclaimed_projects,
            "（没有未认领的项目）",
        ),
        (
            "十、超过完成时限尚未完成的项目",
            &stats.overdue_projects,
            "（没有逾期项目）",
        ),
    ] {
        pen.heading(title)?;
        if list.is_empty() {
            pen.note(none)?;
        }
        for (i, p) in list.iter().enumerate() {
            // The text block's width after the label column.
            let text = fit(&pen, p, 210.0 - 2.0 * LEFT - LABEL_W);
            pen.row(&format!("{}", i + 1), &[], &text)?;
        }
    }
    Ok(pen.canvas.finish())
}
