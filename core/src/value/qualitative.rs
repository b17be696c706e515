//! Qualitative (定性) targets: the classes real forms use.

use serde::{Deserialize, Serialize};

/// The class of a qualitative target (`domain.md` §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualitativeClass {
    /// 提高, 提升, 有所提高, 稳步提高, 有效提升, 逐步提升, 显著提升.
    Improve,
    /// 降低, 下降, 减少.
    Reduce,
    /// 达标, 合格, 符合…规定, 规范.
    Comply,
    /// 满意, 较满意.
    Satisfied,
    /// 有一定促进作用, 有积极促进作用, 效果明显, 持续改善.
    PositiveEffect,
    /// 及时, 按时, 按月发放, 按期完成, `2023年12月底前`.
    OnTime,
    /// Anything else.
    Other,
}
