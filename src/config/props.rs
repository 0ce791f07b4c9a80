//! The property table: every configuration property librdkafka 2.15 knows,
//! global and topic level, with its type, range, default and documentation.
//!
//! The order of the table is significant in three places, all inherited from
//! librdkafka: `rd_kafka_conf_dump()` lists properties in this order,
//! `rd_kafka_conf_properties_show()` prints them in this order, and
//! `rd_kafka_conf_dup()` copies them in this order (so `plugin.library.paths`
//! is applied before the interceptor configuration of `interceptors`).
//!
//! Descriptions are deliberately short; they are what
//! `rd_kafka_conf_properties_show()` prints.

/// Whether a property lives on the global (`rd_kafka_conf_t`) or the topic
/// (`rd_kafka_topic_conf_t`) configuration object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    Topic,
}

/// Which kind of client reads the property ("C/P" column of the docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Both producers and consumers (`*`).
    Both,
    /// Producer only (`P`).
    Producer,
    /// Consumer only (`C`).
    Consumer,
}

/// How much a typical application needs to care about the property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Importance {
    Low,
    Medium,
    High,
}

/// Extra validation applied to some string properties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrCheck {
    /// A single token: no commas, no spaces (`sasl.mechanisms`).
    SingleItem,
    /// One of the builtin partitioner names (`partitioner`).
    Partitioner,
    /// A broker version that is not known to be unsupported
    /// (`broker.version.fallback`: 0.6.x and 0.7.x are refused).
    BrokerVersion,
}

/// The pointer-valued properties that are set through a dedicated
/// `rd_kafka_conf_set_..()` / `rd_kafka_topic_conf_set_..()` function.
/// Each one maps to a field of [`super::Callbacks`] or
/// [`super::TopicCallbacks`] (or the default topic configuration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ptr {
    ErrorCb,
    ThrottleCb,
    StatsCb,
    LogCb,
    BackgroundEventCb,
    SocketCb,
    ConnectCb,
    CloseSocketCb,
    OpenCb,
    ResolveCb,
    Opaque,
    DefaultTopicConf,
    SslEngineCallbackData,
    SslCertVerifyCb,
    OauthbearerTokenRefreshCb,
    ConsumeCb,
    RebalanceCb,
    OffsetCommitCb,
    DrCb,
    DrMsgCb,
    PartitionerCb,
    MsgOrderCmp,
    TopicOpaque,
}

/// Properties that exist only so that they show up in the documentation
/// and can be filtered by `rd_kafka_conf_dup_filter()`; they can never be
/// set by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Internal {
    SslKey,
    SslCertificate,
    SslCa,
    Interceptors,
}

/// The type of a property, with its range and default.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Free text. `None` default: unset (conf_get reports it as unknown).
    Str { default: Option<&'static str>, check: Option<StrCheck> },
    /// A 32-bit integer in `min..=max`. `named` are symbolic values accepted
    /// in place of a number (`acks=all`).
    Int { min: i32, max: i32, default: i32, named: &'static [(&'static str, i32)] },
    /// A floating point number in `min..=max` (`linger.ms`).
    Float { min: f64, max: f64, default: f64 },
    /// true/false.
    Bool { default: bool },
    /// One of a fixed set of names, each mapped to a number. Several names
    /// may share a number (aliases); the first one is canonical.
    Enum { values: &'static [(&'static str, i32)], default: i32 },
    /// A comma-separated set of flag names, OR:ed together.
    Flags { values: &'static [(&'static str, u32)], default: u32 },
    /// A comma-separated list of regular expressions (`,,` escapes a comma).
    Patterns,
    /// Set only through a dedicated function ("see dedicated API").
    Pointer(Ptr),
    /// Never settable by name ("see dedicated API").
    Internal(Internal),
    /// Another name for the property named here (same scope).
    Alias(&'static str),
    /// A property of the Java client that does not apply here; setting it
    /// fails with this explanation.
    Invalid(&'static str),
}

impl Kind {
    /// The type name as printed in the documentation table.
    pub fn type_name(&self) -> &'static str {
        match self {
            Kind::Str { .. } => "string",
            Kind::Int { .. } => "integer",
            Kind::Float { .. } => "float",
            Kind::Bool { .. } => "boolean",
            Kind::Enum { .. } => "enum value",
            Kind::Flags { .. } => "CSV flags",
            Kind::Patterns => "pattern list",
            Kind::Pointer(_) | Kind::Internal(_) => "see dedicated API",
            Kind::Alias(_) => "alias",
            Kind::Invalid(_) => "invalid",
        }
    }
}

/// One configuration property.
#[derive(Clone, Copy, Debug)]
pub struct Property {
    pub name: &'static str,
    pub scope: Scope,
    pub role: Role,
    pub importance: Importance,
    pub kind: Kind,
    /// One or two sentences for the documentation table.
    pub desc: &'static str,
    /// Why the property is deprecated; `Some` marks it deprecated.
    pub deprecated: Option<&'static str>,
    /// Subject to change or removal.
    pub experimental: bool,
    /// Not listed by `rd_kafka_conf_properties_show()` (but fully usable).
    pub hidden: bool,
    /// Holds a secret (passwords, keys): redacted in debug dumps.
    pub sensitive: bool,
}

const fn prop(scope: Scope, name: &'static str, kind: Kind, desc: &'static str) -> Property {
    Property {
        name,
        scope,
        role: Role::Both,
        importance: Importance::Low,
        kind,
        desc,
        deprecated: None,
        experimental: false,
        hidden: false,
        sensitive: false,
    }
}

const fn g(name: &'static str, kind: Kind, desc: &'static str) -> Property {
    prop(Scope::Global, name, kind, desc)
}

const fn t(name: &'static str, kind: Kind, desc: &'static str) -> Property {
    prop(Scope::Topic, name, kind, desc)
}

const fn galias(name: &'static str, target: &'static str) -> Property {
    prop(Scope::Global, name, Kind::Alias(target), "")
}

const fn talias(name: &'static str, target: &'static str) -> Property {
    prop(Scope::Topic, name, Kind::Alias(target), "")
}

impl Property {
    const fn p(mut self) -> Self {
        self.role = Role::Producer;
        self
    }
    const fn c(mut self) -> Self {
        self.role = Role::Consumer;
        self
    }
    const fn med(mut self) -> Self {
        self.importance = Importance::Medium;
        self
    }
    const fn high(mut self) -> Self {
        self.importance = Importance::High;
        self
    }
    const fn dep(mut self, why: &'static str) -> Self {
        self.deprecated = Some(why);
        self
    }
    const fn exp(mut self) -> Self {
        self.experimental = true;
        self
    }
    const fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }
    const fn secret(mut self) -> Self {
        self.sensitive = true;
        self
    }
}

const fn s(default: &'static str) -> Kind {
    Kind::Str { default: Some(default), check: None }
}
const NOSTR: Kind = Kind::Str { default: None, check: None };
const fn int(min: i32, max: i32, default: i32) -> Kind {
    Kind::Int { min, max, default, named: &[] }
}
const fn boolean(default: bool) -> Kind {
    Kind::Bool { default }
}
const fn en(values: &'static [(&'static str, i32)], default: i32) -> Kind {
    Kind::Enum { values, default }
}
const fn ptr(p: Ptr) -> Kind {
    Kind::Pointer(p)
}

const I32MAX: i32 = i32::MAX;

/// Flag bits of `builtin.features`, in librdkafka's order. Which of them
/// ferrokafka supports is decided in [`super::features`].
pub const FEATURE_FLAGS: &[(&str, u32)] = &[
    ("gzip", 0x1),
    ("snappy", 0x2),
    ("ssl", 0x4),
    ("sasl", 0x8),
    ("regex", 0x10),
    ("lz4", 0x20),
    ("sasl_gssapi", 0x40),
    ("sasl_plain", 0x80),
    ("sasl_scram", 0x100),
    ("plugins", 0x200),
    ("zstd", 0x400),
    ("sasl_oauthbearer", 0x800),
    ("http", 0x1000),
    ("oidc", 0x2000),
];

/// Debug contexts of `debug`; `all` enables every one.
pub const DEBUG_FLAGS: &[(&str, u32)] = &[
    ("generic", 0x1),
    ("broker", 0x2),
    ("topic", 0x4),
    ("metadata", 0x8),
    ("feature", 0x10),
    ("queue", 0x20),
    ("msg", 0x40),
    ("protocol", 0x80),
    ("cgrp", 0x100),
    ("security", 0x200),
    ("fetch", 0x400),
    ("interceptor", 0x800),
    ("plugin", 0x1000),
    ("consumer", 0x2000),
    ("admin", 0x4000),
    ("eos", 0x8000),
    ("mock", 0x10000),
    ("assignor", 0x20000),
    ("conf", 0x40000),
    ("telemetry", 0x80000),
    ("all", 0xfffff),
];

/// Compression codec numbers as used by the Kafka record batch attributes;
/// `inherit` (topic level only) means "use the global setting".
pub const COMPRESSION_NONE: i32 = 0;
pub const COMPRESSION_GZIP: i32 = 1;
pub const COMPRESSION_SNAPPY: i32 = 2;
pub const COMPRESSION_LZ4: i32 = 3;
pub const COMPRESSION_ZSTD: i32 = 4;
pub const COMPRESSION_INHERIT: i32 = 5;

const CODECS: &[(&str, i32)] = &[
    ("none", COMPRESSION_NONE),
    ("gzip", COMPRESSION_GZIP),
    ("snappy", COMPRESSION_SNAPPY),
    ("lz4", COMPRESSION_LZ4),
    ("zstd", COMPRESSION_ZSTD),
];
const TOPIC_CODECS: &[(&str, i32)] = &[
    ("none", COMPRESSION_NONE),
    ("gzip", COMPRESSION_GZIP),
    ("snappy", COMPRESSION_SNAPPY),
    ("lz4", COMPRESSION_LZ4),
    ("zstd", COMPRESSION_ZSTD),
    ("inherit", COMPRESSION_INHERIT),
];

/// `auto.offset.reset` maps onto the logical offsets of rdkafka.h.
const OFFSET_RESETS: &[(&str, i32)] = &[
    ("smallest", -2),
    ("earliest", -2),
    ("beginning", -2),
    ("largest", -1),
    ("latest", -1),
    ("end", -1),
    ("error", -1001),
];

/// `broker.address.family` maps onto the socket address families.
const ADDRESS_FAMILIES: &[(&str, i32)] =
    &[("any", libc::AF_UNSPEC), ("v4", libc::AF_INET), ("v6", libc::AF_INET6)];

/// `security.protocol` values.
pub const SECURITY_PROTOCOLS: &[(&str, i32)] =
    &[("plaintext", 0), ("ssl", 1), ("sasl_plaintext", 2), ("sasl_ssl", 3)];

/// The partition assignors a classic-protocol consumer has, by protocol
/// name, and whether each is cooperative (the engine's assignor table is
/// checked against this list by a unit test).
pub const ASSIGNORS: &[(&str, bool)] = &[("range", false), ("roundrobin", false), ("cooperative-sticky", true)];

/// The SASL mechanisms `sasl.mechanisms` may name (SCRAM takes any
/// `SCRAM-SHA-*` here; its hash is checked with its credentials).
pub fn sasl_mechanism_known(m: &str) -> bool {
    matches!(m, "GSSAPI" | "PLAIN" | "OAUTHBEARER") || m.starts_with("SCRAM-SHA-")
}

/// The builtin partitioners accepted by `partitioner`.
pub const PARTITIONERS: &[&str] = &[
    "random",
    "consistent",
    "consistent_random",
    "murmur2",
    "murmur2_random",
    "fnv1a",
    "fnv1a_random",
];

/// The property table, in librdkafka's order. Hidden properties are the
/// ones librdkafka accepts without documenting them.
pub static PROPERTIES: &[Property] = &[
    // ---------------------------------------------------------------
    // Global properties
    // ---------------------------------------------------------------
    g(
        "builtin.features",
        Kind::Flags { values: FEATURE_FLAGS, default: 0xffff },
        "Features this build supports. Read it to find out, or set it to the list your \
         application needs: setting fails if one of them is missing.",
    ),
    g("client.id", s("rdkafka"), "Client identifier, sent to the brokers with every request."),
    g(
        "client.software.name",
        s("librdkafka"),
        "Client software name reported to brokers (KIP-511); characters outside a-zA-Z0-9.- \
         are replaced. Meant for language bindings.",
    )
    .hidden(),
    g(
        "client.software.version",
        NOSTR,
        "Client software version reported to brokers (KIP-511); characters outside \
         a-zA-Z0-9.- are replaced. Defaults to the library version. Meant for language bindings.",
    )
    .hidden(),
    g(
        "metadata.broker.list",
        NOSTR,
        "Initial brokers, as a comma-separated list of host or host:port. More can be added \
         with `rd_kafka_brokers_add()`.",
    )
    .high(),
    galias("bootstrap.servers", "metadata.broker.list").high(),
    g(
        "message.max.bytes",
        int(1000, 1000000000, 1000000),
        "Largest protocol request the client builds. The broker enforces the topic's own \
         `max.message.bytes`, and a produce request may exceed this by one message.",
    )
    .med(),
    g(
        "message.copy.max.bytes",
        int(0, 1000000000, 65535),
        "Messages up to this size are copied into the request buffer; larger ones are \
         referenced in place.",
    ),
    g(
        "receive.message.max.bytes",
        int(1000, I32MAX, 100000000),
        "Largest protocol response accepted, as a guard against memory exhaustion. Raised \
         automatically to `fetch.max.bytes` + 512 unless set explicitly.",
    )
    .med(),
    g(
        "max.in.flight.requests.per.connection",
        int(1, 1000000, 1000000),
        "Most requests that may be outstanding on one broker connection.",
    ),
    galias("max.in.flight", "max.in.flight.requests.per.connection"),
    g(
        "metadata.recovery.strategy",
        en(&[("none", 0), ("rebootstrap", 1)], 1),
        "What to do when no known broker is reachable: `rebootstrap` starts over from \
         `bootstrap.servers`, `none` keeps trying the known brokers.",
    ),
    g(
        "metadata.recovery.rebootstrap.trigger.ms",
        int(0, I32MAX, 300000),
        "Rebootstrap when no metadata could be obtained from any broker for this long \
         (with `metadata.recovery.strategy=rebootstrap`).",
    ),
    g("metadata.request.timeout.ms", int(10, 900000, 10), "Not used.")
        .dep("it is not used")
        .hidden(),
    g(
        "topic.metadata.refresh.interval.ms",
        int(-1, 3600000, 300000),
        "How often topic and broker metadata is refreshed proactively; -1 disables the \
         periodic refresh.",
    ),
    g(
        "metadata.max.age.ms",
        int(1, 86400000, 900000),
        "How long cached metadata stays valid. Defaults to three times \
         `topic.metadata.refresh.interval.ms`.",
    ),
    g(
        "topic.metadata.refresh.fast.interval.ms",
        int(1, 60000, 100),
        "Initial interval of the quick metadata refreshes after a topic lost its leader; \
         grows exponentially up to `retry.backoff.max.ms`. Defaults to `retry.backoff.ms`.",
    ),
    g("topic.metadata.refresh.fast.cnt", int(0, 1000, 10), "No longer used.")
        .dep("it is no longer used"),
    g(
        "topic.metadata.refresh.sparse",
        boolean(true),
        "Request metadata only for the topics in use, saving bandwidth.",
    ),
    g(
        "topic.metadata.propagation.max.ms",
        int(0, 3600000, 30000),
        "How long a topic missing from metadata is given to appear (new topics take time to \
         propagate) before it is considered non-existent.",
    ),
    g(
        "topic.blacklist",
        Kind::Patterns,
        "Comma-separated regular expressions; matching topics are ignored in metadata as if \
         they did not exist.",
    ),
    g(
        "debug",
        Kind::Flags { values: DEBUG_FLAGS, default: 0 },
        "Comma-separated debug contexts to log. For a producer try broker,topic,msg; for a \
         consumer consumer,cgrp,topic,fetch.",
    )
    .med(),
    g(
        "socket.timeout.ms",
        int(10, 300000, 60000),
        "Default timeout of network requests (produce requests use the smaller of this and \
         the remaining message timeout).",
    ),
    g("socket.blocking.max.ms", int(1, 60000, 1000), "No longer used.")
        .dep("it is no longer used"),
    g(
        "socket.send.buffer.bytes",
        int(0, 100000000, 0),
        "Socket send buffer size; 0 keeps the system default.",
    ),
    g(
        "socket.receive.buffer.bytes",
        int(0, 100000000, 0),
        "Socket receive buffer size; 0 keeps the system default.",
    ),
    g("socket.keepalive.enable", boolean(false), "Enable TCP keep-alive (SO_KEEPALIVE) on broker sockets."),
    g("socket.nagle.disable", boolean(true), "Disable Nagle's algorithm (TCP_NODELAY) on broker sockets."),
    g(
        "socket.max.fails",
        int(0, 1000000, 1),
        "Disconnect after this many send failures (such as timed out requests); 0 never \
         disconnects. Keep it at 1 so client and broker stay in sync.",
    ),
    g("broker.address.ttl", int(0, 86400000, 1000), "How long resolved broker addresses are cached, in milliseconds."),
    g(
        "broker.address.family",
        en(ADDRESS_FAMILIES, libc::AF_UNSPEC),
        "IP address families allowed for broker connections: any, v4 or v6.",
    ),
    g(
        "socket.connection.setup.timeout.ms",
        int(1000, I32MAX, 30000),
        "Most time a broker connection may take to become usable (TCP, TLS and SASL \
         included) before it is closed and retried.",
    )
    .med(),
    g(
        "connections.max.idle.ms",
        int(0, I32MAX, 0),
        "Close broker connections idle for this long; 0 disables (a smaller value is chosen \
         automatically for Azure brokers).",
    )
    .med(),
    g(
        "enable.sparse.connections",
        boolean(true),
        "Connect only to the brokers the client needs rather than to every broker.",
    )
    .med()
    .hidden(),
    g(
        "reconnect.backoff.jitter.ms",
        int(0, 3600000, 0),
        "No longer used; see `reconnect.backoff.ms` and `reconnect.backoff.max.ms`.",
    )
    .dep("it is no longer used, see reconnect.backoff.ms"),
    g(
        "reconnect.backoff.ms",
        int(0, 3600000, 100),
        "First wait before reconnecting to a broker; doubles up to \
         `reconnect.backoff.max.ms`, with jitter. 0 reconnects at once.",
    )
    .med(),
    g(
        "reconnect.backoff.max.ms",
        int(0, 3600000, 10000),
        "Longest wait before reconnecting to a broker.",
    )
    .med(),
    g(
        "statistics.interval.ms",
        int(0, 86400000, 0),
        "How often statistics are emitted to the stats callback, in milliseconds \
         (granularity 1000); 0 disables.",
    )
    .high(),
    g("enabled_events", int(0, I32MAX, 0), "Event types to deliver; see `rd_kafka_conf_set_events()`."),
    g("error_cb", ptr(Ptr::ErrorCb), "Error callback (`rd_kafka_conf_set_error_cb()`)."),
    g("throttle_cb", ptr(Ptr::ThrottleCb), "Throttle callback (`rd_kafka_conf_set_throttle_cb()`)."),
    g("stats_cb", ptr(Ptr::StatsCb), "Statistics callback (`rd_kafka_conf_set_stats_cb()`)."),
    g("log_cb", ptr(Ptr::LogCb), "Log callback (`rd_kafka_conf_set_log_cb()`)."),
    g("log_level", int(0, 7, 6), "Log level, as syslog(3) severities."),
    g(
        "log.queue",
        boolean(false),
        "Instead of calling the log callback from internal threads, queue log messages on the \
         queue set with `rd_kafka_set_log_queue()`.",
    ),
    g("log.thread.name", boolean(true), "Include the internal thread name in log messages."),
    g(
        "enable.random.seed",
        boolean(true),
        "Seed the C library's random number generator when the first client is created.",
    ),
    g("log.connection.close", boolean(true), "Log when a broker closes a connection."),
    g(
        "background_event_cb",
        ptr(Ptr::BackgroundEventCb),
        "Background queue event callback (`rd_kafka_conf_set_background_event_cb()`).",
    ),
    g("socket_cb", ptr(Ptr::SocketCb), "Socket creation callback (`rd_kafka_conf_set_socket_cb()`)."),
    g("connect_cb", ptr(Ptr::ConnectCb), "Socket connect callback (`rd_kafka_conf_set_connect_cb()`)."),
    g("closesocket_cb", ptr(Ptr::CloseSocketCb), "Socket close callback (`rd_kafka_conf_set_closesocket_cb()`)."),
    g("open_cb", ptr(Ptr::OpenCb), "File open callback (`rd_kafka_conf_set_open_cb()`)."),
    g("resolve_cb", ptr(Ptr::ResolveCb), "Address resolution callback (`rd_kafka_conf_set_resolve_cb()`)."),
    g("opaque", ptr(Ptr::Opaque), "Application opaque passed to callbacks (`rd_kafka_conf_set_opaque()`)."),
    g(
        "default_topic_conf",
        ptr(Ptr::DefaultTopicConf),
        "Topic configuration used for topics the application did not configure itself.",
    ),
    g(
        "internal.termination.signal",
        int(0, 128, 0),
        "Signal the library may use internally to speed up `rd_kafka_destroy()`; the \
         application should block it.",
    ),
    g(
        "api.version.request",
        boolean(true),
        "Ask brokers which protocol versions they support (needs brokers >= 0.10.0).",
    )
    .high()
    .dep("brokers older than 0.10.0 will not be supported in a future major version"),
    g("api.version.request.timeout.ms", int(1, 300000, 10000), "Timeout of the ApiVersion request."),
    g(
        "api.version.fallback.ms",
        int(0, 604800000, 0),
        "How long `broker.version.fallback` is used after an ApiVersion request failed.",
    )
    .med()
    .dep("brokers older than 0.10.0 will not be supported in a future major version"),
    g(
        "broker.version.fallback",
        Kind::Str { default: Some("0.10.0"), check: Some(StrCheck::BrokerVersion) },
        "Broker version assumed when the ApiVersion request is disabled or fails: 0.9.0, \
         0.8.2, 0.8.1 or 0.8.0; 0.10 and later enable the request.",
    )
    .med()
    .dep("brokers older than 0.10.0 will not be supported in a future major version"),
    g(
        "allow.auto.create.topics",
        boolean(false),
        "Let the broker create missing topics the client subscribes to or produces to (the \
         broker must allow it too). Defaults to true for producers, false for consumers.",
    ),
    g(
        "security.protocol",
        en(SECURITY_PROTOCOLS, 0),
        "Protocol used to talk to the brokers.",
    )
    .high(),
    g("ssl.cipher.suites", NOSTR, "TLS cipher suites, in OpenSSL cipher list syntax."),
    g("ssl.curves.list", NOSTR, "Elliptic curves offered in the TLS handshake, in OpenSSL syntax."),
    g("ssl.sigalgs.list", NOSTR, "Signature algorithms offered in the TLS handshake, in OpenSSL syntax."),
    g("ssl.key.location", NOSTR, "Path of the client's private key (PEM).").secret(),
    g(
        "ssl.key.password",
        NOSTR,
        "Passphrase of the private key given by `ssl.key.location` or `rd_kafka_conf_set_ssl_cert()`.",
    )
    .secret(),
    g("ssl.key.pem", NOSTR, "The client's private key as a PEM string.").secret(),
    g(
        "ssl_key",
        Kind::Internal(Internal::SslKey),
        "Private key set with `rd_kafka_conf_set_ssl_cert()`.",
    )
    .secret(),
    g("ssl.certificate.location", NOSTR, "Path of the client's certificate (PEM)."),
    g("ssl.certificate.pem", NOSTR, "The client's certificate as a PEM string."),
    g(
        "ssl_certificate",
        Kind::Internal(Internal::SslCertificate),
        "Certificate set with `rd_kafka_conf_set_ssl_cert()`.",
    ),
    g(
        "ssl.ca.location",
        NOSTR,
        "File or directory of CA certificates that verify the broker's certificate; `probe` \
         searches the usual system locations.",
    ),
    g(
        "https.ca.location",
        NOSTR,
        "File or directory of CA certificates that verify HTTPS endpoints such as the OIDC \
         token endpoint. Excludes `https.ca.pem`.",
    ),
    g(
        "https.ca.pem",
        NOSTR,
        "CA certificate (PEM string) that verifies HTTPS endpoints. Excludes `https.ca.location`.",
    ),
    g("ssl.ca.pem", NOSTR, "CA certificate (PEM string) that verifies the broker's certificate.").secret(),
    g("ssl_ca", Kind::Internal(Internal::SslCa), "CA certificate set with `rd_kafka_conf_set_ssl_cert()`."),
    g(
        "ssl.ca.certificate.stores",
        s("Root"),
        "Windows certificate stores to load CA certificates from (ignored elsewhere).",
    ),
    g("ssl.crl.location", NOSTR, "Path of a certificate revocation list for the broker's certificate."),
    g("ssl.keystore.location", NOSTR, "Path of the client's PKCS#12 keystore."),
    g("ssl.keystore.password", NOSTR, "Password of the PKCS#12 keystore.").secret(),
    g("ssl.providers", NOSTR, "Comma-separated OpenSSL 3 providers to load, such as \"default,legacy\"."),
    g("ssl.engine.location", NOSTR, "Path of an OpenSSL engine library.")
        .dep("OpenSSL engines are superseded by OpenSSL 3 providers"),
    g("ssl.engine.id", s("dynamic"), "Name of the OpenSSL engine to load."),
    g(
        "ssl_engine_callback_data",
        ptr(Ptr::SslEngineCallbackData),
        "OpenSSL engine callback data (`rd_kafka_conf_set_engine_callback_data()`).",
    ),
    g(
        "enable.ssl.certificate.verification",
        boolean(true),
        "Verify the broker's certificate; an application verify callback may add its own checks.",
    ),
    g(
        "ssl.endpoint.identification.algorithm",
        en(&[("none", 0), ("https", 1)], 1),
        "Check the broker host name against its certificate: `https` as in RFC 2818, `none` not at all.",
    ),
    g(
        "ssl.certificate.verify_cb",
        ptr(Ptr::SslCertVerifyCb),
        "Broker certificate verification callback (`rd_kafka_conf_set_ssl_cert_verify_cb()`).",
    ),
    g(
        "ssl.truststore.location",
        Kind::Invalid(
            "Java TrustStores are not supported: put the CA certificates in a file and point \
             `ssl.ca.location` at it.",
        ),
        "",
    ),
    g(
        "sasl.jaas.config",
        Kind::Invalid(
            "Java JAAS configuration is not supported: use `sasl.mechanisms`, \
             `sasl.username`, `sasl.password` and the other sasl.* properties.",
        ),
        "",
    ),
    g(
        "sasl.mechanisms",
        Kind::Str { default: Some("GSSAPI"), check: Some(StrCheck::SingleItem) },
        "SASL mechanism: GSSAPI, PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER. Only \
         one, despite the name.",
    )
    .high(),
    galias("sasl.mechanism", "sasl.mechanisms").high(),
    g(
        "sasl.kerberos.service.name",
        s("kafka"),
        "Kerberos principal name the brokers run as, without /hostname@REALM.",
    ),
    g("sasl.kerberos.principal", s("kafkaclient"), "This client's Kerberos principal name."),
    g(
        "sasl.kerberos.kinit.cmd",
        s("kinit -R -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal} || kinit -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal}"),
        "Shell command that refreshes or obtains the Kerberos ticket, run at start-up and \
         periodically; %{name} is replaced by the value of property name.",
    ),
    g(
        "sasl.kerberos.keytab",
        NOSTR,
        "Kerberos keytab path, only substituted into `sasl.kerberos.kinit.cmd`.",
    ),
    g(
        "sasl.kerberos.min.time.before.relogin",
        int(0, 86400000, 60000),
        "Least time between Kerberos ticket refreshes, in milliseconds; 0 disables refreshing.",
    ),
    g("sasl.username", NOSTR, "SASL user name for PLAIN and SCRAM.").high().secret(),
    g("sasl.password", NOSTR, "SASL password for PLAIN and SCRAM.").high().secret(),
    g(
        "sasl.oauthbearer.config",
        NOSTR,
        "OAUTHBEARER configuration. The builtin unsecured-token handler reads space-separated \
         name=value pairs (principal, principalClaimName, scope, scopeClaimName, lifeSeconds, \
         extension_NAME).",
    )
    .secret(),
    g(
        "enable.sasl.oauthbearer.unsecure.jwt",
        boolean(false),
        "Use the builtin unsecured JWT token handler when no token refresh callback is set. \
         For testing only.",
    ),
    g(
        "oauthbearer_token_refresh_cb",
        ptr(Ptr::OauthbearerTokenRefreshCb),
        "OAUTHBEARER token refresh callback (`rd_kafka_conf_set_oauthbearer_token_refresh_cb()`).",
    ),
    g(
        "enable_sasl_queue",
        boolean(false),
        "Serve SASL callbacks from a dedicated queue (`rd_kafka_conf_enable_sasl_queue()`).",
    )
    .hidden(),
    g(
        "sasl.oauthbearer.method",
        en(&[("default", 0), ("oidc", 1)], 0),
        "How OAUTHBEARER tokens are obtained: `default` (callback or unsecured JWT) or `oidc` \
         (from `sasl.oauthbearer.token.endpoint.url`).",
    ),
    g(
        "sasl.oauthbearer.client.id",
        NOSTR,
        "Client identifier at the OIDC authorization server (with `sasl.oauthbearer.method=oidc`).",
    ),
    galias("sasl.oauthbearer.client.credentials.client.id", "sasl.oauthbearer.client.id"),
    galias("sasl.oauthbearer.client.credentials.client.secret", "sasl.oauthbearer.client.secret"),
    g(
        "sasl.oauthbearer.client.secret",
        NOSTR,
        "Client secret at the OIDC authorization server (with `sasl.oauthbearer.method=oidc`).",
    )
    .secret(),
    g("sasl.oauthbearer.scope", NOSTR, "Scope requested from the OIDC authorization server."),
    g(
        "sasl.oauthbearer.extensions",
        NOSTR,
        "Comma-separated key=value SASL extensions sent to the broker (with OIDC).",
    ),
    g("sasl.oauthbearer.token.endpoint.url", NOSTR, "OIDC token endpoint URL."),
    g(
        "sasl.oauthbearer.sub.claim.name",
        s("sub"),
        "JWT claim used as the principal of OIDC tokens.",
    ),
    g(
        "sasl.oauthbearer.grant.type",
        en(&[("client_credentials", 0), ("urn:ietf:params:oauth:grant-type:jwt-bearer", 1)], 0),
        "OAuth grant type used with the identity provider.",
    ),
    g(
        "sasl.oauthbearer.assertion.algorithm",
        en(&[("RS256", 0), ("ES256", 1)], 0),
        "Algorithm that signs the JWT assertion sent to the identity provider.",
    ),
    g(
        "sasl.oauthbearer.assertion.private.key.file",
        NOSTR,
        "Path of the private key (PEM) that signs the JWT assertion.",
    )
    .secret(),
    g(
        "sasl.oauthbearer.assertion.private.key.passphrase",
        NOSTR,
        "Passphrase of the JWT assertion private key.",
    )
    .secret(),
    g(
        "sasl.oauthbearer.assertion.private.key.pem",
        NOSTR,
        "The JWT assertion private key as a PEM string.",
    )
    .secret(),
    g("sasl.oauthbearer.assertion.file", NOSTR, "Path of a ready-made JWT assertion."),
    g("sasl.oauthbearer.assertion.claim.aud", NOSTR, "Audience claim of the JWT assertion."),
    g(
        "sasl.oauthbearer.assertion.claim.exp.seconds",
        int(1, I32MAX, 300),
        "Lifetime of the JWT assertion, in seconds.",
    ),
    g("sasl.oauthbearer.assertion.claim.iss", NOSTR, "Issuer claim of the JWT assertion."),
    g(
        "sasl.oauthbearer.assertion.claim.jti.include",
        boolean(false),
        "Add a random JWT ID claim to the assertion.",
    ),
    g(
        "sasl.oauthbearer.assertion.claim.nbf.seconds",
        int(0, I32MAX, 60),
        "How far back the not-before claim of the JWT assertion lies, in seconds.",
    ),
    g("sasl.oauthbearer.assertion.claim.sub", NOSTR, "Subject claim of the JWT assertion."),
    g(
        "sasl.oauthbearer.assertion.jwt.template.file",
        NOSTR,
        "Path of a JWT template for the assertion.",
    ),
    g(
        "sasl.oauthbearer.metadata.authentication.type",
        en(&[("none", 0), ("azure_imds", 1), ("aws_iam", 2)], 0),
        "Cloud metadata based OAUTHBEARER authentication: `azure_imds` uses the Azure instance \
         metadata service, `aws_iam` AWS IAM.",
    ),
    g(
        "plugin.library.paths",
        NOSTR,
        "Plugin libraries to load, separated by `;`. Each is opened with dlopen(3) (the \
         platform's library suffix is added when missing) and its `conf_init()` is called.",
    ),
    g(
        "interceptors",
        Kind::Internal(Internal::Interceptors),
        "Interceptors added with `rd_kafka_conf_interceptor_add_..()`, and the \
         properties they handle.",
    ),
    g(
        "test.mock.num.brokers",
        int(0, 10000, 0),
        "Create a builtin mock cluster with this many brokers and use it instead of \
         `bootstrap.servers`.",
    )
    .hidden(),
    g(
        "test.mock.broker.rtt",
        int(0, 3600000, 0),
        "Simulated round-trip latency of the mock brokers, in milliseconds.",
    )
    .hidden(),
    // Consumer group properties.
    g("group.id", NOSTR, "Consumer group identifier; clients with the same one form a group.")
        .c()
        .high(),
    g(
        "group.instance.id",
        NOSTR,
        "Static group membership identifier: a member may leave and rejoin within \
         `session.timeout.ms` without a rebalance.",
    )
    .c()
    .med(),
    g(
        "partition.assignment.strategy",
        s("range,roundrobin"),
        "Partition assignors in order of preference: range, roundrobin, cooperative-sticky. \
         Do not mix cooperative and eager ones. Classic protocol only.",
    )
    .c()
    .med(),
    g(
        "session.timeout.ms",
        int(1, 3600000, 45000),
        "A member that sends no heartbeat for this long is removed from the group (classic \
         protocol).",
    )
    .c()
    .high(),
    g(
        "heartbeat.interval.ms",
        int(1, 3600000, 3000),
        "Interval of group heartbeats (classic protocol).",
    )
    .c(),
    g(
        "group.protocol.type",
        s("consumer"),
        "Protocol type of classic consumer groups; only `consumer` is supported.",
    )
    .c(),
    g(
        "group.protocol",
        en(&[("classic", 0), ("consumer", 1)], 0),
        "Group protocol: `classic`, or `consumer` for the KIP-848 protocol.",
    )
    .c()
    .high(),
    g(
        "group.remote.assignor",
        NOSTR,
        "Server-side assignor (uniform or range) for `group.protocol=consumer`; unset lets \
         the broker choose.",
    )
    .c()
    .med(),
    g(
        "coordinator.query.interval.ms",
        int(1, 3600000, 600000),
        "How often the group coordinator is looked up again.",
    )
    .c(),
    g(
        "max.poll.interval.ms",
        int(1, 86400000, 300000),
        "Longest time allowed between two consumer polls; a consumer that exceeds it leaves \
         the group.",
    )
    .c()
    .high(),
    g(
        "enable.auto.commit",
        boolean(true),
        "Commit offsets periodically in the background.",
    )
    .c()
    .high(),
    g(
        "auto.commit.interval.ms",
        int(0, 86400000, 5000),
        "How often offsets are committed automatically; 0 disables.",
    )
    .c()
    .med(),
    g(
        "enable.auto.offset.store",
        boolean(true),
        "Store the offset of each message handed to the application for the next commit.",
    )
    .c()
    .high(),
    g(
        "queued.min.messages",
        int(1, 10000000, 100000),
        "Messages per partition the consumer tries to keep prefetched.",
    )
    .c()
    .med(),
    g(
        "queued.max.messages.kbytes",
        int(1, 2097151, 65536),
        "Most kilobytes of prefetched messages kept locally; takes precedence over \
         `queued.min.messages`.",
    )
    .c()
    .med(),
    g(
        "fetch.wait.max.ms",
        int(0, 300000, 500),
        "Longest time the broker may wait for `fetch.min.bytes` before answering a fetch.",
    )
    .c(),
    g(
        "fetch.queue.backoff.ms",
        int(0, 300000, 1000),
        "Delay before fetching a partition again once its local queue is full.",
    )
    .c()
    .med(),
    g(
        "fetch.message.max.bytes",
        int(1, 1000000000, 1048576),
        "Initial amount of data fetched per partition; grown automatically when a message does \
         not fit.",
    )
    .c()
    .med(),
    galias("max.partition.fetch.bytes", "fetch.message.max.bytes").c().med(),
    g(
        "fetch.max.bytes",
        int(0, 2147483135, 52428800),
        "Most data a broker returns for one fetch request (at least one batch is always \
         returned).",
    )
    .c()
    .med(),
    g(
        "fetch.min.bytes",
        int(0, I32MAX, 1),
        "Least data a broker waits for before answering a fetch (regular consumers need \
         1..100000000).",
    )
    .c(),
    g(
        "fetch.error.backoff.ms",
        int(0, 300000, 500),
        "Delay before fetching a partition again after a fetch error.",
    )
    .c()
    .med(),
    g(
        "offset.store.method",
        en(&[("none", 0), ("file", 1), ("broker", 2)], 2),
        "Where offsets are committed: `broker`, or the deprecated local `file`.",
    )
    .c()
    .dep("file-based offset storage will be removed; offsets are committed to the broker"),
    g(
        "isolation.level",
        en(&[("read_uncommitted", 0), ("read_committed", 1)], 1),
        "`read_committed` returns only committed transactional messages, \
         `read_uncommitted` returns all of them.",
    )
    .c()
    .high(),
    g("consume_cb", ptr(Ptr::ConsumeCb), "Message consume callback (`rd_kafka_conf_set_consume_cb()`).").c(),
    g("rebalance_cb", ptr(Ptr::RebalanceCb), "Group rebalance callback (`rd_kafka_conf_set_rebalance_cb()`).").c(),
    g(
        "offset_commit_cb",
        ptr(Ptr::OffsetCommitCb),
        "Offset commit result callback (`rd_kafka_conf_set_offset_commit_cb()`).",
    )
    .c(),
    g(
        "enable.partition.eof",
        boolean(false),
        "Report RD_KAFKA_RESP_ERR__PARTITION_EOF when the consumer reaches the end of a partition.",
    )
    .c(),
    g("check.crcs", boolean(false), "Verify the CRC32 of consumed messages.").c().med(),
    g(
        "client.rack",
        s(""),
        "Rack of this client, matched against the brokers' `broker.rack`.",
    ),
    g(
        "max.poll.records",
        int(1, I32MAX, 500),
        "Most records one `rd_kafka_share_poll()` returns (share consumers only).",
    )
    .c(),
    g(
        "share.acknowledgement.mode",
        s("implicit"),
        "Share consumers: `implicit` acknowledges records at the next poll, `explicit` \
         requires the acknowledge APIs.",
    )
    .c()
    .med(),
    // Producer properties.
    g(
        "transactional.id",
        NOSTR,
        "Makes the producer transactional; identifies it across restarts so that older \
         instances are fenced. Implies `enable.idempotence`.",
    )
    .p()
    .high(),
    g(
        "transaction.timeout.ms",
        int(1000, I32MAX, 60000),
        "Longest time a transaction may stay open before the coordinator aborts it; also \
         bounds `message.timeout.ms` and `socket.timeout.ms`.",
    )
    .p()
    .med(),
    g(
        "enable.idempotence",
        boolean(false),
        "Deliver every message exactly once and in order. Requires `acks=all`, \
         `max.in.flight` <= 5 and `retries` > 0, which are set automatically unless \
         configured otherwise.",
    )
    .p()
    .high(),
    g(
        "enable.gapless.guarantee",
        boolean(false),
        "Raise a fatal error instead of leaving a gap when a batch fails. Requires \
         `enable.idempotence`.",
    )
    .p()
    .exp(),
    g(
        "queue.buffering.max.messages",
        int(0, I32MAX, 100000),
        "Most messages waiting in the producer queue, over all partitions; 0 is unlimited.",
    )
    .p()
    .high(),
    g(
        "queue.buffering.max.kbytes",
        int(1, I32MAX, 1048576),
        "Most kilobytes of messages waiting in the producer queue; takes precedence over \
         `queue.buffering.max.messages`.",
    )
    .p()
    .high(),
    g(
        "queue.buffering.max.ms",
        Kind::Float { min: 0.0, max: 900000.0, default: 5.0 },
        "How long messages wait in the producer queue to form larger batches, in milliseconds.",
    )
    .p()
    .high(),
    galias("linger.ms", "queue.buffering.max.ms").p().high(),
    g(
        "message.send.max.retries",
        int(0, I32MAX, I32MAX),
        "How often a failing produce is retried (retries may reorder messages unless \
         idempotence is enabled).",
    )
    .p()
    .high(),
    galias("retries", "message.send.max.retries").p(),
    g(
        "retry.backoff.ms",
        int(1, 300000, 100),
        "First wait before retrying a request; grows exponentially up to `retry.backoff.max.ms`.",
    )
    .med(),
    g("retry.backoff.max.ms", int(1, 300000, 1000), "Longest wait before retrying a request.").med(),
    g(
        "queue.buffering.backpressure.threshold",
        int(1, 1000000, 1),
        "Hold back new produce requests while this many are waiting to be sent to a broker.",
    )
    .p(),
    g(
        "compression.codec",
        en(CODECS, COMPRESSION_NONE),
        "Compression codec of produced batches; topics may override it.",
    )
    .p()
    .med(),
    galias("compression.type", "compression.codec").p().med(),
    g(
        "batch.num.messages",
        int(1, 1000000, 10000),
        "Most messages in one batch.",
    )
    .p()
    .med(),
    g(
        "batch.size",
        int(1, I32MAX, 1000000),
        "Most bytes in one batch, framing included (a single larger message still goes out \
         alone).",
    )
    .p()
    .med(),
    g(
        "delivery.report.only.error",
        boolean(false),
        "Report deliveries of failed messages only.",
    )
    .p(),
    g("dr_cb", ptr(Ptr::DrCb), "Delivery report callback (`rd_kafka_conf_set_dr_cb()`).").p(),
    g("dr_msg_cb", ptr(Ptr::DrMsgCb), "Delivery report callback (`rd_kafka_conf_set_dr_msg_cb()`).").p(),
    g(
        "sticky.partitioning.linger.ms",
        int(0, 900000, 10),
        "How long keyless messages stick to one partition before another is picked; \
         defaults to twice `linger.ms`, 0 disables.",
    )
    .p(),
    g(
        "client.dns.lookup",
        en(&[("use_all_dns_ips", 0), ("resolve_canonical_bootstrap_servers_only", 1)], 0),
        "`use_all_dns_ips` tries every address of a host name; \
         `resolve_canonical_bootstrap_servers_only` expands bootstrap servers to canonical \
         names (for Kerberos).",
    ),
    g(
        "enable.metrics.push",
        boolean(true),
        "Push client metrics to the cluster when it subscribes to them (KIP-714).",
    ),
    // ---------------------------------------------------------------
    // Topic properties
    // ---------------------------------------------------------------
    t(
        "request.required.acks",
        Kind::Int { min: -1, max: 1000, default: -1, named: &[("all", -1)] },
        "Acknowledgements the leader waits for before answering a produce request: 0 none, \
         1 the leader only, -1 or `all` every in-sync replica.",
    )
    .p()
    .high(),
    talias("acks", "request.required.acks").p().high(),
    t(
        "request.timeout.ms",
        int(1, 900000, 30000),
        "Produce request timeout enforced by the broker (when acks != 0).",
    )
    .p()
    .med(),
    t(
        "message.timeout.ms",
        int(0, I32MAX, 300000),
        "Longest time a message may take to be delivered, retries included; 0 is unlimited.",
    )
    .p()
    .high(),
    talias("delivery.timeout.ms", "message.timeout.ms").p().high(),
    t(
        "queuing.strategy",
        en(&[("fifo", 0), ("lifo", 1)], 0),
        "Producer queue order: `fifo` keeps produce order, `lifo` favours new messages.",
    )
    .p()
    .dep("only fifo will remain")
    .exp(),
    t("produce.offset.report", boolean(false), "No longer used.")
        .p()
        .dep("it is no longer used"),
    t(
        "partitioner",
        Kind::Str { default: Some("consistent_random"), check: Some(StrCheck::Partitioner) },
        "Builtin partitioner: random, consistent (CRC32 of the key), consistent_random, \
         murmur2 (Java compatible), murmur2_random, fnv1a or fnv1a_random; the `_random` ones \
         spread keyless messages randomly.",
    )
    .p()
    .high(),
    t(
        "partitioner_cb",
        ptr(Ptr::PartitionerCb),
        "Custom partitioner (`rd_kafka_topic_conf_set_partitioner_cb()`).",
    )
    .p(),
    t(
        "msg_order_cmp",
        ptr(Ptr::MsgOrderCmp),
        "Producer queue ordering comparator (`rd_kafka_topic_conf_set_msg_order_cmp()`).",
    )
    .p()
    .dep("only fifo queuing will remain")
    .exp(),
    t("opaque", ptr(Ptr::TopicOpaque), "Topic opaque passed to callbacks (`rd_kafka_topic_conf_set_opaque()`)."),
    t(
        "compression.codec",
        en(TOPIC_CODECS, COMPRESSION_INHERIT),
        "Compression codec of this topic's batches; `inherit` uses the global setting.",
    )
    .p()
    .high(),
    talias("compression.type", "compression.codec").p().high(),
    t(
        "compression.level",
        int(-1, 12, -1),
        "Compression level of the codec: 0-9 for gzip, 0-12 for lz4, 0 for snappy; -1 is the \
         codec's default.",
    )
    .p()
    .med(),
    t(
        "auto.commit.enable",
        boolean(true),
        "Legacy simple consumer only: commit offsets periodically (use the global \
         `enable.auto.commit` with the high-level consumer).",
    )
    .c()
    .dep("the legacy consumer's offset handling will be removed"),
    talias("enable.auto.commit", "auto.commit.enable").c(),
    t(
        "auto.commit.interval.ms",
        int(10, 86400000, 60000),
        "Legacy simple consumer only: offset commit interval (the high-level consumer uses \
         the global property).",
    )
    .c()
    .high(),
    t(
        "auto.offset.reset",
        en(OFFSET_RESETS, -1),
        "Where to start when there is no committed offset or it is out of range: \
         smallest/earliest/beginning, largest/latest/end, or `error` to report \
         ERR__AUTO_OFFSET_RESET.",
    )
    .c()
    .high(),
    t(
        "offset.store.path",
        s("."),
        "File (or directory) of the local offset store.",
    )
    .c()
    .dep("file-based offset storage will be removed"),
    t(
        "offset.store.sync.interval.ms",
        int(-1, 86400000, -1),
        "fsync() interval of the offset file: -1 never, 0 after every write.",
    )
    .c()
    .dep("file-based offset storage will be removed"),
    t(
        "offset.store.method",
        en(&[("file", 1), ("broker", 2)], 2),
        "Where this topic's offsets are committed: `broker`, or the local `file`.",
    )
    .c()
    .dep("file-based offset storage will be removed"),
    t(
        "consume.callback.max.messages",
        int(0, 1000000, 0),
        "Most messages one `rd_kafka_consume_callback*()` call dispatches; 0 is unlimited.",
    )
    .c(),
];

/// (scope, name) -> table index, sorted for binary search.
static INDEX: once_cell::sync::Lazy<Vec<((Scope, &'static str), usize)>> = once_cell::sync::Lazy::new(|| {
    let mut v: Vec<_> = PROPERTIES.iter().enumerate().map(|(i, p)| ((p.scope, p.name), i)).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
});

/// Index in [`PROPERTIES`] of the property called `name` in `scope`,
/// without following aliases.
pub fn find(scope: Scope, name: &str) -> Option<usize> {
    INDEX.binary_search_by(|((s, n), _)| (*s, *n).cmp(&(scope, name))).ok().map(|i| INDEX[i].1)
}

/// Like [`find`], but an alias yields the property it stands for.
pub fn resolve(scope: Scope, name: &str) -> Option<usize> {
    let mut idx = find(scope, name)?;
    // Aliases point at real properties; the bound only guards against a
    // table mistake turning into an endless loop.
    for _ in 0..4 {
        match PROPERTIES[idx].kind {
            Kind::Alias(target) => idx = find(scope, target)?,
            _ => return Some(idx),
        }
    }
    None
}

/// The property called `name` in `scope`, aliases followed.
pub fn lookup(scope: Scope, name: &str) -> Option<&'static Property> {
    resolve(scope, name).map(|i| &PROPERTIES[i])
}
