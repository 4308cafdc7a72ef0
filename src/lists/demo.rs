//! The demo street's three lists.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::claims::claim;
use super::results::{add_progress, record_result};
use super::{
    add_need, add_project, add_resource, ClaimInput, NeedInput, NeedStatus, ProjectInput,
    ResourceInput, ResourceKind, ResultInput,
};
use crate::error::{Error, Result};

/// The demo street's three lists of 2026: 12 needs, 10 resources and 15 projects claimed at
/// `meeting` (9 claimed, two of them by two units; 2 under way; 3 finished with results).
/// The demo agreements' {{共建项目}} come from these claims. Runs inside the demo loader's
/// transaction.
pub fn load_demo(conn: &Connection, meeting: Option<i64>) -> Result<usize> {
    let d = |m: u32, dd: u32| NaiveDate::from_ymd_opt(2026, m, dd);
    let unit = |name: &str| -> Result<i64> {
        crate::units::find_by_name(conn, name)?
            .map(|u| u.id)
            .ok_or(Error::NotFound {
                what: "示例单位",
                id: name.to_string(),
            })
    };
    let community = |name: &str| -> Result<Option<i64>> {
        Ok(crate::org::communities(conn)?
            .into_iter()
            .find(|c| c.name == name)
            .map(|c| c.id))
    };
    // (name, raised by a community / a unit / text, category, content, scale, wanted by)
    type DemoNeed<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<NaiveDate>,
    );
    let needs: [DemoNeed<'_>; 12] = [
        (
            "老旧小区议事协商",
            "海棠社区",
            "区域发展",
            "小区物业与居民议事平台",
            "3个小区",
            d(12, 31),
        ),
        (
            "放学后看护",
            "紫荆社区",
            "关心关爱",
            "双职工家庭孩子课后看护",
            "约40名学生",
            d(12, 31),
        ),
        (
            "普法讲座",
            "银杏社区",
            "宣传宣讲",
            "老年人防诈骗、婚姻继承法律知识",
            "每季度1次",
            d(12, 31),
        ),
        (
            "独居老人健康随访",
            "枫林社区",
            "关心关爱",
            "每月上门测血压、建档",
            "60户",
            d(11, 30),
        ),
        (
            "夜间治安巡防",
            "梧桐社区",
            "服务指导",
            "背街小巷夜间巡逻",
            "每周2次",
            d(12, 31),
        ),
        (
            "街巷环境整治",
            "海棠社区",
            "区域发展",
            "清理楼道杂物、规范停车",
            "5条街巷",
            d(10, 31),
        ),
        (
            "退役军人就业帮扶",
            "海棠区退役军人服务站",
            "服务指导",
            "岗位推荐与技能培训",
            "20人",
            d(12, 31),
        ),
        (
            "老旧小区适老化改造",
            "居民",
            "区域发展",
            "加装扶手、坡道",
            "2个小区",
            d(12, 31),
        ),
        (
            "困难家庭学生助学",
            "紫荆社区",
            "关心关爱",
            "学习用品与结对辅导",
            "15名学生",
            d(11, 15),
        ),
        (
            "垃圾分类宣传",
            "银杏社区",
            "宣传宣讲",
            "入户宣传与桶边督导",
            "全社区",
            None,
        ),
        (
            "社区文化活动场地",
            "梧桐社区",
            "区域发展",
            "周末文体活动场地",
            "100人",
            None,
        ),
        (
            "小区充电桩安装",
            "居民",
            "区域发展",
            "电动自行车集中充电",
            "1处",
            None,
        ),
    ];
    let mut need_ids = Vec::new();
    for (i, (name, by, category, content, scale, wanted)) in needs.iter().enumerate() {
        let mut input = NeedInput {
            year: Some(2026),
            name: (*name).into(),
            category: (*category).into(),
            content: (*content).into(),
            scale: (*scale).into(),
            wanted_by: *wanted,
            contact: "林雅琴".into(),
            phone: "0532-82860001".into(),
            status: Some(match i {
                11 => NeedStatus::Closed,
                9 | 10 => NeedStatus::Collecting,
                _ => NeedStatus::Published,
            }),
            meeting_id: meeting,
            ..NeedInput::default()
        };
        if let Some(c) = community(by)? {
            input.community_id = Some(c);
        } else if let Some(u) = crate::units::find_by_name(conn, by)? {
            input.unit_id = Some(u.id);
        } else {
            input.raised_by = (*by).into();
        }
        need_ids.push(add_need(conn, &input)?.id);
    }
    // (unit, kind, name, content, availability, capacity)
    type DemoResource<'a> = (&'a str, ResourceKind, &'a str, &'a str, &'a str, &'a str);
    let resources: [DemoResource<'_>; 10] = [
        (
            "海棠大学海洋学院",
            ResourceKind::Volunteers,
            "大学生志愿服务队",
            "课后辅导、科普讲解",
            "每周三、周五下午",
            "30人",
        ),
        (
            "海棠大学海洋学院",
            ResourceKind::EducationBase,
            "海洋科普馆",
            "海洋生物标本展",
            "每周六开放",
            "80人/场",
        ),
        (
            "海棠区人民检察院",
            ResourceKind::Services,
            "检察官普法宣讲",
            "防范电信诈骗、未成年人保护",
            "每季度1次",
            "",
        ),
        (
            "海棠区人民医院",
            ResourceKind::Services,
            "家庭医生上门服务",
            "健康随访、慢病管理",
            "每月1次",
            "60户",
        ),
        (
            "海棠宾馆有限责任公司",
            ResourceKind::Venue,
            "多功能会议厅",
            "会议、培训场地",
            "提前三天预约",
            "120人",
        ),
        (
            "海棠电力供电有限公司",
            ResourceKind::Volunteers,
            "“电力红马甲”志愿队",
            "用电安全检查",
            "每月1次",
            "15人",
        ),
        (
            "海棠银行股份有限公司海棠支行",
            ResourceKind::Funds,
            "助学资金",
            "困难家庭学生助学",
            "每年9月",
            "2万元",
        ),
        (
            "海棠区图书馆",
            ResourceKind::Goods,
            "流动图书",
            "图书漂流箱",
            "每季度更换",
            "500册",
        ),
        (
            "海棠文化馆",
            ResourceKind::Venue,
            "非遗展厅",
            "非遗展演、手工课",
            "周二至周日",
            "60人",
        ),
        (
            "海棠区律师协会",
            ResourceKind::Services,
            "律师法律体检",
            "小微企业合同、用工风险排查",
            "每月第一周",
            "10家/月",
        ),
    ];
    let mut resource_ids = Vec::new();
    for (u, kind, name, content, availability, capacity) in resources {
        resource_ids.push(
            add_resource(
                conn,
                &ResourceInput {
                    year: Some(2026),
                    unit_id: Some(unit(u)?),
                    kind,
                    name: name.into(),
                    content: content.into(),
                    availability: availability.into(),
                    capacity: capacity.into(),
                    contact: "林雅琴".into(),
                    ..ResourceInput::default()
                },
            )?
            .id,
        );
    }
    // (name, category, content, deadline, need index, resource index, claimants (lead first))
    type DemoProject<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<NaiveDate>,
        Option<usize>,
        Option<usize>,
        &'a [&'a str],
    );
    let projects: [DemoProject<'_>; 15] = [
        (
            "“红色物业”联建，共同办好小区议事会",
            "区域发展",
            "物业、居民、共建单位三方议事，每月一次",
            d(12, 31),
            Some(0),
            Some(4),
            &["海棠物业服务有限公司", "海棠区人民检察院"],
        ),
        (
            "“四点半课堂”志愿服务",
            "关心关爱",
            "大学生志愿者课后辅导，每月不少于两次",
            d(12, 31),
            Some(1),
            Some(0),
            &["海棠大学海洋学院", "武警某部三支队九中队"],
        ),
        (
            "“法治进社区”普法宣讲",
            "宣传宣讲",
            "检察官进社区宣讲防诈骗和未成年人保护",
            d(12, 31),
            Some(2),
            Some(2),
            &["海棠区人民检察院"],
        ),
        (
            "“税收政策进万家”宣讲",
            "宣传宣讲",
            "个税汇算、小微企业税收优惠宣讲",
            d(11, 30),
            None,
            None,
            &["海棠区税务局海棠税务所"],
        ),
        (
            "“平安海棠”夜间巡防",
            "服务指导",
            "背街小巷夜间联合巡逻",
            d(12, 31),
            Some(4),
            None,
            &["海棠公安分局海棠路派出所"],
        ),
        (
            "“整洁街巷”共治行动",
            "区域发展",
            "楼道杂物清理、停车秩序整治",
            d(10, 31),
            Some(5),
            None,
            &["海棠区城市管理局执法中队"],
        ),
        (
            "独居老人健康随访",
            "关心关爱",
            "家庭医生每月上门随访、建立健康档案",
            d(11, 30),
            Some(3),
            Some(3),
            &["海棠区人民医院"],
        ),
        (
            "“非遗进社区”文化展演",
            "宣传宣讲",
            "非遗展演与手工体验课",
            d(12, 31),
            Some(10),
            Some(8),
            &["海棠文化馆"],
        ),
        (
            "退役军人就业指导",
            "服务指导",
            "岗位推荐会与技能培训",
            d(12, 31),
            Some(6),
            None,
            &["海棠区退役军人服务站"],
        ),
        (
            "海洋科普进校园",
            "宣传宣讲",
            "海洋科普讲座与科普馆参观",
            d(12, 31),
            None,
            Some(1),
            &[],
        ),
        (
            "老旧小区适老化改造",
            "区域发展",
            "加装扶手、坡道",
            d(12, 31),
            Some(7),
            None,
            &[],
        ),
        (
            "困难家庭学生助学",
            "关心关爱",
            "助学金与结对辅导",
            d(11, 15),
            Some(8),
            Some(6),
            &[],
        ),
        (
            "小微企业法律体检",
            "服务指导",
            "律师上门排查合同与用工风险",
            d(12, 31),
            None,
            Some(9),
            &[],
        ),
        (
            "垃圾分类宣传督导",
            "宣传宣讲",
            "入户宣传与桶边督导",
            d(12, 31),
            Some(9),
            None,
            &[],
        ),
        (
            "流动图书进社区",
            "宣传宣讲",
            "图书漂流箱进社区",
            d(12, 31),
            None,
            Some(7),
            &[],
        ),
    ];
    let mut ids = Vec::new();
    for (name, category, content, deadline, need, resource, claimants) in projects {
        let p = add_project(
            conn,
            &ProjectInput {
                year: Some(2026),
                name: name.into(),
                category: category.into(),
                content: content.into(),
                meeting_id: meeting,
                deadline,
                need_ids: need.map(|i| need_ids[i]).into_iter().collect(),
                resource_ids: resource.map(|i| resource_ids[i]).into_iter().collect(),
                ..ProjectInput::default()
            },
        )?;
        for (i, u) in claimants.iter().enumerate() {
            claim(
                conn,
                p.id,
                &ClaimInput {
                    unit_id: unit(u)?,
                    lead: i == 0,
                    claimed_on: d(9, 25),
                    commitment: if i == 0 {
                        "牵头组织实施"
                    } else {
                        "协助开展"
                    }
                    .into(),
                    ..ClaimInput::default()
                },
            )?;
        }
        ids.push(p.id);
    }
    let note = |i: usize, m: u32, dd: u32, text: &str| -> Result<()> {
        let on = d(m, dd).ok_or_else(|| Error::invalid("date", "示例日期无效"))?;
        add_progress(conn, ids[i], on, text).map(drop)
    };
    note(4, 10, 12, "已组建联合巡逻队，开展夜间巡逻6次")?;
    note(8, 10, 20, "举办专场招聘会1场，15人达成意向")?;
    note(2, 10, 15, "在海棠社区、银杏社区各宣讲1场")?;
    note(6, 10, 30, "已建档58户")?;
    let nowhere = Path::new(".");
    for (i, m, dd, text) in [
        (
            2,
            11,
            20,
            "全年宣讲4场，覆盖居民600余人次，发放宣传册1200份",
        ),
        (3, 11, 18, "宣讲3场，为32家小微企业答疑"),
        (6, 11, 25, "为60户独居老人建立健康档案，随访180人次"),
    ] {
        record_result(
            conn,
            nowhere,
            ids[i],
            &ResultInput {
                done_on: d(m, dd),
                result: text.into(),
                attachments: Vec::new(),
            },
        )?;
    }
    Ok(ids.len())
}
