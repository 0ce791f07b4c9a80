// The program must run on the library it was linked against (the one
// pkg-config found), not on whatever librdkafka.so.1 the dynamic loader
// would find first: put that library's directory in the binary's RUNPATH.
fn main() {
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    let lib = pkg_config::Config::new()
        .cargo_metadata(false)
        .probe("rdkafka")
        .expect("rdkafka.pc not found (set PKG_CONFIG_PATH)");
    for dir in &lib.link_paths {
        println!("cargo:rustc-link-arg-bins=-Wl,-rpath,{}", dir.display());
    }
}
