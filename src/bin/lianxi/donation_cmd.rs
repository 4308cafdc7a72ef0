//! `lianxi money upper` and `lianxi donation list|add|receive|withdraw|import`. The donation
//! papers (`lianxi print|export donations|thanks|certificates`) are in `paper.rs`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use lianxi::donations::import::{self, DonationImportOptions};
use lianxi::donations::{
    self, Donation, DonationFilter, DonationInput, DonationKind, ReceiptInput, ReceiptMethod,
};
use lianxi::money::{format_yuan, parse_amount};
use lianxi::{date, units, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum MoneyAction {
    /// 把金额写成大写，如 money upper 1409.50 → 壹仟肆佰零玖元伍角
    Upper {
        /// 金额，如 1409.50、30,000.00、3.5万
        #[arg(allow_hyphen_values = true)]
        amount: String,
    },
}

pub fn run_money(action: MoneyAction) -> Result<(), Error> {
    match action {
        MoneyAction::Upper { amount } => {
            let a = donations::amount_in_words(&amount)?;
            println!("{}", a.upper);
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum DonationAction {
    /// 列出捐赠（带合计）
    List {
        /// 只列某次会议上宣布的捐赠（会议编号，见 meeting list）
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// 只列某一年度
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// 以 JSON 输出（金额以分为单位，totals 含合计与大写）
        #[arg(long)]
        json: bool,
    },
    /// 登记一笔捐赠：现金（--cash）或物资（--item）
    Add(Box<AddArgs>),
    /// 登记到账
    Receive {
        /// 捐赠编号（见 donation list）
        id: i64,
        /// 到账金额
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// 到账日期，如 2026-10-08、2026.10.8
        #[arg(long, value_name = "DATE")]
        on: String,
        /// 方式：转账、支票或现金
        #[arg(long, default_value = "转账")]
        method: String,
    },
    /// 从 Excel 导入捐赠清单：先预览，再写入（可撤销）
    Import {
        /// 捐赠清单文件（.xlsx / .xls / .ods / .csv）
        file: PathBuf,
        /// 指定工作表（默认自动选择表头最匹配的可见工作表）
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// 这些捐赠是在哪次会议上宣布的（会议编号）
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        #[command(flatten)]
        preview: crate::Preview,
    },
    /// 撤销一次捐赠导入（默认：最近一次未撤销的）
    UndoImport {
        /// 导入批次编号
        batch: Option<i64>,
    },
    /// 撤回认捐（记录保留）
    Withdraw {
        /// 捐赠编号
        id: i64,
        /// 撤回原因
        #[arg(long)]
        reason: String,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// 捐赠方：成员单位名称（与名册中的名称一致时自动关联），或其他单位、个人的名称
    #[arg(long)]
    donor: String,
    /// 宣布捐赠的会议编号
    #[arg(long, value_name = "ID")]
    meeting: Option<i64>,
    /// 现金认捐金额
    #[arg(
        long,
        value_name = "AMOUNT",
        conflicts_with = "item",
        required_unless_present = "item",
        allow_hyphen_values = true
    )]
    cash: Option<String>,
    /// 同时登记的到账金额
    #[arg(
        long,
        value_name = "AMOUNT",
        requires = "cash",
        requires = "on",
        allow_hyphen_values = true
    )]
    received: Option<String>,
    /// 到账日期
    #[arg(long, value_name = "DATE", requires = "received")]
    on: Option<String>,
    /// 物资名称
    #[arg(long, value_name = "NAME", requires = "quantity", requires = "unit")]
    item: Option<String>,
    /// 物资规格
    #[arg(long)]
    spec: Option<String>,
    /// 物资数量
    #[arg(long, value_name = "N")]
    quantity: Option<String>,
    /// 计量单位，如 盒
    #[arg(long)]
    unit: Option<String>,
    /// 物资折价金额（没有公允价格时不填）
    #[arg(
        long,
        value_name = "AMOUNT",
        requires = "item",
        allow_hyphen_values = true
    )]
    value: Option<String>,
    /// 定向用途
    #[arg(long)]
    purpose: Option<String>,
    /// 统一社会信用代码
    #[arg(long)]
    credit_code: Option<String>,
    /// 经办人
    #[arg(long)]
    handler: Option<String>,
    /// 年度（默认取会议的年份）
    #[arg(long)]
    year: Option<i32>,
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

fn show(d: &Donation) {
    let what = match d.kind {
        DonationKind::Cash => format!(
            "认捐 {}，已到账 {}",
            format_yuan(d.pledged_fen),
            format_yuan(d.received_fen)
        ),
        DonationKind::InKind => match d.estimated_value_fen {
            Some(v) => format!("{}，折价 {}", d.goods(), format_yuan(v)),
            None => format!("{}，未折价", d.goods()),
        },
    };
    println!(
        "{:>4}  {}  {}  {}  [{}]",
        d.id,
        d.donor_name,
        d.kind.label(),
        what,
        d.status.label()
    );
}

pub fn run(
    conn: &mut Connection,
    db_path: &std::path::Path,
    action: DonationAction,
) -> Result<(), Error> {
    match action {
        DonationAction::List {
            meeting,
            year,
            json,
        } => {
            let list = donations::list(
                conn,
                &DonationFilter {
                    meeting_id: meeting,
                    year,
                    ..DonationFilter::default()
                },
            )?;
            if json {
                crate::print_json(&list)?;
            } else {
                for d in &list.donations {
                    show(d);
                }
                let t = &list.totals;
                println!("共 {} 笔", t.count);
                println!(
                    "认捐合计 {}（{}）",
                    format_yuan(t.cash_pledged_fen),
                    t.cash_pledged_upper
                );
                println!(
                    "到账合计 {}（{}）",
                    format_yuan(t.cash_received_fen),
                    t.cash_received_upper
                );
                println!(
                    "未到账 {}（{}）",
                    format_yuan(t.cash_outstanding_fen),
                    t.cash_outstanding_upper
                );
                println!(
                    "物资折价合计 {}（{}）",
                    format_yuan(t.in_kind_value_fen),
                    t.in_kind_value_upper
                );
            }
        }
        DonationAction::Add(a) => {
            let unit = units::find_by_name(conn, &a.donor)?;
            let mut input = DonationInput {
                meeting_id: a.meeting,
                unit_id: unit.as_ref().map(|u| u.id),
                donor_name: unit.map_or(a.donor.clone(), |u| u.details.name),
                credit_code: a.credit_code.unwrap_or_default(),
                year: a.year,
                purpose: a.purpose.unwrap_or_default(),
                handler: a.handler.unwrap_or_default(),
                ..DonationInput::default()
            };
            let mut first = None;
            if let Some(cash) = a.cash {
                input.kind = DonationKind::Cash;
                input.pledged_fen = parse_amount(&cash)?;
                if let (Some(r), Some(on)) = (a.received, a.on) {
                    let on = date::parse_day(&on)?;
                    input.pledged_on = Some(on);
                    first = Some(ReceiptInput {
                        amount_fen: parse_amount(&r)?,
                        received_on: on,
                        method: ReceiptMethod::Transfer,
                        notes: String::new(),
                    });
                }
            } else {
                input.kind = DonationKind::InKind;
                input.item_name = a.item.unwrap_or_default();
                input.item_spec = a.spec.unwrap_or_default();
                input.quantity = a.quantity.unwrap_or_default();
                input.quantity_unit = a.unit.unwrap_or_default();
                input.estimated_value_fen = a.value.as_deref().map(parse_amount).transpose()?;
            }
            let d = donations::add(conn, &input, first.as_ref())?;
            if a.json {
                crate::print_json(&d)?;
            } else {
                println!("已登记捐赠（编号 {}）：", d.id);
                show(&d);
            }
        }
        DonationAction::Receive {
            id,
            amount,
            on,
            method,
        } => {
            let method = donations::parse_method(&method)?;
            let d = donations::receive(
                conn,
                id,
                &ReceiptInput {
                    amount_fen: parse_amount(&amount)?,
                    received_on: date::parse_day(&on)?,
                    method,
                    notes: String::new(),
                },
            )?;
            println!("已登记到账：");
            show(&d);
        }
        DonationAction::Import {
            file,
            sheet,
            meeting,
            preview: crate::Preview { dry_run, json },
        } => {
            let options = DonationImportOptions {
                sheet,
                meeting_id: meeting,
                mappings: Vec::new(),
            };
            let worker = lianxi::import::bounded::Worker::current_exe()?;
            let plan = import::plan_file(
                conn,
                &worker,
                &file,
                &options,
                &mut lianxi::import::no_progress,
            )?;
            let result = if dry_run || plan.donations.is_empty() {
                None
            } else {
                Some(import::commit(conn, db_path, &plan)?)
            };
            if json {
                let mut value = serde_json::to_value(&plan)?;
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("batch".into(), serde_json::to_value(&result)?);
                }
                return crate::print_json(&value);
            }
            let c = plan.counts;
            println!(
                "工作表：{}；可导入 {} 笔（成员单位 {}，其他捐赠方 {}），错误行 {}，跳过 {}",
                plan.sheet, c.new, c.members, c.outside, c.error_rows, c.ignored_rows
            );
            crate::print_problems(
                plan.problems
                    .iter()
                    .map(|p| (p.severity, p.message.as_str())),
            );
            match result {
                None if dry_run => println!("（预览，未写入。去掉 --dry-run 即可导入。）"),
                None => println!("没有可以导入的捐赠。"),
                Some(r) => println!(
                    "已导入 {} 笔（批次 {}，导入前已自动备份 {}）。如需撤销：lianxi donation undo-import {}",
                    r.imported, r.batch_id, r.backup_id, r.batch_id
                ),
            }
        }
        DonationAction::UndoImport { batch } => {
            let id = match batch {
                Some(id) => id,
                None => import::latest_batch(conn)?.ok_or_else(|| Error::UndoRefused {
                    reason: "没有可以撤销的捐赠导入。".into(),
                })?,
            };
            let n = import::undo(conn, id)?;
            println!("已撤销第 {id} 批捐赠导入：删除 {n} 笔捐赠。");
        }
        DonationAction::Withdraw { id, reason } => {
            let d = donations::withdraw(conn, id, &reason, date::today())?;
            println!("已撤回：");
            show(&d);
        }
    }
    Ok(())
}
