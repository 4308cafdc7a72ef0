//! `lianxi agreement list|pair|delete|void`.

use clap::Subcommand;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::{date, lookup, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum AgreementAction {
    /// 列出共建协议
    List {
        /// 只列出某次会议的协议
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 结对：新建一份协议草稿（打印时才编号），输出协议编号（id）
    Pair {
        /// 会议编号或会议名称（协议属于该会议，年度随会议日期）
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 协议模板名称或其中唯一的一段（默认：党建结对共建协议书）
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// 甲方：street（街道）、community:社区名称 或 unit:成员单位名称
        #[arg(long = "a", value_name = "PARTY")]
        party_a: String,
        /// 乙方：写法同甲方，通常为 unit:成员单位名称
        #[arg(long = "b", value_name = "PARTY")]
        party_b: String,
        /// 份数（默认 2 份）
        #[arg(long, value_name = "N")]
        copies: Option<u32>,
        /// 以 JSON 输出新建的协议
        #[arg(long)]
        json: bool,
    },
    /// 删除一份草拟的协议（已打印的不能删除，只能作废）
    Delete {
        /// 协议的 id（见 agreement list 第一列）
        id: i64,
    },
    /// 标记已签署：签署日期，可附签署扫描件（pdf/jpg/png，复制到数据文件夹）
    Sign {
        /// 协议的 id（见 agreement list 第一列）
        id: i64,
        /// 签署日期（YYYY-MM-DD）
        #[arg(long, value_name = "DATE")]
        on: chrono::NaiveDate,
        /// 签署扫描件
        #[arg(long, value_name = "FILE")]
        scan: Option<std::path::PathBuf>,
    },
    /// 作废一份已打印或已签署的协议（保留编号，日期为今天）
    Void {
        /// 协议的 id（见 agreement list 第一列）
        id: i64,
        /// 作废原因
        #[arg(long, default_value = "")]
        reason: String,
    },
}

/// A party as typed after `--a` / `--b`, before its name is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PartyArg {
    Street,
    Community(String),
    Unit(String),
}

/// `street`, `community:NAME` or `unit:NAME` (a full-width colon is accepted too).
fn parse_party(raw: &str) -> Result<PartyArg, Error> {
    let s = raw.trim();
    let refuse = |message: String| Error::Invalid {
        field: "party",
        message,
    };
    if s.eq_ignore_ascii_case("street") {
        return Ok(PartyArg::Street);
    }
    let forms = "street（街道）、community:社区名称、unit:成员单位名称";
    let Some((prefix, name)) = s.split_once([':', '：']) else {
        return Err(refuse(format!(
            "无法识别协议方“{raw}”。请写作以下三种之一：{forms}。"
        )));
    };
    let name = name.trim();
    let make: fn(String) -> PartyArg = match prefix.trim().to_ascii_lowercase().as_str() {
        "community" => PartyArg::Community,
        "unit" => PartyArg::Unit,
        _ => {
            return Err(refuse(format!(
                "无法识别协议方“{raw}”：没有“{}”这种写法。请写作以下三种之一：{forms}。",
                prefix.trim()
            )))
        }
    };
    if name.is_empty() {
        return Err(refuse(format!(
            "协议方“{raw}”缺少名称，请在冒号后写出名称，如 unit:海棠路小学。"
        )));
    }
    Ok(make(name.to_string()))
}

/// The party a typed argument means, its name looked up.
fn party_ref(conn: &Connection, raw: &str) -> Result<PartyRef, Error> {
    Ok(match parse_party(raw)? {
        PartyArg::Street => PartyRef::street(),
        PartyArg::Community(name) => PartyRef::community(lookup::community(conn, &name)?.id),
        PartyArg::Unit(name) => PartyRef::unit(lookup::unit(conn, &name)?.id),
    })
}

pub fn run(
    conn: &mut Connection,
    db_path: &std::path::Path,
    action: AgreementAction,
) -> Result<(), Error> {
    match action {
        AgreementAction::List { meeting, json } => {
            let list = agreements::list(conn, meeting)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("还没有共建协议。");
            } else {
                for a in list {
                    println!(
                        "{}\t{}\t{}\t{}\t{}份",
                        a.id,
                        if a.number.is_empty() {
                            "（打印时编号）"
                        } else {
                            &a.number
                        },
                        a.status.label(),
                        format_args!("{} — {}", a.party_a.name, a.party_b.name),
                        agreements::cn_count(a.copies)
                    );
                }
            }
        }
        AgreementAction::Pair {
            meeting,
            template,
            party_a,
            party_b,
            copies,
            json,
        } => {
            let meeting = lookup::meeting(conn, &meeting)?;
            let template_id = match template {
                Some(name) => Some(lookup::template(conn, &name)?.id),
                None => None,
            };
            let pair = PairSpec {
                party_a: party_ref(conn, &party_a)?,
                party_b: party_ref(conn, &party_b)?,
            };
            let options = AgreementOptions {
                meeting_id: Some(meeting.id),
                template_id,
                copies,
                ..AgreementOptions::default()
            };
            let warnings = agreements::check_pairs(conn, std::slice::from_ref(&pair), &options)?;
            let a = agreements::create(conn, &pair, &options)?;
            for w in warnings.iter().flatten() {
                let note = if w.blocks_printing {
                    "（补全前不能打印）"
                } else {
                    ""
                };
                eprintln!("提示：{}{note}", w.message);
            }
            if json {
                crate::print_json(&a)?;
            } else {
                println!("{}", a.id);
            }
        }
        AgreementAction::Delete { id } => {
            let a = agreements::get(conn, id)?;
            agreements::delete_draft(conn, id)?;
            println!("已删除{}。", a.label());
        }
        AgreementAction::Sign { id, on, scan } => {
            let data_dir = lianxi::paths::DataDir::of_db(db_path);
            let a = agreements::mark_signed(conn, id, on, scan.as_deref(), data_dir.root())?;
            match &a.scan_file {
                Some(f) => println!("已标记{}为已签署（{on}），扫描件已保存为 {f}。", a.label()),
                None => println!("已标记{}为已签署（{on}）。", a.label()),
            }
        }
        AgreementAction::Void { id, reason } => {
            let a = agreements::void(conn, id, date::today(), &reason)?;
            println!("已作废{}。", a.label());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_in_the_three_forms() {
        for (typed, want) in [
            ("street", PartyArg::Street),
            (" Street ", PartyArg::Street),
            (
                "community:太平角社区",
                PartyArg::Community("太平角社区".into()),
            ),
            (
                "community：太平角社区",
                PartyArg::Community("太平角社区".into()),
            ),
            ("unit:海棠路小学", PartyArg::Unit("海棠路小学".into())),
            ("UNIT: 海棠路小学 ", PartyArg::Unit("海棠路小学".into())),
            (
                "unit:青岛啤酒(集团):分公司",
                PartyArg::Unit("青岛啤酒(集团):分公司".into()),
            ),
        ] {
            assert_eq!(parse_party(typed).unwrap(), want, "{typed:?}");
        }
    }

    #[test]
    fn other_forms_are_refused_listing_the_three() {
        for typed in ["branch:学校分会", "海棠路小学", "", "streets"] {
            let err = parse_party(typed).unwrap_err();
            assert_eq!(err.kind(), "invalid", "{typed:?}");
            let msg = err.to_string();
            for form in ["street", "community:社区名称", "unit:成员单位名称"] {
                assert!(msg.contains(form), "{typed:?}: {msg}");
            }
        }
        assert!(parse_party("branch:学校分会")
            .unwrap_err()
            .to_string()
            .contains("没有“branch”这种写法"));
        let err = parse_party("unit:").unwrap_err().to_string();
        assert!(err.contains("缺少名称"), "{err}");
    }
}
