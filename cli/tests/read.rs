//! `jixiao read`: the command on real files, standard input and garbage.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn jixiao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the jixiao binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // The command may exit before it reads its input (a bad argument): a closed pipe is fine.
    if let Err(e) = pipe.write_all(stdin.unwrap_or_default()) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    drop(pipe);
    child.wait_with_output().expect("jixiao finishes")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn missing_file_exits_2_naming_it() {
    let out = jixiao(&["read", "no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/file.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_input_exits_2() {
    let out = jixiao(&["read", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("<stdin>"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn binary_garbage_exits_2() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = jixiao(&["read", "-"], Some(&garbage));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn unknown_output_format_exits_2() {
    let out = jixiao(&["read", "--to", "pdf", "-"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pdf"), "{}", stderr(&out));
}
