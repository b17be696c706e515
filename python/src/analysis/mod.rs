//! Review (绩效目标审核), scoring (自评评分), audit (自评复核) and roll-up (汇总) as Python
//! objects: `Review`, `Scorecard`, `IndicatorScore`, `Audit`, `Summary`. Each is a core
//! call; these classes only convert. Decimal figures stay `decimal.Decimal`.

mod args;
mod audit;
mod review;
mod scorecard;
mod summary;
mod totals;

pub(crate) use args::*;
pub(crate) use audit::*;
pub(crate) use review::*;
pub(crate) use scorecard::*;
pub(crate) use summary::*;
pub(crate) use totals::*;
