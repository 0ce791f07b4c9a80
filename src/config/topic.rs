//! Topic configuration objects (`rd_kafka_topic_conf_t`).

use super::callbacks::TopicCallbacks;
use super::errbuf::ErrBuf;
use super::props::{self, Kind, Ptr, Scope, PROPERTIES};
use super::value::{self, PatternList, Value};
use super::ConfError;
use crate::objects::types::*;
use std::os::raw::c_int;

/// A topic configuration. The C handle `rd_kafka_topic_conf_t *` is a
/// `Box<TopicConf>` (see [`TopicConf::into_raw`]).
#[derive(Debug)]
pub struct TopicConf {
    pub(crate) values: Vec<Value>,
    pub(crate) modified: Vec<bool>,
    pub(crate) callbacks: TopicCallbacks,
}

// SAFETY: the raw pointers inside are application opaques and C functions
// that librdkafka's API allows to be used from any thread.
unsafe impl Send for TopicConf {}
unsafe impl Sync for TopicConf {}

impl Default for TopicConf {
    fn default() -> Self {
        Self::new()
    }
}

impl TopicConf {
    /// A topic configuration with every property at its default.
    pub fn new() -> TopicConf {
        let values = PROPERTIES
            .iter()
            .map(|p| if p.scope == Scope::Topic { Value::default_for(&p.kind) } else { Value::None })
            .collect();
        TopicConf { values, modified: vec![false; PROPERTIES.len()], callbacks: TopicCallbacks::default() }
    }

    /// Hands the object to C as an `rd_kafka_topic_conf_t *`.
    pub fn into_raw(self: Box<Self>) -> *mut rd_kafka_topic_conf_t {
        Box::into_raw(self) as *mut rd_kafka_topic_conf_t
    }

    /// Takes back ownership of a handle made by [`TopicConf::into_raw`].
    ///
    /// # Safety
    /// `p` must be NULL or come from `into_raw` and not be used afterwards.
    pub unsafe fn from_raw(p: *mut rd_kafka_topic_conf_t) -> Option<Box<TopicConf>> {
        // SAFETY: guaranteed by the caller.
        (!p.is_null()).then(|| unsafe { Box::from_raw(p as *mut TopicConf) })
    }

    /// Borrows a handle.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle made by `into_raw` (or returned by
    /// `rd_kafka_conf_get_default_topic_conf()`).
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_topic_conf_t) -> Option<&'a TopicConf> {
        // SAFETY: guaranteed by the caller.
        unsafe { (p as *const TopicConf).as_ref() }
    }

    /// Borrows a handle mutably.
    ///
    /// # Safety
    /// As [`TopicConf::from_ptr`], and no other reference may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_topic_conf_t) -> Option<&'a mut TopicConf> {
        // SAFETY: guaranteed by the caller.
        unsafe { (p as *mut TopicConf).as_mut() }
    }

    /// The handle of this object (for callbacks that receive it).
    pub fn as_ptr(&self) -> *const rd_kafka_topic_conf_t {
        self as *const TopicConf as *const rd_kafka_topic_conf_t
    }

    /// Sets a property from its string form, like `rd_kafka_topic_conf_set()`
    /// (a `topic.` prefix is ignored; an empty value resets strings).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ConfError> {
        let mut eb = ErrBuf::owned(512);
        let res = self.set_c(name, Some(value), &mut eb);
        ConfError::check(res, &eb)
    }

    /// `rd_kafka_topic_conf_set()` with the caller's errstr buffer.
    pub(crate) fn set_c(&mut self, name: &str, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        let name = name.strip_prefix("topic.").unwrap_or(name);
        let value = value.filter(|v| !v.is_empty());
        match props::resolve(Scope::Topic, name) {
            Some(idx) if PROPERTIES[idx].name != name => {
                // Set through an alias: errors name both.
                let mut inner = ErrBuf::owned(512);
                let res = self.set_prop(idx, value, &mut inner);
                if res != RD_KAFKA_CONF_OK {
                    eb.write(&super::global::alias_message(&inner.message(), name, PROPERTIES[idx].name));
                }
                res
            }
            Some(idx) => self.set_prop(idx, value, eb),
            None => {
                eb.write(&format!("No such configuration property: \"{name}\""));
                RD_KAFKA_CONF_UNKNOWN
            }
        }
    }

    fn set_prop(&mut self, idx: usize, value: Option<&str>, eb: &mut ErrBuf) -> c_int {
        match value::parse(&PROPERTIES[idx], &self.values[idx], value) {
            Ok(parsed) => {
                self.values[idx] = parsed.value;
                self.modified[idx] = true;
                RD_KAFKA_CONF_OK
            }
            Err(msg) => {
                eb.write(&msg);
                RD_KAFKA_CONF_INVALID
            }
        }
    }

    /// The value of a property as `rd_kafka_topic_conf_get()` prints it;
    /// None if unknown or unset.
    pub fn get(&self, name: &str) -> Option<String> {
        props::resolve(Scope::Topic, name).and_then(|idx| self.format(idx))
    }

    pub(crate) fn format(&self, idx: usize) -> Option<String> {
        let prop = &PROPERTIES[idx];
        match prop.kind {
            Kind::Pointer(p) => {
                let a = self.callbacks.address(p);
                (a != 0).then(|| format!("{a:#x}"))
            }
            _ => value::format(prop, &self.values[idx]),
        }
    }

    /// Every property with a value, as (name, value) in table order, like
    /// `rd_kafka_topic_conf_dump()`.
    pub fn dump(&self) -> Vec<(String, String)> {
        PROPERTIES
            .iter()
            .enumerate()
            .filter(|(_, p)| p.scope == Scope::Topic && !matches!(p.kind, Kind::Alias(_) | Kind::Invalid(_)))
            .filter_map(|(i, p)| self.format(i).map(|v| (p.name.to_string(), v)))
            .collect()
    }

    /// A copy holding the properties set on this one, like
    /// `rd_kafka_topic_conf_dup()`.
    pub fn dup(&self) -> TopicConf {
        let mut new = TopicConf::new();
        for (idx, prop) in PROPERTIES.iter().enumerate() {
            if prop.scope != Scope::Topic || !self.modified[idx] {
                continue;
            }
            match prop.kind {
                Kind::Alias(_) | Kind::Invalid(_) | Kind::Internal(_) => continue,
                Kind::Pointer(Ptr::PartitionerCb) => new.callbacks.partitioner_cb = self.callbacks.partitioner_cb,
                Kind::Pointer(Ptr::MsgOrderCmp) => new.callbacks.msg_order_cmp = self.callbacks.msg_order_cmp,
                Kind::Pointer(Ptr::TopicOpaque) => new.callbacks.opaque = self.callbacks.opaque,
                Kind::Pointer(_) => continue,
                _ => new.values[idx] = self.values[idx].clone(),
            }
            new.modified[idx] = true;
        }
        new
    }

    /// True if any property was set.
    pub fn any_modified(&self) -> bool {
        self.modified.iter().any(|m| *m)
    }

    /// True if the property (or the one it is an alias of) was set by the
    /// application. Unknown names give false.
    pub fn is_modified(&self, name: &str) -> bool {
        props::resolve(Scope::Topic, name).is_some_and(|i| self.modified[i])
    }

    /// The callbacks and opaque.
    pub fn callbacks(&self) -> &TopicCallbacks {
        &self.callbacks
    }

    /// Sets the partitioner callback (marks `partitioner_cb` as set).
    pub fn set_partitioner_cb(&mut self, cb: Option<super::callbacks::PartitionerCb>) {
        self.callbacks.partitioner_cb = cb;
        self.mark("partitioner_cb");
    }

    /// Sets the message order comparator (marks `msg_order_cmp` as set).
    pub fn set_msg_order_cmp(&mut self, cb: Option<super::callbacks::MsgOrderCmp>) {
        self.callbacks.msg_order_cmp = cb;
        self.mark("msg_order_cmp");
    }

    /// Sets the topic opaque (marks `opaque` as set).
    pub fn set_opaque(&mut self, opaque: *mut std::os::raw::c_void) {
        self.callbacks.opaque = opaque;
        self.mark("opaque");
    }

    fn mark(&mut self, name: &str) {
        if let Some(i) = props::find(Scope::Topic, name) {
            self.modified[i] = true;
        }
    }

    /// The stored value of a property (aliases followed).
    pub fn value(&self, name: &str) -> Option<&Value> {
        props::resolve(Scope::Topic, name).map(|i| &self.values[i])
    }

    /// Overwrites a value without marking it as set by the application
    /// (for automatic adjustments).
    pub(crate) fn put(&mut self, name: &str, v: Value) {
        let i = props::resolve(Scope::Topic, name).expect("known topic property");
        self.values[i] = v;
    }

    pub fn get_i64(&self, name: &str) -> Option<i64> {
        match self.value(name)? {
            Value::Int(n) => Some(*n as i64),
            _ => None,
        }
    }

    pub fn get_bool(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn get_f64(&self, name: &str) -> Option<f64> {
        match self.value(name)? {
            Value::Float(d) => Some(*d),
            _ => None,
        }
    }

    /// A string property's value (None when unset).
    pub fn get_str(&self, name: &str) -> Option<&str> {
        match self.value(name)? {
            Value::Str(s) => s.as_deref(),
            _ => None,
        }
    }

    /// An enum property's canonical name.
    pub fn get_enum(&self, name: &str) -> Option<&'static str> {
        let idx = props::resolve(Scope::Topic, name)?;
        match (&self.values[idx], &PROPERTIES[idx].kind) {
            (Value::Enum(n), Kind::Enum { values, .. }) => values.iter().find(|(_, v)| v == n).map(|(s, _)| *s),
            _ => None,
        }
    }

    /// An enum property's number.
    pub fn get_enum_value(&self, name: &str) -> Option<i32> {
        match self.value(name)? {
            Value::Enum(n) => Some(*n),
            _ => None,
        }
    }

    pub fn get_flags(&self, name: &str) -> Option<u32> {
        match self.value(name)? {
            Value::Flags(f) => Some(*f),
            _ => None,
        }
    }

    pub fn get_patterns(&self, name: &str) -> Option<&PatternList> {
        match self.value(name)? {
            Value::Patterns(p) => p.as_ref(),
            _ => None,
        }
    }
}
