//! Topic-partition lists.
//!
//! The list and its elements are C-visible structs that applications read
//! and write directly. All their memory comes from the C heap: applications
//! may replace an element's `metadata` with their own malloc()ed buffer, and
//! the list frees it with free(). Leader epochs live in a lazily allocated
//! private block behind `_private`.

use super::types::*;
use super::util::{c_memdup, c_strdup, cstr};
use std::cmp::Ordering;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

/// What `_private` points to once anything private is set on an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TpPrivate {
    leader_epoch: i32,
    current_leader_epoch: i32,
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

unsafe fn private_of(e: &rd_kafka_topic_partition_t) -> Option<&TpPrivate> {
    // SAFETY: _private is NULL or a TpPrivate we allocated.
    unsafe { (e._private as *const TpPrivate).as_ref() }
}

unsafe fn private_mut(e: &mut rd_kafka_topic_partition_t) -> &mut TpPrivate {
    if e._private.is_null() {
        e._private = Box::into_raw(Box::new(TpPrivate { leader_epoch: -1, current_leader_epoch: -1 })) as *mut c_void;
    }
    // SAFETY: just ensured it points to a TpPrivate we own.
    unsafe { &mut *(e._private as *mut TpPrivate) }
}

/// Frees what an element owns (not the element itself).
unsafe fn clear_element(e: &mut rd_kafka_topic_partition_t) {
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

fn blank_element(topic: *mut c_char, partition: i32) -> rd_kafka_topic_partition_t {
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
unsafe fn grow(list: &mut rd_kafka_topic_partition_list_t, extra: c_int) -> bool {
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

unsafe fn elements_mut<'a>(list: *mut rd_kafka_topic_partition_list_t) -> &'a mut [rd_kafka_topic_partition_t] {
    // SAFETY: caller contract.
    match unsafe { list.as_mut() } {
        Some(l) if l.cnt > 0 && !l.elems.is_null() => unsafe { std::slice::from_raw_parts_mut(l.elems, l.cnt as usize) },
        _ => &mut [],
    }
}

/// Appends an element and returns it (NULL when out of memory).
unsafe fn push(list: &mut rd_kafka_topic_partition_list_t, topic: &str, partition: i32) -> *mut rd_kafka_topic_partition_t {
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
                Some(unsafe { super::util::bytes(e.metadata, e.metadata_size) }.to_vec())
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

/// Builds a new C list from Rust values (free it with
/// rd_kafka_topic_partition_list_destroy()).
pub fn from_slice(items: &[TopicPartition]) -> *mut rd_kafka_topic_partition_list_t {
    let list = rd_kafka_topic_partition_list_new(items.len() as c_int);
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

/// Frees one topic-partition returned by rd_kafka_event_topic_partition().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_destroy(rktpar: *mut rd_kafka_topic_partition_t) {
    crate::ffi_guard!((), {
        if !rktpar.is_null() {
            // SAFETY: a single element allocated with malloc by the library.
            unsafe {
                clear_element(&mut *rktpar);
                libc::free(rktpar as *mut c_void);
            }
        }
    })
}

/// Sets the leader epoch of an element (-1: unknown).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_set_leader_epoch(rktpar: *mut rd_kafka_topic_partition_t, leader_epoch: i32) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid element or NULL.
        if let Some(e) = unsafe { rktpar.as_mut() } {
            unsafe { private_mut(e) }.leader_epoch = leader_epoch;
        }
    })
}

/// The leader epoch of an element, -1 if not known.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_get_leader_epoch(rktpar: *const rd_kafka_topic_partition_t) -> i32 {
    // SAFETY: caller passes a valid element or NULL.
    match unsafe { rktpar.as_ref() } {
        Some(e) => unsafe { private_of(e) }.map_or(-1, |p| p.leader_epoch),
        None => -1,
    }
}

/// A new, empty list with room for `size` elements.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_topic_partition_list_new(size: c_int) -> *mut rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null_mut(), {
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
    })
}

/// Frees a list and everything its elements own.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_destroy(rkparlist: *mut rd_kafka_topic_partition_list_t) {
    crate::ffi_guard!((), {
        if rkparlist.is_null() {
            return;
        }
        // SAFETY: a list allocated by rd_kafka_topic_partition_list_new().
        unsafe {
            for e in elements_mut(rkparlist) {
                clear_element(e);
            }
            libc::free((*rkparlist).elems as *mut c_void);
            libc::free(rkparlist as *mut c_void);
        }
    })
}

/// Appends topic+partition (duplicates allowed) and returns the new element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid list and string, or NULL.
        match (unsafe { rktparlist.as_mut() }, unsafe { cstr(topic) }) {
            (Some(l), Some(t)) => unsafe { push(l, &t, partition) },
            _ => ptr::null_mut(),
        }
    })
}

/// Appends partitions `start` to `stop` (inclusive) of `topic`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add_range(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, start: i32, stop: i32) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid list and string, or NULL.
        if let (Some(l), Some(t)) = (unsafe { rktparlist.as_mut() }, unsafe { cstr(topic) }) {
            if stop >= start {
                unsafe { grow(l, (stop - start).saturating_add(1)) };
            }
            for p in start..=stop {
                unsafe { push(l, &t, p) };
            }
        }
    })
}

/// Removes the element at `idx`, keeping the order of the others.
unsafe fn remove_at(list: &mut rd_kafka_topic_partition_list_t, idx: usize) {
    // SAFETY: idx < cnt (callers check); elements are shifted down by one.
    unsafe {
        let base = list.elems;
        clear_element(&mut *base.add(idx));
        let tail = list.cnt as usize - idx - 1;
        ptr::copy(base.add(idx + 1), base.add(idx), tail);
    }
    list.cnt -= 1;
}

fn topic_is(e: &rd_kafka_topic_partition_t, topic: &str) -> bool {
    // SAFETY: element topics are NUL-terminated strings.
    unsafe { cstr(e.topic) }.is_some_and(|t| t == topic)
}

/// Index of the first element with this topic and partition.
unsafe fn position(list: *const rd_kafka_topic_partition_list_t, topic: &str, partition: i32) -> Option<usize> {
    // SAFETY: caller contract.
    unsafe { elements(list) }.iter().position(|e| e.partition == partition && topic_is(e, topic))
}

/// Removes the first element matching topic and partition; 1 if one was
/// removed, else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a valid list and string, or NULL.
        let Some(t) = (unsafe { cstr(topic) }) else { return 0 };
        match unsafe { position(rktparlist, &t, partition) } {
            Some(i) => {
                unsafe { remove_at(&mut *rktparlist, i) };
                1
            }
            None => 0,
        }
    })
}

/// Removes the element at `idx`; 1 if it existed, else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del_by_idx(rktparlist: *mut rd_kafka_topic_partition_list_t, idx: c_int) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a valid list or NULL.
        match unsafe { rktparlist.as_mut() } {
            Some(l) if idx >= 0 && idx < l.cnt => {
                unsafe { remove_at(l, idx as usize) };
                1
            }
            _ => 0,
        }
    })
}

/// A deep copy of a list (topic names, offsets, metadata, errors, opaques,
/// leader epochs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_copy(src: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if src.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: src is a valid list.
        let items = unsafe { elements(src) };
        let dst = rd_kafka_topic_partition_list_new(items.len() as c_int);
        let Some(d) = (unsafe { dst.as_mut() }) else { return dst };
        for s in items {
            // SAFETY: s.topic is a valid string; d is valid.
            let name = unsafe { cstr(s.topic) }.map(|c| c.into_owned()).unwrap_or_default();
            let e = unsafe { push(d, &name, s.partition) };
            if let Some(e) = unsafe { e.as_mut() } {
                e.offset = s.offset;
                e.err = s.err;
                e.opaque = s.opaque;
                if !s.metadata.is_null() {
                    e.metadata = c_memdup(unsafe { super::util::bytes(s.metadata, s.metadata_size) });
                    e.metadata_size = if e.metadata.is_null() { 0 } else { s.metadata_size };
                }
                if let Some(p) = unsafe { private_of(s) } {
                    *unsafe { private_mut(e) } = *p;
                }
            }
        }
        dst
    })
}

/// Sets the offset of an existing topic+partition; _UNKNOWN_PARTITION if the
/// list does not have it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_set_offset(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32, offset: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller passes a valid list and string, or NULL.
        let e = unsafe { rd_kafka_topic_partition_list_find(rktparlist, topic, partition) };
        match unsafe { e.as_mut() } {
            Some(e) => {
                e.offset = offset;
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            None => RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
        }
    })
}

/// The first element with this topic and partition, or NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_find(rktparlist: *const rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid list and string, or NULL.
        let Some(t) = (unsafe { cstr(topic) }) else { return ptr::null_mut() };
        match unsafe { position(rktparlist, &t, partition) } {
            Some(i) => unsafe { (*rktparlist).elems.add(i) },
            None => ptr::null_mut(),
        }
    })
}

/// Sorts the list with `cmp` (called with two element pointers and
/// `cmp_opaque`), or by topic name then partition when `cmp` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_sort(rktparlist: *mut rd_kafka_topic_partition_list_t, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int>, cmp_opaque: *mut c_void) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid list or NULL.
        let elems = unsafe { elements_mut(rktparlist) };
        match cmp {
            Some(f) => elems.sort_by(|a, b| {
                // SAFETY: the application's comparator gets element pointers.
                let r = unsafe { f(a as *const _ as *const c_void, b as *const _ as *const c_void, cmp_opaque) };
                r.cmp(&0)
            }),
            None => elems.sort_by(|a, b| {
                // SAFETY: element topics are NULL or valid strings.
                let (ta, tb) = unsafe { (cstr(a.topic), cstr(b.topic)) };
                match ta.cmp(&tb) {
                    Ordering::Equal => a.partition.cmp(&b.partition),
                    o => o,
                }
            }),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_c_list() {
        let mut a = TopicPartition::new("t1", 3).with_offset(42);
        a.metadata = Some(b"meta".to_vec());
        a.leader_epoch = 7;
        let b = TopicPartition::new("t0", 1);
        let list = from_slice(&[a.clone(), b.clone()]);
        unsafe {
            assert_eq!(to_vec(list), vec![a.clone(), b.clone()]);
            let copy = rd_kafka_topic_partition_list_copy(list);
            rd_kafka_topic_partition_list_sort(copy, None, ptr::null_mut());
            assert_eq!(to_vec(copy), vec![b, a]);
            assert_eq!(rd_kafka_topic_partition_list_del(copy, c"t1".as_ptr(), 3), 1);
            assert_eq!(rd_kafka_topic_partition_list_del(copy, c"t1".as_ptr(), 3), 0);
            assert_eq!((*copy).cnt, 1);
            rd_kafka_topic_partition_list_destroy(copy);
            rd_kafka_topic_partition_list_destroy(list);
        }
    }

    #[test]
    fn add_range_grows() {
        let list = rd_kafka_topic_partition_list_new(0);
        unsafe {
            rd_kafka_topic_partition_list_add_range(list, c"x".as_ptr(), 0, 99);
            assert_eq!((*list).cnt, 100);
            assert!((*list).size >= 100);
            let e = rd_kafka_topic_partition_list_find(list, c"x".as_ptr(), 57);
            assert_eq!((*e).partition, 57);
            assert_eq!((*e).offset, RD_KAFKA_OFFSET_INVALID);
            assert_eq!(rd_kafka_topic_partition_list_set_offset(list, c"x".as_ptr(), 100, 5), RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
            rd_kafka_topic_partition_list_destroy(list);
        }
    }
}
