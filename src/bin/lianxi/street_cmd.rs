//! `lianxi street show|set`: the street's profile (街道信息).

use clap::{Args, Subcommand};
use lianxi::street::{self, StreetField, StreetProfile, FIELDS};
use lianxi::Error;
use rusqlite::Connection;
use serde::Serialize;

#[derive(Subcommand)]
pub enum StreetAction {
    /// 显示街道信息（未填写而可由其他信息得出的项，显示得出的值）
    Show {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 修改街道信息：只改给出的项，给出空字符串（""）则清空该项；保存前检查
    Set(Box<SetArgs>),
}

/// The fields `street set` may change; each is left alone unless given.
#[derive(Args)]
pub struct SetArgs {
    /// 街道全称，如 八大关街道办事处
    #[arg(long)]
    name: Option<String>,
    /// 简称，如 八大关街道（不填时由全称去掉“办事处”得出）
    #[arg(long)]
    short_name: Option<String>,
    /// 党组织全称，如 中共八大关街道工作委员会
    #[arg(long)]
    party_org: Option<String>,
    /// 书记/负责人
    #[arg(long)]
    leader: Option<String>,
    /// 联系人
    #[arg(long)]
    contact: Option<String>,
    /// 电话，如 0532-82860001
    #[arg(long)]
    phone: Option<String>,
    /// 地址
    #[arg(long)]
    address: Option<String>,
    /// 联席会名称（不填时为“简称 + 区域化党建联席会”）
    #[arg(long)]
    meeting_name: Option<String>,
    /// 协议编号前缀，如 八大关共建（不填时由简称得出）
    #[arg(long)]
    prefix: Option<String>,
    /// 印发机关（不填时用党组织全称）
    #[arg(long)]
    issuer: Option<String>,
}

impl SetArgs {
    /// The fields given on the command line, with their new values.
    fn changes(self) -> Vec<(StreetField, String)> {
        [
            (StreetField::Name, self.name),
            (StreetField::ShortName, self.short_name),
            (StreetField::PartyOrg, self.party_org),
            (StreetField::Leader, self.leader),
            (StreetField::Contact, self.contact),
            (StreetField::Phone, self.phone),
            (StreetField::Address, self.address),
            (StreetField::MeetingName, self.meeting_name),
            (StreetField::NumberPrefix, self.prefix),
            (StreetField::Issuer, self.issuer),
        ]
        .into_iter()
        .filter_map(|(field, value)| value.map(|v| (field, v)))
        .collect()
    }
}

/// `street show --json`: the profile as typed, as documents use it, and what is missing.
#[derive(Serialize)]
struct StreetView {
    /// As typed (empty = not filled in).
    profile: StreetProfile,
    /// As documents use it: derived values where nothing was typed.
    in_use: StreetProfile,
    /// The essential fields still empty (codes such as `party_org`).
    missing: Vec<StreetField>,
}

pub fn run(conn: &mut Connection, action: StreetAction) -> Result<(), Error> {
    match action {
        StreetAction::Show { json } => show(&street::get(conn)?, json)?,
        StreetAction::Set(args) => {
            let changes = (*args).changes();
            if changes.is_empty() {
                return Err(Error::Invalid {
                    field: "street",
                    message: "请给出要修改的项，如 --name 八大关街道办事处（lianxi street set --help 列出全部）。"
                        .into(),
                });
            }
            let mut p = street::get(conn)?;
            for (field, value) in changes {
                p.set(field, value);
            }
            let saved = street::save(conn, &p)?;
            println!("已保存街道信息。");
            show(&saved, false)?;
        }
    }
    Ok(())
}

fn show(p: &StreetProfile, json: bool) -> Result<(), Error> {
    if json {
        return crate::print_json(&StreetView {
            profile: p.clone(),
            in_use: p.in_use(),
            missing: p.missing(),
        });
    }
    for spec in FIELDS {
        let typed = p.value(spec.field).trim();
        let in_use = p.value_in_use(spec.field);
        let shown = if !typed.is_empty() {
            typed.to_string()
        } else if !in_use.is_empty() {
            format!("{in_use}（未填写，自动得出）")
        } else {
            "（未填写）".to_string()
        };
        println!("{}：{shown}", spec.label);
    }
    let missing: Vec<&str> = p.missing().into_iter().map(StreetField::label).collect();
    if missing.is_empty() {
        println!("基本信息已填全。");
    } else {
        println!(
            "基本信息尚缺：{}（用 lianxi street set 填写）",
            missing.join("、")
        );
    }
    Ok(())
}
