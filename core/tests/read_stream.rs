//! The streaming reader yields the same declarations, lines and findings as reading whole.

#![allow(clippy::unwrap_used)]

use std::io::Read;

use jixiao::read::{read, stream, ReadOptions};
use jixiao::{Declaration, Finding};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A reader that hands out one byte at a time: every cut of a character or a line.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn streamed(bytes: &[u8], options: &ReadOptions) -> (Vec<Declaration>, Vec<Finding>) {
    let mut declarations = Vec::new();
    let mut findings = Vec::new();
    for item in stream::declarations(Trickle(bytes), options).unwrap() {
        let (d, f) = item.unwrap();
        declarations.push(d);
        findings.extend(f);
    }
    (declarations, findings)
}

fn lines(ds: &[Declaration]) -> Vec<(u32, Vec<u32>)> {
    ds.iter()
        .map(|d| {
            (
                d.source.line,
                d.indicators.iter().map(|i| i.source.line).collect(),
            )
        })
        .collect()
}

fn key(f: &Finding) -> (Option<u32>, String, String) {
    (f.line, f.code.clone(), f.message.clone())
}

fn same_as_whole(bytes: &[u8], name: &str) {
    let options = ReadOptions::named(name);
    let whole = read(bytes, &options).unwrap();
    let (declarations, _) = streamed(bytes, &options);
    assert!(
        declarations.len() > 1,
        "{name}: {} declarations",
        declarations.len()
    );
    same_as_read(bytes, &options, &whole);
}

/// The stream of `bytes` yields the declarations of `whole`, in order, with its lines and
/// findings.
fn same_as_read(bytes: &[u8], options: &ReadOptions, whole: &jixiao::read::Reading) {
    let name = options.file_name.as_deref().unwrap_or_default();
    let (declarations, findings) = streamed(bytes, options);
    let names = |ds: &[Declaration]| {
        ds.iter()
            .map(|d| d.project.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&declarations),
        names(&whole.document.declarations),
        "{name}"
    );
    assert_eq!(declarations, whole.document.declarations, "{name}");
    assert_eq!(
        lines(&declarations),
        lines(&whole.document.declarations),
        "{name}"
    );
    let mut a: Vec<_> = findings.iter().map(key).collect();
    let mut b: Vec<_> = whole.diagnostics.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "{name}");
}

#[test]
fn form_seed_streams_as_read_whole() {
    same_as_whole(&data("shanghai-eeb-enforcement-2024.txt"), "seed.txt");
}

#[test]
fn self_evaluations_stream_as_read_whole() {
    let one = String::from_utf8(data("selfeval-putuo-sports-2022.txt")).unwrap();
    let at = one.find("财政项目支出绩效自评表").unwrap();
    let (head, form) = one.split_at(at);
    let two = format!(
        "{head}{form}\n{}",
        form.replace("普陀体育中心", "长风体育中心")
    );
    same_as_whole(two.as_bytes(), "putuo.txt");
}

#[test]
fn list_streams_as_read_whole() {
    same_as_whole(&data("list-example.csv"), "list.csv");
    let tsv = String::from_utf8(data("list-example.csv"))
        .unwrap()
        .replace(',', "\t");
    // The example has quoted "44,561" cells: as TSV they are just text.
    same_as_whole(tsv.as_bytes(), "list.tsv");
}

/// A list of four projects of three rows each: all of them come with the header rows.
fn four_projects() -> String {
    let mut text = "项目名称,一级指标,二级指标,三级指标,指标值,分值\n".to_owned();
    for (project, n) in [("甲", 1), ("乙", 2), ("丙", 3), ("丁", 4)] {
        for (l2, name) in [
            ("数量指标", "培训人数"),
            ("质量指标", "合格率"),
            ("时效指标", "完成时间"),
        ] {
            text.push_str(&format!("{project},产出指标,{l2},{name},≥{n}人,10\n"));
        }
    }
    text
}

#[test]
fn list_projects_stream_in_the_order_read() {
    let text = four_projects();
    let options = ReadOptions::named("four.csv");
    let whole = read(text.as_bytes(), &options).unwrap();
    let names: Vec<_> = whole
        .document
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(names, ["甲", "乙", "丙", "丁"]);
    same_as_read(text.as_bytes(), &options, &whole);
    // Streamed from one read of the whole input as well as byte by byte.
    let items: Vec<_> = stream::declarations(text.as_bytes(), &options)
        .unwrap()
        .map(|i| i.unwrap().0)
        .collect();
    assert_eq!(items, whole.document.declarations);
    let tsv = text.replace(',', "\t");
    let options = ReadOptions::named("four.tsv");
    same_as_read(
        tsv.as_bytes(),
        &options,
        &read(tsv.as_bytes(), &options).unwrap(),
    );
}

#[test]
fn every_data_file_read_streams_as_read() {
    let dir = format!("{}/../tests/data", env!("CARGO_MANIFEST_DIR"));
    let office = format!("{dir}/office");
    let mut checked = 0;
    let entries = std::fs::read_dir(&dir)
        .unwrap()
        .chain(std::fs::read_dir(&office).unwrap());
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let options = ReadOptions::named(&name);
        // Only what `read` accepts: a file it refuses has nothing to compare with.
        if let Ok(whole) = read(&bytes, &options) {
            same_as_read(&bytes, &options, &whole);
            checked += 1;
        }
    }
    assert!(checked >= 7, "{checked} data files read");
}

/// The error items of a stream: (code, line).
fn errors(bytes: &[u8], options: &ReadOptions) -> Vec<(&'static str, Option<u32>)> {
    stream::declarations(bytes, options)
        .unwrap()
        .filter_map(Result::err)
        .map(|e| (e.code(), e.location().line))
        .collect()
}

#[test]
fn a_declaration_of_too_many_indicators_is_an_error_item_as_in_read() {
    let mut text =
        "项目名称,一级指标,二级指标,三级指标,指标值\n甲,产出指标,数量指标,人数,≥1人\n".to_owned();
    for i in 0..=jixiao::limits::MAX_INDICATORS {
        text.push_str(&format!("乙,产出指标,数量指标,人数{i},≥1人\n"));
    }
    text.push_str("丙,产出指标,数量指标,人数,≥1人\n");
    let options = ReadOptions::named("many.csv");
    let whole = read(text.as_bytes(), &options).unwrap_err();
    assert_eq!(whole.code(), "too_large");
    let items: Vec<_> = stream::declarations(text.as_bytes(), &options)
        .unwrap()
        .map(|i| i.map(|(d, _)| d.project.name).map_err(|e| e.code()))
        .collect();
    assert_eq!(
        items,
        [Ok("甲".to_owned()), Err("too_large"), Ok("丙".to_owned())]
    );
    assert_eq!(
        errors(text.as_bytes(), &options),
        [("too_large", whole.location().line)]
    );
}

#[test]
fn a_form_line_too_long_is_an_error_item_as_in_read() {
    let mut bytes = data("shanghai-eeb-enforcement-2024.txt");
    bytes.push(b'\n');
    bytes.extend(vec![b'x'; jixiao::limits::MAX_LINE_BYTES + 1]);
    bytes.push(b'\n');
    let options = ReadOptions::named("long.txt");
    let whole = read(&bytes, &options).unwrap_err();
    assert_eq!(whole.code(), "too_large");
    assert_eq!(
        errors(&bytes, &options),
        [("too_large", whole.location().line)]
    );
}

#[test]
fn an_unclosed_quote_is_an_error_item_as_in_read() {
    let mut text = four_projects();
    text.push_str("戊,产出指标,数量指标,\"人数,≥1人\n");
    for i in 0..40 {
        text.push_str(&format!("己,产出指标,数量指标,人数{i},≥1人\n"));
    }
    for (text, name) in [(text.clone(), "q.csv"), (text.replace(',', "\t"), "q.tsv")] {
        let options = ReadOptions::named(name);
        let whole = read(text.as_bytes(), &options).unwrap_err();
        assert_eq!(
            (whole.code(), whole.location().line),
            ("malformed", Some(14))
        );
        let items: Vec<_> = stream::declarations(Trickle(text.as_bytes()), &options)
            .unwrap()
            .map(|i| i.map(|(d, _)| d.project.name).map_err(|e| e.code()))
            .collect();
        assert_eq!(items.len(), 5, "{name}: {items:?}");
        assert_eq!(items.last(), Some(&Err("malformed")), "{name}");
        assert_eq!(
            errors(text.as_bytes(), &options),
            [("malformed", whole.location().line)],
            "{name}"
        );
    }
    // `""` inside a quoted cell, cut anywhere: no error.
    let fine = four_projects().replace("合格率", "\"合\"\"格\"\"率\"");
    let options = ReadOptions::named("fine.csv");
    let whole = read(fine.as_bytes(), &options).unwrap();
    same_as_read(fine.as_bytes(), &options, &whole);
}

#[test]
fn gb18030_and_utf16_are_decoded_incrementally() {
    let text = String::from_utf8(data("shanghai-eeb-enforcement-2024.txt")).unwrap();
    let whole = read(text.as_bytes(), &ReadOptions::default()).unwrap();
    let gb = encoding_rs::GB18030.encode(&text).0.into_owned();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    for (bytes, encoding) in [(gb, "GB18030"), (utf16, "UTF-16LE")] {
        let stream = stream::declarations(&bytes[..], &ReadOptions::default()).unwrap();
        assert_eq!(stream.encoding(), encoding);
        let (declarations, _) = streamed(&bytes, &ReadOptions::default());
        assert_eq!(declarations, whole.document.declarations, "{encoding}");
    }
}

#[test]
fn a_bad_byte_later_in_the_input_is_an_error_item() {
    let mut bytes = data("shanghai-eeb-enforcement-2024.txt");
    bytes.extend(vec![b'x'; 70_000]);
    bytes.extend(b"\n\xFF\xFE\xFD\n");
    let items: Vec<_> = stream::declarations(&bytes[..], &ReadOptions::default())
        .unwrap()
        .collect();
    let last = items.last().unwrap();
    assert_eq!(last.as_ref().err().map(|e| e.code()), Some("bad_encoding"));
    assert!(items.iter().filter(|i| i.is_ok()).count() >= 4);
}

#[test]
fn json_is_read_whole_then_yielded() {
    let whole = read(
        &data("shanghai-eeb-enforcement-2024.txt"),
        &ReadOptions::default(),
    )
    .unwrap();
    let json = jixiao::write::json::to_json(&whole.document);
    let (declarations, _) = streamed(json.as_bytes(), &ReadOptions::default());
    assert_eq!(declarations, whole.document.declarations);
}

#[test]
fn nothing_to_read_fails_up_front() {
    let err = stream::declarations(&b"\n\n"[..], &ReadOptions::named("e.txt")).err();
    assert_eq!(err.map(|e| e.code()), Some("empty_input"));
}

#[test]
fn a_nul_byte_anywhere_is_the_binary_error_read_gives() {
    // fuzz/regressions/stream/nul-bytes-after-a-form.txt: `read` refuses text with a NUL
    // byte; the stream delivered the form before it without a word.
    let mut bytes = data("selfeval-putuo-sports-2022.txt");
    bytes.extend_from_slice(b"\n\x00\x00--\x00\n");
    let options = ReadOptions::named("nul.txt");
    assert_eq!(read(&bytes, &options).unwrap_err().code(), "binary_input");
    // Within the first 64 KiB the stream refuses at its start; later, as its last item.
    let err = match stream::declarations(&bytes[..], &options) {
        Err(e) => e,
        Ok(items) => items.last().unwrap().unwrap_err(),
    };
    assert_eq!(err.code(), "binary_input");
    assert!(err.location().line.is_some(), "{err}");
    // Past the first 64 KiB: the same form many times, then the NUL bytes.
    let form = data("selfeval-putuo-sports-2022.txt");
    let mut long = form.repeat(64 * 1024 / form.len() + 2);
    long.extend_from_slice(b"\n\x00\x00--\x00\n");
    let items: Vec<_> = stream::declarations(&long[..], &options).unwrap().collect();
    let last = items.last().unwrap().as_ref().unwrap_err();
    assert_eq!(last.code(), "binary_input");
}

#[test]
fn a_list_project_that_comes_again_is_not_streamable_never_silently_split() {
    // fuzz/regressions/stream/project-rows-interleaved.csv, in short: `read` joins 丙's
    // rows around 中; the stream delivered 丙 when its rows first ended, so it says so.
    let csv = "项目名称,一级指标,二级指标,三级指标,指标值\n\
               丙,产出指标,数量指标,培训人数,≥3人\n\
               中,产出指标,数量指标,培训人数,≥3人\n\
               丙,产出指标,质量指标,合格率,≥3人\n\
               丁,产出指标,数量指标,培训人数,≥4人\n";
    let options = ReadOptions::named("interleaved.csv");
    let whole = read(csv.as_bytes(), &options).unwrap();
    let names: Vec<_> = whole
        .document
        .declarations
        .iter()
        .map(|d| d.project.name.as_str())
        .collect();
    assert_eq!(names, ["丙", "中", "丁"]);
    let items: Vec<_> = stream::declarations(csv.as_bytes(), &options)
        .unwrap()
        .collect();
    let err = items.last().unwrap().as_ref().unwrap_err();
    assert_eq!(err.code(), "not_streamable");
    assert_eq!(err.location().line, Some(4));
    assert!(err.to_string().contains("丙"), "{err}");
    // Contiguous rows stream exactly as read.
    let together = "项目名称,一级指标,二级指标,三级指标,指标值\n\
                    丙,产出指标,数量指标,培训人数,≥3人\n\
                    丙,产出指标,质量指标,合格率,≥3人\n\
                    中,产出指标,数量指标,培训人数,≥3人\n";
    let whole = read(together.as_bytes(), &options).unwrap();
    same_as_read(together.as_bytes(), &options, &whole);
}

#[test]
fn the_stream_refuses_what_read_refuses_about_encodings() {
    // One choice of encoding for both (`read::encoding`): UTF-16 without a BOM, and
    // GB18030 asked for while the bytes are UTF-8 Chinese, are refused at the start.
    let text = String::from_utf8(data("selfeval-putuo-sports-2022.txt")).unwrap();
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let gb = ReadOptions {
        encoding: jixiao::read::Encoding::Gb18030,
        ..ReadOptions::named("gb.txt")
    };
    for (bytes, options) in [
        (utf16, ReadOptions::named("utf16.txt")),
        (text.into_bytes(), gb),
    ] {
        let whole = read(&bytes, &options).unwrap_err();
        let streamed = stream::declarations(&bytes[..], &options).err().unwrap();
        assert_eq!(streamed.code(), whole.code(), "{streamed}");
        assert_eq!(streamed.code(), "bad_encoding");
    }
}
