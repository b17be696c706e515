//! write_form → read_form gives back an equal model, for every field the form carries.

use jixiao::read::form::read_form;
use jixiao::read::ReadOptions;
use jixiao::write::form::write_form;
use jixiao::write::json::to_json;

const FULL: &str = r#"{
  "schema": "jixiao/1",
  "title": "某区体育局2023年度项目绩效自评汇总",
  "year": 2023,
  "declarations": [
    {
      "project": {
        "name": "全民健身设施更新", "code": "31010723-0042",
        "nature": "经常性项目", "category": "特定目标类",
        "department": "某区体育局", "implementer": "某区体育中心",
        "start_date": "2023-01-01", "end_date": "2023-12-31",
        "extra": { "项目负责人": "王五", "联系电话": "" }
      },
      "funding": {
        "unit": "万元", "total": "300", "total_fiscal": "240", "total_other": "60",
        "annual": "100.5", "annual_fiscal": "80", "annual_carryover": null, "annual_other": "20.5"
      },
      "goals": { "overall": "三年内更新健身点60个", "annual": "更新健身点20个" },
      "level_points": { "产出指标": "50", "效益指标": "30" },
      "indicators": [
        { "level1": "产出指标", "level2": "数量指标", "name": "更新健身点数量",
          "target": "≥20个", "weight": "25" },
        { "level1": "产出指标", "level2": "质量指标", "name": "验收合格率",
          "target": "=100%", "weight": "25", "direction": "increase" },
        { "level1": "效益指标", "level2": null, "level2_text": "效率指标", "name": "办理时长",
          "target": "≤3天", "weight": "30", "extra": { "备注": "抽查" } },
        { "level1": null, "level1_text": "其他指标", "level2": "服务对象满意度指标",
          "name": "居民满意度", "target": "≥90%", "weight": "10" }
      ],
      "evaluation": {
        "unit": "万元",
        "budget": { "initial": "100", "adjusted": "100.5", "executed": "95", "weight": "10",
                    "rate": "94.53%", "score": "9.45" },
        "budget_fiscal": { "initial": "80", "adjusted": "80", "executed": "80",
                           "weight": null, "score": null },
        "goal_achieved": "更新健身点18个",
        "indicators": [
          { "actual": "18个", "score": "22.5", "deviation": "两处选址调整" },
          { "actual": "100%", "score": "25", "deviation": null },
          { "actual": "2天", "score": "30", "deviation": null },
          { "actual": null, "score": null, "deviation": null }
        ],
        "total": "86.95", "total_weight": "100"
      }
    },
    {
      "project": { "name": "场馆运维", "nature": null, "category": null, "department": null,
                   "implementer": null, "start_date": null, "end_date": null },
      "funding": { "unit": "元", "annual": "1000.00" },
      "goals": { "overall": null, "annual": "<p>场馆正常开放</p>" },
      "indicators": [
        { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度",
          "target": "$\\geq 90.00\\%$", "weight": null }
      ]
    }
  ]
}"#;

#[test]
fn every_field_survives_the_form_layout() {
    let reading = jixiao::read::read(FULL.as_bytes(), &ReadOptions::named("full.json"))
        .expect("the fixture is valid JSON");
    let doc = reading.document;
    let text = write_form(&doc);
    let (again, _) = read_form(&text, &ReadOptions::named("full.form.txt"))
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut expected = doc.clone();
    // What the form layout normalizes: HTML in text cells.
    expected.declarations[1].goals.annual = Some("场馆正常开放".to_owned());
    assert_eq!(to_json(&again), to_json(&expected), "{text}");
    assert_eq!(again, expected);
    // A second round is byte-for-byte stable.
    assert_eq!(write_form(&again), write_form(&expected));
    assert!(text.contains("产出指标(50分)"), "{text}");
    assert!(text.contains("项目编码\t31010723-0042"), "{text}");
}

/// Point groups (指标组): a table split into blocks, each under a header whose first cell
/// names the block and its points — the Hubei header row (`年度绩效目标1(40分)`), a block
/// row of its own (`年度绩效目标二（40分）`, Chinese numeral, full-width brackets), rows of
/// no group after a plain header. Each indicator keeps its group; the form written reads
/// back equal.
#[test]
fn point_groups_read_and_round_trip() {
    let text = "财政项目支出绩效自评表\n\
        项目名称\t水土保持监测\n\
        年度绩效目标1(40分)\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分\n\
        \t产出指标\t质量指标\t监测数据合格\t100%\t100%\t10\n\
        \t满意度指标\t服务对象满意度指标\t资料审核\t98%\t98%\t20\n\
        年度绩效目标二（40分）\n\
        \t产出指标\t数量指标\t资料上报\t≥2份\t2份\t40\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分\n\
        \t效益指标\t社会效益指标\t宣传覆盖\t≥90%\t95%\t\n";
    let (doc, _) = read_form(text, &ReadOptions::named("groups.txt")).expect("reads");
    let d = &doc.declarations[0];
    let groups: Vec<Option<&str>> = d.indicators.iter().map(|i| i.group.as_deref()).collect();
    assert_eq!(
        groups,
        [
            Some("年度绩效目标1"),
            Some("年度绩效目标1"),
            Some("年度绩效目标二"),
            None
        ]
    );
    assert_eq!(d.group_points.len(), 2);
    assert_eq!(d.group_points["年度绩效目标二"].to_string(), "40");
    let written = write_form(&doc);
    let (back, _) = read_form(&written, &ReadOptions::named("back.txt")).expect("reads back");
    assert_eq!(to_json(&back), to_json(&doc), "{written}");
}

/// A footer note about the template itself (`备注：作为导入模板，置灰信息无需录入…`, the
/// finance system's export) is no field of the project: it is quoted in a `template_note`
/// finding; a note about the project stays in its extra fields.
#[test]
fn template_notes_are_no_project_fields() {
    let text = "财政项目支出绩效目标申报表\n\
        项目名称\t社区工作站经费\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t服务社区数\t≥3个\n\
        备注：\t作为导入模板，置灰信息无需录入，作为导出模板，置灰信息系统自动带出。\n\
        备注\t含上年结转项目\n";
    let (doc, findings) = read_form(text, &ReadOptions::named("note.txt")).expect("reads");
    let extra = &doc.declarations[0].project.extra;
    assert_eq!(
        extra.get("备注").map(String::as_str),
        Some("含上年结转项目")
    );
    let notes: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "template_note")
        .collect();
    assert_eq!(notes.len(), 1, "{findings:?}");
    assert!(notes[0].message.contains("置灰信息无需录入"));
    assert_eq!(doc.declarations[0].indicators.len(), 1);
}
