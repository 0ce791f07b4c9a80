//! Topic objects: what `rd_kafka_topic_t *` points to, one per topic name
//! and client instance, shared by the application's handles and by the
//! messages that refer to the topic (through the link installed in
//! `crate::objects::message`).

use super::instance::{ClientKind, Instance};
use super::producer::ProducerShared;
use crate::config::{ClientKind as ConfKind, Conf, TopicConf};
use crate::objects::message::{ProducerQueue, TopicLink};
use crate::objects::types::*;
use parking_lot::Mutex;
use std::ffi::CString;
use std::os::raw::c_void;
use std::sync::atomic::AtomicI32;
use std::sync::{Arc, Weak};

/// The object behind `rd_kafka_topic_t *`: one per topic name and client
/// instance, shared by the application's handles and by the messages that
/// refer to the topic. The pointer stays valid while the instance lives.
pub struct TopicState {
    pub name: CString,
    pub inst: Weak<Instance>,
    /// The topic configuration (owned).
    pub conf: Mutex<*mut rd_kafka_topic_conf_t>,
    pub opaque: *mut c_void,
    /// How many rd_kafka_topic_new() calls are not yet matched by
    /// rd_kafka_topic_destroy().
    pub app_refs: AtomicI32,
    /// Partitions that currently have a leader (set from metadata).
    pub available: Mutex<Vec<bool>>,
    /// The producer's state of this topic (created on first produce).
    /// The client's producer is kept here too: messages find it through
    /// their topic reference to give back their queue space.
    pub prod: once_cell::sync::OnceCell<(Arc<super::producer::ProducerShared>, Arc<super::producer::ProdTopic>)>,
}

// SAFETY: the raw pointers are the application's opaque (only handed back)
// and the owned topic configuration behind a mutex.
unsafe impl Send for TopicState {}
unsafe impl Sync for TopicState {}

impl Drop for TopicState {
    fn drop(&mut self) {
        let c = *self.conf.get_mut();
        if !c.is_null() {
            // SAFETY: the topic owns its configuration.
            drop(unsafe { TopicConf::from_raw(c) });
        }
    }
}

impl TopicState {
    /// The C handle of this topic.
    pub fn handle(self: &Arc<Self>) -> *mut rd_kafka_topic_t {
        Arc::as_ptr(self) as *mut rd_kafka_topic_t
    }

    /// # Safety
    /// `rkt` must be NULL or a handle from [`TopicState::handle`] whose
    /// topic is alive.
    pub unsafe fn from_ptr<'a>(rkt: *const rd_kafka_topic_t) -> Option<&'a TopicState> {
        // SAFETY: caller contract.
        unsafe { (rkt as *const TopicState).as_ref() }
    }
}

/// The topic state for `name`, created (with `conf`, or a copy of the
/// default topic configuration) if the instance does not have it yet. An
/// existing topic keeps its configuration and `conf` is destroyed.
///
/// # Safety
/// `conf` must be NULL or a live topic configuration the caller gives up.
pub unsafe fn topic_for(inst: &Arc<Instance>, name: &str, conf: *mut rd_kafka_topic_conf_t) -> Result<Arc<TopicState>, String> {
    crate::objects::message::set_topic_link(&LINK);
    let mut topics = inst.topics.lock();
    if let Some(t) = topics.get(name) {
        if !conf.is_null() {
            // SAFETY: the caller gave us this configuration.
            drop(unsafe { TopicConf::from_raw(conf) });
        }
        return Ok(t.clone());
    }
    // SAFETY: conf is NULL or live; the bridge validates and owns it.
    let (conf, opaque) = unsafe { topic_conf_for(inst, conf) }?;
    let t = Arc::new(TopicState {
        name: CString::new(name).map_err(|_| "topic name contains a NUL byte".to_string())?,
        inst: Arc::downgrade(inst),
        conf: Mutex::new(conf),
        opaque,
        app_refs: AtomicI32::new(0),
        available: Mutex::new(Vec::new()),
        prod: once_cell::sync::OnceCell::new(),
    });
    topics.insert(name.to_string(), t.clone());
    Ok(t)
}

/// The topic configuration for a new topic handle: `conf` if given, else a
/// copy of the default topic configuration, finalized against the client's
/// configuration; and its opaque. On error `conf` has been destroyed.
///
/// # Safety
/// `conf` must be NULL or a live topic configuration the caller gives up.
pub unsafe fn topic_conf_for(inst: &Arc<Instance>, conf: *mut rd_kafka_topic_conf_t) -> Result<(*mut rd_kafka_topic_conf_t, *mut c_void), String> {
    // SAFETY: the instance's configuration is live.
    let global = unsafe { Conf::from_ptr(inst.conf) }.ok_or("client has no configuration")?;
    let mut tc = if conf.is_null() {
        global.default_topic_conf_dup()
    } else {
        // SAFETY: the caller gave us this configuration.
        unsafe { TopicConf::from_raw(conf) }.ok_or("invalid topic configuration")?
    };
    let kind = match inst.kind {
        ClientKind::Producer => ConfKind::Producer,
        ClientKind::Consumer => ConfKind::Consumer,
    };
    tc.finalize(kind, global)?;
    let opaque = tc.callbacks().opaque;
    Ok((tc.into_raw(), opaque))
}

/// Takes a reference on a topic handle (for the application's own uses;
/// messages go through [`TopicLink`]) for an object (a message) that points
/// to it, keeping the topic alive as long as the object. NULL is ignored.
pub fn topic_ref_acquire(rkt: *mut rd_kafka_topic_t) -> *mut rd_kafka_topic_t {
    if !rkt.is_null() {
        // SAFETY: rkt is a live handle from TopicState::handle (an Arc).
        unsafe { Arc::increment_strong_count(rkt as *const TopicState) };
    }
    rkt
}

/// Drops a reference taken with [`topic_ref_acquire`]. NULL is ignored.
pub fn topic_ref_release(rkt: *mut rd_kafka_topic_t) {
    if !rkt.is_null() {
        // SAFETY: matches a topic_ref_acquire on the same Arc.
        unsafe { Arc::decrement_strong_count(rkt as *const TopicState) };
    }
}

/// How messages reach their topic (see [`TopicLink`]).
static LINK: TopicLink = TopicLink { acquire: acquire_ref, release: release_ref, producer: producer_of };

unsafe fn acquire_ref(rkt: *mut rd_kafka_topic_t) {
    // SAFETY: rkt is a live handle from TopicState::handle (an Arc).
    unsafe { Arc::increment_strong_count(rkt as *const TopicState) };
}

unsafe fn release_ref(rkt: *mut rd_kafka_topic_t) {
    // SAFETY: matches an acquire_ref on the same Arc.
    unsafe { Arc::decrement_strong_count(rkt as *const TopicState) };
}

unsafe fn producer_of(rkt: *mut rd_kafka_topic_t) -> Option<*const dyn ProducerQueue> {
    // SAFETY: the caller holds a reference on the topic.
    unsafe { TopicState::from_ptr(rkt) }.and_then(|t| t.prod.get()).map(|(s, _)| Arc::as_ptr(s) as *const dyn ProducerQueue)
}

impl ProducerQueue for ProducerShared {
    #[inline]
    fn release(&self, msgs: usize, bytes: usize) {
        ProducerShared::release(self, msgs, bytes)
    }

    #[inline]
    fn blocks(&self) -> &crate::objects::message::BlockCache {
        &self.blocks
    }
}
