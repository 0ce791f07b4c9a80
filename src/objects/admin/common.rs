//! Building blocks shared by the Admin API objects.
//!
//! Result objects hand C arrays of pointers to the application that must stay
//! valid as long as the event lives; [`PtrArray`] keeps the boxed objects and
//! the pointer array side by side. [`OwnedTpl`] is a C partition list owned by
//! a Rust object. The rest are small conversions between C arguments and
//! owned Rust values, and the error rules shared by the results. (The helpers
//! only the C functions use are in the C boundary's `admin::common`.)

use crate::objects::error::ErrorObject;
use crate::objects::tpl::{self, TopicPartition};
use crate::objects::types::*;
use crate::objects::util::cstr;
use crate::objects::values::NodeObj;
use crate::error::KafkaError;
use libc::size_t;
use std::ffi::CString;
use std::os::raw::c_char;
use std::ptr;

/// Most partitions a topic may have (librdkafka's protocol limit).
pub(crate) const PARTITIONS_MAX: i64 = 100_000;
/// Most brokers a replica list may name (librdkafka's protocol limit).
pub(crate) const BROKERS_MAX: i64 = 10_000;

/// A C string made from Rust text; interior NULs (impossible in C strings)
/// are dropped.
pub(crate) fn cstring(s: &str) -> CString {
    CString::new(s.replace('\0', "")).unwrap_or_default()
}

/// An owned copy of a C string argument (None for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string.
pub(crate) unsafe fn owned(p: *const c_char) -> Option<String> {
    // SAFETY: caller contract.
    unsafe { cstr(p) }.map(|s| s.into_owned())
}

/// Writes `n` to a count out-parameter if there is one.
///
/// # Safety
/// `cntp` must be NULL or writable.
pub(crate) unsafe fn set_cnt(cntp: *mut size_t, n: usize) {
    if !cntp.is_null() {
        // SAFETY: caller contract.
        unsafe { *cntp = n };
    }
}

/// The elements of a C array of pointers; NULL gives an empty slice.
///
/// # Safety
/// `arr` must be NULL or valid for `cnt` elements.
pub(crate) unsafe fn c_array<'a, T>(arr: *const T, cnt: size_t) -> &'a [T] {
    if arr.is_null() || cnt == 0 {
        &[]
    } else {
        // SAFETY: caller contract.
        unsafe { std::slice::from_raw_parts(arr, cnt) }
    }
}

/// Borrows the object behind a handle; None for NULL.
///
/// # Safety
/// `p` must be NULL or point to a live `T`.
pub(crate) unsafe fn obj<'a, T>(p: *const impl Sized) -> Option<&'a T> {
    // SAFETY: caller contract.
    unsafe { (p as *const T).as_ref() }
}

/// Copies the request objects behind an array of handles (NULL entries are
/// skipped).
///
/// # Safety
/// `arr` must be NULL or hold `cnt` handles, each NULL or a live `T`.
pub(crate) unsafe fn copy_handles<T: Clone, H>(arr: *const *mut H, cnt: size_t) -> Vec<T> {
    // SAFETY: caller contract.
    unsafe { c_array(arr, cnt) }
        .iter()
        // SAFETY: each entry is NULL or a T handle.
        .filter_map(|&h| unsafe { obj::<T>(h) }.cloned())
        .collect()
}

/// A heap-allocated error object for a result (what `rd_kafka_error_t *`
/// accessors of results point at).
pub(crate) fn error_box(err: &KafkaError) -> Box<ErrorObject> {
    Box::new(ErrorObject::new(err.clone()))
}

/// An error whose message follows librdkafka's rule for broker errors: the
/// broker's message when it sent one, else the code's description.
pub fn broker_error(code: rd_kafka_resp_err_t, msg: Option<&str>) -> KafkaError {
    match msg {
        Some(m) if !m.is_empty() => KafkaError::new(code, m),
        _ => KafkaError::from_code(code),
    }
}

/// The error string librdkafka keeps for a per-item broker error: None when
/// there is no error, else the broker's message or the code's description.
pub fn item_errstr(code: rd_kafka_resp_err_t, msg: Option<&str>) -> Option<String> {
    if code == RD_KAFKA_RESP_ERR_NO_ERROR {
        None
    } else {
        Some(broker_error(code, msg).message)
    }
}

/// A broker as admin results describe it (becomes an `rd_kafka_Node_t`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
}

impl Node {
    pub fn new(id: i32, host: impl Into<String>, port: u16, rack: Option<&str>) -> Self {
        Node { id, host: host.into(), port, rack: rack.map(str::to_string) }
    }

    pub(crate) fn to_obj(&self) -> NodeObj {
        NodeObj::new(self.id, &self.host, self.port, self.rack.as_deref())
    }
}

/// The handle array of a list of nodes.
pub(crate) fn node_array(nodes: &[Node]) -> PtrArray<NodeObj, rd_kafka_Node_t> {
    PtrArray::new(nodes.iter().map(Node::to_obj))
}

/// Boxed C-visible objects together with the array of their addresses that
/// accessors return. Boxes never move, so the addresses stay valid as long
/// as the array lives.
pub(crate) struct PtrArray<T, H> {
    items: Vec<Box<T>>,
    ptrs: Vec<*const H>,
}

// SAFETY: the pointers only ever point into `items`, which this value owns.
unsafe impl<T: Send, H> Send for PtrArray<T, H> {}
// SAFETY: as above; the array is never mutated through a shared reference.
unsafe impl<T: Sync, H> Sync for PtrArray<T, H> {}

impl<T, H> Default for PtrArray<T, H> {
    fn default() -> Self {
        PtrArray { items: Vec::new(), ptrs: Vec::new() }
    }
}

impl<T, H> PtrArray<T, H> {
    pub(crate) fn new(items: impl IntoIterator<Item = T>) -> Self {
        let mut a = PtrArray::default();
        for i in items {
            a.push(i);
        }
        a
    }

    pub(crate) fn push(&mut self, item: T) {
        let b = Box::new(item);
        self.ptrs.push(&*b as *const T as *const H);
        self.items.push(b);
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    pub(crate) fn get(&self, idx: usize) -> Option<&T> {
        self.items.get(idx).map(|b| &**b)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.iter().map(|b| &**b)
    }

    /// The C array (NULL when empty) and its length in `*cntp`.
    ///
    /// # Safety
    /// `cntp` must be NULL or writable.
    pub(crate) unsafe fn out(&self, cntp: *mut size_t) -> *mut *const H {
        // SAFETY: caller contract.
        unsafe { set_cnt(cntp, self.ptrs.len()) };
        if self.ptrs.is_empty() {
            ptr::null_mut()
        } else {
            self.ptrs.as_ptr() as *mut *const H
        }
    }
}

/// A C topic-partition list owned by a Rust object, freed with it.
pub(crate) struct OwnedTpl(*mut rd_kafka_topic_partition_list_t);

// SAFETY: the list is owned exclusively and only read through shared
// references.
unsafe impl Send for OwnedTpl {}
// SAFETY: as above.
unsafe impl Sync for OwnedTpl {}

impl OwnedTpl {
    pub(crate) fn new(items: &[TopicPartition]) -> Self {
        OwnedTpl(tpl::from_slice(items))
    }

    pub(crate) fn as_ptr(&self) -> *const rd_kafka_topic_partition_list_t {
        self.0
    }

    /// The first element (NULL for an empty list).
    pub(crate) fn first(&self) -> *const rd_kafka_topic_partition_t {
        // SAFETY: the list is valid while self lives.
        unsafe { tpl::elements(self.0) }.first().map_or(ptr::null(), |e| e as *const rd_kafka_topic_partition_t)
    }
}

impl Drop for OwnedTpl {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the list came from tpl::from_slice and is owned by us.
            unsafe { tpl::destroy_list(self.0) };
            self.0 = ptr::null_mut();
        }
    }
}

/// A list of ACL operations as the "authorized operations" accessors return
/// it: None means "not requested" (NULL, count 0); an empty list is a
/// non-NULL pointer with count 0.
pub(crate) struct AclOps(Option<Vec<rd_kafka_AclOperation_t>>);

impl AclOps {
    pub(crate) fn new(ops: &Option<Vec<rd_kafka_AclOperation_t>>) -> Self {
        AclOps(ops.clone())
    }

    /// # Safety
    /// `cntp` must be NULL or writable.
    pub(crate) unsafe fn out(&self, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
        match &self.0 {
            None => {
                // SAFETY: caller contract.
                unsafe { set_cnt(cntp, 0) };
                ptr::null()
            }
            Some(v) => {
                // SAFETY: caller contract.
                unsafe { set_cnt(cntp, v.len()) };
                // Vec::as_ptr() is never NULL, even for an empty vector.
                v.as_ptr()
            }
        }
    }
}

/// Decodes the authorized-operations bit field of DescribeGroups,
/// Metadata and DescribeCluster responses: a negative value means the
/// operations were not requested (None); otherwise one entry per bit set
/// from READ upwards (UNKNOWN, ANY and ALL are never reported).
pub fn authorized_operations_from_bits(bits: i32) -> Option<Vec<rd_kafka_AclOperation_t>> {
    if bits < 0 {
        return None;
    }
    Some((RD_KAFKA_ACL_OPERATION_READ..RD_KAFKA_ACL_OPERATION__CNT).filter(|op| (bits >> op) & 1 == 1).collect())
}

/// True when two elements name the same topic and partition.
pub(crate) fn has_duplicate_partitions(parts: &[TopicPartition]) -> bool {
    let mut keys: Vec<(&str, i32)> = parts.iter().map(|p| (p.topic.as_str(), p.partition)).collect();
    keys.sort_unstable();
    keys.windows(2).any(|w| w[0] == w[1])
}

/// True when a list of names holds the same name twice.
pub(crate) fn has_duplicate_names<S: AsRef<str>>(names: &[S]) -> bool {
    let mut v: Vec<&str> = names.iter().map(|s| s.as_ref()).collect();
    v.sort_unstable();
    v.windows(2).any(|w| w[0] == w[1])
}

/// An INVALID_ARG error with the given message.
pub(crate) fn invalid_arg(msg: impl Into<String>) -> KafkaError {
    KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, msg)
}

/// An UNSUPPORTED_FEATURE error with the given message.
pub(crate) fn unsupported(msg: impl Into<String>) -> KafkaError {
    KafkaError::new(RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE, msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorized_operations_bits() {
        assert_eq!(authorized_operations_from_bits(-2147483648), None);
        assert_eq!(authorized_operations_from_bits(0), Some(vec![]));
        // ANY and ALL bits are ignored, READ and DESCRIBE kept.
        let bits = (1 << RD_KAFKA_ACL_OPERATION_ANY)
            | (1 << RD_KAFKA_ACL_OPERATION_ALL)
            | (1 << RD_KAFKA_ACL_OPERATION_READ)
            | (1 << RD_KAFKA_ACL_OPERATION_DESCRIBE);
        assert_eq!(
            authorized_operations_from_bits(bits),
            Some(vec![RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_OPERATION_DESCRIBE])
        );
    }

    #[test]
    fn acl_ops_pointer_semantics() {
        let mut n: size_t = 99;
        let none = AclOps::new(&None);
        assert!(unsafe { none.out(&mut n) }.is_null());
        assert_eq!(n, 0);
        let empty = AclOps::new(&Some(vec![]));
        assert!(!unsafe { empty.out(&mut n) }.is_null());
        assert_eq!(n, 0);
    }

    #[test]
    fn duplicates() {
        let a = TopicPartition::new("a", 0);
        let b = TopicPartition::new("a", 1);
        assert!(!has_duplicate_partitions(&[a.clone(), b.clone()]));
        assert!(has_duplicate_partitions(&[a.clone(), b, a]));
        assert!(has_duplicate_names(&["x", "y", "x"]));
        assert!(!has_duplicate_names(&["x", "y"]));
    }

    #[test]
    fn errstr_rule() {
        assert_eq!(item_errstr(0, Some("x")), None);
        assert_eq!(item_errstr(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS, Some("exists")).as_deref(), Some("exists"));
        assert_eq!(
            item_errstr(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS, Some("")).as_deref(),
            Some("Broker: Topic already exists")
        );
    }
}
