//! Target changes (目标调整) rule by rule, on small hand-written declarations: 反向 targets,
//! directions declared in a list export, funding in 万元, project matching by code and by
//! similarity, projects added and removed.

use jixiao::diff::{diff, diff_text, ChangeKind, ProjectMatch};
use jixiao::read::{read, ReadOptions};
use jixiao::Document;

fn form(name: &str, funding: &str, rows: &str) -> String {
    format!(
        "财政项目支出绩效目标申报表\n项目名称\t{name}\n项目资金 (万元)\t项目资金总额\t\t年度资金申请总额\t{funding}\n\
         一级指标\t二级指标\t三级指标\t指标值\n{rows}"
    )
}

fn doc(text: &str) -> Document {
    read(text.as_bytes(), &ReadOptions::named("test.txt"))
        .expect("reads")
        .document
}

fn codes(old: &Document, new: &Document) -> Vec<(String, ChangeKind)> {
    diff(old, new, None)
        .iter()
        .flat_map(|p| &p.changes)
        .map(|c| (c.code.clone(), c.kind))
        .collect()
}

fn c(code: &str, kind: ChangeKind) -> (String, ChangeKind) {
    (code.to_owned(), kind)
}

#[test]
fn a_reverse_target_raised_is_relaxed_and_lowered_is_tightened() {
    let rows = |v: &str| format!("产出指标\t成本指标\t单位面积修缮成本\t≤{v}(元/平方米)\n");
    let old = doc(&form("修缮", "100", &rows("2000")));
    let up = doc(&form("修缮", "100", &rows("2200")));
    let down = doc(&form("修缮", "100", &rows("1800")));
    assert_eq!(codes(&old, &up), vec![c("C010", ChangeKind::Relaxed)]);
    assert_eq!(codes(&old, &down), vec![c("C011", ChangeKind::Tightened)]);
    assert_eq!(codes(&old, &old), vec![]);
}

#[test]
fn a_declared_reverse_exact_target_is_judged_as_reverse() {
    let csv = |v: &str| {
        format!(
            "项目名称,一级指标,二级指标,三级指标,指标性质,指标方向,目标值,计量单位\n\
             回收市场管理,产出指标,成本指标,出差总成本,反向,=,{v},万元\n\
             回收市场管理,产出指标,数量指标,出差人数,正向,=,8,人\n"
        )
    };
    let old = doc(&csv("1"));
    let new = doc(&csv("1.5"));
    // 反向 = 1 万元 → = 1.5 万元: raised, so relaxed; an `=` declared 反向 is not a softening.
    assert_eq!(codes(&old, &new), vec![c("C010", ChangeKind::Relaxed)]);
    let all = diff(&old, &new, None);
    assert!(all[0].changes[0].message.contains("反向"));
}

#[test]
fn funding_in_wan_yuan_against_outputs() {
    let rows = |n: &str| format!("产出指标\t数量指标\t培训人数\t≥{n}(人)\n");
    // 100 万元 → 120 万元 while 培训人数 500 → 400: funding up, outputs down.
    let old = doc(&form("培训", "100", &rows("500")));
    let new = doc(&form("培训", "120", &rows("400")));
    let all = diff(&old, &new, None);
    let got: Vec<_> = all[0]
        .changes
        .iter()
        .map(|c| (c.code.as_str(), c.old.as_deref(), c.new.as_deref()))
        .collect();
    // 1,000,000 元 / 500 人 = 2000.00; 1,200,000 / 400 = 3000.00 元/人.
    assert_eq!(
        got,
        vec![
            ("C010", Some("≥500(人)"), Some("≥400(人)")),
            ("C040", Some("1000000.00"), Some("1200000.00")),
            ("C041", Some("1000000.00"), Some("1200000.00")),
            ("C042", Some("2000.00"), Some("3000.00")),
        ]
    );
    assert!(all[0].changes[2].message.contains("持平或下降"));
    // Funding up with outputs up as much: no C041, and the unit cost is unchanged.
    let more = doc(&form("培训", "120", &rows("600")));
    let codes_more: Vec<_> = diff(&old, &more, None)[0]
        .changes
        .iter()
        .map(|c| c.code.clone())
        .collect();
    assert_eq!(codes_more, ["C011", "C040"]);
}

#[test]
fn projects_by_code_by_similarity_added_and_removed() {
    let rows = "产出指标\t质量指标\t验收合格率\t≥95%\n";
    let coded = |name: &str, code: &str| {
        form(name, "10", rows).replace("项目名称\t", &format!("项目编码\t{code}\n项目名称\t"))
    };
    // The same code under a new name: matched by code, not uncertain.
    let old = doc(&coded("执法装备购置", "31000024001"));
    let new = doc(&coded("执法装备购置及维护", "31000024001"));
    let all = diff(&old, &new, None);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].matched_by, Some(ProjectMatch::Code));
    assert_eq!(all[0].old_project.as_deref(), Some("执法装备购置"));
    assert!(all[0].changes.is_empty());
    assert!(diff_text(&all).contains("执法装备购置及维护（按项目编码匹配，原名“执法装备购置”）"));

    // Different codes never match, even under one name: one removed, one added.
    let other = doc(&coded("执法装备购置", "31000025009"));
    let all = diff(&old, &other, None);
    let kinds: Vec<_> = all.iter().map(|p| p.changes[0].kind).collect();
    assert_eq!(kinds, [ChangeKind::Added, ChangeKind::Removed]);

    // No codes: a similar name is matched, flagged uncertain.
    let old = doc(&form("环保热线运行经费", "10", rows));
    let new = doc(&form("环保热线运行维护经费", "10", rows));
    let all = diff(&old, &new, None);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].matched_by, Some(ProjectMatch::Similar));
    assert!(all[0].uncertain);

    // Dissimilar names: added and removed.
    let new = doc(&form("办公用房修缮", "10", rows));
    let all = diff(&old, &new, None);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].changes[0].code, "C006");
    assert_eq!(all[1].changes[0].code, "C007");
    assert_eq!(all[1].project, "环保热线运行经费");
}

#[test]
fn moved_and_strictness() {
    let old = doc(&form(
        "示例",
        "10",
        "产出指标\t质量指标\t设施正常运转率\t>95%\n效益指标\t社会效益指标\t群众满意度\t≥90%\n",
    ));
    let new = doc(&form(
        "示例",
        "10",
        "效益指标\t社会效益指标\t设施正常运转率\t≥95%\n满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n",
    ));
    // 运转率 moved and `>` → `≥` at 95%; 满意度 moved from 效益 to 满意度 (a level gained,
    // none lost: 产出 is lost).
    assert_eq!(
        codes(&old, &new),
        vec![
            c("C005", ChangeKind::LevelRemoved),
            c("C004", ChangeKind::Moved),
            c("C012", ChangeKind::Relaxed),
            c("C004", ChangeKind::Moved),
        ]
    );
}
