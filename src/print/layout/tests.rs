use super::*;

/// CJK one em (10 pt), everything else half.
fn w(c: char) -> f32 {
    if is_cjk(c) {
        10.0
    } else {
        5.0
    }
}

fn texts(text: &str, width: f32, indent: f32) -> Vec<String> {
    break_lines(text, width, indent, &w)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[test]
fn breaks_between_cjk_characters() {
    assert_eq!(
        texts("一二三四五六七", 30.0, 0.0),
        ["一二三", "四五六", "七"]
    );
    assert_eq!(
        texts("一二三四五六七", 30.0, 10.0),
        ["一二", "三四五", "六七"]
    );
}

#[test]
fn closing_punctuation_pulls_the_previous_character_down() {
    // "三" would end line 1 and "，" start line 2: pull "三" down with it.
    assert_eq!(texts("一二三，四五", 30.0, 0.0), ["一二", "三，四", "五"]);
    // Doubled dashes and ellipses never start a line.
    assert_eq!(texts("一二三——四", 30.0, 0.0), ["一二", "三——四"]);
}

#[test]
fn opening_punctuation_never_ends_a_line() {
    assert_eq!(texts("一二（三）四", 30.0, 0.0), ["一二", "（三）", "四"]);
    assert_eq!(texts("一二“三”", 30.0, 0.0), ["一二", "“三”"]);
}

#[test]
fn latin_words_and_numbers_stay_whole() {
    // "13800000000" is 55 pt: it moves to its own line, then is split only if wider.
    let lines = texts("电话13800000000转", 60.0, 0.0);
    assert_eq!(lines, ["电话", "13800000000", "转"]);
    assert_eq!(
        texts("金额¥1,234.50元", 50.0, 0.0),
        ["金额", "¥1,234.50", "元"]
    );
    assert_eq!(
        texts("hello world again", 30.0, 0.0),
        ["hello", "world", "again"]
    );
    // Wider than a whole line: split between characters, nothing lost.
    assert_eq!(texts("abcdefgh", 20.0, 0.0), ["abcd", "efgh"]);
}

#[test]
fn lines_are_justified_except_the_last() {
    let lines = break_lines("一二三，四五", 30.0, 0.0, &w);
    assert!(lines[0].justify && !lines[2].justify);
    let s = justify_spacing(&lines[0], 10.0);
    assert!((s - 10.0).abs() < 0.01, "{s}");
    assert_eq!(justify_spacing(&lines[2], 10.0), 0.0);
}

fn with(text: &str, width: f32, rules: BreakRules) -> Vec<String> {
    break_lines_with(text, width, 0.0, &w, rules)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

const WORDS: BreakRules = BreakRules {
    keep_words: true,
    keep_entries: false,
    no_orphan: false,
};
const ENTRIES: BreakRules = BreakRules {
    keep_words: true,
    keep_entries: true,
    no_orphan: false,
};
const NO_ORPHAN: BreakRules = BreakRules {
    keep_words: false,
    keep_entries: false,
    no_orphan: true,
};

#[test]
fn the_street_s_own_place_names_stay_whole() {
    use crate::print::words::{use_vocabulary, Vocabulary};
    // 10 pt a character: four to a line. The dictionary splits 太平/角 and the line breaks
    // there; with the street's communities the place is one word.
    use_vocabulary(Vocabulary::default());
    assert_eq!(
        with("青岛太平角职工疗养院", 40.0, WORDS),
        ["青岛太平", "角职工", "疗养院"]
    );
    use_vocabulary(Vocabulary::new(["太平角社区"], ["太平角社区"]));
    let lines = with("青岛太平角职工疗养院", 40.0, WORDS);
    assert_eq!(lines, ["青岛", "太平角", "职工", "疗养院"]);
    assert_eq!(
        breaks_inside_words("青岛太平角职工疗养院", &["青岛太平", "角职工", "疗养院"]),
        1,
        "the checker knows the place too"
    );
    use_vocabulary(Vocabulary::default());
}

#[test]
fn short_words_stay_whole_when_the_line_has_another_break() {
    // Greedy fills the line and leaves 记 alone; keeping 党委书记 breaks at the space.
    assert_eq!(texts("王小明 党委书记", 65.0, 0.0), ["王小明 党委书", "记"]);
    assert_eq!(with("王小明 党委书记", 65.0, WORDS), ["王小明", "党委书记"]);
    // A name of four characters in a list, kept after its separator.
    assert_eq!(texts("张三、欧阳娜娜", 50.0, 0.0), ["张三、欧阳", "娜娜"]);
    assert_eq!(with("张三、欧阳娜娜", 50.0, WORDS), ["张三、", "欧阳娜娜"]);
    // Longer runs break between their words (石油化/工 is no break an office takes).
    assert_eq!(
        with("中国石油化工股份有限公司", 50.0, WORDS),
        ["中国", "石油化工", "股份", "有限公司"]
    );
    // Without another legal break the word is broken after all.
    assert_eq!(with("党委书记", 30.0, WORDS), ["党委书", "记"]);
}

#[test]
fn entries_that_fit_a_line_stay_whole() {
    // 街道党工委副书记 (8 characters) is no short word, but an entry that fits.
    assert_eq!(
        with("王小明 街道党工委副书记", 80.0, WORDS),
        ["王小明 街道", "党工委副书记"]
    );
    assert_eq!(
        with("王小明 街道党工委副书记", 80.0, ENTRIES),
        ["王小明", "街道党工委副书记"]
    );
    // The separator stays with its entry.
    assert_eq!(
        with("党工委副书记、办事处副主任", 80.0, WORDS),
        ["党工委副书记、", "办事处副主任"]
    );
    assert_eq!(
        with("党工委副书记、办事处副主任", 80.0, ENTRIES),
        ["党工委副书记、", "办事处副主任"]
    );
}

#[test]
fn no_orphan_moves_the_last_break_back() {
    assert_eq!(
        texts("一二三四五六七", 30.0, 0.0),
        ["一二三", "四五六", "七"]
    );
    assert_eq!(
        with("一二三四五六七", 30.0, NO_ORPHAN),
        ["一二三", "四五", "六七"]
    );
    assert_eq!(with("党委书记", 30.0, NO_ORPHAN), ["党委", "书记"]);
    // 避头尾 holds: "，" cannot start the line, so 七 and "，" move down together.
    assert_eq!(
        texts("一二三四五六七，八", 40.0, 0.0),
        ["一二三四", "五六七，", "八"]
    );
    assert_eq!(
        with("一二三四五六七，八", 40.0, NO_ORPHAN),
        ["一二三四", "五六", "七，八"]
    );
    // A character with its closing bracket is still alone.
    assert_eq!(
        texts("代表十家单位发言）", 40.0, 0.0),
        ["代表十家", "单位发", "言）"]
    );
    assert_eq!(
        with("代表十家单位发言）", 40.0, NO_ORPHAN),
        ["代表十家", "单位", "发言）"]
    );
    // Too narrow for two characters: nothing to do, nothing lost.
    assert_eq!(with("一二三", 10.0, NO_ORPHAN), ["一", "二", "三"]);
    // Nothing moves when the last line has company.
    assert_eq!(with("一二三四五六", 30.0, NO_ORPHAN), ["一二三", "四五六"]);
}

#[test]
fn orphans_and_split_short_words_are_found() {
    let lines = |t: &str, width: f32| break_lines(t, width, 0.0, &w);
    assert!(has_orphan(&lines("党委书记", 30.0)));
    assert!(has_orphan(&lines("代表家单位发言）", 60.0)));
    assert!(!has_orphan(&lines("党委书记", 40.0)));
    assert!(!has_orphan(&lines("记", 40.0)));
    assert!(splits_short_word("党委书记", &lines("党委书记", 20.0)));
    assert!(splits_short_word(
        "张三、欧阳娜娜",
        &lines("张三、欧阳娜娜", 50.0)
    ));
    let kept = break_lines_with("张三、欧阳娜娜", 50.0, 0.0, &w, WORDS);
    assert!(!splits_short_word("张三、欧阳娜娜", &kept));
    assert!(!splits_short_word(
        "王小明 党委书记",
        &lines("王小明 党委书记", 40.0)
    ));
    assert!(!splits_short_word(
        "中国石油化工股份有限公司",
        &lines("中国石油化工股份有限公司", 50.0)
    ));
}

#[test]
fn titles_balance_their_lines_and_keep_words_whole() {
    // 26 ems to a line: the greedy break leaves "开" alone; balanced, the two lines are
    // as even as the words allow and no word is cut.
    let title = "金沙街道2026年度共建联席会议暨优秀共建单位表彰大会召开";
    let greedy = texts(title, 260.0, 0.0);
    assert_eq!(greedy.last().map(String::as_str), Some("开"));
    let lines: Vec<String> = balance_lines(title, 260.0, &w)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let (a, b) = (lines[0].chars().count(), lines[1].chars().count());
    assert!(a.abs_diff(b) <= 4, "{lines:?}");
    assert_eq!(lines.concat(), title);
    // One line stays one line.
    assert_eq!(balance_lines("签到表", 260.0, &w).len(), 1);
}

#[test]
fn breaks_inside_words_are_counted() {
    let text = "青岛市红十字会";
    assert_eq!(breaks_inside_words(text, &["青岛市红十", "字会"]), 1);
    assert_eq!(breaks_inside_words(text, &["青岛市", "红十字会"]), 0);
    assert_eq!(breaks_inside_words(text, &[text]), 0);
}

#[test]
fn empty_text_has_no_lines() {
    assert!(texts("", 30.0, 0.0).is_empty());
    assert!(texts("   ", 30.0, 0.0).is_empty());
}
