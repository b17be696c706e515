"""Writes the hand-made list exports of other finance 一体化 systems (core/tests/list_variants.rs).

Run from the repository root with the repo's venv (openpyxl):
    .venv/bin/python tests/data/variants/make_list_variants.py
The contents are made up by hand in the shapes such systems export; the expected readings are
worked out by hand in core/tests/list_variants.rs.
"""

import csv
import io
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def yitihua_declaration_repeated():
    """One row per indicator, the project fields repeated on every row, UTF-8 with BOM."""
    header = ["项目代码", "项目名称", "单位名称", "主管部门", "资金总额（万元）", "财政资金",
              "一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位",
              "指标权重", "指标解释", "评分标准"]
    p1 = ["44000025T000001234567", "基层医疗机构设备购置", "某某县人民医院", "某某县卫生健康局",
          "120.5", "100"]
    p2 = ["44000025T000001234999", "家庭医生签约服务补助", "某某县卫生健康局", "某某县卫生健康局",
          "80", "80"]
    rows = [
        p1 + ["产出指标", "数量指标", "购置设备台数", "定量", "≥", "15", "台", "20",
              "年度内购置并验收的设备台数", "完成得满分，未完成按比例得分"],
        p1 + ["产出指标", "质量指标", "设备验收合格率", "定量", "=", "100", "%(百分比)", "15",
              "验收合格设备台数/购置设备台数", "达到100%得满分"],
        p1 + ["产出指标", "时效指标", "设备采购完成时间", "定性", "定性", "2025年9月底前", "", "10",
              "", "按时完成得满分"],
        p1 + ["产出指标", "成本指标", "单台设备平均采购成本", "定量", "≤", "8", "万元", "5",
              "采购总额/台数", "不超过得满分"],
        p1 + ["效益指标", "经济效益指标", "不适用", "", "", "不适用", "", "", "", ""],
        p1 + ["效益指标", "社会效益指标", "基层群众就医便利程度", "定性", "定性", "有效提升", "", "30",
              "", ""],
        p1 + ["效益指标", "可持续影响指标", "", "", "", "", "", "", "", ""],
        p1 + ["满意度指标", "服务对象满意度指标", "患者满意度", "定量", "≥", "90", "%", "10",
              "抽样调查", ""],
        p2 + ["产出指标", "数量指标", "签约服务人数", "定量", "≥", "20000", "人", "25", "", ""],
        p2 + ["产出指标", "质量指标", "重点人群签约率", "定量", "≥", "75", "%", "25", "", ""],
        p2 + ["效益指标", "社会效益指标", "居民健康管理水平", "定性", "定性", "逐步提升", "", "30",
              "", ""],
        p2 + ["满意度指标", "服务对象满意度指标", "签约居民满意度", "定量", "≥", "85", "%", "10", "",
              ""],
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(HERE, "yitihua-declaration-repeated.csv"), "w",
              encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())


def city_targets_titled():
    """An .xlsx: a merged title, a unit line, headers in another order with synonyms,
    project and level cells merged down their rows, a 合计 row and a note below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标"
    header = ["序号", "绩效指标名称", "目标值", "度量单位", "分值", "一级指标", "二级指标",
              "项目名称", "项目编码", "主管部门", "年度资金总额"]
    ws.append(["某某市2025年度部门项目支出绩效目标表"] + [None] * (len(header) - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["编制单位：某某市城市管理局"] + [None] * (len(header) - 2) + ["单位：万元"])
    ws.append(header)
    p1 = ("城区道路照明设施维护", "330100250000000101", "某某市城市管理局", 356.8)
    p2 = ("公园绿地养护", "330100250000000102", "某某市城市管理局", 210)
    rows = [
        (p1, "产出指标", "数量指标", "维护路灯数量", "≥12000", "盏", 20),
        (p1, "产出指标", "质量指标", "路灯亮灯率", "≥98", "%", 20),
        (p1, "产出指标", "时效指标", "故障修复及时率", "≥95", "%", 10),
        (p1, "效益指标", "社会效益指标", "夜间出行安全保障", "持续改善", "", 30),
        (p1, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90", "%", 10),
        (p2, "产出指标", "数量指标", "养护绿地面积", "≥85", "万平方米", 25),
        (p2, "产出指标", "成本指标", "每平方米养护成本", "≤12", "元", 25),
        (p2, "效益指标", "生态效益指标", "绿化覆盖率", "≥40", "%", 30),
        (p2, "满意度指标", "服务对象满意度指标", "游园群众满意度", "≥90", "%", 10),
    ]
    first_row = 4
    for n, (p, l1, l2, name, target, unit, weight) in enumerate(rows, start=1):
        ws.append([n, name, target, unit, weight, l1, l2, p[0], p[1], p[2], p[3]])
    # Merge the project cells and the 一级 cells down their rows, as the system prints them.
    def merge_runs(col, key):
        start = first_row
        for i in range(1, len(rows) + 1):
            end_of_run = i == len(rows) or key(rows[i]) != key(rows[i - 1])
            if end_of_run:
                end = first_row + i - 1
                if end > start:
                    ws.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)
                start = end + 1
    for col in (8, 9, 10, 11):
        merge_runs(col, lambda r: r[0])
    merge_runs(6, lambda r: (r[0], r[1]))
    total_row = first_row + len(rows)
    ws.append(["合计", None, None, None, 200, None, None, None, None, None, 566.8])
    ws.append(["注：目标值含计算符号；度量单位为空的为定性指标。"])
    assert ws.max_row == total_row + 1
    wb.save(os.path.join(HERE, "city-targets-titled.xlsx"))


def county_selfeval_gbk():
    """A 自评 export in GBK: the budget figures repeated on each row, 实际完成值 and 得分."""
    header = ["项目名称", "项目编码", "主管部门", "实施单位", "年初预算数（万元）", "调整后预算数",
              "实际执行数", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
              "分值", "得分", "偏差原因分析及改进措施"]
    p1 = ["城乡环境卫生保洁", "520100240000000301", "某某县住房和城乡建设局", "某某县环卫所",
          "500", "480", "456"]
    p2 = ["农村公路养护", "520100240000000302", "某某县交通运输局", "某某县公路管理段",
          "200", "200", "150"]
    rows = [
        p1 + ["产出指标", "数量指标", "道路保洁面积", "≥120万平方米", "126万平方米", "20",
              "20", ""],
        p1 + ["产出指标", "时效指标", "垃圾清运及时率", "≥95%", "93%", "15", "14.68",
              "部分路段施工，清运绕行"],
        p1 + ["产出指标", "数量指标", "购置清运车辆", "=10辆", "8辆", "15", "12",
              "2辆车辆交付延期"],
        p1 + ["效益指标", "社会效益指标", "群众居住环境", "明显改善", "达成年度指标", "30",
              "27", ""],
        p1 + ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10", ""],
        p2 + ["产出指标", "数量指标", "养护里程", "≥300公里", "310公里", "30", "30", ""],
        p2 + ["产出指标", "质量指标", "路面完好率", "≥85%", "80%", "20", "18.82",
              "部分路段雨季损毁"],
        p2 + ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "部分达成", "30", "21",
              "资金未全部到位"],
        p2 + ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "", "10", "",
              "调查未开展"],
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(HERE, "county-selfeval-gbk.csv"), "wb") as f:
        f.write(out.getvalue().encode("gbk"))


def district_selfeval_grouped():
    """An .xlsx 自评 export with a two-row header: 预算执行情况（万元） merged over its
    年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分, 绩效指标 merged over the
    indicator columns with their own 分值 · 得分; project and budget cells merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    width = 17
    ws.append(["某区2024年度项目支出绩效自评汇总表"] + [None] * (width - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.append(["项目名称", "项目编码", "主管部门", "实施单位", "预算执行情况（万元）", None, None,
               None, None, None, "绩效指标", None, None, None, None, None, None])
    ws.append([None, None, None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
               "得分", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
               "得分"])
    ws.merge_cells("E2:J2")
    ws.merge_cells("K2:Q2")
    for c in "ABCD":
        ws.merge_cells(f"{c}2:{c}3")
    p1 = ["社区养老服务补贴", "330106240000000011", "某区民政局", "某区养老服务指导中心",
          100, 100, 90, 10, "90.00%", 9]
    p2 = ["老年食堂运营补助", "330106240000000012", "某区民政局", "某区养老服务指导中心",
          60, 50, 50, 10, "100.00%", 10]
    blank = [None] * 10
    ws.append(p1 + ["产出指标", "数量指标", "服务老人人数", "≥1000人", "1100人", 50, 50])
    ws.append(blank + ["效益指标", "社会效益指标", "养老服务水平", "有效提升", "达成年度指标",
                       30, 28])
    ws.append(blank + ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "95%", 10, 10])
    ws.append(p2 + ["产出指标", "数量指标", "运营食堂数量", "=5个", "4个", 50, 40])
    ws.append(blank + ["效益指标", "社会效益指标", "老年人就餐便利程度", "有效提升", "未达成",
                       30, 10])
    ws.append(blank + ["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥85%", "80%", 10,
                       9.41])
    # A text starting with `=` is a text cell, as the system writes it (openpyxl would
    # otherwise store a formula).
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for c in "ABCDEFGHIJ":
        ws.merge_cells(f"{c}4:{c}6")
        ws.merge_cells(f"{c}7:{c}9")
    wb.save(os.path.join(HERE, "district-selfeval-grouped.xlsx"))


def unit_workbook_per_project():
    """An .xlsx of one sheet per project: the project fields written above each sheet's
    indicator table (`项目名称：…`, `项目编码 | …`, `主管部门：… | 单位：万元`, `年度资金总额：…`),
    the table itself without a 项目名称 column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目1"
    ws.append(["项目名称：社区养老服务补贴"])
    ws.append(["项目编码", "330106240000000011"])
    ws.append(["主管部门：某区民政局", None, None, None, "单位：万元"])
    ws.append(["年度资金总额：100"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"])
    ws.append(["产出指标", "数量指标", "服务老人人数", "≥1000", "人", 50])
    ws.append(["效益指标", "社会效益指标", "养老服务水平", "有效提升", None, 30])
    ws.append(["满意度指标", "服务对象满意度指标", "老人满意度", "≥90", "%", 10])
    ws2 = wb.create_sheet("项目2")
    ws2.append(["项目名称：老年食堂运营补助"])
    ws2.append(["实施单位：某区养老服务指导中心", None, None, None, "单位：万元"])
    ws2.append(["年度资金总额：50"])
    ws2.append(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"])
    ws2.append(["产出指标", "数量指标", "运营食堂数量", "≥5", "个", 50])
    ws2.append(["效益指标", "社会效益指标", "老年人就餐便利程度", "有效提升", None, 30])
    ws2.append(["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥85", "%", 10])
    ws2.append(["注：本表由项目单位填报。"])
    wb.save(os.path.join(HERE, "unit-workbook-per-project.xlsx"))


if __name__ == "__main__":
    yitihua_declaration_repeated()
    city_targets_titled()
    county_selfeval_gbk()
    district_selfeval_grouped()
    unit_workbook_per_project()
