//! `include/jixiao.h` is generated from this crate by cbindgen and committed; this test
//! regenerates it and fails when the committed header differs. Bless a change with
//! `JIXIAO_BLESS=1 cargo test -p jixiao-ffi --test header`.

use std::path::PathBuf;

#[test]
fn committed_header_is_current() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let header_path = crate_dir.join("../include/jixiao.h");
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml is readable");
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");

    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&header_path, &generated).expect("include/jixiao.h is writable");
        return;
    }
    let committed = std::fs::read_to_string(&header_path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/jixiao.h is stale: regenerate it with \
         `JIXIAO_BLESS=1 cargo test -p jixiao-ffi --test header` and commit it"
    );
}

#[test]
fn header_names_every_version_macro() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let header = std::fs::read_to_string(crate_dir.join("../include/jixiao.h")).unwrap_or_default();
    let major = env!("CARGO_PKG_VERSION_MAJOR");
    let minor = env!("CARGO_PKG_VERSION_MINOR");
    let patch = env!("CARGO_PKG_VERSION_PATCH");
    assert!(header.contains(&format!("#define JIXIAO_VERSION_MAJOR {major}\n")));
    assert!(header.contains(&format!("#define JIXIAO_VERSION_MINOR {minor}\n")));
    assert!(header.contains(&format!("#define JIXIAO_VERSION_PATCH {patch}\n")));
}
