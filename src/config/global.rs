//! Global configuration objects (`rd_kafka_conf_t`).

use super::callbacks::Callbacks;
use super::cert::{self, CertEncoding, CertType, SslCert, SslCerts};
use super::errbuf::ErrBuf;
use super::interceptors::Interceptors;
use super::plugins::Plugin;
use super::props::{self, Internal, Kind, Ptr, Scope, PROPERTIES};
use super::topic::TopicConf;
use super::value::{self, PatternList, Value};
use super::ConfError;
use crate::objects::types::*;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// A global configuration. The C handle `rd_kafka_conf_t *` is a
/// `Box<Conf>` (see [`Conf::into_raw`]); a client keeps its own `Conf`.
///
/// Dropping a `Conf` calls its on_conf_destroy interceptors, then frees
/// the default topic configuration, then unloads its plugins.
pub struct Conf {
    pub(crate) values: Vec<Value>,
    pub(crate) modified: Vec<bool>,
    pub(crate) callbacks: Callbacks,
    pub(crate) topic_conf: Option<Box<TopicConf>>,
    pub(crate) certs: SslCerts,
    pub(crate) interceptors: Interceptors,
    /// Topic properties set on this object were thrown away by
    /// `rd_kafka_conf_set_default_topic_conf()` (worth a warning).
    pub(crate) default_topic_conf_overwritten: bool,
    /// Last, so that plugin code stays loaded until everything else is gone.
    pub(crate) plugins: Vec<Plugin>,
}

// SAFETY: the raw pointers inside are application opaques, C functions and
// dlopen handles, which librdkafka's API allows to be used from any thread.
unsafe impl Send for Conf {}
unsafe impl Sync for Conf {}

impl std::fmt::Debug for Conf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conf").field("modified", &self.dump_modified()).finish_non_exhaustive()
    }
}

impl Default for Conf {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Conf {
    fn drop(&mut self) {
        for ic in self.interceptors.on_conf_destroy.snapshot() {
            // SAFETY: an application-registered C function with its opaque.
            unsafe { (ic.func)(ic.opaque) };
        }
        // Do not leave passwords and keys behind in freed memory.
        for (i, p) in PROPERTIES.iter().enumerate() {
            if let (true, Value::Str(Some(s))) = (p.sensitive, &mut self.values[i]) {
                // SAFETY: zero bytes keep the String valid UTF-8.
                for b in unsafe { s.as_bytes_mut() } {
                    // SAFETY: b is a valid, exclusive byte reference.
                    unsafe { ptr::write_volatile(b, 0) };
                }
            }
        }
    }
}

/// Does any of the dup_filter prefixes match `name`?
fn filtered(name: &str, filter: &[&str]) -> bool {
    filter.iter().any(|f| name.starts_with(f))
}

impl Conf {
    /// A configuration with every property at its default.
    pub fn new() -> Conf {
        let values = PROPERTIES
            .iter()
            .map(|p| if p.scope == Scope::Global { Value::default_for(&p.kind) } else { Value::None })
            .collect();
        Conf {
            values,
            modified: vec![false; PROPERTIES.len()],
            callbacks: Callbacks::default(),
            topic_conf: None,
            certs: SslCerts::default(),
            interceptors: Interceptors::default(),
            default_topic_conf_overwritten: false,
            plugins: Vec::new(),
        }
    }

    // -----------------------------------------------------------------
    // C handles
    // -----------------------------------------------------------------

    /// Hands the object to C as an `rd_kafka_conf_t *`.
    pub fn into_raw(self: Box<Self>) -> *mut rd_kafka_conf_t {
        Box::into_raw(self) as *mut rd_kafka_conf_t
    }

    /// Takes back ownership of a handle made by [`Conf::into_raw`]
    /// (`rd_kafka_new()` does this when it adopts the application's conf).
    ///
    /// # Safety
    /// `p` must be NULL or come from `into_raw` and not be used afterwards.
    pub unsafe fn from_raw(p: *mut rd_kafka_conf_t) -> Option<Box<Conf>> {
        // SAFETY: guaranteed by the caller.
        (!p.is_null()).then(|| unsafe { Box::from_raw(p as *mut Conf) })
    }

    /// Borrows a handle.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle made by `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_conf_t) -> Option<&'a Conf> {
        // SAFETY: guaranteed by the caller.
        unsafe { (p as *const Conf).as_ref() }
    }

    /// Borrows a handle mutably.
    ///
    /// # Safety
    /// As [`Conf::from_ptr`], and no other reference may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_conf_t) -> Option<&'a mut Conf> {
        // SAFETY: guaranteed by the caller.
        unsafe { (p as *mut Conf).as_mut() }
    }

    /// The handle of this object (what `rd_kafka_conf(rk)` returns for a
    /// client's own configuration, and what on_new interceptors receive).
    pub fn as_ptr(&self) -> *const rd_kafka_conf_t {
        self as *const Conf as *const rd_kafka_conf_t
    }

    // -----------------------------------------------------------------
    // Setting properties
    // -----------------------------------------------------------------

    /// Sets a property from its string form with the semantics of
    /// `rd_kafka_conf_set()`: on_conf_set interceptors first, aliases
    /// resolved, topic properties passed on to the default topic
    /// configuration (created on demand), empty values resetting strings.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ConfError> {
        let mut eb = ErrBuf::owned(512);
        let res = self.set_c(name, Some(value), &mut eb);
        ConfError::check(res, &eb)
    }

    /// `rd_kafka_conf_set()` with the caller's errstr buffer.
    pub(crate) fn set_c(&mut self, name: &str, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        let value = value.filter(|v| !v.is_empty());
        let res = self.set_global(name, value, eb);
        if res != RD_KAFKA_CONF_UNKNOWN {
            return res;
        }
        if self.topic_conf.is_none() {
            self.topic_conf = Some(Box::new(TopicConf::new()));
            self.mark("default_topic_conf");
        }
        self.topic_conf.as_mut().expect("just created").set_c(name, value, eb)
    }

    /// Global scope only: interceptors, then the property table.
    fn set_global(&mut self, name: &str, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        let res = self.call_on_conf_set(name, value, eb);
        if res != RD_KAFKA_CONF_UNKNOWN {
            return res;
        }
        let Some(idx) = props::find(Scope::Global, name) else {
            eb.write(&format!("No such configuration property: \"{name}\""));
            return RD_KAFKA_CONF_UNKNOWN;
        };
        if let Kind::Alias(target) = PROPERTIES[idx].kind {
            // Errors name the property the application used as well as the
            // one it stands for.
            let mut inner = ErrBuf::owned(512);
            let res = self.set_global(target, value, &mut inner);
            if res != RD_KAFKA_CONF_OK {
                eb.write(&alias_message(&inner.message(), name, target));
            }
            return res;
        }
        self.set_prop(idx, value, eb)
    }

    /// Parses and stores one property (no alias, no fallthrough).
    fn set_prop(&mut self, idx: usize, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        match value::parse(&PROPERTIES[idx], &self.values[idx], value) {
            Ok(parsed) => self.store(idx, parsed.value, parsed.text.as_deref(), eb),
            Err(msg) => {
                eb.write(&msg);
                RD_KAFKA_CONF_INVALID
            }
        }
    }

    /// Stores a parsed value. As in librdkafka, on_conf_set interceptors
    /// get a second look (under the canonical name) and may take the value
    /// over, and `plugin.library.paths` loads its plugins.
    fn store(&mut self, idx: usize, v: Value, text: Option<&str>, eb: &mut ErrBuf) -> c_int {
        let prop = &PROPERTIES[idx];
        let res = self.call_on_conf_set(prop.name, text, eb);
        if res != RD_KAFKA_CONF_UNKNOWN {
            return res;
        }
        if prop.name == "plugin.library.paths" {
            let res = self.load_plugins(text, eb);
            if res != RD_KAFKA_CONF_OK {
                return res;
            }
        }
        self.values[idx] = v;
        self.modified[idx] = true;
        RD_KAFKA_CONF_OK
    }

    /// Sets a property that has a dedicated setter but is stored as a
    /// value (`enabled_events`, `enable_sasl_queue`).
    fn set_specific(&mut self, name: &str, value: &str) -> c_int {
        let idx = props::find(Scope::Global, name).expect("known property");
        let mut eb = ErrBuf::owned(256);
        self.set_prop(idx, Some(value), &mut eb)
    }

    /// Runs the on_conf_set interceptors until one of them handles the
    /// property; accepted properties are remembered for dup().
    fn call_on_conf_set(&mut self, name: &str, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        if self.interceptors.on_conf_set.is_empty() {
            return RD_KAFKA_CONF_UNKNOWN;
        }
        let (Ok(cname), Ok(cvalue)) = (CString::new(name), value.map(CString::new).transpose()) else {
            return RD_KAFKA_CONF_UNKNOWN;
        };
        let list = self.interceptors.on_conf_set.snapshot();
        // The interceptors may call back into the conf API with this
        // pointer; no Rust reference is used until they return.
        let me = self as *mut Conf;
        for ic in list {
            // SAFETY: an application-registered C function; the strings and
            // the errstr buffer outlive the call.
            let res = unsafe {
                (ic.func)(
                    me as *mut rd_kafka_conf_t,
                    cname.as_ptr(),
                    cvalue.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
                    eb.ptr(),
                    eb.size(),
                    ic.opaque,
                )
            };
            if res == RD_KAFKA_CONF_UNKNOWN {
                continue;
            }
            if res == RD_KAFKA_CONF_OK {
                // SAFETY: the interceptor has returned; `me` is still ours.
                unsafe { (*me).interceptors.config.push((name.to_string(), value.map(str::to_string))) };
            }
            return res;
        }
        RD_KAFKA_CONF_UNKNOWN
    }

    fn mark(&mut self, name: &str) {
        if let Some(i) = props::find(Scope::Global, name) {
            self.modified[i] = true;
        }
    }

    /// Overwrites a value without marking it as set by the application
    /// (for automatic adjustments).
    pub(crate) fn put(&mut self, name: &str, v: Value) {
        let i = props::resolve(Scope::Global, name).expect("known global property");
        self.values[i] = v;
    }

    // -----------------------------------------------------------------
    // Reading properties
    // -----------------------------------------------------------------

    /// The value of a property as `rd_kafka_conf_get()` prints it; falls
    /// back to the default topic configuration. None if the property is
    /// unknown or has no value.
    pub fn get(&self, name: &str) -> Option<String> {
        self.get_with_kind(name).map(|(s, _)| s)
    }

    /// Like [`Conf::get`], also saying whether the property is a flags
    /// property (conf_get reports sizes of those a little differently).
    pub(crate) fn get_with_kind(&self, name: &str) -> Option<(String, bool)> {
        if let Some(idx) = props::resolve(Scope::Global, name)
            && let Some(s) = self.format(idx)
        {
            return Some((s, matches!(PROPERTIES[idx].kind, Kind::Flags { .. })));
        }
        let tc = self.topic_conf.as_ref()?;
        let idx = props::resolve(Scope::Topic, name)?;
        tc.format(idx).map(|s| (s, matches!(PROPERTIES[idx].kind, Kind::Flags { .. })))
    }

    pub(crate) fn format(&self, idx: usize) -> Option<String> {
        let prop = &PROPERTIES[idx];
        match prop.kind {
            Kind::Pointer(Ptr::DefaultTopicConf) => {
                self.topic_conf.as_ref().map(|t| format!("{:#x}", t.as_ref() as *const TopicConf as usize))
            }
            Kind::Pointer(p) => {
                let a = self.callbacks.address(p);
                (a != 0).then(|| format!("{a:#x}"))
            }
            _ => value::format(prop, &self.values[idx]),
        }
    }

    /// Every global property with a value, as (name, value) in table order,
    /// like `rd_kafka_conf_dump()`.
    pub fn dump(&self) -> Vec<(String, String)> {
        self.dump_where(|_| true)
    }

    /// The properties the application set, sensitive values redacted (for
    /// debug logging of the configuration).
    pub fn dump_modified(&self) -> Vec<(String, String)> {
        self.dump_where(|i| self.modified[i])
            .into_iter()
            .map(|(n, v)| {
                let secret = props::lookup(Scope::Global, &n).is_some_and(|p| p.sensitive);
                (n, if secret { "[redacted]".to_string() } else { v })
            })
            .collect()
    }

    fn dump_where(&self, keep: impl Fn(usize) -> bool) -> Vec<(String, String)> {
        PROPERTIES
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                p.scope == Scope::Global && !matches!(p.kind, Kind::Alias(_) | Kind::Invalid(_)) && keep(*i)
            })
            .filter_map(|(i, p)| self.format(i).map(|v| (p.name.to_string(), v)))
            .collect()
    }

    /// The stored value of a global property (aliases followed).
    pub fn value(&self, name: &str) -> Option<&Value> {
        props::resolve(Scope::Global, name).map(|i| &self.values[i])
    }

    /// True if the application set the property (or an alias of it).
    /// Unknown names give false.
    pub fn is_modified(&self, name: &str) -> bool {
        props::resolve(Scope::Global, name).is_some_and(|i| self.modified[i])
    }

    /// An integer property.
    pub fn get_i64(&self, name: &str) -> Option<i64> {
        match self.value(name)? {
            Value::Int(n) => Some(*n as i64),
            _ => None,
        }
    }

    /// A boolean property.
    pub fn get_bool(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A float property (`queue.buffering.max.ms` / `linger.ms`).
    pub fn get_f64(&self, name: &str) -> Option<f64> {
        match self.value(name)? {
            Value::Float(d) => Some(*d),
            _ => None,
        }
    }

    /// A string property's value; None when unset.
    pub fn get_str(&self, name: &str) -> Option<&str> {
        match self.value(name)? {
            Value::Str(s) => s.as_deref(),
            _ => None,
        }
    }

    /// An enum property's canonical name (`security.protocol` gives
    /// "sasl_ssl" whatever case the application used).
    pub fn get_enum(&self, name: &str) -> Option<&'static str> {
        let idx = props::resolve(Scope::Global, name)?;
        match (&self.values[idx], &PROPERTIES[idx].kind) {
            (Value::Enum(n), Kind::Enum { values, .. }) => values.iter().find(|(_, v)| v == n).map(|(s, _)| *s),
            _ => None,
        }
    }

    /// An enum property's number (see the value tables in [`super::props`]).
    pub fn get_enum_value(&self, name: &str) -> Option<i32> {
        match self.value(name)? {
            Value::Enum(n) => Some(*n),
            _ => None,
        }
    }

    /// A flags property's bits (`debug`; see [`super::props::DEBUG_FLAGS`]).
    pub fn get_flags(&self, name: &str) -> Option<u32> {
        match self.value(name)? {
            Value::Flags(f) => Some(*f),
            _ => None,
        }
    }

    /// A flags property's names.
    pub fn get_flag_names(&self, name: &str) -> Option<Vec<&'static str>> {
        let idx = props::resolve(Scope::Global, name)?;
        match self.values[idx] {
            Value::Flags(f) => Some(value::flag_names(&PROPERTIES[idx], f)),
            _ => None,
        }
    }

    /// A pattern list property (`topic.blacklist`); None when unset.
    pub fn get_patterns(&self, name: &str) -> Option<&PatternList> {
        match self.value(name)? {
            Value::Patterns(p) => p.as_ref(),
            _ => None,
        }
    }

    // -----------------------------------------------------------------
    // Duplication
    // -----------------------------------------------------------------

    /// A copy, like `rd_kafka_conf_dup()`: on_conf_dup interceptors run
    /// first (they typically re-register themselves on the copy), then the
    /// properties set on this object are copied in table order.
    /// Interceptors themselves are not copied, but the properties they
    /// accepted are set again on the copy.
    pub fn dup(&self) -> Box<Conf> {
        self.dup_filter(&[])
    }

    /// Like [`Conf::dup`], leaving out properties whose name starts with
    /// one of the `filter` prefixes.
    pub fn dup_filter(&self, filter: &[&str]) -> Box<Conf> {
        let new = Box::into_raw(Box::new(Conf::new()));
        let cfilter: Vec<CString> = filter.iter().filter_map(|f| CString::new(*f).ok()).collect();
        let mut cptrs: Vec<*const c_char> = cfilter.iter().map(|c| c.as_ptr()).collect();
        for ic in self.interceptors.on_conf_dup.snapshot() {
            // SAFETY: an application-registered C function. `new` is a live
            // allocation no Rust reference points into during the call.
            unsafe {
                (ic.func)(
                    new as *mut rd_kafka_conf_t,
                    self.as_ptr(),
                    cptrs.len(),
                    if cptrs.is_empty() { ptr::null_mut() } else { cptrs.as_mut_ptr() },
                    ic.opaque,
                )
            };
        }
        // SAFETY: `new` came from Box::into_raw above.
        let mut new = unsafe { Box::from_raw(new) };
        let mut eb = ErrBuf::owned(512);
        for (idx, prop) in PROPERTIES.iter().enumerate() {
            if prop.scope != Scope::Global || matches!(prop.kind, Kind::Alias(_) | Kind::Invalid(_)) {
                continue;
            }
            if !self.modified[idx] && !matches!(prop.kind, Kind::Internal(_)) {
                continue;
            }
            if filtered(prop.name, filter) {
                continue;
            }
            match prop.kind {
                Kind::Pointer(Ptr::DefaultTopicConf) => {
                    new.topic_conf = self.topic_conf.as_ref().map(|t| Box::new(t.dup()));
                    new.modified[idx] = true;
                }
                Kind::Pointer(p) => {
                    new.callbacks.copy_from(&self.callbacks, p);
                    new.modified[idx] = true;
                }
                Kind::Internal(Internal::SslKey) => new.certs.key = self.certs.key.clone(),
                Kind::Internal(Internal::SslCertificate) => new.certs.certificate = self.certs.certificate.clone(),
                Kind::Internal(Internal::SslCa) => new.certs.ca = self.certs.ca.clone(),
                Kind::Internal(Internal::Interceptors) => {
                    for (name, value) in &self.interceptors.config {
                        if !filtered(name, filter) {
                            new.set_c(name, value.as_deref(), &mut eb);
                        }
                    }
                }
                _ => {
                    let text = self.format(idx);
                    new.store(idx, self.values[idx].clone(), text.as_deref(), &mut eb);
                }
            }
        }
        new
    }

    // -----------------------------------------------------------------
    // Callbacks, opaque, events, default topic configuration
    // -----------------------------------------------------------------

    /// The application callbacks and opaques.
    pub fn callbacks(&self) -> &Callbacks {
        &self.callbacks
    }

    /// Changes callbacks. The `rd_kafka_conf_set_*_cb()` functions use
    /// [`Conf::set_callback`] instead, which also records the property as
    /// set (for warnings and dup()).
    pub fn callbacks_mut(&mut self) -> &mut Callbacks {
        &mut self.callbacks
    }

    /// Applies `f` to the callbacks and marks the pointer property `name`
    /// (for example "dr_msg_cb") as set by the application.
    pub fn set_callback(&mut self, name: &str, f: impl FnOnce(&mut Callbacks)) {
        f(&mut self.callbacks);
        self.mark(name);
    }

    /// `rd_kafka_conf_set_events()`: the event types to deliver.
    pub fn set_events(&mut self, events: c_int) {
        self.set_specific("enabled_events", &events.to_string());
    }

    /// The event types enabled with `rd_kafka_conf_set_events()`.
    pub fn events(&self) -> c_int {
        self.get_i64("enabled_events").unwrap_or(0) as c_int
    }

    /// `rd_kafka_conf_enable_sasl_queue()`.
    pub fn enable_sasl_queue(&mut self, enable: bool) {
        self.set_specific("enable_sasl_queue", if enable { "true" } else { "false" });
    }

    /// The default topic configuration, if any.
    pub fn default_topic_conf(&self) -> Option<&TopicConf> {
        self.topic_conf.as_deref()
    }

    /// The default topic configuration, if any, mutably.
    pub fn default_topic_conf_mut(&mut self) -> Option<&mut TopicConf> {
        self.topic_conf.as_deref_mut()
    }

    /// `rd_kafka_conf_set_default_topic_conf()`: replaces the default topic
    /// configuration (topic properties set earlier through this object are
    /// lost, which [`Conf::finalize`] warns about).
    pub fn set_default_topic_conf(&mut self, tconf: Option<Box<TopicConf>>) {
        if self.topic_conf.take().is_some_and(|old| old.any_modified()) {
            self.default_topic_conf_overwritten = true;
        }
        self.topic_conf = tconf;
        self.mark("default_topic_conf");
    }

    /// A copy of the default topic configuration, or a fresh one: what
    /// `rd_kafka_default_topic_conf_dup()` returns for a client.
    pub fn default_topic_conf_dup(&self) -> Box<TopicConf> {
        Box::new(self.topic_conf.as_ref().map_or_else(TopicConf::new, |t| t.dup()))
    }

    // -----------------------------------------------------------------
    // In-memory certificates
    // -----------------------------------------------------------------

    /// The certificates set with `rd_kafka_conf_set_ssl_cert()`.
    pub fn ssl_certs(&self) -> &SslCerts {
        &self.certs
    }

    /// `rd_kafka_conf_set_ssl_cert()`: checks and stores a certificate or
    /// key; `None` data clears the slot.
    pub fn set_ssl_cert(&mut self, t: CertType, enc: CertEncoding, data: Option<&[u8]>) -> Result<(), String> {
        let Some(data) = data else {
            *self.certs.slot(t) = None;
            return Ok(());
        };
        cert::validate(t, enc, data)?;
        let password = self.get_str("ssl.key.password").map(str::to_string);
        *self.certs.slot(t) = Some(SslCert { cert_type: t, encoding: enc, data: data.to_vec(), password });
        let name = match t {
            CertType::Certificate => "ssl_certificate",
            CertType::PrivateKey => "ssl_key",
            CertType::Ca => "ssl_ca",
        };
        self.mark(name);
        Ok(())
    }

    // -----------------------------------------------------------------
    // Interceptors and plugins
    // -----------------------------------------------------------------

    /// The interceptors registered on this configuration (see
    /// [`super::interceptors`]).
    pub fn interceptors(&self) -> &Interceptors {
        &self.interceptors
    }

    /// The interceptors, mutably (the `..._add_on_...()` functions).
    pub fn interceptors_mut(&mut self) -> &mut Interceptors {
        &mut self.interceptors
    }

    /// The plugins loaded through `plugin.library.paths`.
    pub fn plugins(&self) -> &[Plugin] {
        &self.plugins
    }
}

/// Rewrites an error about `target` to say it was set as `alias`.
pub(crate) fn alias_message(msg: &str, alias: &str, target: &str) -> String {
    let quoted = format!("\"{target}\"");
    if msg.contains(&quoted) {
        msg.replacen(&quoted, &format!("\"{alias}\" (alias for \"{target}\")"), 1)
    } else {
        format!("{msg} (set as \"{alias}\")")
    }
}
