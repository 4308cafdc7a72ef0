//! A realistic 党建结对共建协议书 used by the examples, tests and benchmarks, so everyone
//! can look at the same output (`cargo run --example print_sample -- out.pdf`).

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use super::document::{Align, Block, Column, Doc, Table};
use crate::money::{format_yuan, rmb_upper};

const SIX_LIAN: [(&str, &str); 6] = [
    (
        "党建工作联抓",
        "双方党组织互相开放活动阵地，联合开展主题党日和党课交流，每年至少共同组织两次专题学习。",
    ),
    (
        "区域发展联促",
        "定期通报规划与政策信息，协调解决交通、配套服务等实际困难，共同营造良好的发展环境。",
    ),
    (
        "社区建设联兴",
        "乙方认领社区“需求清单”中的服务项目，参与社区文化活动和志愿服务，全年不少于200小时。",
    ),
    (
        "城区环境联创",
        "共同开展“美丽街巷”“垃圾分类进楼宇”等活动，每季度组织一次环境整治联合行动。",
    ),
    (
        "社会治理联做",
        "建立矛盾纠纷联调、安全隐患联查、突发事件联处机制，遇有紧急任务就近调配人员和物资。",
    ),
    (
        "民生事业联办",
        "乙方每年帮扶辖区困难群众、困境儿童；甲方统筹使用共建经费并反馈使用情况，专款专用。",
    ),
];

const PROJECTS: [(&str, &str, &str, &str); 9] = [
    (
        "“红色课堂”联学",
        "联合举办党史学习教育专题讲座，邀请老党员讲述街道发展历程",
        "甲方",
        "2026年3月",
    ),
    (
        "社区志愿服务日",
        "每月第二个周六组织党员志愿者到社区开展便民服务",
        "乙方",
        "全年",
    ),
    (
        "困难家庭结对帮扶",
        "乙方党员与12户困难家庭一对一结对，节日走访慰问",
        "双方",
        "全年",
    ),
    (
        "“美丽街巷”整治",
        "对八大关片区背街小巷开展环境整治，清理乱堆乱放",
        "甲方",
        "2026年5月",
    ),
    (
        "青少年科普开放日",
        "乙方开放实验室和展厅，接待辖区中小学生参观学习不少于300人次",
        "乙方",
        "2026年7月",
    ),
    (
        "安全生产联合检查",
        "对辖区沿街商铺、老旧楼院开展消防安全联合检查",
        "双方",
        "每季度",
    ),
    (
        "防汛应急演练",
        "汛期前联合开展防汛应急演练，检验物资储备和人员调度",
        "甲方",
        "2026年6月",
    ),
    (
        "就业创业服务",
        "乙方提供实习和就业岗位，举办社区居民技能培训2期",
        "乙方",
        "2026年9月",
    ),
    (
        "年度工作总结",
        "双方共同总结全年共建成效，评选优秀共建项目，研究下一年度计划",
        "双方",
        "2026年12月",
    ),
];

/// A shorter variant: the six areas in one paragraph, no project table, no 工作机制/期限
/// clauses; two pages in GB/T 9704 style (the benchmark's "2-page agreement").
pub fn two_page_agreement(seq: usize) -> Doc {
    let mut doc = agreement(seq);
    let areas: Vec<&str> = SIX_LIAN.iter().map(|(name, _)| *name).collect();
    let mut blocks = Vec::new();
    let mut in_areas = false; // skipping blocks until the next heading
    for block in std::mem::take(&mut doc.blocks) {
        match &block {
            Block::Heading1(h) if h.starts_with("五、") || h.starts_with("六、") => {
                in_areas = true;
            }
            Block::Heading1(h) if h.starts_with("七、") => {
                in_areas = false;
                blocks.push(Block::Heading1("五、其他".into()));
            }
            Block::Heading1(h) if h.starts_with("二、") => {
                in_areas = true;
                blocks.push(block);
                blocks.push(Block::para(format!(
                    "双方围绕{}六个方面开展共建，具体项目由双方联络员每年商定。",
                    areas.join("、")
                )));
            }
            Block::Heading1(_) => {
                in_areas = false;
                blocks.push(block);
            }
            _ if in_areas => {}
            _ => blocks.push(block),
        }
    }
    doc.blocks = blocks;
    doc
}

/// A sample agreement between the street's party working committee and a member unit;
/// `seq` varies the document number and the amounts.
pub fn agreement(seq: usize) -> Doc {
    let number = format!("八大关共建〔2026〕第{seq:03}号");
    let party_b = "青岛海洋科学研究院机关党委";
    let contact_b = "𠮷珺";
    let fen = 110_000_00 + (seq.saturating_sub(1) as i64 % 7) * 1_409_50;
    let amount = format!(
        "{}（大写：{}）",
        format_yuan(fen),
        rmb_upper(fen).unwrap_or_default()
    );

    let mut doc = Doc::new(format!("协议 {number}"), "党建结对共建协议书");
    doc.field("乙方名称", party_b)
        .field("乙方联系人", contact_b)
        .field("共建经费", amount.clone());
    doc.push(Block::Title("党建结对共建协议书".into()))
        .push(Block::line(number.clone(), Align::Right))
        .push(Block::line("甲方：中共八大关街道工作委员会", Align::Left))
        .push(Block::line("负责人：王浒　联系人：李堃　电话：0532-83861234", Align::Left))
        .push(Block::line(format!("乙方：{party_b}"), Align::Left))
        .push(Block::line(format!("负责人：张喆　联系人：{contact_b}　电话：13800138000"), Align::Left))
        .push(Block::para("为深入贯彻落实新时代党的建设总要求，推动街道党工委与驻区单位党组织资源共享、优势互补、共驻共建，经甲乙双方友好协商，本着“组织联建、资源共享、活动联办、发展共促”的原则，达成如下协议。"))
        .push(Block::Heading1("一、共建原则".into()))
        .push(Block::para("坚持党建引领、互利共赢，坚持因地制宜、注重实效，坚持长期合作、常态推进。双方在各自职责范围内开展共建，不改变各自的隶属关系、组织关系和经费渠道。"))
        .push(Block::Heading1("二、共建内容".into()));
    for (i, (name, text)) in SIX_LIAN.iter().enumerate() {
        doc.push(Block::Heading2(format!("（{}）{name}", cn_digit(i + 1))));
        doc.push(Block::para(*text));
    }
    doc.push(Block::para(
        "2026年度双方确定的共建项目如下表，具体安排由双方联络员另行商定。",
    ));
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(1.3, Align::Center),
            Column::new(3.0, Align::Left),
            Column::new(6.0, Align::Left),
            Column::new(1.5, Align::Center),
            Column::new(2.5, Align::Center),
        ],
        header: Some(
            ["序号", "项目", "主要内容", "牵头", "时间"]
                .map(String::from)
                .to_vec(),
        ),
        rows: PROJECTS
            .iter()
            .enumerate()
            .map(|(i, (p, c, who, when))| {
                vec![
                    (i + 1).to_string(),
                    p.to_string(),
                    c.to_string(),
                    who.to_string(),
                    when.to_string(),
                ]
            })
            .collect(),
        borders: true,
        size: Some(12.0),
        joined: Vec::new(),
    }));
    doc.push(Block::Heading1("三、甲方职责".into()))
        .push(Block::para("负责制定年度共建计划，统筹辖区共建资源，为乙方党员参加社区活动提供场地和便利；及时向乙方通报街道重点工作；负责共建经费的管理和使用情况反馈。"))
        .push(Block::Heading1("四、乙方职责".into()))
        .push(Block::para(format!("积极参与街道区域化党建联席会各项活动，认领并落实共建项目；本年度认捐共建经费{amount}，于2026年9月30日前拨付；指定一名联络员负责日常对接。")))
        .push(Block::Heading1("五、工作机制".into()))
        .push(Block::para("双方各确定一名联络员，建立联席会议制度，每半年至少召开一次共建工作会议；每季度末互相通报共建项目进展情况，年底共同开展共建成效评估。"))
        .push(Block::Heading1("六、期限".into()))
        .push(Block::para("本协议有效期自2026年1月1日起至2026年12月31日止。期满后双方无异议的，自动顺延一年。"))
        .push(Block::Heading1("七、其他".into()))
        .push(Block::para("本协议未尽事宜，由双方协商解决。"));
    doc.push(Block::KeepTogether(vec![
        Block::para("本协议一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。"),
        Block::Spacer(1.0),
        Block::Table(Table {
            columns: vec![Column::new(1.0, Align::Left), Column::new(1.0, Align::Left)],
            header: None,
            rows: vec![
                vec!["甲方（盖章）：".into(), "乙方（盖章）：".into()],
                vec![String::new(), String::new()],
                vec!["负责人（签字）：".into(), "负责人（签字）：".into()],
                vec![String::new(), String::new()],
                vec![
                    "日期：　　年　　月　　日".into(),
                    "日期：　　年　　月　　日".into(),
                ],
            ],
            borders: false,
            size: None,
            joined: Vec::new(),
        }),
    ]));
    doc
}

fn cn_digit(n: usize) -> &'static str {
    [
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n)
    .copied()
    .unwrap_or("十")
}
