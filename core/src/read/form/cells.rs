//! Lines as cells (TAB-separated, Markdown pipe rows, or runs of spaces), label keys,
//! and exact numbers as forms write them.

use std::borrow::Cow;
use std::cell::OnceCell;

use rust_decimal::Decimal;

use crate::text::{fold_char, fold_width};

/// One line of the form, split into trimmed cells borrowed from the text (a cell is
/// copied only when HTML is stripped from it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Row<'t> {
    /// 1-based line number in the decoded text.
    pub line: u32,
    /// The cells, trimmed; empty cells are empty strings.
    pub cells: Vec<Cow<'t, str>>,
    /// The [`key`] of each cell, computed once and only when asked: the classifiers key
    /// the cells of every row (long goal texts included), which dominated the reader's
    /// profile. Borrowed from the cell when it is its own key.
    keys: Vec<OnceCell<Cow<'t, str>>>,
}

impl<'t> Row<'t> {
    /// A row of cells, keyed.
    pub fn new(line: u32, cells: Vec<Cow<'t, str>>) -> Row<'t> {
        let keys = cells.iter().map(|_| OnceCell::new()).collect();
        Row { line, cells, keys }
    }

    /// The row of one line of text (see [`split_line`]).
    pub fn of_line(line: u32, text: &'t str) -> Row<'t> {
        let mut row = Row::default();
        row.refill(line, text);
        row
    }

    /// Makes this row the row of another line, reusing its buffers.
    pub fn refill(&mut self, line: u32, text: &'t str) {
        self.line = line;
        split_line_into(text, &mut self.cells);
        self.keys.clear();
        self.keys.resize_with(self.cells.len(), OnceCell::new);
    }

    /// The [`key`] of the cell at `index`, or `""` past the end.
    pub fn key(&self, index: usize) -> &str {
        match (self.keys.get(index), self.cells.get(index)) {
            (Some(k), Some(cell)) => k.get_or_init(|| match cell {
                Cow::Borrowed(text) => key_of(text),
                Cow::Owned(text) => Cow::Owned(key(text)),
            }),
            _ => "",
        }
    }

    /// The non-empty cells that may be labels (see [`may_be_label`]) with their columns
    /// and keys: long texts (goal paragraphs) are not keyed.
    pub fn labels(&self) -> impl Iterator<Item = (usize, &str, &str)> + use<'_, 't> {
        self.content()
            .filter(|(_, c)| may_be_label(c))
            .map(|(i, c)| (i, c, self.key(i)))
    }

    /// The first non-empty cell and the beginning of its key: the whole [`key`] for a
    /// cell that may be a label, the key of its first `LABEL_CHARS + 1` characters for a
    /// long text. Enough to compare with a label or a label prefix (none is that long),
    /// without keying a whole goal paragraph.
    pub fn first_head(&self) -> Option<(&str, Cow<'_, str>)> {
        let (i, cell) = self.first()?;
        if may_be_label(cell) {
            return Some((cell, Cow::Borrowed(self.key(i))));
        }
        let head = cell
            .chars()
            .map(fold_char)
            .filter(|&c| !c.is_whitespace() && !matches!(c, '*' | '★'))
            .take(LABEL_CHARS + 1)
            .collect();
        Some((cell, Cow::Owned(head)))
    }

    /// The non-empty cells with their columns and keys.
    pub fn keyed(&self) -> impl Iterator<Item = (usize, &str, &str)> + use<'_, 't> {
        self.content().map(|(i, c)| (i, c, self.key(i)))
    }

    /// The cell at `index`, or `""` past the end.
    pub fn get(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c)
    }

    /// The cell at an optional column.
    pub fn at(&self, index: Option<usize>) -> &str {
        index.map_or("", |i| self.get(i))
    }

    /// The non-empty cells with their columns.
    pub fn content(&self) -> impl Iterator<Item = (usize, &str)> + use<'_, 't> {
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(i, c)| (i, c.as_ref()))
    }

    /// The first non-empty cell.
    pub fn first(&self) -> Option<(usize, &str)> {
        self.content().next()
    }

    /// The first non-empty cell with its key.
    pub fn first_keyed(&self) -> Option<(usize, &str, &str)> {
        self.keyed().next()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.first().is_none()
    }

    /// A Markdown separator row (`--- | ---`, `--\t----`): every non-empty cell is dashes
    /// (with optional alignment colons).
    pub fn is_separator(&self) -> bool {
        let mut any = false;
        for (_, cell) in self.content() {
            let inner = cell.trim_matches(':');
            if inner.is_empty() || !inner.chars().all(|c| c == '-') {
                return false;
            }
            any = true;
        }
        any
    }
}

/// Splits one line into trimmed cells: by TAB; else as a Markdown pipe row; else by runs
/// of two or more spaces (text copied from a PDF viewer); else one cell.
#[cfg(test)]
pub(super) fn split_line(line: &str) -> Vec<Cow<'_, str>> {
    let mut cells = Vec::new();
    split_line_into(line, &mut cells);
    cells
}

/// [`split_line`] into `cells` (cleared first).
fn split_line_into<'t>(line: &'t str, cells: &mut Vec<Cow<'t, str>>) {
    cells.clear();
    // A byte-order mark at the start of a line (files joined one after the other) is no
    // text, as the one starting the file is not.
    let line = line.trim_end_matches('\r').trim_start_matches('\u{feff}');
    if let Some(first_tab) = memchr::memchr(b'\t', line.as_bytes()) {
        // The TABs found once over the line (a `str::split` searches again for every cell).
        let mut start = 0;
        for tab in std::iter::once(first_tab).chain(
            memchr::memchr_iter(
                b'\t',
                line.as_bytes().get(first_tab + 1..).unwrap_or_default(),
            )
            .map(|at| first_tab + 1 + at),
        ) {
            cells.push(clean(line.get(start..tab).unwrap_or_default()));
            start = tab + 1;
        }
        cells.push(clean(line.get(start..).unwrap_or_default()));
    } else if is_pipe_row(line) {
        let trimmed = line.trim();
        let inner = trimmed.strip_prefix('|').unwrap_or(trimmed);
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        cells.extend(inner.split('|').map(clean));
    } else {
        split_on_space_runs(line, cells);
    }
}

/// A cell trimmed, with HTML tags and entities removed (`<p>…</p>`, `&nbsp;`).
fn clean(cell: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'<', b'&', cell.as_bytes()).is_some() {
        Cow::Owned(crate::text::strip_html(cell))
    } else {
        Cow::Borrowed(cell.trim())
    }
}

fn is_pipe_row(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with('|') || trimmed.ends_with('|') || trimmed.matches('|').count() >= 2
}

/// Cells separated by runs of two or more whitespace characters; a single space stays
/// inside its cell, leading and trailing whitespace goes.
fn split_on_space_runs<'t>(line: &'t str, cells: &mut Vec<Cow<'t, str>>) {
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut run = 0;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            run += 1;
            continue;
        }
        match start {
            None => start = Some(i),
            Some(s) if run >= 2 => {
                cells.push(clean(line.get(s..end).unwrap_or_default()));
                start = Some(i);
            }
            Some(_) => {}
        }
        run = 0;
        end = i + c.len_utf8();
    }
    let last = start.and_then(|s| line.get(s..end)).unwrap_or_default();
    cells.push(clean(last));
}

/// No label the form reader knows has a longer key (the longest, `社会公众或服务对象满意度`
/// and the like, have 14 characters or less).
pub(super) const LABEL_CHARS: usize = 24;

/// Whether a cell's [`key`] has at most [`LABEL_CHARS`] characters, checked without
/// keying it and looking at no more than that many characters: a long text (a goal
/// paragraph) is no label.
pub(super) fn may_be_label(cell: &str) -> bool {
    // No more bytes than that, no more characters.
    if cell.len() <= LABEL_CHARS {
        return true;
    }
    cell.chars()
        .map(fold_char)
        .filter(|&c| !c.is_whitespace() && !matches!(c, '*' | '★' | ':' | '：'))
        .nth(LABEL_CHARS)
        .is_none()
}

/// Whether a cell may hold the character `c`: `false` only when the cell is short (a
/// label's length, [`LABEL_CHARS`] characters of up to 4 bytes) and its bytes do not
/// hold it. A cheap test on the bytes before a classifier decodes the cell's characters.
pub(super) fn may_hold(cell: &str, c: char) -> bool {
    if cell.len() > LABEL_CHARS * 4 {
        return true;
    }
    let mut buf = [0u8; 4];
    let needle = c.encode_utf8(&mut buf).as_bytes();
    match *needle {
        [a, b, c] => cell
            .as_bytes()
            .windows(3)
            .any(|w| w[0] == a && w[1] == b && w[2] == c),
        _ => cell.contains(c),
    }
}

/// Whether the part of a cell before its first parenthesis may be a label (as
/// [`may_be_label`]) and holds a character for which `wanted` holds: one pass, looking at
/// no more than [`LABEL_CHARS`] kept characters.
pub(super) fn label_head_has(cell: &str, wanted: impl Fn(char) -> bool) -> bool {
    let mut kept = 0;
    let mut found = false;
    for c in cell.chars() {
        if matches!(c, '(' | '（') {
            return found;
        }
        found |= wanted(c);
        let c = fold_char(c);
        if !c.is_whitespace() && !matches!(c, '*' | '★' | ':' | '：') {
            kept += 1;
            if kept > LABEL_CHARS {
                return false;
            }
        }
    }
    found
}

/// Whether the [`key`] of a cell starts with `prefix` (which holds no colon), looking at
/// no more of the cell than that.
pub(super) fn key_starts_with(cell: &str, prefix: &str) -> bool {
    let mut kept = cell
        .chars()
        .map(fold_char)
        .filter(|&c| !c.is_whitespace() && !matches!(c, '*' | '★'));
    prefix.chars().all(|p| kept.next() == Some(p))
}

/// The comparison key of a label: full-width folded, whitespace and required-field marks
/// (`*`, `★`) removed, a trailing colon removed.
pub(super) fn key(text: &str) -> String {
    key_of(text).into_owned()
}

/// [`key`], borrowed when the text is its own key (no full-width form, whitespace, mark
/// or trailing colon: most cells).
pub(super) fn key_of(text: &str) -> Cow<'_, str> {
    if is_own_key(text) {
        return Cow::Borrowed(text);
    }
    // One pass, one allocation.
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().map(fold_char) {
        if !c.is_whitespace() && !matches!(c, '*' | '★') {
            folded.push(c);
        }
    }
    let kept = folded.trim_end_matches([':', '：']).len();
    folded.truncate(kept);
    Cow::Owned(folded)
}

/// Whether [`key`] leaves `text` as it is. Checked on the bytes: ASCII whitespace and `*`
/// directly, and only the characters whose UTF-8 lead byte may start a change (other
/// whitespace, `★`, the ideographic space, full-width forms) are decoded; CJK ideographs
/// (lead bytes E4–E9) never are.
pub(super) fn is_own_key(text: &str) -> bool {
    let changes = |c: char| c.is_whitespace() || fold_char(c) != c || matches!(c, '*' | '★');
    for (i, b) in text.bytes().enumerate() {
        let may_change = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'*' => return false,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => true,
            _ => false,
        };
        if may_change
            && text
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(changes)
        {
            return false;
        }
    }
    !text.ends_with([':', '：'])
}

/// The key with a leading `其中:` removed (`其中：当年财政拨款` → `当年财政拨款`).
#[cfg(test)]
pub(super) fn key_without_of_which(text: &str) -> String {
    without_of_which(&key(text)).to_owned()
}

/// A key with a leading `其中:` removed.
pub(super) fn without_of_which(k: &str) -> &str {
    match k.strip_prefix("其中") {
        Some(rest) => rest.trim_start_matches([':', '：', ',', '，']),
        None => k,
    }
}

use crate::read::cell::split_money_unit;
pub(super) use crate::read::cell::{is_absent, parse_money, BadNumber};

/// Reads an exact decimal as forms write it: thousands separators, full-width digits,
/// a trailing 元/万元/分/%; an empty cell or a dash (`—`, `-`, `/`, `无`) is `None`.
pub(super) fn parse_decimal(text: &str) -> Result<Option<Decimal>, BadNumber> {
    if crate::read::cell::is_plain_number(text) {
        // Its own folded form, not absent, no unit or 分: the number as written.
        return text.parse::<Decimal>().map(Some).map_err(|_| BadNumber);
    }
    parse_decimal_folded(text)
}

/// [`parse_decimal`] of any cell: folded, separators dropped, then read.
fn parse_decimal_folded(text: &str) -> Result<Option<Decimal>, BadNumber> {
    let folded: String = fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，'))
        .collect();
    if is_absent(&folded) {
        return Ok(None);
    }
    let (body, _) = split_money_unit(&folded);
    let body = body.strip_suffix('分').unwrap_or(body);
    body.parse::<Decimal>().map(Some).map_err(|_| BadNumber)
}

/// A year written in a title or a `(2024年度)` line: four digits followed by 年.
pub(super) fn year_in(text: &str) -> Option<i32> {
    let folded = fold_width(text);
    let chars: Vec<char> = folded.chars().collect();
    for (i, window) in chars.windows(5).enumerate() {
        let digits = window.get(..4)?;
        let next = window.get(4)?;
        let before_is_digit = i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit);
        if *next == '年' && !before_is_digit && digits.iter().all(char::is_ascii_digit) {
            let year: String = digits.iter().collect();
            if let Ok(y) = year.parse::<i32>() {
                if (1990..=2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// A line holding only the year of the form: `(2024年度)`, `（2024年度）`, `2024年度`, or
/// the template's blank `（  年度）`. `Some(None)` for a blank year.
pub(super) fn year_line(row: &Row<'_>) -> Option<Option<i32>> {
    let mut content = row.content();
    let (only, text) = content.next()?;
    if !may_be_year(text) {
        return None;
    }
    if content.next().is_none() {
        return year_key(row.key(only));
    }
    // `（  2024  年度）`: the spaces of a centred year split it into cells.
    let cells: Vec<&str> = row.content().map(|(_, c)| c).collect();
    if cells.len() > 4 || !cells.iter().all(|c| may_be_year(c)) {
        return None;
    }
    year_key(&key_of(&cells.concat()))
}

/// Whether a cell holds nothing but what a year line is made of (digits, 年, 度,
/// parentheses, and what its key drops): other lines are done without keying them.
fn may_be_year(text: &str) -> bool {
    text.chars().map(fold_char).all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(c, '(' | ')' | '年' | '度' | '*' | '★' | ':' | '：')
    })
}

/// [`year_line`] of a line holding only `text`.
pub(super) fn year_text(text: &str) -> Option<Option<i32>> {
    may_be_year(text).then(|| year_key(&key_of(text))).flatten()
}

fn year_key(k: &str) -> Option<Option<i32>> {
    let inner = k.trim_start_matches('(').trim_end_matches(')');
    let digits = inner
        .strip_suffix("年度")
        .or_else(|| inner.strip_suffix('年'))?;
    if digits.is_empty() {
        Some(None)
    } else if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Some(digits.parse().ok())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tabs_pipes_and_spaces() {
        assert_eq!(split_line("a\t b \t"), vec!["a", "b", ""]);
        // As `str::split` on TAB gives the cells.
        for line in [
            "\t",
            "\t\t",
            "a\t",
            "\ta",
            "a\tb\tc",
            "项目\t\t名称\t",
            "\t<p>x</p>\t\r",
        ] {
            let by_split: Vec<Cow<'_, str>> =
                line.trim_end_matches('\r').split('\t').map(clean).collect();
            assert_eq!(split_line(line), by_split, "{line:?}");
        }
        assert_eq!(split_line("| a | b |"), vec!["a", "b"]);
        assert_eq!(
            split_line("项目名称   环保热线"),
            vec!["项目名称", "环保热线"]
        );
        assert_eq!(split_line("项目资金 (元)"), vec!["项目资金 (元)"]);
        assert_eq!(split_line("<p>环保</p>\t<5%"), vec!["环保", "<5%"]);
    }

    /// The plain-number fast path reads every cell as the folding reader does.
    #[test]
    fn plain_decimals_read_as_folded_ones() {
        for text in [
            "",
            ".",
            "1.",
            ".5",
            "0",
            "-0",
            "1e5",
            "10",
            "20.5",
            "1.2.3",
            "12345678901234567890123456789",
            "123456789012345678901234567890.5",
            "７",
            "１２.５",
            "١",
            "1,000",
            "10分",
            "10%",
            "—",
            "-",
            "无",
        ] {
            assert_eq!(parse_decimal(text), parse_decimal_folded(text), "{text:?}");
        }
    }

    #[test]
    fn separators() {
        let row = Row::of_line(1, "--\t-------\t:---:");
        assert!(row.is_separator());
        let row = Row::of_line(1, "—\t");
        assert!(!row.is_separator());
    }

    #[test]
    fn numbers() {
        assert_eq!(
            parse_decimal("2,650,000.00").map(|d| d.map(|d| d.to_string())),
            Ok(Some("2650000.00".to_owned()))
        );
        assert_eq!(
            parse_decimal("２１５，４５７.６").map(|d| d.map(|d| d.to_string())),
            Ok(Some("215457.6".to_owned()))
        );
        assert_eq!(parse_decimal("—"), Ok(None));
        assert_eq!(parse_decimal(""), Ok(None));
        assert_eq!(parse_decimal("十万"), Err(BadNumber));
        use crate::model::MoneyUnit::{WanYuan, Yuan};
        let m = |t: &str, u| parse_money(t, u).map(|v| v.map(|(d, w)| (d.to_string(), w)));
        assert_eq!(
            m("265万元", Yuan),
            Ok(Some(("2650000".to_owned(), Some("万元"))))
        );
        assert_eq!(
            m("2,650,000元", WanYuan),
            Ok(Some(("265".to_owned(), Some("元"))))
        );
        assert_eq!(
            m("1.5亿元", WanYuan),
            Ok(Some(("15000".to_owned(), Some("亿元"))))
        );
        assert_eq!(
            m("265（万元）", Yuan),
            Ok(Some(("2650000".to_owned(), Some("万元"))))
        );
        assert_eq!(m("265万元", WanYuan), Ok(Some(("265".to_owned(), None))));
        assert_eq!(
            m("215457.60", Yuan),
            Ok(Some(("215457.60".to_owned(), None)))
        );
        assert_eq!(m("-", Yuan), Ok(None));
        assert_eq!(m("万元", Yuan), Err(BadNumber));
    }

    #[test]
    fn years_and_keys() {
        assert_eq!(
            year_in("上海市生态环境局执法总队2024年度项目绩效目标汇总表"),
            Some(2024)
        );
        assert_eq!(year_in("12024年"), None);
        let row = Row::new(1, vec!["（2022年度）".into()]);
        assert_eq!(year_line(&row), Some(Some(2022)));
        assert_eq!(key("项目 绩效 目标："), "项目绩效目标");
        assert_eq!(key_without_of_which("其中：当年财政拨款"), "当年财政拨款");
        assert!(may_be_label("社会公众或服务对象满意度指标(10分)："));
        let budget = |c: char| matches!(c, '预' | '执');
        assert!(label_head_has("年初预算数（万元，含说明）", budget));
        assert!(!label_head_has("年初（预算数）", budget));
        assert!(!label_head_has(&"全年执行".repeat(10), budget));
        assert!(label_head_has(&format!("{}执行率", " ".repeat(40)), budget));
        assert!(may_hold("三级指标", '指') && may_hold("a指", '指') && !may_hold("名称", '指'));
        assert!(may_hold(&"名称".repeat(40), '指'));
        assert!(may_hold("a<b", '<') && !may_hold("ab", '<'));
        assert!(key_starts_with("金额 单位：万元", "金额单位"));
        assert!(!key_starts_with("单", "单位"));
        for own in ["产出指标", "≥90%(人)", "a-b", "《办法》、条例。"] {
            assert!(matches!(key_of(own), Cow::Borrowed(k) if k == own), "{own}");
        }
        for (text, k) in [
            ("项目 名称", "项目名称"),
            ("（万元）", "(万元)"),
            ("*名称：", "名称"),
            ("a\u{00A0}b", "ab"),
            ("★a", "a"),
            ("a\u{3000}", "a"),
        ] {
            assert!(
                matches!(key_of(text), Cow::Owned(ref o) if o == k),
                "{text}"
            );
        }
        assert!(may_be_label(&format!("{}项目名称", " ".repeat(500))));
        assert!(!may_be_label(&"全面落实生态文明思想".repeat(3)));
    }
}
