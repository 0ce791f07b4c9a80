//! Unit tests of the configuration module. The first one checks every
//! property of librdkafka 2.15 (tests/abi-facts/properties-2.15.tsv)
//! against the table and the set/get behaviour.

use super::props::{self, Kind, Scope, PROPERTIES};
use super::show;
use super::*;
use crate::objects::types::*;
use std::os::raw::{c_char, c_void};

struct Row {
    scope: Scope,
    name: String,
    client: String,
    ty: String,
    range: String,
    default: String,
    importance: String,
    alias_of: String,
    deprecated: bool,
}

/// The default of sasl.kerberos.kinit.cmd, whose TSV row is broken by the
/// backslash-escaped `||` of CONFIGURATION.md.
const KINIT_DEFAULT: &str = "kinit -R -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal} || \
                             kinit -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal}";

fn load_facts() -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/abi-facts/properties-2.15.tsv");
    let text = std::fs::read_to_string(path).expect("properties TSV");
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let scope = if f[0] == "global" { Scope::Global } else { Scope::Topic };
        let mut row = Row {
            scope,
            name: f[1].to_string(),
            client: f[2].to_string(),
            ty: f[3].to_string(),
            range: f[4].to_string(),
            default: f[5].to_string(),
            importance: f.get(6).unwrap_or(&"").to_string(),
            alias_of: f.get(7).unwrap_or(&"").to_string(),
            deprecated: f.get(8) == Some(&"deprecated"),
        };
        if row.name == "sasl.kerberos.kinit.cmd" {
            row.default = KINIT_DEFAULT.to_string();
            row.importance = "low".to_string();
            row.alias_of.clear();
            row.deprecated = false;
        }
        rows.push(row);
    }
    rows
}

/// Where the TSV (generated from CONFIGURATION.md) shows something other
/// than librdkafka's actual behaviour, which we follow.
fn known_tsv_quirk(row: &Row) -> bool {
    match (row.scope, row.name.as_str()) {
        // properties_show() resolves this topic alias to the *global*
        // compression.codec (its range, default and importance); setting
        // and getting it uses the topic compression.codec, which also
        // accepts "inherit" and defaults to it.
        (Scope::Topic, "compression.type") => true,
        // "**DEPRECATED** Alias for ..." hid the alias from the TSV
        // generator; librdkafka defines it as an alias of
        // auto.commit.enable (which is deprecated).
        (Scope::Topic, "enable.auto.commit") => true,
        _ => false,
    }
}

/// Either kind of configuration object, for checks that apply to both.
enum Obj {
    G(Box<Conf>),
    T(TopicConf),
}

impl Obj {
    fn new(scope: Scope) -> Obj {
        match scope {
            Scope::Global => Obj::G(Box::default()),
            Scope::Topic => Obj::T(TopicConf::new()),
        }
    }
    fn set(&mut self, name: &str, value: &str) -> Result<(), ConfError> {
        match self {
            Obj::G(c) => c.set(name, value),
            Obj::T(t) => t.set(name, value),
        }
    }
    fn get(&self, name: &str) -> Option<String> {
        match self {
            Obj::G(c) => c.get(name),
            Obj::T(t) => t.get(name),
        }
    }
    fn value(&self, name: &str) -> Option<Value> {
        match self {
            Obj::G(c) => c.value(name).cloned(),
            Obj::T(t) => t.value(name).cloned(),
        }
    }
}

fn set_ok(scope: Scope, name: &str, value: &str) -> Obj {
    let mut o = Obj::new(scope);
    if let Err(e) = o.set(name, value) {
        panic!("{name}={value:?} rejected: {e}");
    }
    o
}

fn set_invalid(scope: Scope, name: &str, value: &str) -> String {
    let mut o = Obj::new(scope);
    match o.set(name, value) {
        Ok(()) => panic!("{name}={value:?} accepted"),
        Err(e) => {
            assert_eq!(e.code, RD_KAFKA_CONF_INVALID, "{name}={value:?}: {e}");
            assert!(e.message.contains(name) || e.message.contains(canonical(scope, name)), "{name}: {e}");
            e.message
        }
    }
}

fn canonical(scope: Scope, name: &str) -> &'static str {
    props::lookup(scope, name).expect("known").name
}

fn check_default(row: &Row, p: &props::Property) {
    let o = Obj::new(row.scope);
    let got = o.get(&row.name);
    let name = &row.name;
    if row.ty == "see dedicated API" {
        if name == "log_cb" {
            // The C boundary registers rd_kafka_log_print (checked there).
            let default = super::callbacks::default_log_cb().map(|f| format!("{:#x}", f as *const () as usize));
            assert_eq!(got, default, "log_cb defaults to the registered default logger");
        } else {
            assert_eq!(got, None, "{name} has no value by default");
        }
        return;
    }
    if name == "builtin.features" {
        let supported: Vec<&str> = props::FEATURE_FLAGS
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| features::SUPPORTED.contains(n))
            .collect();
        assert_eq!(got.as_deref(), Some(supported.join(",").as_str()));
        return;
    }
    if row.default.is_empty() {
        assert!(got.is_none() || got.as_deref() == Some(""), "{name} default {got:?}");
    } else {
        assert_eq!(got.as_deref(), Some(row.default.as_str()), "{name} default ({:?})", p.kind);
    }
}

fn check_values(row: &Row) {
    let (scope, name) = (row.scope, row.name.as_str());
    let target = canonical(scope, name);
    match row.ty.as_str() {
        "integer" | "float" => {
            let (lo, hi) = row.range.split_once(" .. ").expect("range");
            for v in [lo, hi] {
                let o = set_ok(scope, name, v);
                assert_eq!(o.get(target).as_deref(), Some(v), "{name}={v} read back through {target}");
            }
            let lo: i64 = lo.parse().unwrap();
            let hi: i64 = hi.parse().unwrap();
            for v in [lo - 1, hi + 1] {
                let msg = set_invalid(scope, name, &v.to_string());
                assert!(msg.contains(&format!("{lo}..{hi}")), "{name}={v}: {msg}");
            }
            let msg = set_invalid(scope, name, "garbage");
            assert!(msg.contains(&format!("{lo}..{hi}")), "{name}=garbage: {msg}");
        }
        "boolean" => {
            for (v, expect) in [("true", "true"), ("false", "false"), ("1", "true"), ("0", "false"), ("T", "true"), ("f", "false")] {
                assert_eq!(set_ok(scope, name, v).get(target).as_deref(), Some(expect), "{name}={v}");
            }
            set_invalid(scope, name, "maybe");
        }
        "enum value" => {
            let Kind::Enum { values, .. } = props::lookup(scope, name).unwrap().kind else { panic!() };
            for v in row.range.split(", ") {
                assert!(values.iter().any(|(n, _)| *n == v), "{name}: {v} missing from the table");
                if features::unsupported_value(name, v).is_some() {
                    // Known, but refused by this build (fail closed).
                    let msg = set_invalid(scope, name, v);
                    assert!(msg.starts_with("Unsupported value"), "{name}={v}: {msg}");
                    set_invalid(scope, name, &v.to_uppercase());
                    continue;
                }
                let o = set_ok(scope, name, v);
                let want = values.iter().find(|(n, _)| *n == v).map(|(_, n)| *n);
                assert!(want.is_some(), "{name}: {v} missing from the table");
                assert_eq!(o.value(target), Some(Value::Enum(want.unwrap())), "{name}={v}");
                // Case does not matter.
                set_ok(scope, name, &v.to_uppercase());
            }
            let msg = set_invalid(scope, name, "no-such-value");
            for v in row.range.split(", ") {
                assert!(msg.contains(v), "{name}: error lacks {v}: {msg}");
            }
        }
        "CSV flags" => {
            let Kind::Flags { values, .. } = props::lookup(scope, name).unwrap().kind else { panic!() };
            for (v, _) in values {
                if name == "builtin.features" && !features::is_supported(v) {
                    let msg = set_invalid(scope, name, v);
                    assert!(msg.contains("Unsupported"), "{msg}");
                    continue;
                }
                let o = set_ok(scope, name, v);
                assert!(o.get(target).unwrap().split(',').any(|f| f == *v), "{name}={v}");
            }
            let msg = set_invalid(scope, name, "no-such-flag");
            assert!(msg.contains(values[0].0), "{msg}");
        }
        "string" => {
            let v = match name {
                "partitioner" => "murmur2_random",
                "sasl.mechanisms" | "sasl.mechanism" => "SCRAM-SHA-256",
                "broker.version.fallback" => "2.8.0",
                "plugin.library.paths" => return,
                _ => "some-value",
            };
            assert_eq!(set_ok(scope, name, v).get(target).as_deref(), Some(v), "{name}");
        }
        "pattern list" => {
            assert_eq!(set_ok(scope, name, "^foo.*,bar").get(target).as_deref(), Some("^foo.*,bar"));
            set_invalid(scope, name, "(unclosed");
        }
        "see dedicated API" => {
            set_invalid(scope, name, "0x1234");
        }
        other => panic!("{name}: unexpected type {other}"),
    }
}

#[test]
fn every_property_matches_the_abi_facts() {
    let rows = load_facts();
    assert!(rows.len() > 190, "only {} rows", rows.len());
    for row in &rows {
        let name = row.name.as_str();
        let idx = props::find(row.scope, name).unwrap_or_else(|| panic!("{name} ({:?}) missing", row.scope));
        let p = &PROPERTIES[idx];
        assert!(!p.hidden, "{name} is documented, so not hidden");
        match p.kind {
            Kind::Alias(target) if row.alias_of.is_empty() => {
                assert!(known_tsv_quirk(row), "{name} is an alias of {target} but the TSV says no alias")
            }
            Kind::Alias(target) => assert_eq!(target, row.alias_of, "{name}: alias target"),
            _ => assert_eq!(row.alias_of, "", "{name} should be an alias"),
        }
        let shown = show::shown(p);
        assert_eq!(shown.kind.type_name(), row.ty, "{name}: type");
        assert_eq!(show::role_text(shown.role), row.client, "{name}: client");
        assert_eq!(shown.deprecated.is_some(), row.deprecated, "{name}: deprecated");
        if !known_tsv_quirk(row) {
            assert_eq!(show::importance_text(shown.importance), row.importance, "{name}: importance");
            if name != "builtin.features" {
                assert_eq!(show::range_text(shown), row.range, "{name}: range");
            }
            check_default(row, shown);
        }
        check_values(row);

        // Topic properties can be set through the global configuration
        // unless a global property has the same name.
        if row.scope == Scope::Topic && props::find(Scope::Global, name).is_none() {
            let v = match row.ty.as_str() {
                "integer" => row.range.split(" .. ").nth(1).unwrap().to_string(),
                "boolean" => "false".to_string(),
                "enum value" => row.range.split(", ").last().unwrap().to_string(),
                "string" if name == "partitioner" => "fnv1a".to_string(),
                "string" => "x".to_string(),
                _ => continue,
            };
            let mut c = Conf::new();
            c.set(name, &v).unwrap_or_else(|e| panic!("global set of topic {name}: {e}"));
            let t = c.default_topic_conf().expect("default topic conf created");
            let direct = set_ok(Scope::Topic, name, &v);
            assert_eq!(t.get(name), direct.get(name), "{name}");
            assert_eq!(c.get(name), direct.get(name), "conf_get falls through for {name}");
        }
    }
    // Every documented property of the table is in the TSV.
    for p in PROPERTIES.iter().filter(|p| !p.hidden && !matches!(p.kind, Kind::Invalid(_))) {
        assert!(
            rows.iter().any(|r| r.scope == p.scope && r.name == p.name),
            "{} ({:?}) is not a librdkafka 2.15 property",
            p.name,
            p.scope
        );
    }
}

#[test]
fn hidden_properties() {
    let mut c = Conf::new();
    for (name, value) in [
        ("client.software.name", "confluent-kafka-python"),
        ("client.software.version", "2.16.1-rdkafka-2.16.0"),
        ("test.mock.num.brokers", "3"),
        ("test.mock.broker.rtt", "50"),
        ("enable.sparse.connections", "false"),
        ("metadata.request.timeout.ms", "100"),
        ("enable_sasl_queue", "true"),
    ] {
        c.set(name, value).unwrap();
        assert_eq!(c.get(name).as_deref(), Some(value), "{name}");
        assert!(props::lookup(Scope::Global, name).unwrap().hidden);
    }
    assert!(c.set("test.mock.num.brokers", "10001").is_err());
    assert_eq!(Conf::new().get("client.software.name").as_deref(), Some("librdkafka"));
    let table = show::properties_table();
    assert!(!table.contains("client.software.name"));
    assert!(!table.contains("test.mock.num.brokers"));
    assert!(!table.contains("ssl.truststore.location"));
    assert!(table.contains("## Global configuration properties"));
    assert!(table.contains("## Topic configuration properties"));
    assert!(table.contains("Alias for `metadata.broker.list`"));
    assert!(table.contains("### C/P legend"));
}

#[test]
fn unknown_and_invalid_names() {
    let mut c = Conf::new();
    let e = c.set("no.such.property", "1").unwrap_err();
    assert!(e.is_unknown());
    assert_eq!(e.message, "No such configuration property: \"no.such.property\"");
    // The failed fallthrough still created the default topic conf, as in librdkafka.
    assert!(c.default_topic_conf().is_some());
    let e = c.set("ssl.truststore.location", "/x").unwrap_err();
    assert_eq!(e.code, RD_KAFKA_CONF_INVALID);
    assert!(e.message.contains("ssl.ca.location"), "{e}");
    let e = c.set("dr_msg_cb", "0x1").unwrap_err();
    assert!(e.message.contains("dedicated"), "{e}");
    let e = c.set("interceptors", "x").unwrap_err();
    assert!(e.message.contains("not settable"), "{e}");
    let e = TopicConf::new().set("client.id", "x").unwrap_err();
    assert!(e.is_unknown());
    assert!(Conf::new().get("no.such.property").is_none());
}

#[test]
fn global_and_topic_routing() {
    let mut c = Conf::new();
    // compression.codec exists globally: no topic conf is created.
    c.set("compression.codec", "zstd").unwrap();
    assert!(c.default_topic_conf().is_none());
    assert_eq!(c.get_enum("compression.type"), Some("zstd"));
    c.set("acks", "all").unwrap();
    let t = c.default_topic_conf().unwrap();
    assert_eq!(t.get("request.required.acks").as_deref(), Some("-1"));
    assert_eq!(c.get("acks").as_deref(), Some("-1"));
    // "topic." prefixes are accepted on the way to the topic conf.
    c.set("topic.message.timeout.ms", "1234").unwrap();
    assert_eq!(c.default_topic_conf().unwrap().get_i64("message.timeout.ms"), Some(1234));
    let mut t = TopicConf::new();
    t.set("topic.auto.offset.reset", "earliest").unwrap();
    // Several names share a value; the first is canonical.
    assert_eq!(t.get("auto.offset.reset").as_deref(), Some("smallest"));
    assert_eq!(t.get_enum_value("auto.offset.reset"), Some(-2));
    // Topic enable.auto.commit is the legacy topic property.
    t.set("enable.auto.commit", "false").unwrap();
    assert_eq!(t.get_bool("auto.commit.enable"), Some(false));
    // Replacing the default topic conf is remembered for a warning.
    c.set_default_topic_conf(Some(Box::new(TopicConf::new())));
    let w = c.finalize(true).unwrap();
    assert!(w.iter().any(|w| w.contains("overwritten")), "{w:?}");
}

#[test]
fn value_syntax() {
    let mut c = Conf::new();
    c.set("client.id", "  padded").unwrap();
    assert_eq!(c.get_str("client.id"), Some("padded"));
    c.set("client.id", "").unwrap();
    assert_eq!(c.get_str("client.id"), Some("rdkafka"), "empty resets to the default");
    c.set("group.id", "g").unwrap();
    c.set("group.id", "").unwrap();
    assert_eq!(c.get("group.id"), None);
    assert!(c.set("socket.timeout.ms", "").unwrap_err().message.contains("empty"));
    c.set("socket.timeout.ms", "0x100").unwrap();
    assert_eq!(c.get_i64("socket.timeout.ms"), Some(256));
    c.set("linger.ms", "0.5").unwrap();
    assert_eq!(c.get("queue.buffering.max.ms").as_deref(), Some("0.5"));
    assert_eq!(c.get_f64("linger.ms"), Some(0.5));
    for v in ["SSL", "sasl_ssl", "SASL_PLAINTEXT"] {
        let e = c.set("security.protocol", v).unwrap_err();
        assert!(e.message.contains(&format!("Unsupported value \"{v}\" for configuration property \"security.protocol\"")), "{e}");
        assert!(e.message.contains("not available"), "{e}");
    }
    assert_eq!(c.get("security.protocol").as_deref(), Some("plaintext"));
    assert!(c.set("sasl.mechanisms", "PLAIN,SCRAM-SHA-256").is_err());
    assert!(c.set("partitioner", "nope").is_err());
    assert!(c.set("broker.version.fallback", "0.7.2").is_err());
    c.set("broker.version.fallback", "0.9.0").unwrap();
    let mut t = TopicConf::new();
    t.set("acks", "ALL").unwrap();
    assert_eq!(t.get_i64("acks"), Some(-1));
    let e = t.set("acks", "some").unwrap_err();
    assert!(e.message.contains("all") && e.message.contains("-1..1000"), "{e}");
}

#[test]
fn flags() {
    let mut c = Conf::new();
    assert_eq!(c.get("debug").as_deref(), Some(""));
    c.set("debug", "broker,topic").unwrap();
    // Flags accumulate, like librdkafka's.
    c.set("debug", "msg").unwrap();
    assert_eq!(c.get("debug").as_deref(), Some("broker,topic,msg"));
    c.set("debug", "-topic, +cgrp").unwrap();
    assert_eq!(c.get("debug").as_deref(), Some("broker,msg,cgrp"));
    assert_eq!(c.get_flag_names("debug").unwrap(), vec!["broker", "msg", "cgrp"]);
    c.set("debug", "all").unwrap();
    assert_eq!(c.get_flags("debug"), Some(0xfffff));
    assert!(c.get("debug").unwrap().ends_with(",telemetry,all"));
    let e = c.set("debug", "broker,bogus").unwrap_err();
    assert!(e.message.contains("bogus") && e.message.contains("telemetry"), "{e}");
    c.set("builtin.features", "gzip,zstd,regex").unwrap();
    let e = c.set("builtin.features", "lz4,ssl").unwrap_err();
    assert!(e.message.contains("Unsupported value \"ssl\""), "{e}");
    let supported: Vec<&str> =
        props::FEATURE_FLAGS.iter().map(|(n, _)| *n).filter(|n| features::is_supported(n)).collect();
    assert_eq!(c.get("builtin.features").unwrap(), supported.join(","));
}

#[test]
fn dump_and_dup() {
    let mut c = Conf::new();
    c.set("client.id", "me").unwrap();
    c.set("bootstrap.servers", "a:9092").unwrap();
    c.set("sasl.username", "u").unwrap();
    c.set("acks", "1").unwrap();
    let dump = c.dump();
    assert_eq!(dump[0].0, "builtin.features");
    assert!(dump.contains(&("client.id".into(), "me".into())));
    assert!(dump.contains(&("metadata.broker.list".into(), "a:9092".into())));
    assert!(!dump.iter().any(|(n, _)| n == "bootstrap.servers" || n == "group.id"));
    assert!(dump.iter().any(|(n, _)| n == "default_topic_conf"));
    assert!(dump.iter().any(|(n, _)| n == "log_cb"));
    assert!(c.dump_modified().contains(&("sasl.username".into(), "[redacted]".into())));

    let d = c.dup();
    assert_eq!(d.dump().len(), dump.len());
    assert_eq!(d.get("acks").as_deref(), Some("1"));
    assert!(d.is_modified("client.id") && !d.is_modified("group.id"));

    let f = c.dup_filter(&["client.", "sasl", "default_topic"]);
    assert_eq!(f.get("client.id").as_deref(), Some("rdkafka"));
    assert_eq!(f.get("sasl.username"), None);
    assert_eq!(f.get("metadata.broker.list").as_deref(), Some("a:9092"));
    assert!(f.default_topic_conf().is_none());

    let t = c.default_topic_conf().unwrap();
    let td = t.dup();
    assert_eq!(td.get("acks").as_deref(), Some("1"));
    assert_eq!(td.dump(), t.dump());
}

unsafe extern "C" fn test_partitioner(
    _: *const rd_kafka_topic_t,
    _: *const c_void,
    _: usize,
    _: i32,
    _: *mut c_void,
    _: *mut c_void,
) -> i32 {
    0
}

#[test]
fn callbacks_and_pointers() {
    let mut c = Conf::new();
    let mut x = 5u8;
    let opaque = &mut x as *mut u8 as *mut c_void;
    c.set_callback("opaque", |cb| cb.opaque = opaque);
    assert_eq!(c.get("opaque"), Some(format!("{:#x}", opaque as usize)));
    assert!(c.is_modified("opaque"));
    c.set_callback("log_cb", |cb| cb.log_cb = None);
    assert_eq!(c.get("log_cb"), None);
    let d = c.dup();
    assert_eq!(d.callbacks().opaque, opaque);
    assert!(d.callbacks().log_cb.is_none());
    c.set_events(RD_KAFKA_EVENT_DR | RD_KAFKA_EVENT_ERROR);
    assert_eq!(c.events(), 9);
    c.enable_sasl_queue(true);
    assert_eq!(c.get_bool("enable_sasl_queue"), Some(true));

    let mut t = TopicConf::new();
    t.set_partitioner_cb(Some(test_partitioner));
    t.set_opaque(opaque);
    assert_eq!(t.get("partitioner_cb"), Some(format!("{:#x}", test_partitioner as *const () as usize)));
    let td = t.dup();
    assert_eq!(td.callbacks().opaque, opaque);
    assert!(td.callbacks().partitioner_cb.is_some());
}

#[test]
fn ssl_certs() {
    use cert::{CertEncoding, CertType};
    let pem = b"-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
    let mut c = Conf::new();
    c.set("ssl.key.password", "secret").unwrap();
    assert!(c.set_ssl_cert(CertType::PrivateKey, CertEncoding::Pem, Some(pem)).is_err());
    c.set_ssl_cert(CertType::Ca, CertEncoding::Pem, Some(pem)).unwrap();
    assert_eq!(c.ssl_certs().ca.as_ref().unwrap().data, pem);
    assert_eq!(c.ssl_certs().ca.as_ref().unwrap().password.as_deref(), Some("secret"));
    assert_eq!(c.dup().ssl_certs(), c.ssl_certs());
    assert!(c.dup_filter(&["ssl_ca"]).ssl_certs().ca.is_none());
    c.set("ssl.ca.location", "/etc/ssl").unwrap();
    let e = c.finalize(true).unwrap_err();
    assert!(e.contains("mutually exclusive"), "{e}");
    c.set_ssl_cert(CertType::Ca, CertEncoding::Pem, None).unwrap();
    assert!(c.ssl_certs().ca.is_none());
    c.finalize(true).unwrap();
}

#[test]
fn finalize_producer_rules() {
    // Idempotence adjusts what the application left alone.
    let mut c = Conf::new();
    c.set("enable.idempotence", "true").unwrap();
    c.set("acks", "all").unwrap();
    c.finalize(true).unwrap();
    assert_eq!(c.get_i64("max.in.flight"), Some(5));
    assert_eq!(c.get_i64("retries"), Some(i32::MAX as i64));

    for (name, value, err) in [
        ("max.in.flight", "6", "`max.in.flight` must be set <= 5"),
        ("retries", "0", "`retries` must be set >= 1"),
        ("acks", "1", "`acks` must be set to `all`"),
        ("queuing.strategy", "lifo", "`queuing.strategy` must be set to `fifo`"),
    ] {
        let mut c = Conf::new();
        c.set("enable.idempotence", "true").unwrap();
        c.set(name, value).unwrap();
        let e = c.finalize(true).unwrap_err();
        assert!(e.contains(err), "{name}: {e}");
    }

    // transactional.id implies idempotence, and bounds socket and message timeouts.
    let mut c = Conf::new();
    c.set("transactional.id", "tx").unwrap();
    c.set("transaction.timeout.ms", "10000").unwrap();
    c.set("acks", "1").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("acks"));
    let mut c = Conf::new();
    c.set("transactional.id", "tx").unwrap();
    c.set("transaction.timeout.ms", "10000").unwrap();
    c.set("message.timeout.ms", "5000").unwrap();
    c.finalize(true).unwrap();
    assert_eq!(c.get_bool("enable.idempotence"), Some(true));
    assert_eq!(c.get_i64("socket.timeout.ms"), Some(9900));
    let mut c = Conf::new();
    c.set("transactional.id", "tx").unwrap();
    c.set("enable.idempotence", "false").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("requires `enable.idempotence=true`"));
    let mut c = Conf::new();
    c.set("transactional.id", "tx").unwrap();
    c.set("message.timeout.ms", "70000").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("`message.timeout.ms` must be set <= `transaction.timeout.ms`"));
    let mut c = Conf::new();
    c.set("transactional.id", "tx").unwrap();
    c.finalize(true).unwrap();
    assert_eq!(c.default_topic_conf().map(|t| t.get_i64("message.timeout.ms")), None);

    // linger.ms must stay below message.timeout.ms.
    let mut c = Conf::new();
    c.set("message.timeout.ms", "10").unwrap();
    c.finalize(true).unwrap();
    assert_eq!(c.get_f64("linger.ms"), Some(5.0));
    let mut c = Conf::new();
    c.set("message.timeout.ms", "3").unwrap();
    c.finalize(true).unwrap();
    assert!((c.get_f64("linger.ms").unwrap() - 2.9).abs() < 1e-9);
    let mut c = Conf::new();
    c.set("linger.ms", "100").unwrap();
    c.set("message.timeout.ms", "50").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("greater than `linger.ms`"));

    let mut c = Conf::new();
    c.set("enable.gapless.guarantee", "true").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("gapless"));

    let mut c = Conf::new();
    c.set("linger.ms", "100").unwrap();
    c.finalize(true).unwrap();
    assert_eq!(c.get_i64("sticky.partitioning.linger.ms"), Some(200));
    assert_eq!(c.get_bool("allow.auto.create.topics"), Some(true));
    assert_eq!(c.get_i64("metadata.max.age.ms"), Some(900000));
    assert_eq!(c.get_str("client.software.version").map(|v| v.contains("ferrokafka")), Some(true));
}

#[test]
fn finalize_consumer_rules_and_warnings() {
    let mut c = Conf::new();
    c.set("group.id", "g").unwrap();
    c.set("linger.ms", "10").unwrap();
    c.set_callback("dr_msg_cb", |_| {});
    c.set("topic.metadata.refresh.fast.cnt", "3").unwrap();
    c.set("queuing.strategy", "fifo").unwrap();
    let w = c.finalize(false).unwrap();
    let has = |s: &str| w.iter().any(|w| w.contains(s));
    assert!(has("queue.buffering.max.ms is a producer property and will be ignored by this consumer instance"), "{w:?}");
    assert!(has("dr_msg_cb is a producer property"), "{w:?}");
    assert!(has("topic.metadata.refresh.fast.cnt is deprecated"), "{w:?}");
    assert!(has("queuing.strategy is deprecated and experimental"), "{w:?}");
    assert_eq!(c.get_bool("allow.auto.create.topics"), Some(false));
    assert_eq!(c.get_bool("enable.idempotence"), Some(false));
    // fetch.max.bytes is capped by the local queue size and raised to
    // message.max.bytes; receive.message.max.bytes leaves room for framing.
    assert_eq!(c.get_i64("fetch.max.bytes"), Some(52428800));
    assert_eq!(c.get_i64("receive.message.max.bytes"), Some(100000000));
    let mut c = Conf::new();
    c.set("queued.max.messages.kbytes", "1000").unwrap();
    c.finalize(false).unwrap();
    assert_eq!(c.get_i64("fetch.max.bytes"), Some(1024000));
    let mut c = Conf::new();
    c.set("fetch.max.bytes", "200000000").unwrap();
    c.finalize(false).unwrap();
    assert_eq!(c.get_i64("receive.message.max.bytes"), Some(200000512));

    let mut c = Conf::new();
    c.set("enable.auto.commit", "false").unwrap();
    let w = c.finalize(true).unwrap();
    assert!(w.iter().any(|w| w.contains("enable.auto.commit is a consumer property")), "{w:?}");

    for (props, err) in [
        (&[("session.timeout.ms", "60000"), ("max.poll.interval.ms", "30000")][..], "max.poll.interval.ms"),
        (&[("fetch.max.bytes", "1000"), ("message.max.bytes", "2000")][..], "`fetch.max.bytes` must be >="),
        (&[("receive.message.max.bytes", "1000")][..], "`receive.message.max.bytes` must be >="),
        (&[("fetch.min.bytes", "0")][..], "fetch.min.bytes"),
        (&[("group.protocol", "consumer"), ("session.timeout.ms", "10000")][..], "session.timeout.ms"),
        (&[("group.protocol", "consumer"), ("partition.assignment.strategy", "range")][..], "group.remote.assignor"),
        (&[("reconnect.backoff.ms", "500"), ("reconnect.backoff.max.ms", "100")][..], "reconnect.backoff.max.ms"),
    ] {
        let mut c = Conf::new();
        for (n, v) in props {
            c.set(n, v).unwrap();
        }
        let e = c.finalize(false).unwrap_err();
        assert!(e.contains(err), "{props:?}: {e}");
    }

    let mut c = Conf::new();
    c.set("group.protocol", "classic").unwrap();
    c.finalize_for(ClientKind::ShareConsumer).unwrap_err();
    let mut c = Conf::new();
    c.finalize_for(ClientKind::ShareConsumer).unwrap();
    assert_eq!(c.get_enum("group.protocol"), Some("consumer"));
    assert_eq!(c.get_bool("enable.auto.commit"), Some(false));

    let mut c = Conf::new();
    c.set("sasl.mechanism", "PLAIN").unwrap();
    c.set("sasl.username", "u").unwrap();
    c.set("client.software.name", "my lib!").unwrap();
    let w = c.finalize(false).unwrap();
    assert!(w.iter().any(|w| w.contains("`security.protocol` is not configured for SASL")), "{w:?}");
    assert!(!w.iter().any(|w| w.contains("sasl.username")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("client.software.name")), "{w:?}");
    assert_eq!(c.get_str("client.software.name"), Some("my-lib"));
}

#[test]
fn oauthbearer_rules() {
    let mut c = Conf::new();
    c.set("sasl.mechanisms", "OAUTHBEARER").unwrap();
    c.set("sasl.oauthbearer.method", "oidc").unwrap();
    assert!(c.finalize(false).unwrap_err().contains("token.endpoint.url"));
    c.set("sasl.oauthbearer.token.endpoint.url", "https://x/token").unwrap();
    assert!(c.finalize(false).unwrap_err().contains("client.id"));
    c.set("sasl.oauthbearer.client.id", "id").unwrap();
    c.set("sasl.oauthbearer.client.secret", "s").unwrap();
    c.finalize(false).unwrap();
    assert_ne!(c.events() & RD_KAFKA_EVENT_BACKGROUND, 0);
    let mut c = Conf::new();
    c.set("sasl.mechanisms", "OAUTHBEARER").unwrap();
    c.set("sasl.oauthbearer.method", "oidc").unwrap();
    c.set("enable.sasl.oauthbearer.unsecure.jwt", "true").unwrap();
    assert!(c.finalize(false).unwrap_err().contains("mutually exclusive"));
    let mut c = Conf::new();
    c.set("ssl.keystore.location", "/k.p12").unwrap();
    assert!(c.finalize(false).unwrap_err().contains("ssl.keystore.password"));
}

// --- Interceptors ---------------------------------------------------------

use std::sync::atomic::{AtomicUsize, Ordering};
static DESTROYED: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn ic_set(
    conf: *mut rd_kafka_conf_t,
    name: *const c_char,
    value: *const c_char,
    errstr: *mut c_char,
    size: usize,
    _opaque: *mut c_void,
) -> rd_kafka_conf_res_t {
    let name = unsafe { std::ffi::CStr::from_ptr(name) }.to_str().unwrap();
    match name {
        "myic.ok" => {
            // Interceptors may use the conf API on the conf they are given.
            let c = unsafe { Conf::from_ptr_mut(conf) }.unwrap();
            c.set("client.id", "set-by-interceptor").unwrap();
            RD_KAFKA_CONF_OK
        }
        "myic.bad" => {
            unsafe { crate::objects::util::write_errstr(errstr, size, "myic.bad is bad") };
            let _ = value;
            RD_KAFKA_CONF_INVALID
        }
        _ => RD_KAFKA_CONF_UNKNOWN,
    }
}

unsafe extern "C" fn ic_dup(
    new: *mut rd_kafka_conf_t,
    _old: *const rd_kafka_conf_t,
    _n: usize,
    _f: *mut *const c_char,
    opaque: *mut c_void,
) -> rd_kafka_resp_err_t {
    let c = unsafe { Conf::from_ptr_mut(new) }.unwrap();
    c.interceptors_mut().on_conf_set.add("myic", ic_set, opaque);
    c.interceptors_mut().on_conf_dup.add("myic", ic_dup, opaque);
    c.interceptors_mut().on_conf_destroy.add("myic", ic_destroy, opaque);
    RD_KAFKA_RESP_ERR_NO_ERROR
}

unsafe extern "C" fn ic_destroy(_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    DESTROYED.fetch_add(1, Ordering::SeqCst);
    RD_KAFKA_RESP_ERR_NO_ERROR
}

#[test]
fn conf_interceptors() {
    let before = DESTROYED.load(Ordering::SeqCst);
    let mut c = Box::new(Conf::new());
    let ics = c.interceptors_mut();
    assert_eq!(ics.on_conf_set.add("myic", ic_set, std::ptr::null_mut()), RD_KAFKA_RESP_ERR_NO_ERROR);
    assert_eq!(ics.on_conf_set.add("myic", ic_set, std::ptr::null_mut()), RD_KAFKA_RESP_ERR__CONFLICT);
    assert_eq!(ics.on_conf_set.add("other", ic_set, std::ptr::null_mut()), RD_KAFKA_RESP_ERR_NO_ERROR);
    ics.on_conf_dup.add("myic", ic_dup, std::ptr::null_mut());
    ics.on_conf_destroy.add("myic", ic_destroy, std::ptr::null_mut());
    assert_eq!(ics.on_conf_destroy.add("myic", ic_destroy, std::ptr::null_mut()), RD_KAFKA_RESP_ERR_NO_ERROR);

    c.set("myic.ok", "1").unwrap();
    assert_eq!(c.get_str("client.id"), Some("set-by-interceptor"));
    let e = c.set("myic.bad", "1").unwrap_err();
    assert_eq!(e.message, "myic.bad is bad");
    assert_eq!(c.interceptors().config, vec![("myic.ok".to_string(), Some("1".to_string()))]);

    let d = c.dup();
    assert_eq!(d.interceptors().on_conf_set.len(), 1);
    assert_eq!(d.interceptors().config.len(), 1, "interceptor config re-applied on the copy");
    assert_eq!(d.get_str("client.id"), Some("set-by-interceptor"));
    let f = c.dup_filter(&["myic"]);
    assert!(f.interceptors().config.is_empty());
    drop(c);
    assert_eq!(DESTROYED.load(Ordering::SeqCst), before + 2);
    drop(d);
    drop(f);
    assert_eq!(DESTROYED.load(Ordering::SeqCst), before + 4);
}

#[test]
fn plugin_load_failure() {
    let mut c = Conf::new();
    let e = c.set("plugin.library.paths", "/nonexistent/libnothing").unwrap_err();
    assert_eq!(e.code, RD_KAFKA_CONF_INVALID);
    assert!(e.message.contains("dlopen") && e.message.contains("(plugin /nonexistent/libnothing)"), "{e}");
    assert!(c.plugins().is_empty());
    c.set("plugin.library.paths", "").unwrap();
}

#[test]
fn table_is_consistent() {
    for (i, p) in PROPERTIES.iter().enumerate() {
        assert_eq!(props::find(p.scope, p.name), Some(i), "{} is listed twice", p.name);
        if let Kind::Alias(target) = p.kind {
            let t = props::find(p.scope, target).unwrap_or_else(|| panic!("{} aliases unknown {target}", p.name));
            assert!(!matches!(PROPERTIES[t].kind, Kind::Alias(_)), "{} aliases an alias", p.name);
        }
        if let Kind::Enum { values, default } = p.kind {
            assert!(values.iter().any(|(_, v)| *v == default), "{}: default not among the values", p.name);
        }
        assert!(!p.desc.is_empty() || matches!(p.kind, Kind::Alias(_) | Kind::Invalid(_)), "{} needs a description", p.name);
    }
}

/// Settings a client cannot honour securely are refused by rd_kafka_new()
/// (finalize), whatever way they got into the configuration.
#[test]
fn finalize_refuses_what_it_cannot_honour() {
    use super::value::Value;
    let proto = |p: &'static str| {
        let mut c = Conf::new();
        c.put("security.protocol", Value::Enum(props::SECURITY_PROTOCOLS.iter().find(|(n, _)| *n == p).unwrap().1));
        c
    };
    // A protocol this build lacks, had it got past conf_set().
    for p in ["ssl", "sasl_ssl", "sasl_plaintext"] {
        let e = proto(p).finalize(true).unwrap_err();
        assert!(e.contains("security.protocol") && e.contains("not available"), "{e}");
    }
    // The checks made before that one, with librdkafka's answers.
    let mut c = proto("sasl_plaintext");
    c.set("sasl.mechanisms", "BOGUS").unwrap();
    assert_eq!(c.finalize(true).unwrap_err(), "Unsupported SASL mechanism: BOGUS");
    for p in ["ssl.ca.location", "ssl.certificate.location", "ssl.key.location", "ssl.crl.location", "ssl.keystore.location"] {
        let mut c = proto("ssl");
        c.set(p, "/nonexistent/file.pem").unwrap();
        c.set("ssl.keystore.password", "x").unwrap();
        let e = c.finalize(true).unwrap_err();
        assert!(e.starts_with(&format!("{p} failed: No such file")) && !e.contains("/nonexistent"), "{e}");
    }
    let mut c = proto("ssl");
    c.set("ssl.ca.location", "probe").unwrap();
    assert!(c.finalize(true).unwrap_err().contains("not available"));
    assert!(props::sasl_mechanism_known("PLAIN"));
    assert!(props::sasl_mechanism_known("SCRAM-SHA-512"));
    assert!(props::sasl_mechanism_known("OAUTHBEARER"));
    assert!(!props::sasl_mechanism_known("BOGUS"));
    assert!(!props::sasl_mechanism_known("plain"));

    // Unknown or mixed assignors, for consumers and producers alike.
    for kind in [ClientKind::Consumer, ClientKind::Producer] {
        for (list, msg) in [
            ("nonexistent", "Unsupported partition.assignment.strategy: nonexistent"),
            ("range,nonexistent", "Unsupported partition.assignment.strategy: nonexistent"),
            ("Range", "Unsupported partition.assignment.strategy: Range"),
            ("cooperative-sticky,range", "must have the same protocol type"),
        ] {
            let mut c = Conf::new();
            c.set("partition.assignment.strategy", list).unwrap();
            let e = c.finalize_for(kind).unwrap_err();
            assert!(e.contains(msg), "{list}: {e}");
        }
        for list in ["range", "roundrobin,range", "cooperative-sticky", "range,,roundrobin", ""] {
            let mut c = Conf::new();
            c.set("partition.assignment.strategy", list).unwrap();
            c.finalize_for(kind).unwrap_or_else(|e| panic!("{list}: {e}"));
        }
    }
}
