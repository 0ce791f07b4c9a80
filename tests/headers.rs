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

#[test]
fn headers_are_up_to_date() {
    let (mock, internal) = mock_and_internal();
    let main = generate("cbindgen.toml", |c| {
        c.export.exclude.extend(mock.iter().cloned());
        c.export.exclude.extend(internal.iter().cloned());
    });
    check_or_write("include/librdkafka/rdkafka.h", &untypedef_metadata(main));

    let mock_set: std::collections::HashSet<_> = mock.iter().cloned().collect();
    let mut all = Vec::new();
    for p in walk(&root().join("src/abi")) {
        all.extend(functions_in(&p));
    }
    let mock_h = generate("cbindgen-mock.toml", |c| {
        c.export.exclude.extend(all.into_iter().filter(|f| !mock_set.contains(f)));
    });
    check_or_write("include/librdkafka/rdkafka_mock.h", &mock_h);
}
