//! Topic-partition lists.
//!
//! The list and its elements are C-visible structs that applications read
//! and write directly. All their memory comes from the C heap: applications
//! may replace an element's `metadata` with their own malloc()ed buffer, and
//! the list frees it with free(). Leader epochs live in a lazily allocated
//! private block behind `_private`.

use super::types::*;
use super::util::{c_memdup, c_strdup, cstr};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

/// What `_private` points to once anything private is set on an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TpPrivate {
    pub leader_epoch: i32,
    pub current_leader_epoch: i32,
}

/// A topic-partition as Rust code handles it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub metadata: Option<Vec<u8>>,
    pub err: rd_kafka_resp_err_t,
    /// -1: unknown.
    pub leader_epoch: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
            offset: RD_KAFKA_OFFSET_INVALID,
            metadata: None,
            err: RD_KAFKA_RESP_ERR_NO_ERROR,
            leader_epoch: -1,
        }
    }

    pub fn with_offset(mut self, offset: i64) -> Self {
        self.offset = offset;
        self
    }
}

pub unsafe fn private_of(e: &rd_kafka_topic_partition_t) -> Option<&TpPrivate> {
    // SAFETY: _private is NULL or a TpPrivate we allocated.
    unsafe { (e._private as *const TpPrivate).as_ref() }
}

pub unsafe fn private_mut(e: &mut rd_kafka_topic_partition_t) -> &mut TpPrivate {
    if e._private.is_null() {
        e._private = Box::into_raw(Box::new(TpPrivate { leader_epoch: -1, current_leader_epoch: -1 })) as *mut c_void;
    }
    // SAFETY: just ensured it points to a TpPrivate we own.
    unsafe { &mut *(e._private as *mut TpPrivate) }
}

/// Frees what an element owns (not the element itself).
pub unsafe fn clear_element(e: &mut rd_kafka_topic_partition_t) {
    // SAFETY: topic and metadata are NULL or C-heap allocations owned by the
    // list; _private is NULL or a box we allocated.
    unsafe {
        libc::free(e.topic as *mut c_void);
        libc::free(e.metadata);
        if !e._private.is_null() {
            drop(Box::from_raw(e._private as *mut TpPrivate));
        }
    }
    e.topic = ptr::null_mut();
    e.metadata = ptr::null_mut();
    e._private = ptr::null_mut();
}

pub fn blank_element(topic: *mut c_char, partition: i32) -> rd_kafka_topic_partition_t {
    rd_kafka_topic_partition_t {
        topic,
        partition,
        offset: RD_KAFKA_OFFSET_INVALID,
        metadata: ptr::null_mut(),
        metadata_size: 0,
        opaque: ptr::null_mut(),
        err: RD_KAFKA_RESP_ERR_NO_ERROR,
        _private: ptr::null_mut(),
    }
}

/// Makes room for `extra` more elements.
pub unsafe fn grow(list: &mut rd_kafka_topic_partition_list_t, extra: c_int) -> bool {
    let want = list.cnt.saturating_add(extra);
    if want <= list.size {
        return true;
    }
    let new_size = want.max(list.size.saturating_mul(2)).max(32);
    // SAFETY: elems is NULL or a C-heap array of `size` elements.
    let p = unsafe {
        libc::realloc(list.elems as *mut c_void, new_size as usize * std::mem::size_of::<rd_kafka_topic_partition_t>())
    };
    if p.is_null() {
        return false;
    }
    list.elems = p as *mut rd_kafka_topic_partition_t;
    list.size = new_size;
    true
}

/// The elements of a list as a slice (empty for NULL or corrupt lists).
///
/// # Safety
/// `list` must be NULL or a valid list.
pub unsafe fn elements<'a>(list: *const rd_kafka_topic_partition_list_t) -> &'a [rd_kafka_topic_partition_t] {
    // SAFETY: caller contract.
    match unsafe { list.as_ref() } {
        Some(l) if l.cnt > 0 && !l.elems.is_null() => unsafe { std::slice::from_raw_parts(l.elems, l.cnt as usize) },
        _ => &[],
    }
}

pub unsafe fn elements_mut<'a>(list: *mut rd_kafka_topic_partition_list_t) -> &'a mut [rd_kafka_topic_partition_t] {
    // SAFETY: caller contract.
    match unsafe { list.as_mut() } {
        Some(l) if l.cnt > 0 && !l.elems.is_null() => unsafe { std::slice::from_raw_parts_mut(l.elems, l.cnt as usize) },
        _ => &mut [],
    }
}

/// Appends an element and returns it (NULL when out of memory).
pub unsafe fn push(list: &mut rd_kafka_topic_partition_list_t, topic: &str, partition: i32) -> *mut rd_kafka_topic_partition_t {
    // SAFETY: list is valid (caller).
    if !unsafe { grow(list, 1) } {
        return ptr::null_mut();
    }
    let name = c_strdup(topic);
    // SAFETY: grow() made room for element `cnt`.
    unsafe {
        let e = list.elems.add(list.cnt as usize);
        e.write(blank_element(name, partition));
        list.cnt += 1;
        e
    }
}

/// Converts a C list into Rust values (NULL gives an empty vector).
///
/// # Safety
/// `list` must be NULL or a valid list.
pub unsafe fn to_vec(list: *const rd_kafka_topic_partition_list_t) -> Vec<TopicPartition> {
    // SAFETY: caller contract.
    unsafe { elements(list) }
        .iter()
        .map(|e| TopicPartition {
            // SAFETY: topic is NULL or a NUL-terminated string.
            topic: unsafe { cstr(e.topic) }.map(|s| s.into_owned()).unwrap_or_default(),
            partition: e.partition,
            offset: e.offset,
            metadata: if e.metadata.is_null() {
                None
            } else {
                // SAFETY: metadata is valid for metadata_size bytes.
                Some(unsafe { crate::objects::util::bytes(e.metadata, e.metadata_size) }.to_vec())
            },
            err: e.err,
            // SAFETY: see private_of.
            leader_epoch: unsafe { private_of(e) }.map_or(-1, |p| p.leader_epoch),
        })
        .collect()
}

/// Writes results into the matching elements of a C list (by topic and
/// partition): offset, error, leader epoch and, when `metadata` is set, the
/// commit metadata. Elements without a result get `missing` as error.
///
/// # Safety
/// `list` must be NULL or a valid list.
pub unsafe fn update_from(list: *mut rd_kafka_topic_partition_list_t, results: &[TopicPartition], metadata: bool, missing: rd_kafka_resp_err_t) {
    // SAFETY: caller contract.
    for e in unsafe { elements_mut(list) } {
        // SAFETY: topic is NULL or a NUL-terminated string.
        let topic = unsafe { cstr(e.topic) }.map(|s| s.into_owned()).unwrap_or_default();
        match results.iter().find(|r| r.topic == topic && r.partition == e.partition) {
            Some(r) => {
                e.offset = r.offset;
                e.err = r.err;
                // SAFETY: e is a valid element.
                unsafe { private_mut(e) }.leader_epoch = r.leader_epoch;
                if metadata {
                    // SAFETY: metadata is NULL or C-heap memory owned by the list.
                    unsafe { libc::free(e.metadata) };
                    e.metadata = ptr::null_mut();
                    e.metadata_size = 0;
                    if let Some(md) = &r.metadata {
                        e.metadata = c_memdup(md);
                        e.metadata_size = if e.metadata.is_null() { 0 } else { md.len() };
                    }
                }
            }
            None => e.err = missing,
        }
    }
}

/// Builds a new C list from Rust values (free it with [`destroy_list`] or
/// rd_kafka_topic_partition_list_destroy()).
pub fn from_slice(items: &[TopicPartition]) -> *mut rd_kafka_topic_partition_list_t {
    let list = new_list(items.len() as c_int);
    // SAFETY: list was just allocated (or is NULL, checked).
    let Some(l) = (unsafe { list.as_mut() }) else { return list };
    for tp in items {
        // SAFETY: l is a valid list.
        let e = unsafe { push(l, &tp.topic, tp.partition) };
        // SAFETY: e is NULL or the element just appended.
        if let Some(e) = unsafe { e.as_mut() } {
            e.offset = tp.offset;
            e.err = tp.err;
            if let Some(md) = &tp.metadata {
                e.metadata = c_memdup(md);
                e.metadata_size = if e.metadata.is_null() { 0 } else { md.len() };
            }
            if tp.leader_epoch >= 0 {
                // SAFETY: e is valid.
                unsafe { private_mut(e) }.leader_epoch = tp.leader_epoch;
            }
        }
    }
    list
}

/// A new, empty list with room for `size` elements (NULL if out of
/// memory): rd_kafka_topic_partition_list_new().
pub fn new_list(size: c_int) -> *mut rd_kafka_topic_partition_list_t {
    // SAFETY: calloc of one list struct.
    let list = unsafe { libc::calloc(1, std::mem::size_of::<rd_kafka_topic_partition_list_t>()) }
        as *mut rd_kafka_topic_partition_list_t;
    if list.is_null() {
        return ptr::null_mut();
    }
    if size > 0 {
        // SAFETY: list is a zeroed, valid list.
        unsafe { grow(&mut *list, size) };
    }
    list
}

/// Frees a list and everything its elements own (NULL is ignored):
/// rd_kafka_topic_partition_list_destroy().
///
/// # Safety
/// `list` is NULL or a list from [`new_list`] not used afterwards.
pub unsafe fn destroy_list(list: *mut rd_kafka_topic_partition_list_t) {
    if list.is_null() {
        return;
    }
    // SAFETY: a list allocated by new_list().
    unsafe {
        for e in elements_mut(list) {
            clear_element(e);
        }
        libc::free((*list).elems as *mut c_void);
        libc::free(list as *mut c_void);
    }
}
