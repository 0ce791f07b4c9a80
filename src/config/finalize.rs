//! Cross-property rules applied when a client is created from a
//! configuration: checks that reject incompatible settings, automatic
//! adjustments of properties the application left alone, and warnings
//! worth logging.

use super::global::Conf;
use super::props::{Kind, Role, Scope, PROPERTIES};
use super::topic::TopicConf;
use super::value::Value;

/// The kind of client a configuration is finalized for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientKind {
    Producer,
    Consumer,
    /// A KIP-932 share consumer (`rd_kafka_share_consumer_new()`).
    ShareConsumer,
}

impl ClientKind {
    fn is_consumer(self) -> bool {
        matches!(self, ClientKind::Consumer | ClientKind::ShareConsumer)
    }
}

/// Most in-flight requests per connection an idempotent producer allows.
pub const IDEMPOTENCE_MAX_IN_FLIGHT: i64 = 5;

fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// KIP-511 allows a-zA-Z0-9.- with an alphanumeric first and last character.
fn software_str_is_safe(s: &str) -> bool {
    s.is_empty()
        || (s.chars().all(|c| alnum(c) || c == '-' || c == '.')
            && s.chars().next().is_some_and(alnum)
            && s.chars().last().is_some_and(alnum))
}

/// Replaces disallowed characters by '-' and strips non-alphanumeric
/// characters at both ends.
fn software_str_sanitize(s: &str) -> String {
    s.trim_matches(|c: char| !alnum(c))
        .chars()
        .map(|c| if alnum(c) || c == '-' || c == '.' { c } else { '-' })
        .collect()
}

/// The value of `key` in a comma-separated key=value list.
fn kv_get<'a>(config: &'a str, key: &str) -> Option<&'a str> {
    config.split(',').filter_map(|kv| kv.split_once('=')).find(|(k, _)| k.trim() == key).map(|(_, v)| v)
}

impl Conf {
    fn int(&self, name: &str) -> i64 {
        self.get_i64(name).unwrap_or_else(|| panic!("{name} is not an integer property"))
    }

    fn flag(&self, name: &str) -> bool {
        self.get_bool(name).unwrap_or_else(|| panic!("{name} is not a boolean property"))
    }

    fn is_set(&self, name: &str) -> bool {
        self.get_str(name).is_some()
    }

    /// Checks and completes the configuration for a producer
    /// (`is_producer`) or a consumer. See [`Conf::finalize_for`].
    pub fn finalize(&mut self, is_producer: bool) -> Result<Vec<String>, String> {
        self.finalize_for(if is_producer { ClientKind::Producer } else { ClientKind::Consumer })
    }

    /// Checks and completes the configuration for a client of `kind`, as
    /// `rd_kafka_new()` does before creating the client:
    ///
    /// - incompatible settings are an error (the message is what
    ///   `rd_kafka_new()` puts in its errstr);
    /// - properties the application did not set are adjusted to fit the
    ///   ones it did (idempotence implies acks=all, max.in.flight<=5 and
    ///   retries; transactional.id implies idempotence; consumers get
    ///   fetch.max.bytes and receive.message.max.bytes that fit together;
    ///   linger.ms stays below message.timeout.ms; ...);
    /// - the default topic configuration is finalized too;
    /// - on success, the warnings to log (at warning level, facility
    ///   CONFWARN) are returned: deprecated, experimental and
    ///   wrong-client-type properties, and questionable combinations.
    pub fn finalize_for(&mut self, kind: ClientKind) -> Result<Vec<String>, String> {
        let sw_name_unsafe = self.is_modified("client.software.name")
            && !software_str_is_safe(self.get_str("client.software.name").unwrap_or(""));
        let sw_version_unsafe = self.is_modified("client.software.version")
            && !software_str_is_safe(self.get_str("client.software.version").unwrap_or(""));
        let name = software_str_sanitize(self.get_str("client.software.name").unwrap_or("librdkafka"));
        self.put("client.software.name", Value::Str(Some(name)));
        let version = match self.get_str("client.software.version") {
            Some(v) => v.to_string(),
            None => crate::objects::error::VERSION_STR.to_string_lossy().into_owned(),
        };
        self.put("client.software.version", Value::Str(Some(software_str_sanitize(&version))));

        self.check_security()?;
        self.check_ssl()?;
        self.check_oauthbearer()?;

        if kind.is_consumer() {
            self.finalize_consumer(kind)?;
        } else {
            self.finalize_producer()?;
        }
        self.check_assignors()?;

        let refresh = self.int("topic.metadata.refresh.interval.ms");
        if !self.is_modified("metadata.max.age.ms") && refresh > 0 {
            self.put("metadata.max.age.ms", Value::Int((refresh * 3) as i32));
        }
        if self.int("reconnect.backoff.max.ms") < self.int("reconnect.backoff.ms") {
            return Err("`reconnect.backoff.max.ms` must be >= `reconnect.backoff.ms`".into());
        }
        if !self.is_modified("topic.metadata.refresh.fast.interval.ms") {
            let v = self.int("retry.backoff.ms");
            self.put("topic.metadata.refresh.fast.interval.ms", Value::Int(v as i32));
        }
        if !self.is_modified("connections.max.idle.ms")
            && self.get_str("metadata.broker.list").is_some_and(|b| b.to_ascii_lowercase().contains("azure"))
        {
            // Azure's load balancers drop idle connections after 4 minutes.
            self.put("connections.max.idle.ms", Value::Int((4 * 60 - 10) * 1000));
        }
        if !self.is_modified("allow.auto.create.topics") {
            self.put("allow.auto.create.topics", Value::Bool(kind == ClientKind::Producer));
        }

        if let Some(mut tc) = self.topic_conf.take() {
            let res = self.finalize_default_topic_conf(kind, &mut tc);
            self.topic_conf = Some(tc);
            res?;
        }

        Ok(self.warnings(kind, sw_name_unsafe, sw_version_unsafe))
    }

    fn finalize_default_topic_conf(&mut self, kind: ClientKind, tc: &mut TopicConf) -> Result<(), String> {
        if kind == ClientKind::Producer {
            let timeout = tc.get_i64("message.timeout.ms").unwrap_or(0);
            let linger = self.get_f64("linger.ms").unwrap_or(0.0);
            if timeout != 0 && timeout as f64 <= linger {
                if self.is_modified("linger.ms") {
                    return Err("`message.timeout.ms` must be greater than `linger.ms`".into());
                }
                self.put("linger.ms", Value::Float(timeout as f64 - 0.1));
            }
        }
        tc.finalize(kind, self)
    }

    /// What the client cannot do securely is refused before it connects:
    /// a `security.protocol` this build cannot honour (normally refused
    /// when set already), an unknown SASL mechanism, and TLS key and
    /// certificate files that are not there.
    fn check_security(&self) -> Result<(), String> {
        let protocol = self.get_enum("security.protocol").unwrap_or("plaintext");
        if matches!(protocol, "sasl_plaintext" | "sasl_ssl") {
            let mech = self.get_str("sasl.mechanisms").unwrap_or("GSSAPI");
            if !super::props::sasl_mechanism_known(mech) {
                return Err(format!("Unsupported SASL mechanism: {mech}"));
            }
        }
        if matches!(protocol, "ssl" | "sasl_ssl") {
            for p in [
                "ssl.ca.location",
                "ssl.certificate.location",
                "ssl.key.location",
                "ssl.crl.location",
                "ssl.keystore.location",
            ] {
                let Some(path) = self.get_str(p) else { continue };
                if p == "ssl.ca.location" && path == "probe" {
                    continue;
                }
                if let Err(e) = std::fs::metadata(path) {
                    // The path is left out: a key file's location is treated
                    // as a secret (it is one of the secret properties).
                    return Err(format!("{p} failed: {e}"));
                }
            }
        }
        // Last, so that the checks above give librdkafka's own answers.
        if let Some(why) = super::features::unsupported_value("security.protocol", protocol) {
            return Err(format!(
                "Unsupported value \"{protocol}\" for configuration property \"security.protocol\": {why}"
            ));
        }
        Ok(())
    }

    /// Every `partition.assignment.strategy` entry must name an assignor
    /// this library has, and all of them must share one rebalance
    /// protocol (eager or cooperative). Checked for every client type,
    /// as librdkafka does.
    fn check_assignors(&self) -> Result<(), String> {
        let list = self.get_str("partition.assignment.strategy").unwrap_or("");
        let mut cooperative = None;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let Some(&(_, coop)) = super::props::ASSIGNORS.iter().find(|(n, _)| *n == name) else {
                return Err(format!("Unsupported partition.assignment.strategy: {name}"));
            };
            if cooperative.is_some_and(|c| c != coop) {
                return Err(format!(
                    "All partition.assignment.strategy ({list}) assignors must have the same protocol type, \
                     online migration between assignors with different protocol types is not supported"
                ));
            }
            cooperative = Some(coop);
        }
        Ok(())
    }

    fn check_ssl(&self) -> Result<(), String> {
        if self.is_set("ssl.keystore.location") && !self.is_set("ssl.keystore.password") {
            return Err("`ssl.keystore.password` is mandatory when `ssl.keystore.location` is set".into());
        }
        if self.certs.ca.is_some() && (self.is_set("ssl.ca.location") || self.is_set("ssl.ca.pem")) {
            return Err("`ssl.ca.location` or `ssl.ca.pem`, and memory-based set_ssl_cert(CERT_CA) are \
                        mutually exclusive."
                .into());
        }
        if self.is_set("https.ca.location") && self.is_set("https.ca.pem") {
            return Err("`https.ca.location` and `https.ca.pem` are mutually exclusive".into());
        }
        if let Some(loc) = self.get_str("https.ca.location")
            && loc != "probe"
            && std::fs::metadata(loc).is_err()
        {
            return Err("`https.ca.location` must be an existing file or directory".into());
        }
        Ok(())
    }

    fn check_oauthbearer(&mut self) -> Result<(), String> {
        if !self.get_str("sasl.mechanisms").is_some_and(|m| m.eq_ignore_ascii_case("OAUTHBEARER")) {
            return Ok(());
        }
        let unsecure_jwt = self.flag("enable.sasl.oauthbearer.unsecure.jwt");
        if unsecure_jwt && self.callbacks.oauthbearer_token_refresh_cb.is_some() {
            return Err("`enable.sasl.oauthbearer.unsecure.jwt` and `oauthbearer_token_refresh_cb` are \
                        mutually exclusive"
                .into());
        }
        if self.get_enum("sasl.oauthbearer.method") != Some("oidc") {
            return Ok(());
        }
        if unsecure_jwt {
            return Err("`enable.sasl.oauthbearer.unsecure.jwt` and `sasl.oauthbearer.method=oidc` are \
                        mutually exclusive"
                .into());
        }
        let auth_type = self.get_enum("sasl.oauthbearer.metadata.authentication.type").unwrap_or("none");
        if !self.is_set("sasl.oauthbearer.token.endpoint.url") {
            match auth_type {
                "azure_imds" => {
                    if self.get_str("sasl.oauthbearer.config").and_then(|c| kv_get(c, "query")).is_none() {
                        return Err("`sasl.oauthbearer.token.endpoint.url` is mandatory for Azure IMDS \
                                    authentication when `query` isn't set"
                            .into());
                    }
                }
                "aws_iam" => {}
                _ => {
                    return Err("`sasl.oauthbearer.token.endpoint.url` is mandatory when \
                                `sasl.oauthbearer.method=oidc` is set"
                        .into());
                }
            }
        }
        if auth_type == "none" {
            self.check_oidc_grant_type()?;
        }
        // The builtin OIDC token handler runs on the background queue
        // unless the application refreshes tokens itself.
        if self.callbacks.oauthbearer_token_refresh_cb.is_none() {
            let events = self.events() | crate::objects::types::RD_KAFKA_EVENT_BACKGROUND;
            self.put("enabled_events", Value::Int(events));
            self.put("enable_sasl_queue", Value::Bool(true));
        }
        if self.is_modified("sasl.oauthbearer.sub.claim.name")
            && self.get_str("sasl.oauthbearer.sub.claim.name").is_none_or(|s| s.trim().is_empty())
        {
            return Err("`sasl.oauthbearer.sub.claim.name` must be non-empty and not contain only whitespace".into());
        }
        Ok(())
    }

    fn check_oidc_grant_type(&self) -> Result<(), String> {
        let exclusive = |other: &str| {
            Err(format!(
                "Mutually exclusive properties set. `sasl.oauthbearer.assertion.file` and `{other}` cannot both be set"
            ))
        };
        match self.get_enum("sasl.oauthbearer.grant.type") {
            Some("client_credentials") => {
                if !self.is_set("sasl.oauthbearer.client.id") {
                    return Err("`sasl.oauthbearer.client.id` is mandatory when `sasl.oauthbearer.method=oidc` is set"
                        .into());
                }
                if !self.is_set("sasl.oauthbearer.client.secret") {
                    return Err(
                        "`sasl.oauthbearer.client.secret` is mandatory when `sasl.oauthbearer.method=oidc` is set"
                            .into(),
                    );
                }
            }
            Some(_) => {
                let key_file = self.is_set("sasl.oauthbearer.assertion.private.key.file");
                let key_pem = self.is_set("sasl.oauthbearer.assertion.private.key.pem");
                if self.is_set("sasl.oauthbearer.assertion.file") {
                    for p in [
                        "sasl.oauthbearer.assertion.private.key.file",
                        "sasl.oauthbearer.assertion.private.key.pem",
                        "sasl.oauthbearer.assertion.private.key.passphrase",
                        "sasl.oauthbearer.assertion.jwt.template.file",
                        "sasl.oauthbearer.assertion.claim.sub",
                        "sasl.oauthbearer.assertion.claim.aud",
                        "sasl.oauthbearer.assertion.claim.iss",
                    ] {
                        if self.is_set(p) {
                            return exclusive(p);
                        }
                    }
                    for p in [
                        "sasl.oauthbearer.assertion.claim.jti.include",
                        "sasl.oauthbearer.assertion.claim.exp.seconds",
                        "sasl.oauthbearer.assertion.claim.nbf.seconds",
                    ] {
                        if self.is_modified(p) {
                            return exclusive(p);
                        }
                    }
                } else if key_file && key_pem {
                    return Err("Mutually exclusive properties set. `sasl.oauthbearer.assertion.private.key.file` \
                                and `sasl.oauthbearer.assertion.private.key.pem` cannot both be set"
                        .into());
                } else if !key_file && !key_pem {
                    return Err("`sasl.oauthbearer.assertion.private.key.file` or \
                                `sasl.oauthbearer.assertion.private.key.pem` is mandatory when \
                                `sasl.oauthbearer.grant.type` is set to \
                                `urn:ietf:params:oauth:grant-type:jwt-bearer`"
                        .into());
                }
            }
            None => {}
        }
        Ok(())
    }

    fn finalize_consumer(&mut self, kind: ClientKind) -> Result<(), String> {
        let share = kind == ClientKind::ShareConsumer;
        if share {
            self.check_share_consumer()?;
        } else {
            let min = self.int("fetch.min.bytes");
            if !(1..=100000000).contains(&min) {
                return Err("Configuration property \"fetch.min.bytes\" value is outside allowed range 1..100000000"
                    .into());
            }
        }

        if self.get_enum("group.protocol") == Some("classic") {
            if self.int("max.poll.interval.ms") < self.int("session.timeout.ms") {
                return Err("`max.poll.interval.ms` must be >= `session.timeout.ms`".into());
            }
        } else {
            let broker_side = |p: &str| {
                format!(
                    "`{p}` is not supported for `group.protocol=consumer` or share consumer. It is defined broker side"
                )
            };
            if self.is_modified("session.timeout.ms") {
                return Err(broker_side("session.timeout.ms"));
            }
            if self.is_modified("partition.assignment.strategy") {
                return Err("`partition.assignment.strategy` is not supported for `group.protocol=consumer`. \
                            Use `group.remote.assignor` instead"
                    .into());
            }
            if self.is_modified("group.protocol.type") {
                return Err(
                    "`group.protocol.type` is not supported for `group.protocol=consumer` or share consumer".into()
                );
            }
            if self.is_modified("heartbeat.interval.ms") {
                return Err(broker_side("heartbeat.interval.ms"));
            }
        }

        if !share {
            let max_msg = self.int("message.max.bytes");
            if self.is_modified("fetch.max.bytes") {
                if self.int("fetch.max.bytes") < max_msg {
                    return Err("`fetch.max.bytes` must be >= `message.max.bytes`".into());
                }
            } else {
                let v = self.int("fetch.max.bytes").min(self.int("queued.max.messages.kbytes") * 1024).max(max_msg);
                self.put("fetch.max.bytes", Value::Int(v as i32));
            }
        }

        let fetch_max = self.int("fetch.max.bytes");
        if self.is_modified("receive.message.max.bytes") {
            if fetch_max + 512 > self.int("receive.message.max.bytes") {
                return Err("`receive.message.max.bytes` must be >= `fetch.max.bytes` + 512".into());
            }
        } else {
            let v = self.int("receive.message.max.bytes").max(fetch_max + 512).min(i32::MAX as i64);
            self.put("receive.message.max.bytes", Value::Int(v as i32));
        }

        // Idempotence is a producer notion.
        self.put("enable.idempotence", Value::Bool(false));
        Ok(())
    }

    /// Share consumers are driven by the broker: many client-side group
    /// and fetch properties do not apply and are refused when set.
    fn check_share_consumer(&mut self) -> Result<(), String> {
        let not_applicable = |p: &str| Err(format!("`{p}` is not applicable for share consumer"));
        if self.callbacks.rebalance_cb.is_some() {
            return not_applicable("rebalance_cb");
        }
        if self.events() & crate::objects::types::RD_KAFKA_EVENT_REBALANCE != 0 {
            return not_applicable("RD_KAFKA_EVENT_REBALANCE");
        }
        if self.callbacks.offset_commit_cb.is_some() {
            return not_applicable("offset_commit_cb");
        }
        if self.callbacks.consume_cb.is_some() {
            return not_applicable("consume_cb");
        }
        for p in ["enable.auto.commit", "group.protocol"] {
            if self.is_modified(p) {
                return not_applicable(p);
            }
        }
        if self.is_modified("socket.max.fails") {
            return Err("`socket.max.fails` must be 1 for share consumer; changing it is not allowed".into());
        }
        for p in [
            "partition.assignment.strategy",
            "group.instance.id",
            "isolation.level",
            "group.remote.assignor",
            "queued.min.messages",
            "queued.max.messages.kbytes",
            "fetch.queue.backoff.ms",
            "fetch.error.backoff.ms",
            "enable.partition.eof",
            "message.copy.max.bytes",
            "topic.blacklist",
        ] {
            if self.is_modified(p) {
                return not_applicable(p);
            }
        }
        if self.is_modified("allow.auto.create.topics") {
            return Err("allow.auto.create.topics is currently not supported for share consumer".into());
        }
        if let Some(tc) = &self.topic_conf {
            for p in ["auto.offset.reset", "consume.callback.max.messages"] {
                if tc.is_modified(p) {
                    return not_applicable(p);
                }
            }
        }
        if !self.is_modified("connections.max.idle.ms") {
            self.put("connections.max.idle.ms", Value::Int(9 * 60 * 1000));
        }
        if !self.is_modified("reconnect.backoff.ms") {
            self.put("reconnect.backoff.ms", Value::Int(50));
        }
        if !self.is_modified("reconnect.backoff.max.ms") {
            self.put("reconnect.backoff.max.ms", Value::Int(1000));
        }
        if !self.is_modified("receive.message.max.bytes") {
            self.put("receive.message.max.bytes", Value::Int(i32::MAX));
        }
        self.put("enable.auto.commit", Value::Bool(false));
        self.put("group.protocol", Value::Enum(1));
        self.put("socket.max.fails", Value::Int(1));
        Ok(())
    }

    fn finalize_producer(&mut self) -> Result<(), String> {
        if self.is_set("transactional.id") {
            if !self.flag("enable.idempotence") {
                if self.is_modified("enable.idempotence") {
                    return Err("`transactional.id` requires `enable.idempotence=true`".into());
                }
                self.put("enable.idempotence", Value::Bool(true));
            }
            let txn_timeout = self.int("transaction.timeout.ms");
            if !self.is_modified("socket.timeout.ms") {
                self.put("socket.timeout.ms", Value::Int((txn_timeout - 100).max(900) as i32));
            } else if txn_timeout + 100 < self.int("socket.timeout.ms") {
                return Err("`socket.timeout.ms` must be set <= `transaction.timeout.ms` + 100".into());
            }
        }

        if self.flag("enable.idempotence") {
            if self.is_modified("max.in.flight") {
                if self.int("max.in.flight") > IDEMPOTENCE_MAX_IN_FLIGHT {
                    return Err("`max.in.flight` must be set <= 5 when `enable.idempotence` is true".into());
                }
            } else {
                let v = self.int("max.in.flight").min(IDEMPOTENCE_MAX_IN_FLIGHT);
                self.put("max.in.flight", Value::Int(v as i32));
            }
            if self.is_modified("retries") {
                if self.int("retries") < 1 {
                    return Err("`retries` must be set >= 1 when `enable.idempotence` is true".into());
                }
            } else {
                self.put("retries", Value::Int(i32::MAX));
            }
            if self.is_modified("queue.buffering.backpressure.threshold")
                && self.int("queue.buffering.backpressure.threshold") > 1
            {
                return Err("`queue.buffering.backpressure.threshold` must be set to 1 when \
                            `enable.idempotence` is true"
                    .into());
            }
            self.put("queue.buffering.backpressure.threshold", Value::Int(1));
        } else if self.flag("enable.gapless.guarantee") && self.is_modified("enable.gapless.guarantee") {
            return Err("`enable.gapless.guarantee` requires `enable.idempotence` to be enabled".into());
        }

        if !self.is_modified("sticky.partitioning.linger.ms") {
            let linger = self.get_f64("linger.ms").unwrap_or(0.0);
            let v = ((2.0 * linger) as i64).min(900000);
            self.put("sticky.partitioning.linger.ms", Value::Int(v as i32));
        }
        Ok(())
    }

    fn warnings(&self, kind: ClientKind, sw_name_unsafe: bool, sw_version_unsafe: bool) -> Vec<String> {
        let mut w = Vec::new();
        property_warnings(&mut w, kind, Scope::Global, &self.modified);
        if let Some(tc) = &self.topic_conf {
            property_warnings(&mut w, kind, Scope::Topic, &tc.modified);
        }
        if self.default_topic_conf_overwritten {
            w.push(
                "Topic configuration properties set in the global configuration were overwritten by \
                 explicitly setting a default_topic_conf: recommend not using set_default_topic_conf"
                    .to_string(),
            );
        }
        let backoff = self.int("retry.backoff.ms");
        let backoff_max = self.int("retry.backoff.max.ms");
        if backoff > backoff_max {
            w.push(format!(
                "Configuration `retry.backoff.ms` with value {backoff} is greater than configuration \
                 `retry.backoff.max.ms` with value {backoff_max}. A static backoff with value \
                 `retry.backoff.max.ms` will be applied."
            ));
        }
        let fast = self.int("topic.metadata.refresh.fast.interval.ms");
        if self.is_modified("topic.metadata.refresh.fast.interval.ms") && fast > backoff_max {
            w.push(format!(
                "Configuration `topic.metadata.refresh.fast.interval.ms` with value {fast} is greater than \
                 configuration `retry.backoff.max.ms` with value {backoff_max}. A static backoff with value \
                 `retry.backoff.max.ms` will be applied."
            ));
        }
        if kind.is_consumer() {
            let wait = self.int("fetch.wait.max.ms");
            let timeout = self.int("socket.timeout.ms");
            if wait + 1000 > timeout {
                w.push(format!(
                    "Configuration property `fetch.wait.max.ms` ({wait}) should be set lower than \
                     `socket.timeout.ms` ({timeout}) by at least 1000ms to avoid blocking and timing out \
                     sub-sequent requests"
                ));
            }
        }
        let mech = self.get_str("sasl.mechanisms").unwrap_or("");
        if self.is_modified("sasl.mechanisms")
            && !matches!(self.get_enum("security.protocol"), Some("sasl_ssl" | "sasl_plaintext"))
        {
            w.push(format!(
                "Configuration property `sasl.mechanism` set to `{mech}` but `security.protocol` is not \
                 configured for SASL: recommend setting `security.protocol` to SASL_SSL or SASL_PLAINTEXT"
            ));
        }
        if self.is_modified("sasl.username") && !(mech.starts_with("SCRAM") || mech == "PLAIN") {
            w.push(
                "Configuration property `sasl.username` only applies when `sasl.mechanism` is set to PLAIN or \
                 SCRAM-SHA-.."
                    .to_string(),
            );
        }
        if sw_name_unsafe {
            w.push(
                "Configuration property `client.software.name` may only contain 'a-zA-Z0-9.-', other \
                 characters will be replaced with '-'"
                    .to_string(),
            );
        }
        if sw_version_unsafe {
            w.push(
                "Configuration property `client.software.version` may only contain 'a-zA-Z0-9.-', other \
                 characters will be replaced with '-'"
                    .to_string(),
            );
        }
        w
    }
}

/// Deprecated, experimental and other-client-type properties the
/// application set.
fn property_warnings(w: &mut Vec<String>, kind: ClientKind, scope: Scope, modified: &[bool]) {
    let (ignored_role, this, other) = match kind {
        ClientKind::Producer => (Role::Consumer, "producer", "consumer"),
        _ => (Role::Producer, "consumer", "producer"),
    };
    for (i, p) in PROPERTIES.iter().enumerate() {
        if p.scope != scope || !modified[i] || matches!(p.kind, Kind::Alias(_)) {
            continue;
        }
        let what = match (p.deprecated.is_some(), p.experimental) {
            (true, true) => Some("deprecated and experimental"),
            (true, false) => Some("deprecated"),
            (false, true) => Some("experimental"),
            (false, false) => None,
        };
        if let Some(what) = what {
            let why = p.deprecated.unwrap_or("it is subject to change or removal");
            w.push(format!("Configuration property {} is {what}: {why}", p.name));
        }
        if p.role == ignored_role {
            w.push(format!(
                "Configuration property {} is a {other} property and will be ignored by this {this} instance",
                p.name
            ));
        }
    }
}

impl TopicConf {
    /// Checks and completes a topic configuration for a client of `kind`
    /// whose global configuration is `global` (already finalized): with
    /// idempotence acks must be all and queuing fifo, with transactions
    /// message.timeout.ms may not exceed transaction.timeout.ms, and
    /// message.timeout.ms must exceed linger.ms.
    pub fn finalize(&mut self, kind: ClientKind, global: &Conf) -> Result<(), String> {
        if kind != ClientKind::Producer {
            return Ok(());
        }
        if global.get_bool("enable.idempotence") == Some(true) {
            if self.is_modified("acks") {
                if self.get_i64("acks") != Some(-1) {
                    return Err("`acks` must be set to `all` when `enable.idempotence` is true".into());
                }
            } else {
                self.put("acks", Value::Int(-1));
            }
            if self.is_modified("queuing.strategy") {
                if self.get_enum("queuing.strategy") != Some("fifo") {
                    return Err("`queuing.strategy` must be set to `fifo` when `enable.idempotence` is true".into());
                }
            } else {
                self.put("queuing.strategy", Value::Enum(0));
            }
            if global.get_str("transactional.id").is_some() {
                let txn_timeout = global.get_i64("transaction.timeout.ms").unwrap_or(60000);
                if !self.is_modified("message.timeout.ms") {
                    self.put("message.timeout.ms", Value::Int(txn_timeout as i32));
                } else if self.get_i64("message.timeout.ms").unwrap_or(0) > txn_timeout {
                    return Err("`message.timeout.ms` must be set <= `transaction.timeout.ms`".into());
                }
            }
        }
        let timeout = self.get_i64("message.timeout.ms").unwrap_or(0);
        if timeout != 0
            && timeout as f64 <= global.get_f64("linger.ms").unwrap_or(0.0)
            && global.is_modified("linger.ms")
        {
            return Err("`message.timeout.ms` must be greater than `linger.ms`".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_strings() {
        assert!(software_str_is_safe("confluent-kafka-python"));
        assert!(software_str_is_safe("2.16.0-ferrokafka-0.1.0"));
        assert!(!software_str_is_safe("-x"));
        assert!(!software_str_is_safe("a b"));
        assert_eq!(software_str_sanitize("  my lib! "), "my-lib");
        assert_eq!(software_str_sanitize("v1.2_rc"), "v1.2-rc");
    }
}
