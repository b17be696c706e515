//! The form layout (表单式) reader: text copied or extracted from the official
//! 《财政项目支出绩效目标申报表》 and 《财政项目支出绩效自评表》 (`formats.md` §A).
//!
//! The text is read **by labels, not positions**. A document may hold several forms;
//! each starts at its title line (`财政项目支出绩效目标申报表`, `…绩效自评表`, optionally
//! with `(2024年度)` on the same or the next line). A line before the first form
//! (`…2024年度项目绩效目标汇总表`, `…项目自评价`) is the document title and names the year.
//! Cells are separated by TAB; Markdown pipe rows (`| a | b |`) and runs of two or more
//! spaces are read as cells too, and separator rows (`--- | ---`) are skipped.
//!
//! Inside a form:
//! - header label/value pairs (`项目名称 <TAB> 环保热线运行 <TAB> 项目性质 <TAB> …`); labels
//!   may carry inner spaces and full-width characters; unknown labels go to
//!   `Project::extra`, dates are read with [`crate::date::parse_date`];
//! - the funding block (`项目资金 (元)`: 项目资金总额 / 其中：财政资金 / 其他资金 on the left,
//!   年度资金申请总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 on the right), each value
//!   the cell right of its label; an empty cell is `None`, never zero;
//! - a self-evaluation's funding matrix (年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 ·
//!   得分) with rows 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金;
//! - the goal rows (项目总目标 / 年度总体目标, or 预期目标 / 实际完成情况): a label row, then
//!   the value row, HTML stripped;
//! - the indicator table, found by its header labels (一级指标 · 二级指标 · 三级指标 ·
//!   指标值, and 实际完成值 · 分值 · 得分 · 偏差原因分析及改进措施 in a self-evaluation), with
//!   一级/二级 carried down from the rows above and misplaced rows read by their shape;
//! - the 总分 row of a self-evaluation.
//!
//! A form with a title and no 项目名称 and no indicator table is dropped with an
//! `empty_form` diagnostic; when no form of the document has any content the read fails
//! with [`ReadError::Malformed`] naming the title line. A form with a name but no table
//! is kept with a `missing_indicator_table` diagnostic.
//!
//! # Diagnostic codes
//!
//! Every recovery is a [`Finding`] with the file, the line and one of these stable codes:
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `missing_form_title` | info | no form title line; each 项目名称 row starts a form |
//! | `empty_form` | warning | a form title with neither 项目名称 nor an indicator table; skipped |
//! | `missing_project_name` | error | a form without 项目名称 (the name is empty) |
//! | `missing_indicator_table` | warning | a form without an indicator table header |
//! | `no_indicators` | warning | an indicator table header with no indicator rows |
//! | `template_note` | info | a footer note about the template itself (`备注：作为导入模板，置灰信息无需录入…`); quoted in the finding, not kept as a project field |
//! | `unknown_header_label` | info | a header label the reader does not know; kept in `Project::extra` |
//! | `bad_date` | warning | a 计划开始/完成日期 that is not a date; kept in `Project::extra` |
//! | `bad_money` | warning | an amount that is not a number; read as empty (the text is quoted in the message) |
//! | `money_unit_converted` | info | an amount that writes its own unit (`265万元` in a block in 元): converted exactly to the block's unit, both named |
//! | `bad_number` | warning | a 分值/得分 that is not a number; kept in `Indicator::extra` |
//! | `unknown_level1` | warning | a 一级 label the taxonomy does not know; text kept in `level1_text` |
//! | `unknown_level2` | warning | a 二级 label the taxonomy does not know; text kept in `level2_text` |
//! | `missing_level1` | warning | an indicator with no 一级 written or carried from above |
//! | `missing_level2` | warning | an indicator with no 二级 written or carried from above |
//! | `missing_target` | warning | an indicator row with an empty 指标值 |
//! | `continued_row` | info | a row with only 指标值/实际完成值/偏差原因 text, appended to the indicator above |
//! | `row_without_indicator` | warning | a row of level labels with no 三级 indicator under it |
//! | `budget_part_row` | info | a budget matrix row splitting a source of money (其中：中央财政资金, 省级财政资金) the model has no row for; quoted, not kept |

mod cells;
mod funding;
mod header;
mod table;

use crate::diagnostic::{Finding, Severity};
use crate::error::ReadError;
use crate::model::{Declaration, Document, Evaluation, MoneyUnit, Source};
use crate::text::{fold_width, no_spaces, squash_spaces};

use self::cells::{key, Row};
use self::funding::Matrix;
use self::header::Goal;
use self::table::Columns;
use super::cell;
use super::lexicon::{self, lookup, Closing, CLOSING, TABLE_TOTAL, TOTAL};
use super::ReadOptions;

/// How many leading lines [`looks_like_form`] looks at.
const SNIFF_LINES: usize = 200;

/// Whether the text looks like the form layout: one of its first lines is a form title
/// (`财政项目支出绩效目标申报表`, `…绩效自评表`), or it has a `项目名称 <TAB> …` row and an
/// indicator table header (一级指标 · 二级指标 · 三级指标 · 指标值).
///
/// ```
/// use jixiao::read::form::looks_like_form;
/// assert!(looks_like_form("\n财政项目支出绩效自评表\n(2022年度)\n"));
/// assert!(looks_like_form("项目名称\t示例\n一级指标\t二级指标\t三级指标\t指标值\n"));
/// assert!(!looks_like_form("项目名称,三级指标,指标值\n"));
/// ```
pub fn looks_like_form(text: &str) -> bool {
    let mut name_row = false;
    let mut table_header = false;
    for (i, line) in text.split('\n').take(SNIFF_LINES).enumerate() {
        let row = Row::of_line(line_number(i), line);
        if form_title(&row).is_some() {
            return true;
        }
        name_row |= header::is_name_row(&row) && row.content().nth(1).is_some();
        table_header |= table::header(&row).is_some();
        if name_row && table_header {
            return true;
        }
    }
    false
}

/// Whether [`crate::monitor::looks_like_monitor`] may hold for `text`, decided on the
/// characters of its first [`SNIFF_LINES`] lines (more than the monitor's sniff reads)
/// without splitting or keying them: a monitoring table's title names a 监控表, its
/// header a 全年预计 beside an 执行 column, and keying a cell (folding widths, dropping
/// spaces and HTML) adds no Chinese character. The stream reader reads every form apart,
/// and keying the lines of each was most of its time.
fn may_be_monitor(text: &str) -> bool {
    let end = memchr::memchr_iter(b'\n', text.as_bytes())
        .nth(SNIFF_LINES - 1)
        .unwrap_or(text.len());
    let head = text.get(..end).unwrap_or(text);
    head.contains('监') || ['全', '预', '计', '执'].iter().all(|&c| head.contains(c))
}

/// Whether a text is a monitoring table: a monitoring line (its title, or its header with
/// 全年预计 beside 执行…) within the lines [`crate::monitor::looks_like_monitor`] reads,
/// before any 申报表 / 自评表 title. A document that opens with such a form is forms, even
/// where a self-evaluation's table carries monitoring columns further on (as the form
/// writer prints it): where that table falls, within the sniffed lines or past them, must
/// not change how the whole text reads.
fn monitor_before_any_form(text: &str) -> bool {
    for (i, line) in text
        .split('\n')
        .take(crate::monitor::SNIFF_LINES)
        .enumerate()
    {
        if crate::monitor::is_monitor_line(line) {
            return true;
        }
        if form_title(&Row::of_line(line_number(i), line)).is_some() {
            return false;
        }
    }
    false
}

/// The 1-based line number of the line at 0-based `index`.
fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// What a title line says: whether it is a self-evaluation (自评表).
fn form_title(row: &Row<'_>) -> Option<bool> {
    let mut content = row.content().map(|(_, c)| c);
    let first = content.next()?;
    // Every title names a 表 (申报表, 自评表, …): most lines are done here.
    if !first.contains('表') {
        return None;
    }
    let second_is_year = content.next().is_none_or(|c| cells::year_text(c).is_some());
    if !second_is_year || content.next().is_some() {
        return None;
    }
    // A title has at most 60 characters besides spaces: a paragraph is not folded.
    let counted = |c: &char| !crate::text::fold_char(*c).is_whitespace();
    if first.chars().filter(counted).nth(60).is_some() {
        return None;
    }
    let k = no_spaces(&fold_width(first));
    let is_title = k.chars().count() <= 60
        && k.contains("绩效")
        && !k.contains("汇总")
        && super::lexicon::FORM_TITLE_WORDS
            .iter()
            .any(|t| k.contains(t));
    is_title.then(|| k.contains("自评"))
}

/// Reads declarations and self-evaluations in the form layout.
///
/// ```
/// use jixiao::read::{form::read_form, ReadOptions};
/// let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人数\t≥17(人)\n\t\t质量指标\t合格率\t=100%\n";
/// let (doc, diagnostics) = read_form(text, &ReadOptions::named("demo.txt")).unwrap();
/// let d = &doc.declarations[0];
/// assert_eq!(d.project.name, "示例项目");
/// assert_eq!(d.indicators[1].level1_label(), "产出指标");
/// assert_eq!(d.indicators[1].level2_label(), "质量指标");
/// assert!(diagnostics.is_empty());
/// ```
pub fn read_form(text: &str, options: &ReadOptions) -> Result<(Document, Vec<Finding>), ReadError> {
    read_forms(text, options, false)
}

/// [`read_form`] of a part of a text whose earlier forms gave declarations (the stream
/// reader reads one form at a time): a form with nothing in it is then an `empty_form`
/// finding, as [`read_form`] of the whole text says, not the error of a text with no
/// declaration at all, nor a title naming the document.
pub(crate) fn read_form_continued(
    text: &str,
    options: &ReadOptions,
) -> Result<(Document, Vec<Finding>), ReadError> {
    read_forms(text, options, true)
}

fn read_forms(
    text: &str,
    options: &ReadOptions,
    continued: bool,
) -> Result<(Document, Vec<Finding>), ReadError> {
    // A monitoring table (执行监控表) is a form of its own: read by its labels.
    if may_be_monitor(text) && monitor_before_any_form(text) {
        return crate::monitor::read_monitor(text, options);
    }
    let file = options.file_name.as_deref();
    let at = options.location();
    if text.trim().is_empty() {
        return Err(ReadError::Empty { at });
    }
    // Rows are made from their lines when read, one at a time: holding every row of a
    // large input cost more than reading it.
    let mut lines: Vec<&str> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(text.split('\n'));
    let row_at = |i: usize| Row::of_line(line_number(i), lines.get(i).copied().unwrap_or_default());
    let mut diagnostics = Vec::new();
    let titles: Vec<(usize, bool)> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.contains('表'))
        .filter_map(|(i, _)| form_title(&row_at(i)).map(|e| (i, e)))
        .collect();
    let starts: Vec<(usize, bool)> = if titles.is_empty() {
        // No title lines: every 项目名称 row starts a form.
        let names: Vec<(usize, bool)> = (0..lines.len())
            .filter(|&i| header::is_name_row(&row_at(i)))
            .map(|i| (i, false))
            .collect();
        let Some(&(first, _)) = names.first() else {
            let line = (0..lines.len())
                .map(row_at)
                .find(|r| !r.is_blank())
                .map_or(1, |r| r.line);
            return Err(ReadError::NoDeclaration {
                at: at.line(line),
                expected: "a form title line (财政项目支出绩效目标申报表 / 财政项目支出绩效自评表) or a 项目名称 row".to_owned(),
            });
        };
        diagnostics.push(
            Finding::new(
                "missing_form_title",
                Severity::Info,
                "没有表单标题行，每个“项目名称”行开始一张表",
                "no form title line; each 项目名称 row starts a form",
            )
            .at(&Source::at(file, line_number(first))),
        );
        names
    } else {
        titles
    };

    let mut document = Document::default();
    let first_start = starts.first().map_or(0, |s| s.0);
    let mut unit = MoneyUnit::Yuan;
    let mut candidates = Vec::new();
    for row in (0..first_start).map(row_at) {
        if let Some(u) = funding::unit_line(&row) {
            unit = u;
        } else if !row.is_blank() && !is_furniture_row(&row) {
            candidates.push(row.content().map(|(_, c)| c).collect::<Vec<_>>().join(" "));
        }
    }
    // The title is the line that names a table or a year (not `附件2`, not `填报单位：…`).
    let title = candidates
        .iter()
        .find(|c| {
            ["绩效", "汇总", "评价", "表", "年度"]
                .iter()
                .any(|w| c.contains(w))
        })
        .or_else(|| candidates.first());
    if let Some(title) = title {
        document.year = cells::year_in(title);
        document.title = Some(title.clone());
    }

    let mut empty_title_line = None;
    let mut row = Row::default();
    // At most one declaration a form: no copy of the grown list.
    document.declarations.reserve(starts.len());
    for (n, &(start, is_evaluation)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.0);
        if start >= end {
            continue;
        }
        let mut reader = Reader::new(file, is_evaluation, unit);
        reader.end_line = Some(line_number(end - 1));
        let title_row = row_at(start);
        let title_line = title_row.line;
        let has_title = form_title(&title_row).is_some();
        if has_title {
            reader.year = cells::year_in(&title_row.cells.concat());
        }
        let body_start = start + usize::from(has_title);
        for i in body_start..end {
            row.refill(line_number(i), lines.get(i).copied().unwrap_or_default());
            reader.row(&row);
        }
        if document.year.is_none() {
            document.year = reader.year;
        }
        match reader.finish(title_line) {
            Some((declaration, found)) => {
                document.declarations.push(declaration);
                diagnostics.extend(found);
            }
            None if !continued
                && document.declarations.is_empty()
                && document.title.is_none()
                && names_a_document(&title_row) =>
            {
                // A title line before the first real form (`…2024年度部门项目绩效目标申报表`)
                // names the document.
                let title = title_row
                    .content()
                    .map(|(_, c)| c)
                    .collect::<Vec<_>>()
                    .join(" ");
                document.year = cells::year_in(&title).or(document.year);
                document.title = Some(title);
                empty_title_line.get_or_insert(title_line);
            }
            None => {
                empty_title_line.get_or_insert(title_line);
                diagnostics.push(
                    Finding::new(
                        "empty_form",
                        Severity::Warning,
                        "表单标题之后没有项目名称和指标表，已跳过",
                        "a form title with neither 项目名称 nor an indicator table after it; skipped",
                    )
                    .at(&Source::at(file, title_line)),
                );
            }
        }
    }
    if document.declarations.is_empty() && !continued {
        let line = empty_title_line.unwrap_or(1);
        return Err(ReadError::Malformed {
            at: at.line(line),
            message: "a form title, but no 项目名称 row and no indicator table (一级指标 · 二级指标 · 三级指标 · 指标值) follow it".to_owned(),
        });
    }
    Ok((document, diagnostics))
}

/// Whether a header line of the form writer, `cells` on a line of their own (`label
/// <TAB> value`, or `label：value` in one cell), reads back as exactly the extra field
/// `label` = `value` of the project and nothing else (not a year line, a goal label row,
/// a funding title, the 总分 row, a form title, another label's value, …). The form
/// writer asks it before giving an extra field (kept from a mangled form) a line of its
/// own.
pub(crate) fn reads_as_extra(cells: &[&str], label: &str, value: &str) -> bool {
    let line = cells.join("\t");
    let row = Row::of_line(1, &line);
    let mut reader = Reader::new(None, false, MoneyUnit::Yuan);
    reader.row(&row);
    let mut expected = Declaration::default();
    expected
        .project
        .extra
        .insert(label.to_owned(), value.to_owned());
    // A line that would start a form of its own (`…申报表` alone) is no header line.
    form_title(&row).is_none()
        && reader.decl == expected
        && matches!(reader.mode, Mode::Header)
        && !reader.has_evaluation
        && reader.evaluation == Evaluation::default()
        && reader.year.is_none()
        && reader.pending_goals.is_none()
        && reader.pending_funding.is_none()
}

/// Whether an indicator row of the form writer, its first column empty, could be taken
/// for something else than an indicator: a form title (a name alone reading
/// `…绩效目标申报表`), a funding title, a footer label or the 总分 row (an unknown 一级
/// `项目资金`, `注:…`, `总分` over an unknown 二级). The writer then puts the section label
/// `绩效指标` in the first column, as a merged cell prints it; the reader drops it and
/// reads the row in the table.
pub(crate) fn needs_section_label(cells: &[&str]) -> bool {
    if reads_as_title(cells) {
        return true;
    }
    let line = cells.join("\t");
    let row = Row::of_line(1, &line);
    let (_, key) = row.first_head().unwrap_or_default();
    funding::is_funding_title_key(&key) || header::is_footer_key(&key) || is_total_row(&key)
}

/// Whether a line of cells reads as a form title (`…绩效目标申报表` alone, or with a
/// year).
fn reads_as_title(cells: &[&str]) -> bool {
    let line = cells.join("\t");
    form_title(&Row::of_line(1, &line)).is_some()
}

/// What the form writer's goal rows read as: the goals and the 实际完成情况 text read
/// from a goal label row and the value row below it. The writer asks it of its value
/// row: a text alone that reads as a form title or as a goal label (an annual goal
/// `年度总体目标`) must still read as that text.
pub(crate) fn read_goal_rows(
    labels: &[&str],
    values: &[&str],
) -> (crate::model::Goals, Option<String>) {
    if reads_as_title(values) {
        return (crate::model::Goals::default(), None);
    }
    let mut reader = Reader::new(None, false, MoneyUnit::Yuan);
    for (line, cells) in [(1, labels), (2, values)] {
        let text = cells.join("\t");
        reader.row(&Row::of_line(line, &text));
    }
    (reader.decl.goals, reader.evaluation.goal_achieved)
}

/// Whether a document title written alone on a line reads back as that title: a line
/// with `|` is read as a Markdown row, runs of spaces as cells (joined by one space).
/// The form writer ends such a title with a TAB, which makes the line one cell.
pub(crate) fn title_reads_alone(title: &str) -> bool {
    let row = Row::of_line(1, title);
    row.content().map(|(_, c)| c).collect::<Vec<_>>().join(" ") == title
}

/// Whether an empty form's title line rather names the document: it carries a year or a
/// unit's name before the form's own title (`某局2024年度部门项目绩效目标申报表`).
fn names_a_document(row: &Row<'_>) -> bool {
    let text: String = row.content().map(|(_, c)| c).collect();
    let k = key(&text);
    let core = k.split(['(', '（']).next().unwrap_or_default();
    core.contains('年')
        || ![
            "财政项目支出",
            "项目支出",
            "项目绩效",
            "绩效",
            "部门项目",
            "财政支出",
        ]
        .iter()
        .any(|p| core.starts_with(p))
}

/// Where the reader is inside a form.
#[derive(Debug, Clone)]
enum Mode {
    Header,
    Funding,
    Matrix(Matrix),
    Table(Columns),
}

/// The role of a row of a form, in priority order: [`Reader::role`] gives a row the first
/// role that applies. A new template's row is a new label in the lexicon
/// (`read::lexicon`) or, for a new kind of row, one more role here — never a special case
/// inside another role's reading (`docs/design.md`, "Reading").
///
/// | priority | role | when |
/// |---|---|---|
/// | 1 | `Skip` | blank, a separator row, page furniture (`-1-`, `附件1`, `发布时间`) |
/// | 2 | `Year` | a line holding only the year (`(2024年度)`) |
/// | 3 | `Unit` | a line holding only the money unit (`单位：万元`) |
/// | 4 | `TableHeader` | the indicator table's header (三级指标 and 指标值 or 二级指标), unless the row stands in the current table as an indicator |
/// | 5 | `MatrixHeader` | a self-evaluation's budget header (年初预算数 · 全年预算数 · 全年执行数 …) |
/// | 6 | `FundingTitle` | `项目资金 (元)` leading the row, outside the table; a funding label (`资金总额（元）`) leading a header row is a `FundingRow` |
/// | 7 | `GoalLabels` | 项目总目标 / 年度总体目标 / 预期目标 / 实际完成情况, outside the table |
/// | 8 | `GoalValues` | the row under goal labels |
/// | 9 | `Total` | `总分`, `合计` (inside the table) |
/// | 10 | `Closing` | 偏差大或目标未完成原因分析, 改进措施及结果应用方案, 自评等级, signatures |
/// | 11 | `BlockLabel` | in the table, a lone point-group label (`年度绩效目标2(40分)`) |
/// | 12 | `HeaderFields` | in the table, a footer label (`注:`, `备注`, 填报人 …) |
/// | 13 | `Indicator` | any other row of the table (template rows and level rows are told apart there) |
/// | 14 | `BudgetRow` | a row under the budget header |
/// | 15 | `FundingRow`, `FundingValues` | in the funding block: a row of its labels, the values under them |
/// | 16 | `HeaderFields` | everything else: label/value pairs of the project |
enum Role {
    Skip,
    Year(Option<i32>),
    Unit(MoneyUnit),
    TableHeader(Columns),
    MatrixHeader(Matrix),
    FundingTitle,
    GoalLabels(header::GoalLabels),
    GoalValues,
    Total,
    Closing(Closing),
    BlockLabel,
    Indicator(Columns),
    BudgetRow(Matrix),
    FundingRow,
    FundingValues,
    HeaderFields,
}

/// The state of reading one form.
pub(super) struct Reader<'a> {
    file: Option<&'a str>,
    decl: Declaration,
    evaluation: Evaluation,
    has_evaluation: bool,
    findings: Vec<Finding>,
    mode: Mode,
    unit: MoneyUnit,
    year: Option<i32>,
    funding_seen: bool,
    right_col: Option<usize>,
    /// The column of the project period's 资金总额 label, when no 年度资金申请总额 column
    /// is known: an 其他资金 under it is the period's.
    left_col: Option<usize>,
    /// A row of header field labels only: the columns the next row's values stand in.
    pending_header: Option<Vec<(usize, lexicon::HeaderField, String)>>,
    pending_goals: Option<Vec<(usize, Goal)>>,
    pending_funding: Option<Vec<(usize, funding::Slot)>>,
    table_line: Option<u32>,
    carried: table::Carried,
    last_columns: Option<Columns>,
    open_group: Option<(u32, bool)>,
    /// The point group (指标组) the rows below stand in: the block label of the last table
    /// header (`年度绩效目标1(40分)`) or block row.
    group: Option<String>,
    /// The form's last line, when known: the rows below a table header bound its
    /// indicators, reserved for at once (an indicator is large, and a list grown one by
    /// one was copied at every doubling).
    end_line: Option<u32>,
}

impl<'a> Reader<'a> {
    fn new(file: Option<&'a str>, is_evaluation: bool, unit: MoneyUnit) -> Self {
        Reader {
            file,
            decl: Declaration::default(),
            evaluation: Evaluation::default(),
            has_evaluation: is_evaluation,
            findings: Vec::new(),
            mode: Mode::Header,
            unit,
            year: None,
            funding_seen: false,
            right_col: None,
            left_col: None,
            pending_header: None,
            pending_goals: None,
            pending_funding: None,
            table_line: None,
            carried: table::Carried::default(),
            last_columns: None,
            open_group: None,
            group: None,
            end_line: None,
        }
    }

    fn source(&self, row: &Row<'_>) -> Source {
        Source::at(self.file, row.line)
    }

    /// Records a finding at `row`.
    fn finding(
        &mut self,
        code: &str,
        severity: Severity,
        row: &Row<'_>,
        message: String,
        message_en: String,
    ) {
        let f = Finding::new(code, severity, message, message_en).at(&self.source(row));
        self.findings.push(f);
    }

    /// Reads one row of the form body: its [`Role`], then what that role reads.
    fn row(&mut self, row: &Row<'_>) {
        if let Some(split) = split_closing_pairs(row) {
            let role = self.role(&split);
            self.read_as(role, &split);
            return;
        }
        let role = self.role(row);
        self.read_as(role, row);
    }

    /// The role of a row, decided by the lexicon and the row's shape in the reader's
    /// state, in the order of [`Role`]: the first that applies wins.
    fn role(&self, row: &Row<'_>) -> Role {
        if row.is_blank() || row.is_separator() || is_furniture_row(row) {
            return Role::Skip;
        }
        if let Some(year) = cells::year_line(row) {
            return Role::Year(year);
        }
        if let Some(unit) = funding::unit_line(row) {
            return Role::Unit(unit);
        }
        // A row standing in the indicator table (its first cell under 一级 or 二级, a 二级
        // label under 二级, a name) is an indicator even when it reads like a table header
        // (an unknown 一级 `具体指标`, a name `…指标值`), a funding title or a footer
        // label (`项目资金`, `注:产出指标` as an unknown 一级).
        let in_table = match &self.mode {
            Mode::Table(columns) => columns.holds_indicator(row),
            _ => false,
        };
        if let Some(columns) = (!in_table).then(|| table::header(row)).flatten() {
            return Role::TableHeader(columns);
        }
        if let Some(matrix) = funding::matrix_header(row) {
            return Role::MatrixHeader(matrix);
        }
        let (_, first_key) = row.first_head().unwrap_or_default();
        let first_key: &str = &first_key;
        if !in_table && funding::is_funding_title_key(first_key) {
            return Role::FundingTitle;
        }
        // `资金总额（元） | … | 其中：财政资金 | …` among the header pairs: a funding block
        // of one line, with no title.
        if matches!(self.mode, Mode::Header) && funding::starts_with_funding_label(row) {
            return Role::FundingRow;
        }
        // Under a goal label row, a row whose cells all stand in its value columns is
        // its value row, even when a text reads like a label (an annual goal written
        // `年度总体目标`).
        let values_only = self.pending_goals.as_ref().is_some_and(|columns| {
            row.content()
                .all(|(i, _)| columns.iter().any(|&(c, _)| c == i))
        });
        if !matches!(self.mode, Mode::Table(_)) && !values_only {
            if let Some(labels) = header::goal_labels(row)
                // Under a goal label row, a row led by a piece of the section label
                // (`绩效目标` split down a merged cell) is the value row.
                .filter(|l| self.pending_goals.is_none() || !l.columns.is_empty())
            {
                return Role::GoalLabels(labels);
            }
        }
        if self.pending_goals.is_some() {
            return Role::GoalValues;
        }
        let in_indicator_table = matches!(self.mode, Mode::Table(_));
        if !in_table && (is_total_row(first_key) || in_indicator_table && is_table_total(first_key))
        {
            return Role::Total;
        }
        if let Some(closing) = (!in_table).then(|| lookup(CLOSING, first_key)).flatten() {
            return Role::Closing(closing);
        }
        match &self.mode {
            Mode::Table(_)
                if row.content().nth(1).is_none() && table::is_block_label(first_key) =>
            {
                Role::BlockLabel
            }
            Mode::Table(_) if !in_table && header::is_footer_key(first_key) => Role::HeaderFields,
            Mode::Table(columns) => Role::Indicator(columns.clone()),
            Mode::Matrix(matrix) => Role::BudgetRow(matrix.clone()),
            Mode::Funding if funding::has_funding_label(row) => Role::FundingRow,
            Mode::Funding if self.pending_funding.is_some() => Role::FundingValues,
            Mode::Funding | Mode::Header => Role::HeaderFields,
        }
    }

    /// Reads a row as its role says.
    fn read_as(&mut self, role: Role, row: &Row<'_>) {
        if matches!(self.mode, Mode::Funding)
            && !matches!(
                role,
                Role::Skip
                    | Role::Year(_)
                    | Role::Unit(_)
                    | Role::TableHeader(_)
                    | Role::MatrixHeader(_)
            )
        {
            if let Some(u) = funding::unit_cell(row) {
                // `项目资金` / `(万元)` split down a merged cell.
                self.unit = u;
                self.decl.funding.unit = u;
            }
        }
        if !matches!(role, Role::Skip | Role::HeaderFields) {
            self.pending_header = None;
        }
        match role {
            Role::Skip => {}
            Role::Year(year) => {
                if self.year.is_none() {
                    self.year = year;
                }
            }
            Role::Unit(u) => {
                self.unit = u;
                self.evaluation.unit = u;
            }
            Role::TableHeader(columns) => {
                self.table_line.get_or_insert(row.line);
                self.pending_goals = None;
                self.pending_funding = None;
                if columns.is_evaluation() {
                    self.has_evaluation = true;
                }
                self.last_columns = Some(columns.clone());
                self.mode = Mode::Table(columns);
                if let Some(end) = self.end_line {
                    let rows = usize::try_from(end.saturating_sub(row.line)).unwrap_or(0);
                    self.decl.indicators.reserve(rows);
                    self.evaluation.indicators.reserve(rows);
                }
                self.start_group(row);
            }
            Role::MatrixHeader(matrix) => {
                if let Some(u) = row.first().and_then(|(_, c)| funding::unit_of(c)) {
                    self.unit = u;
                }
                self.evaluation.unit = self.unit;
                self.has_evaluation = true;
                self.pending_funding = None;
                self.mode = Mode::Matrix(matrix);
            }
            Role::FundingTitle => {
                if let Some(u) = row.first().and_then(|(_, c)| funding::unit_of(c)) {
                    self.unit = u;
                }
                self.mode = Mode::Funding;
                if funding::has_funding_label(row) {
                    self.funding_row(row);
                }
            }
            Role::GoalLabels(labels) => {
                self.pending_goals = None;
                self.pending_funding = None;
                if labels.same_line.is_empty() {
                    self.pending_goals = Some(labels.columns);
                } else {
                    self.set_goals(labels.same_line);
                }
            }
            Role::GoalValues => {
                if let Some(columns) = self.pending_goals.take() {
                    let values = header::goal_values(row, &columns);
                    self.set_goals(values);
                }
            }
            Role::Total => self.total_row(row),
            Role::Closing(closing) => self.closing_row(closing, row),
            // A block label on a row of its own: the rows below are its group.
            Role::BlockLabel => self.start_group(row),
            Role::Indicator(columns) => {
                if let Some(read) = self.table_row(&columns, row) {
                    if read.has_evaluation {
                        self.has_evaluation = true;
                    }
                    self.decl.indicators.push(read.indicator);
                    self.evaluation.indicators.push(read.evaluation);
                }
            }
            Role::BudgetRow(matrix) => match self.matrix_row(&matrix, row) {
                Some((line, budget)) => match line {
                    funding::Line::Total => self.evaluation.budget = budget,
                    // A sub-row left blank is no row, as every layout writes it.
                    funding::Line::Fiscal => {
                        self.evaluation.budget_fiscal = Some(budget).filter(|b| !b.is_empty());
                    }
                    funding::Line::Carryover => {
                        self.evaluation.budget_carryover = Some(budget).filter(|b| !b.is_empty());
                    }
                    funding::Line::Other => {
                        self.evaluation.budget_other = Some(budget).filter(|b| !b.is_empty());
                    }
                    funding::Line::Part => {
                        let cells: Vec<&str> = row.content().map(|(_, c)| c).collect();
                        let written = squash_spaces(&cells.join(" | "));
                        self.finding(
                            "budget_part_row",
                            Severity::Info,
                            row,
                            format!("预算执行表的细分资金行“{written}”没有对应字段，未计入"),
                            format!("budget matrix row `{written}` splits a source of money the model has no row for; not kept"),
                        );
                    }
                },
                // Not a budget line: the matrix has ended, and the row is header fields.
                None => {
                    self.mode = Mode::Header;
                    self.header_row(row);
                }
            },
            Role::FundingRow => {
                self.mode = Mode::Funding;
                self.funding_row(row);
            }
            Role::FundingValues => {
                if let Some(columns) = self.pending_funding.take() {
                    self.funding_values(columns, row);
                }
            }
            Role::HeaderFields => {
                if matches!(self.mode, Mode::Funding) {
                    self.mode = Mode::Header;
                }
                self.header_row(row);
            }
        }
    }

    /// Starts the point group a table header or block row names (none when it names
    /// none), with its points.
    fn start_group(&mut self, row: &Row<'_>) {
        self.group = table::block_group(row).map(|(label, points)| {
            self.decl.group_points.insert(label.clone(), points);
            label
        });
    }

    fn set_goals(&mut self, values: Vec<(Goal, String)>) {
        for (goal, text) in values {
            if text.is_empty() {
                continue;
            }
            match goal {
                Goal::Overall => self.decl.goals.overall = Some(text),
                Goal::Annual | Goal::Section => self.decl.goals.annual = Some(text),
                Goal::Achieved => {
                    self.has_evaluation = true;
                    self.evaluation.goal_achieved = Some(text);
                }
            }
        }
    }

    /// Reads a row closing a self-evaluation (偏差大或目标未完成原因分析, 改进措施及结果应用方案,
    /// 自评等级, a signature block): its text is kept on the evaluation, and the indicator
    /// table has ended.
    fn closing_row(&mut self, closing: Closing, row: &Row<'_>) {
        if matches!(self.mode, Mode::Table(_)) {
            self.empty_group_check();
            self.mode = Mode::Header;
        }
        let text: Vec<&str> = row.content().skip(1).map(|(_, c)| c).collect();
        let text = (!text.is_empty()).then(|| crate::text::strip_html(&text.join(" ")));
        match closing {
            Closing::DeviationAnalysis => self.evaluation.deviation_analysis = text,
            Closing::Improvement => self.evaluation.improvement = text,
            Closing::Grade => self.evaluation.grade = text,
            Closing::Signature => return,
        }
        self.has_evaluation = true;
    }

    /// Reads the 总分 row: 分值 and 得分 under their table columns, else in order; a
    /// published grade on the same row (`总分(100分) | 100 | 自评等级 | 优`) is kept, and
    /// the points in its label (`(100分)`) are the total's 分值 when no column gives one.
    fn total_row(&mut self, row: &Row<'_>) {
        self.has_evaluation = true;
        self.evaluation.source = self.source(row);
        let (weight_col, score_col) = self
            .last_columns
            .as_ref()
            .map_or((None, None), |c| (c.weight(), c.score()));
        // A grade label and its value are no figures of the total.
        let mut grade_cols = Vec::new();
        let mut cells = row.content().peekable();
        while let Some((i, _)) = cells.next() {
            if lookup(CLOSING, row.key(i)) == Some(Closing::Grade) {
                grade_cols.push(i);
                if let Some((j, value)) = cells.next() {
                    grade_cols.push(j);
                    self.evaluation.grade = Some(value.trim().to_owned());
                }
            }
        }
        let label_points = row.first().and_then(|(_, c)| cell::points_in(c));
        let figure = |i: Option<usize>| match i {
            Some(i) if !grade_cols.contains(&i) => row.get(i),
            _ => "",
        };
        let mut weight = figure(weight_col);
        let mut score = figure(score_col);
        if weight.is_empty() && score.is_empty() {
            let rest: Vec<&str> = row
                .content()
                .skip(1)
                .filter(|(i, _)| !grade_cols.contains(i))
                .map(|(_, c)| c)
                .collect();
            match rest.as_slice() {
                [s] => score = s,
                [w, s, ..] => {
                    weight = w;
                    score = s;
                }
                [] => {}
            }
        }
        self.evaluation.total_weight = self.points(weight, row, "总分分值").or(label_points);
        self.evaluation.total = self.points(score, row, "总分");
    }

    /// Ends the form: the declaration and its findings, or `None` for an empty form.
    fn finish(mut self, title_line: u32) -> Option<(Declaration, Vec<Finding>)> {
        self.empty_group_check();
        let name = self.decl.project.name.clone();
        if name.is_empty() && self.decl.indicators.is_empty() {
            return None;
        }
        let at = Source::at(self.file, title_line);
        if name.is_empty() {
            self.findings.push(
                Finding::new(
                    "missing_project_name",
                    Severity::Error,
                    "表单没有项目名称",
                    "the form has no 项目名称",
                )
                .at(&at),
            );
        }
        match self.table_line {
            None => self.findings.push(
                Finding::new(
                    "missing_indicator_table",
                    Severity::Warning,
                    "表单没有绩效指标表（一级指标 · 二级指标 · 三级指标 · 指标值）",
                    "the form has no indicator table (一级指标 · 二级指标 · 三级指标 · 指标值 header)",
                )
                .at(&at),
            ),
            Some(line) if self.decl.indicators.is_empty() => {
                // The empty skeleton of a template: one finding for the form, not one per
                // empty row.
                self.findings.retain(|f| f.code != "row_without_indicator");
                self.findings.push(
                Finding::new(
                    "no_indicators",
                    Severity::Warning,
                    "绩效指标表没有指标行",
                    "the indicator table has no indicator rows",
                )
                .at(&Source::at(self.file, line)),
                );
            }
            Some(_) => {}
        }
        if self.end_line.is_some() {
            // What was reserved for rows that held no indicator (in place: no copy).
            self.decl.indicators.shrink_to_fit();
            self.evaluation.indicators.shrink_to_fit();
        }
        // A 自评表 left blank is no evaluation, as every layout reads it.
        if self.has_evaluation && !self.evaluation.is_empty() {
            if !self.evaluation.source.is_known() {
                self.evaluation.source = at.clone();
            }
            self.evaluation
                .indicators
                .resize_with(self.decl.indicators.len(), Default::default);
            self.decl.evaluation = Some(self.evaluation);
        }
        self.decl.source = at;
        let project = squash_spaces(&name);
        let findings = self
            .findings
            .into_iter()
            .map(|f| {
                if f.project.is_none() && !project.is_empty() {
                    f.in_project(&project)
                } else {
                    f
                }
            })
            .collect();
        Some((self.decl, findings))
    }
}

/// Whether the first cell (keyed) opens the 总分 row of a self-evaluation.
fn is_total_row(first_key: &str) -> bool {
    lookup(TOTAL, first_key).is_some()
}

/// A total or closing row written as `label：value` cells (`总分：99.18 | 自评等级：优`,
/// `偏差大或目标未完成原因分析：无`): the row with each such cell split in two, as the
/// label and its value in cells of their own read; `None` when there is none (most rows:
/// only a first cell with a colon, or a cell naming a 等级, is looked at).
fn split_closing_pairs(row: &Row<'_>) -> Option<Row<'static>> {
    let first = row.first()?.1;
    let colon = |c: &str| c.contains([':', '：']);
    if !colon(first) && !row.content().any(|(_, c)| c.contains("等级") && colon(c)) {
        return None;
    }
    fn closing_label(cell: &str) -> Option<(&str, &str)> {
        let (label, value) = cell.split_once([':', '：'])?;
        let (label, value) = (label.trim(), value.trim());
        let k = key(label);
        (!value.is_empty() && (is_total_row(&k) || lookup(CLOSING, &k).is_some()))
            .then_some((label, value))
    }
    let mut any = false;
    let mut cells: Vec<std::borrow::Cow<'static, str>> = Vec::new();
    for c in &row.cells {
        match closing_label(c) {
            Some((label, value)) => {
                any = true;
                cells.push(label.to_owned().into());
                cells.push(value.to_owned().into());
            }
            None => cells.push(c.to_string().into()),
        }
    }
    any.then(|| Row::new(row.line, cells))
}

/// Whether the first cell (keyed) opens the total row inside an indicator table (`合计`,
/// which in a funding matrix names the total line).
fn is_table_total(first_key: &str) -> bool {
    lookup(TABLE_TOTAL, first_key).is_some()
}

/// Whether a row is page furniture (a page number, an 附件 mark, a web page's 发布时间):
/// one cell that is part of no table.
fn is_furniture_row(row: &Row<'_>) -> bool {
    let mut content = row.content();
    match (content.next(), content.next()) {
        (Some((_, only)), None) => cell::is_page_furniture(only),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick monitor test never says no where the monitor's sniff says yes.
    #[test]
    fn may_be_monitor_holds_wherever_the_monitor_sniff_does() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");
        let mut texts: Vec<String> = [
            "monitor-example-constructed.txt",
            "shanghai-eeb-enforcement-2024.txt",
            "selfeval-putuo-sports-2022.txt",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(format!("{data}{f}")).unwrap())
        .collect();
        for title in [
            "某局2024年项目执行监控表",
            "执 行 监 控 表",
            "<p>运行监控表</p>",
            "＊执行监控表：",
        ] {
            texts.push(format!("{}{title}\n项目名称\tx\n", "\n".repeat(59)));
        }
        for header in [
            "三级指标\t年度指标值\t1-6月执行情况\t全年预计完成情况",
            "| 三级指标 | 1-7月执行数 | 全 年 预 计 |",
            "指标\t<b>执行数</b>\t全年预计&nbsp;",
        ] {
            texts.push(format!("项目名称\tx\n{header}\n"));
        }
        let mut monitors = 0;
        for text in &texts {
            if crate::monitor::looks_like_monitor(text) {
                monitors += 1;
                assert!(may_be_monitor(text), "{text}");
            }
        }
        assert!(monitors >= 7, "{monitors}");
        assert!(!may_be_monitor(
            "财政项目支出绩效目标申报表\n项目名称\t示例\n一级指标\t二级指标\t三级指标\t指标值\n"
        ));
    }
}
