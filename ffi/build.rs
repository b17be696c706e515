//! Gives the shared library its versioned soname on Linux (`libjixiao.so.0`), so programs
//! linked against it keep working across compatible 0.x releases installed side by side.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".to_owned());
    if os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libjixiao.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
