//! Mid-year monitoring (绩效运行监控, "双监控", `domain.md` §8): the
//! 项目支出绩效目标执行监控表 read into the model ([`Monitoring`], beside a declaration's
//! indicators), rated under a warning policy ([`MonitorPolicy`]) into a
//! [`MonitorReport`] per project — budget and indicator colours each with its arithmetic,
//! forecast flags, the project's colour and findings with stable codes —, rolled up by
//! department ([`rollup`]) and, after the year, checked against the self-evaluation
//! ([`check_against_evaluation`]).
//!
//! ```
//! use jixiao::monitor::{monitor_document, MonitorPolicy, Colour};
//! let text = "项目支出绩效目标执行监控表\n(2024年1-6月)\n项目名称\t示例\n\
//!             项目资金(元)\t\t年初预算数\t全年预算数\t1-6月执行数\t执行率\t全年预计执行数\n\
//!             \t年度资金总额\t100\t100\t30\t30.00%\t100\n";
//! let reading = jixiao::read(text.as_bytes(), &Default::default()).unwrap();
//! let reports = monitor_document(&reading.document, None, &MonitorPolicy::default()).unwrap();
//! // 30% at month 6: v = 30 ÷ (6/12) × 100 = 60 → yellow.
//! assert_eq!(reports[0].budget.colour, Some(Colour::Yellow));
//! ```

mod consistency;
mod measure;
mod model;
mod policy;
mod read;
mod report;
mod rollup;
mod text;
mod write;

pub use consistency::{check_against_evaluation, ConsistencyFinding};
pub use model::{
    parse_reasons, Achievability, IndicatorMonitoring, MonitorBudgetRow, Monitoring, Reason,
};
pub use policy::{Bands, Colour, Expected, Milestone, MonitorPolicy, POLICY_NAMES};
pub(crate) use read::SNIFF_LINES;
pub use read::{is_monitor_line, looks_like_monitor, period_month, read_monitor};
pub use report::{
    monitor_declaration, monitor_document, BudgetMonitor, ForecastMonitor, IndicatorMonitor,
    MonitorError, MonitorFinding, MonitorReport,
};
pub use rollup::{rollup, DepartmentRollup};
pub use write::write_monitor;
