//! Properties of target changes on arbitrary declarations: `diff` never panics (extreme
//! amounts, odd target texts, names and units, missing levels, self-evaluations with odd
//! actuals), every change has its messages, added/removed never outnumber the indicators,
//! and a document compared with itself has no change.

use jixiao::diff::{diff, ChangeKind};
use jixiao::model::{Declaration, Document, Evaluation, Indicator, IndicatorEvaluation, MoneyUnit};
use jixiao::taxonomy::Level2;
use jixiao::value::Target;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount() -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        Just(None),
        Just(Some(Decimal::MAX)),
        Just(Some(Decimal::MIN)),
        Just(Some(Decimal::ZERO)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Some(Decimal::new(m, s))),
    ]
}

fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::sample::select(vec!["≥", "≤", "=", ">", "<", ""]),
            any::<i64>(),
            0u32..=28,
            prop::sample::select(vec!["%", "人", "人次", "万元", "元", "平方米", "次/月", ""])
        )
            .prop_map(|(c, m, s, u)| format!("{c}{}{u}", Decimal::new(m, s))),
        prop::sample::select(vec!["提高", "及时", "满意", "**", "", "≥abc%"])
            .prop_map(str::to_owned),
        ".{0,12}",
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        0usize..12,
        prop::sample::select(vec!["验收合格率", "培训人数", "满意度", "人数", "", "a"]),
        target(),
    )
        .prop_map(|(l, name, t)| {
            let l2 = [
                Level2::Quantity,
                Level2::Quality,
                Level2::Timeliness,
                Level2::Cost,
                Level2::EconomicBenefit,
                Level2::SocialBenefit,
                Level2::EcologicalBenefit,
                Level2::Sustainability,
                Level2::ServiceSatisfaction,
                Level2::EconomicCost,
                Level2::SocialCost,
                Level2::EcologicalCost,
            ][l];
            Indicator::new(Some(l2.natural_parent()), Some(l2), name, Target::parse(&t))
        })
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        prop::sample::select(vec!["环保热线运行", "环保热线运行经费", "办案经费", ""]),
        prop::option::of(prop::sample::select(vec!["001", "002"])),
        amount(),
        any::<bool>(),
        prop::collection::vec(indicator(), 0..6),
        prop::collection::vec(".{0,8}", 0..6),
    )
        .prop_map(|(name, code, annual, wan, indicators, actuals)| {
            let mut d = Declaration::default();
            d.project.name = name.to_owned();
            d.project.code = code.map(str::to_owned);
            d.funding.annual = annual;
            d.funding.unit = if wan {
                MoneyUnit::WanYuan
            } else {
                MoneyUnit::Yuan
            };
            d.evaluation = Some(Evaluation {
                indicators: actuals
                    .into_iter()
                    .map(|a| IndicatorEvaluation {
                        actual: Some(a),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            });
            d.indicators = indicators;
            d
        })
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(declaration(), 0..4).prop_map(|declarations| Document {
        declarations,
        ..Document::default()
    })
}

proptest! {
    #[test]
    fn never_panics_and_every_change_is_told(old in document(), new in document(), prior in document()) {
        let all = diff(&old, &new, Some(&prior));
        let changes: Vec<_> = all.iter().flat_map(|p| &p.changes).collect();
        let added = changes.iter().filter(|c| c.code == "C001").count();
        let removed = changes.iter().filter(|c| c.code == "C002").count();
        prop_assert!(added <= new.indicators().count());
        prop_assert!(removed <= old.indicators().count());
        for c in &changes {
            prop_assert!(!c.message.is_empty() && !c.message_en.is_empty());
        }
    }

    #[test]
    fn a_document_against_itself_has_no_change(doc in document()) {
        let all = diff(&doc, &doc, Some(&doc));
        let kinds: Vec<ChangeKind> = all
            .iter()
            .flat_map(|p| &p.changes)
            .map(|c| c.kind)
            .filter(|k| *k != ChangeKind::BelowLastActual)
            .collect();
        prop_assert!(kinds.is_empty(), "{:?}", kinds);
    }
}
