//! The committed headers (include/librdkafka/*.h) must be exactly what
//! cbindgen generates from src/abi and cbindgen.toml. Run with
//! FERROKAFKA_WRITE_HEADERS=1 (`make headers`) to rewrite them.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Names of the functions defined in a Rust source file.
fn functions_in(path: &Path) -> Vec<String> {
    let src = std::fs::read_to_string(path).unwrap();
    let re = regex::Regex::new(r#"extern "C" fn (\w+)\("#).unwrap();
    re.captures_iter(&src).map(|c| c[1].to_string()).collect()
}

fn generate(config_file: &str, adjust: impl FnOnce(&mut cbindgen::Config)) -> String {
    let mut config = cbindgen::Config::from_file(root().join(config_file)).unwrap();
    adjust(&mut config);
    let bindings = cbindgen::Builder::new()
        .with_crate(root())
        .with_config(config)
        .generate()
        .expect("cbindgen failed");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).unwrap()
}

/// C puts struct tags and ordinary identifiers in different namespaces, and
/// librdkafka uses that: `struct rd_kafka_metadata` is a type while
/// `rd_kafka_metadata` is a function. cbindgen always pairs a struct with a
/// typedef of the same name, so that one struct is rewritten to a plain tag.
fn untypedef_metadata(h: String) -> String {
    let fixes = [
        ("typedef struct rd_kafka_metadata {", "struct rd_kafka_metadata {"),
        ("} rd_kafka_metadata;", "};"),
        ("typedef struct rd_kafka_metadata rd_kafka_metadata_t;", "typedef struct rd_kafka_metadata rd_kafka_metadata_t;"),
    ];
    let mut h = h;
    for (from, to) in fixes {
        assert!(h.contains(from), "cbindgen output changed: {from:?} not found");
        h = h.replacen(from, to, 1);
    }
    h
}

fn check_or_write(rel: &str, generated: &str) {
    let path = root().join(rel);
    if std::env::var_os("FERROKAFKA_WRITE_HEADERS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{rel} is stale: run `make headers` and commit the result"
    );
}

/// Functions that belong to rdkafka_mock.h (librdkafka's and ferrokafka's
/// own mock extensions), plus the helpers called by the C shim (those
/// appear in no header).
fn mock_and_internal() -> (Vec<String>, Vec<String>) {
    let mut mock = Vec::new();
    let mut internal = Vec::new();
    for entry in walk(&root().join("src/abi")) {
        for f in functions_in(&entry) {
            // ferrokafka_mock_* functions other than the shim's *_array back
            // ends are ferrokafka's own mock extensions, declared in
            // rdkafka_mock.h.
            let extension = f.starts_with("ferrokafka_mock_") && !f.ends_with("_array");
            if f.starts_with("ferrokafka_") && !extension {
                internal.push(f);
            } else if extension || f.starts_with("rd_kafka_mock_") || f == "rd_kafka_handle_mock_cluster" {
                mock.push(f);
            }
        }
    }
    (mock, internal)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The crate's own constants (`pub const` with a name that is not
/// librdkafka's `RD_...`/`LIBRDKAFKA_...`): cbindgen would put each in the
/// header as a #define, and a header that defines DEBUG, ERR or INFO breaks
/// the programs that include it.
fn private_consts() -> Vec<String> {
    let re = regex::Regex::new(r"pub(?:\([a-z]+\))? const ([A-Za-z_][A-Za-z0-9_]*)\s*:").unwrap();
    let mut out = Vec::new();
    for p in walk(&root().join("src")) {
        let src = std::fs::read_to_string(&p).unwrap();
        for c in re.captures_iter(&src) {
            let name = c[1].to_string();
            if !name.starts_with("RD_") && !name.starts_with("LIBRDKAFKA_") {
                out.push(name);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every macro a header defines is one of librdkafka's names: its `RD_` and
/// `LIBRDKAFKA_` prefixes, the include guard, the type-check helpers
/// (`_LRK_`) and the two Windows portability names librdkafka's header has.
fn assert_librdkafka_macros_only(rel: &str, h: &str) {
    let re = regex::Regex::new(r"(?m)^\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)").unwrap();
    let foreign: Vec<&str> = re
        .captures_iter(h)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|n| {
            !(n.starts_with("RD_")
                || n.starts_with("LIBRDKAFKA_")
                || n.starts_with("_LRK_")
                || n.starts_with("_RDKAFKA")
                || *n == "_SSIZE_T_DEFINED"
                || *n == "WIN32_MEAN_AND_LEAN")
        })
        .collect();
    assert!(foreign.is_empty(), "{rel} defines macros librdkafka's header does not have: {foreign:?}");
}

#[test]
fn headers_are_up_to_date() {
    let (mock, internal) = mock_and_internal();
    let private = private_consts();
    let main = generate("cbindgen.toml", |c| {
        c.export.exclude.extend(mock.iter().cloned());
        c.export.exclude.extend(internal.iter().cloned());
        c.export.exclude.extend(private.iter().cloned());
    });
    let main = untypedef_metadata(main);
    assert_librdkafka_macros_only("include/librdkafka/rdkafka.h", &main);
    check_or_write("include/librdkafka/rdkafka.h", &main);

    let mock_set: std::collections::HashSet<_> = mock.iter().cloned().collect();
    let mut all = Vec::new();
    for p in walk(&root().join("src/abi")) {
        all.extend(functions_in(&p));
    }
    let mock_h = generate("cbindgen-mock.toml", |c| {
        c.export.exclude.extend(all.into_iter().filter(|f| !mock_set.contains(f)));
        c.export.exclude.extend(private.iter().cloned());
    });
    assert_librdkafka_macros_only("include/librdkafka/rdkafka_mock.h", &mock_h);
    check_or_write("include/librdkafka/rdkafka_mock.h", &mock_h);
}
