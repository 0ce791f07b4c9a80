// Builds the C shim that implements librdkafka's variadic functions on top of
// their non-variadic Rust counterparts (Rust cannot define C-variadic
// functions on stable).
fn main() {
    println!("cargo:rerun-if-changed=src/abi/variadic.c");
    cc::Build::new()
        .file("src/abi/variadic.c")
        .flag_if_supported("-fvisibility=default")
        .warnings(true)
        .extra_warnings(true)
        .compile("ferrokafka_variadic");
}
