//! # jixiao (绩效)
//!
//! Chinese budget project performance targets (绩效目标申报表) and self-evaluations
//! (绩效自评表): read them in the forms people have (form text, list exports, `.xlsx`,
//! canonical JSON), model them exactly (decimal money, typed targets), review
//! declarations against the official rules, score self-evaluations with an explanation
//! for every point, re-check published scores, and roll many projects up.
//!
//! Data flows one way: bytes → [`read`] → [`model`] → ([`review`] | [`score`] | [`audit`] | [`diff`] |
//! [`summary`]) → [`write`].
//!
//! ```
//! let text = "财政项目支出绩效目标申报表\n项目名称\t示例项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥17(人)\n";
//! let reading = jixiao::read::read(text.as_bytes(), &Default::default()).unwrap();
//! let json = jixiao::write::json::to_json(&reading.document);
//! assert!(json.contains("\"comparator\": \">=\""));
//! ```

pub mod actuals;
pub mod audit;
pub mod batch;
pub mod codes;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod limits;
pub mod model;
pub mod monitor;
pub mod read;
pub(crate) mod render;
pub mod review;
pub mod score;
pub mod summary;
pub mod taxonomy;
pub mod text;
pub mod value;
pub mod write;

pub use diagnostic::{Finding, Severity};
pub use error::{Location, ProfileError, ReadError, WriteError};
pub use model::{Declaration, Document, Funding, Indicator, Project};
pub use read::{read, InputFormat, ReadOptions, Reading};
pub use value::Target;
pub use write::{write, OutputFormat};

/// The library version (from `Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
