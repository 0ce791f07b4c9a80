//! Topic handles and the built-in partitioners.

use super::client::instance;
use super::types::*;
use super::util::{cstr, set_last_error};
use crate::engine::instance::Instance;
use libc::size_t;
use parking_lot::Mutex;
use std::ffi::CString;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Weak};

/// Longest topic name a handle can be created for (as librdkafka).
const MAX_TOPIC_NAME: usize = 512;

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
    pub prod: once_cell::sync::OnceCell<(Arc<crate::engine::producer::ProducerShared>, Arc<crate::engine::producer::ProdTopic>)>,
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
            unsafe { super::conf::rd_kafka_topic_conf_destroy(c) };
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
    let mut topics = inst.topics.lock();
    if let Some(t) = topics.get(name) {
        if !conf.is_null() {
            // SAFETY: the caller gave us this configuration.
            unsafe { super::conf::rd_kafka_topic_conf_destroy(conf) };
        }
        return Ok(t.clone());
    }
    // SAFETY: conf is NULL or live; the bridge validates and owns it.
    let (conf, opaque) = unsafe { super::conf_bridge::topic_conf_for(inst, conf) }?;
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

/// 1 if the partition currently has a leader, else 0 (only meaningful from
/// within a partitioner callback).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_available(rkt: *const rd_kafka_topic_t, partition: i32) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a live topic handle or NULL.
        match unsafe { TopicState::from_ptr(rkt) } {
            Some(t) if partition >= 0 => t.available.lock().get(partition as usize).copied().unwrap_or(false) as c_int,
            _ => 0,
        }
    })
}

/// A handle to `topic` with `conf` (taken over; NULL: the default topic
/// configuration). The same topic returns the same handle, configured by
/// its first creation. NULL and rd_kafka_last_error() on failure.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_new(rk: *mut rd_kafka_t, topic: *const c_char, conf: *mut rd_kafka_topic_conf_t) -> *mut rd_kafka_topic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles and strings.
        let name = unsafe { cstr(topic) };
        let inst = unsafe { instance(rk) };
        let (Some(inst), Some(name)) = (inst, name.filter(|n| n.len() <= MAX_TOPIC_NAME)) else {
            if !conf.is_null() {
                // SAFETY: the caller gave us this configuration.
                unsafe { super::conf::rd_kafka_topic_conf_destroy(conf) };
            }
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return ptr::null_mut();
        };
        // SAFETY: conf is NULL or live and ours now.
        match unsafe { topic_for(inst, &name, conf) } {
            Ok(t) => {
                t.app_refs.fetch_add(1, Ordering::SeqCst);
                t.handle()
            }
            Err(msg) => {
                inst.log(crate::engine::instance::level::ERR, "TOPICCONF", &format!(
                    "Incompatible configuration settings for topic \"{name}\": {msg}"));
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// Releases a handle from rd_kafka_topic_new(). The topic itself stays known
/// to the client (messages may still refer to it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_destroy(rkt: *mut rd_kafka_topic_t) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a live topic handle or NULL.
        if let Some(t) = unsafe { TopicState::from_ptr(rkt) } {
            let _ = t.app_refs.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| if n > 0 { Some(n - 1) } else { None });
        }
    })
}

/// The topic's name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_name(rkt: *const rd_kafka_topic_t) -> *const c_char {
    // SAFETY: caller passes a live topic handle or NULL.
    unsafe { TopicState::from_ptr(rkt) }.map_or(ptr::null(), |t| t.name.as_ptr())
}

/// The opaque of the topic's configuration (rd_kafka_topic_conf_set_opaque()).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_opaque(rkt: *const rd_kafka_topic_t) -> *mut c_void {
    // SAFETY: caller passes a live topic handle or NULL.
    unsafe { TopicState::from_ptr(rkt) }.map_or(ptr::null_mut(), |t| t.opaque)
}

/// Random partition (retried once if the first pick has no leader).
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        let p = crate::engine::partitioner::random_partition(partition_cnt);
        // SAFETY: rkt is the handle the producer passes (or NULL).
        if unsafe { rd_kafka_topic_partition_available(rkt, p) } == 1 { p } else { crate::engine::partitioner::random_partition(partition_cnt) }
    })
}

/// CRC-32 of the key modulo the partition count (NULL and empty keys hash alike).
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::consistent(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the consistent partitioner, but empty and NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if keylen == 0 {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_consistent(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}

/// Java-compatible murmur2 of the key modulo the partition count.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::murmur2_partition(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the murmur2 partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if key.is_null() {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_murmur2(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}

/// FNV-1a of the key modulo the partition count (as Sarama).
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::fnv1a_partition(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the fnv1a partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if key.is_null() {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_fnv1a(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}

/// Takes a reference on a topic handle for an object (a message) that points
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
