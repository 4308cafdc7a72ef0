//! Text normalisation shared by the roster, the importer and matching.

use unicode_normalization::UnicodeNormalization;

/// Normalises a unit or person name for storage: NFKC (full-width letters and digits become
/// half-width), trimmed, inner runs of white space collapsed to one space, and round
/// brackets stored as full-width （）.
pub fn clean_name(raw: &str) -> String {
    let nfkc: String = raw.nfkc().collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut pending_space = false;
    for c in nfkc.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            // A space between two CJK characters is noise; between Latin words it matters.
            let prev_cjk = out.chars().last().is_some_and(is_cjk);
            if !(prev_cjk || is_cjk(c) || c == '(' || c == ')') {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(match c {
            '(' => '（',
            ')' => '）',
            other => other,
        });
    }
    out.replace(" （", "（").replace("） ", "）")
}

/// The key two names are matched on: the cleaned name without any white space, with
/// brackets unified and Latin letters lower-cased.
pub fn name_key(raw: &str) -> String {
    clean_name(raw)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Is `c` a CJK ideograph or CJK punctuation (a character a line may break around)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x3FFFF) // extensions B and later (𠮷 …)
}

/// Trims a free-text field and turns NFKC-equivalent full-width spaces into plain ones.
pub fn clean_text(raw: &str) -> String {
    raw.replace('\u{3000}', " ").trim().to_string()
}

/// Trims the ends of a long text (contents, notes) and nothing else: its lines and spaces
/// inside are kept as written.
pub fn trimmed(raw: &str) -> String {
    raw.trim().to_string()
}

/// A name in Chinese quotation marks, as a sentence cites it: “红色物业”. A name that is
/// already one quoted span stays as it is; quotes inside a name become single quotes, as
/// nested quotation marks are written (“‘四点半课堂’志愿服务”).
pub fn quoted(name: &str) -> String {
    let name = name.trim();
    let inner = name.strip_prefix('“').and_then(|n| n.strip_suffix('”'));
    if let Some(inner) = inner.filter(|i| !i.contains(['“', '”'])) {
        return format!("“{inner}”");
    }
    format!("“{}”", name.replace('“', "‘").replace('”', "’"))
}

/// Clause-ending marks a clause loses when another clause follows it (or a full stop ends it).
const CLAUSE_END: &[char] = &['。', '，', '；', '、', '：', '？', '！', '.', ',', ';', ':'];

/// Clauses joined into one sentence: the one place a message is composed of parts (a reason
/// from anywhere, then "该行未导入" or "已跳过"). Each clause loses its own ending marks, the
/// clauses are joined with "，" and the sentence ends with one "。" (or the last clause's own
/// "？"/"！"), so "金额不能为负数。" and "该行未导入" become "金额不能为负数，该行未导入。",
/// never "金额不能为负数。，该行未导入。". Empty clauses are left out.
pub fn sentence(clauses: &[&str]) -> String {
    let parts: Vec<&str> = clauses
        .iter()
        .map(|c| c.trim().trim_end_matches(CLAUSE_END).trim_end())
        .filter(|c| !c.is_empty())
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let last = clauses
        .iter()
        .map(|c| c.trim())
        .rfind(|c| !c.trim_end_matches(CLAUSE_END).is_empty())
        .unwrap_or_default();
    let end = last
        .chars()
        .last()
        .filter(|c| matches!(c, '？' | '！'))
        .unwrap_or('。');
    let mut s = parts.join("，");
    s.push(end);
    s
}

/// `s` as a file name every file system takes: control characters and `\ / : * ? " < > |`
/// become `_`, and trailing dots and surrounding spaces go.
pub fn safe_file_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim().trim_end_matches('.').to_string()
}

/// Common single-character surnames (the great majority of people in China bear one of
/// these).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董\
袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫\
段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章\
鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路\
游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费\
卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查\
麻苑迟邝鞠芮郁封储井丘";

/// Two-character surnames.
const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "南宫",
];

/// Endings that make a short name an organisation, a post or a form of address, not a
/// person's name (海洋大学, 民政局, 张书记, 王主任).
const NOT_A_NAME_ENDINGS: [&str; 58] = [
    "大学", "学院", "学校", "小学", "中学", "医院", "公司", "集团", "银行", "超市", "商场", "宾馆",
    "酒店", "饭店", "中心", "协会", "商会", "学会", "联盟", "社区", "街道", "党委", "支部", "部队",
    "书记", "主任", "经理", "秘书", "干事", "老师", "委员", "代表", "同志", "领导", "主席", "政委",
    "教授", "专家", "先生", "女士", "阿姨", "师傅", "局", "所", "院", "部", "处", "科", "队", "站",
    "厂", "馆", "校", "店", "行", "社", "会", "长",
];

/// Does `s` read as one person's name (陈振华, 周𠮷, 欧阳明月, 阿依古丽·买买提)? Two or three
/// CJK characters under a common surname, four under a compound one, or a name with the
/// middle dot of minority and foreign names; never a name ending like an organisation or a
/// post (海洋大学, 民政局, 张书记). The data keeps no "person or organisation" flag, so this is
/// what the texts and letters go by where nothing better is known.
pub fn looks_like_personal_name(s: &str) -> bool {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    let ideograph =
        |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x3FFFF);
    if chars.len() < 2 || !chars.iter().all(|&c| ideograph(c) || c == '·') {
        return false;
    }
    let ending = |e: &&str| s.ends_with(*e) && (e.chars().count() > 1 || chars.len() > 2);
    if NOT_A_NAME_ENDINGS.iter().any(ending) {
        return false;
    }
    if chars.contains(&'·') {
        return chars.len() <= 16 && chars[0] != '·' && chars[chars.len() - 1] != '·';
    }
    match chars.len() {
        2 | 3 => SURNAMES.contains(chars[0]),
        4 => COMPOUND_SURNAMES.iter().any(|c| s.starts_with(c)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_join_into_one_sentence_with_one_mark_between_and_at_the_end() {
        let check = |parts: &[&str], want: &str| assert_eq!(sentence(parts), want, "{parts:?}");
        check(
            &["金额不能为负数。", "该行未导入。"],
            "金额不能为负数，该行未导入。",
        );
        check(
            &["金额不能为负数。", "该行未导入"],
            "金额不能为负数，该行未导入。",
        );
        check(
            &["金额不能为负数", "该行未导入。"],
            "金额不能为负数，该行未导入。",
        );
        check(
            &["“合计”是表尾说明或合计行，", "已跳过。"],
            "“合计”是表尾说明或合计行，已跳过。",
        );
        check(&["名称重复；", " ", "该行未导入"], "名称重复，该行未导入。");
        check(&["是否为同一单位？"], "是否为同一单位？");
        check(&["是否为同一单位？", "请核对"], "是否为同一单位，请核对。");
        check(&["。", ""], "");
    }

    #[test]
    fn a_cited_name_is_quoted_once_with_nested_quotes_single() {
        assert_eq!(quoted("红色物业联建"), "“红色物业联建”");
        assert_eq!(quoted("“红色物业”"), "“红色物业”");
        assert_eq!(quoted("“四点半课堂”志愿服务"), "“‘四点半课堂’志愿服务”");
        assert_eq!(quoted("“法治进社区”普法宣讲"), "“‘法治进社区’普法宣讲”");
    }

    fn check(raw: &str, clean: &str, key: &str) {
        assert_eq!(clean_name(raw), clean, "clean_name({raw:?})");
        assert_eq!(name_key(raw), key, "name_key({raw:?})");
    }

    #[test]
    fn names() {
        check("  海棠社区党委 ", "海棠社区党委", "海棠社区党委");
        check(
            "青岛啤酒(集团)有限公司",
            "青岛啤酒（集团）有限公司",
            "青岛啤酒（集团）有限公司",
        );
        check(
            "青岛啤酒 （集团） 有限公司",
            "青岛啤酒（集团）有限公司",
            "青岛啤酒（集团）有限公司",
        );
        check("中国　海洋大学", "中国海洋大学", "中国海洋大学");
        check(
            "ＡＢＣ  Bank  青岛分行",
            "ABC Bank青岛分行",
            "abcbank青岛分行",
        );
        check("𠮷野家餐饮", "𠮷野家餐饮", "𠮷野家餐饮");
    }
    #[test]
    fn personal_names_and_the_names_of_organisations() {
        for name in [
            "陈振华",
            "王建国",
            "周𠮷",
            "陈珺",
            "赵堃",
            "欧阳明月",
            "阿依古丽·买买提",
            "李明",
        ] {
            assert!(looks_like_personal_name(name), "{name}");
        }
        for name in [
            "海洋大学",
            "民政局",
            "张书记",
            "王主任",
            "海洋研究所",
            "惠民超市",
            "青岛啤酒股份有限公司",
            "八大关爱心商户联盟",
            "海军某部",
            "张",
            "Tom",
            "李 明",
            "",
        ] {
            assert!(!looks_like_personal_name(name), "{name}");
        }
    }
}
