//! Message objects and their accessors.
//!
//! Every `rd_kafka_message_t *` the library hands out points to the first
//! field of a [`MessageObj`] (`#[repr(C)]`), so the pointer converts back to
//! the whole object. The object owns (or borrows, see [`MsgBuf`]) the memory
//! its `payload` and `key` point to, its headers, the reference on its topic
//! handle, and the metadata the accessors report. One type serves all three
//! uses:
//!
//! - consumed messages: [`MessageObj::consumed`] (headers are kept as raw
//!   wire bytes and parsed on the first rd_kafka_message_headers() call);
//! - consumer errors: [`MessageObj::consumer_error`] (the error string is
//!   the payload, as in librdkafka);
//! - produced messages: [`MessageObj::produce`] when the application
//!   produces, then [`MessageObj::set_delivery`] when the outcome is known;
//!   the same object becomes the delivery report.
//!
//! `rd_kafka_messages_t *` (the share consumer's batches) points to a
//! [`MessagesObj`].

use super::clock::{mono_us, wall_ms_at};
use super::headers::HeadersObj;
use crate::objects::types::*;
use libc::size_t;
use std::any::Any;
use std::ffi::CString;
use std::os::raw::c_void;
use std::ptr;
use std::sync::Arc;

/// Marks a live [`MessageObj`]; cleared when the object is freed.
const MESSAGE_MAGIC: u64 = 0x6665_7272_6f6d_7367; // "ferromsg"

/// Target of `payload`/`key` pointers for empty (but not null) buffers: C
/// code distinguishes a NULL pointer (Kafka null) from an empty value.
static EMPTY: [u8; 1] = [0];

/// Memory behind a message's payload or key.
pub enum MsgBuf {
    /// Kafka null: NULL pointer, length 0.
    Null,
    /// Bytes owned by the message. An empty buffer gives a non-NULL pointer.
    Owned(Box<[u8]>),
    /// A range of a buffer shared with other messages (e.g. one decompressed
    /// fetch batch backing all its records), kept alive by the Arc.
    Shared { buf: Arc<dyn AsRef<[u8]> + Send + Sync>, offset: usize, len: usize },
    /// A C string owned by the message; the length excludes the NUL (error
    /// strings of consumer errors).
    Text(CString),
    /// Memory of the application (producer payloads without
    /// RD_KAFKA_MSG_F_COPY): the pointer is handed back unchanged, and freed
    /// with free() when the message is destroyed iff `free` is set
    /// (RD_KAFKA_MSG_F_FREE).
    App { ptr: *mut c_void, len: usize, free: bool },
    /// A slice of a received frame (fetched records), kept alive by the
    /// frame's reference count.
    Bytes(bytes::Bytes),
    /// Bytes inside the message's own `inline` buffer (produce with
    /// RD_KAFKA_MSG_F_COPY: key and value copied in one allocation).
    Inline { ptr: *const u8, len: usize },
}

impl MsgBuf {
    /// A copy of `bytes`, or Null for None.
    pub fn copy_of(bytes: Option<&[u8]>) -> MsgBuf {
        match bytes {
            Some(b) => MsgBuf::Owned(b.into()),
            None => MsgBuf::Null,
        }
    }

    /// `len` bytes at `offset` of a shared buffer; None if out of range.
    pub fn shared(buf: Arc<dyn AsRef<[u8]> + Send + Sync>, offset: usize, len: usize) -> Option<MsgBuf> {
        let total = (*buf).as_ref().len();
        if offset.checked_add(len)? > total {
            return None;
        }
        Some(MsgBuf::Shared { buf, offset, len })
    }

    /// The bytes; None for Null (and for an App buffer with a NULL pointer).
    pub fn as_slice(&self) -> Option<&[u8]> {
        match self {
            MsgBuf::Null => None,
            MsgBuf::Owned(b) => Some(b),
            MsgBuf::Shared { buf, offset, len } => Some(&(**buf).as_ref()[*offset..*offset + *len]),
            MsgBuf::Text(s) => Some(s.as_bytes()),
            MsgBuf::Bytes(b) => Some(b),
            // SAFETY: points into the owning message's inline buffer, which
            // lives as long as the message (and this MsgBuf inside it).
            MsgBuf::Inline { ptr, len } => Some(unsafe { std::slice::from_raw_parts(*ptr, *len) }),
            MsgBuf::App { ptr, len, .. } => {
                if ptr.is_null() {
                    None
                } else if *len == 0 {
                    Some(&[])
                } else {
                    // SAFETY: the producer guarantees the application's buffer
                    // holds `len` bytes while the message owns it.
                    Some(unsafe { std::slice::from_raw_parts(*ptr as *const u8, *len) })
                }
            }
        }
    }

    /// The (pointer, length) pair for the C struct.
    fn c_view(&self) -> (*mut c_void, size_t) {
        match self {
            MsgBuf::App { ptr, len, .. } => (*ptr, if ptr.is_null() { 0 } else { *len }),
            MsgBuf::Text(s) => (s.as_ptr() as *mut c_void, s.as_bytes().len()),
            other => match other.as_slice() {
                None => (ptr::null_mut(), 0),
                Some([]) => (EMPTY.as_ptr() as *mut c_void, 0),
                Some(b) => (b.as_ptr() as *mut c_void, b.len()),
            },
        }
    }
}

impl Drop for MsgBuf {
    fn drop(&mut self) {
        if let MsgBuf::App { ptr, free: true, .. } = self {
            // SAFETY: RD_KAFKA_MSG_F_FREE hands the malloc()ed buffer to us.
            unsafe { libc::free(*ptr) };
        }
    }
}

/// Which side of the client a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgKind {
    /// Produced by the application (delivery reports).
    Producer,
    /// Consumed messages and consumer errors.
    Consumer,
}

/// Everything a consumed record carries, for [`MessageObj::consumed`].
pub struct Consumed {
    /// Topic handle; the message takes its own reference.
    pub rkt: *mut rd_kafka_topic_t,
    pub partition: i32,
    pub offset: i64,
    pub key: MsgBuf,
    pub payload: MsgBuf,
    /// The record's header section as on the wire (header count first);
    /// Null or empty when the record has none. Parsed lazily.
    pub raw_headers: MsgBuf,
    pub timestamp: i64,
    pub tstype: rd_kafka_timestamp_type_t,
    /// Broker the record was fetched from (-1 if unknown).
    pub broker_id: i32,
    /// Partition leader epoch of the record batch (-1 if unknown).
    pub leader_epoch: i32,
    /// Share consumer: times delivered; 0 for the classic consumer.
    pub delivery_count: i16,
}

/// What the application gave to produce(), for [`MessageObj::produce`].
pub struct Produce {
    /// Topic handle; the message takes its own reference.
    pub rkt: *mut rd_kafka_topic_t,
    /// Requested partition (RD_KAFKA_PARTITION_UA if the partitioner decides).
    pub partition: i32,
    /// The payload according to the produce flags (see [`MsgBuf::App`]).
    pub payload: MsgBuf,
    /// The key (librdkafka always copies keys).
    pub key: MsgBuf,
    pub headers: Option<Box<HeadersObj>>,
    /// The per-message opaque, reported back in `_private`.
    pub opaque: *mut c_void,
    /// Create time in ms since the epoch; 0 means now.
    pub timestamp: i64,
}

/// The outcome of producing a message, for [`MessageObj::set_delivery`].
pub struct Delivery {
    pub err: rd_kafka_resp_err_t,
    /// Partition the message went to.
    pub partition: i32,
    /// Offset assigned by the broker, or RD_KAFKA_OFFSET_INVALID.
    pub offset: i64,
    /// Broker timestamp when the topic uses LogAppendTime.
    pub log_append_time: Option<i64>,
    pub broker_id: i32,
    pub status: rd_kafka_msg_status_t,
    /// Error message from the broker or the client, if any
    /// (rd_kafka_message_produce_errstr()).
    pub errstr: Option<String>,
}

/// The object behind `rd_kafka_message_t *`: [`MessageObjG`] with its
/// trailing bytes (a producer's copied key and value live in the same
/// allocation as the message).
pub type MessageObj = MessageObjG<[u8]>;

/// The fixed part of a message: the object without trailing bytes.
pub(crate) type MessageHdr = MessageObjG<[u8; 0]>;

/// A message object, generic only so that it can end in a byte array of
/// any length: use it as [`MessageObj`] (`Box<MessageObj>` is a pointer
/// with the array's length; the length is also stored inside, so that a C
/// `rd_kafka_message_t *` converts back).
#[repr(C)]
pub struct MessageObjG<T: ?Sized> {
    /// The C-visible part; must stay the first field.
    pub msg: rd_kafka_message_t,
    // The producer's loop reads and writes little more than `msg` and the
    // fields up to `accounted`, which share its cache lines (the message
    // is cold by then: it waited for linger.ms, and again for the broker).
    /// Timestamp in ms since the epoch (its type is `tstype`).
    pub timestamp: i64,
    /// Parsed or application-set headers (a HeadersObj handle) or NULL.
    headers: *mut rd_kafka_headers_t,
    /// Producer: size counted for queue limits and batches (key, value,
    /// headers), computed once.
    pub wire_size: usize,
    pub(crate) produce_errstr: Option<CString>,
    pub tstype: rd_kafka_timestamp_type_t,
    pub broker_id: i32,
    pub status: rd_kafka_msg_status_t,
    kind: MsgKind,
    /// Producer: the message holds queue space (`wire_size` bytes) of its
    /// topic's producer, given back when the message is destroyed (after
    /// its delivery report was served).
    pub(crate) accounted: bool,
    magic: u64,
    /// Length of `data`.
    data_len: usize,
    /// Producer: when produce() accepted the message, in microseconds of
    /// the monotonic clock ([`mono_us`]); -1 for
    /// other messages.
    pub enq_us: i64,
    payload: MsgBuf,
    key: MsgBuf,
    /// Consumer: unparsed wire headers.
    raw_headers: MsgBuf,
    /// Free slot for engine data that travels with the message (e.g. the
    /// share consumer's ack state).
    pub ext: Option<Box<dyn Any + Send>>,
    pub leader_epoch: i32,
    /// Producer: how many times the message was sent again.
    pub retries: u32,
    /// Producer (idempotent): the sequence number given to the message, -1
    /// before it is first sent.
    pub seq: i32,
    pub delivery_count: i16,
    /// Producer: copied key and value (see `MsgBuf::Inline`).
    data: T,
}

// SAFETY: the raw pointers inside are owned by the message (or are the
// application's buffers it was given), and a message is used by one thread
// at a time.
unsafe impl<T: ?Sized + Send> Send for MessageObjG<T> {}

/// A hint to load the cache line at `p` (no effect on other targets).
#[inline(always)]
fn prefetch_line(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A hint to load the first two cache lines of the message at `p` (any
/// address: nothing is read).
#[inline(always)]
pub fn prefetch_message(p: *const rd_kafka_message_t) {
    prefetch_line(p as *const u8);
    prefetch_line((p as *const u8).wrapping_add(64));
}

/// The bytes of a (pointer, length) pair of the C struct (NULL: None).
fn view<'a>(p: *const c_void, len: size_t) -> Option<&'a [u8]> {
    if p.is_null() {
        None
    } else if len == 0 {
        Some(&[])
    } else {
        // SAFETY: the C view of a message's own buffer (see MsgBuf::c_view),
        // valid as long as the message.
        Some(unsafe { std::slice::from_raw_parts(p as *const u8, len) })
    }
}

fn to_cstring(s: &str) -> CString {
    CString::new(s.replace('\0', " ")).unwrap_or_default()
}

/// Where a produced message's key or payload comes from.
enum Src<'a> {
    /// This buffer.
    Buf(MsgBuf),
    /// A copy of these bytes, inside the message (None: Kafka null).
    Copy(Option<&'a [u8]>),
}

impl MessageObj {
    #[inline(always)]
    fn hdr(kind: MsgKind, rkt: *mut rd_kafka_topic_t, partition: i32) -> MessageHdr {
        MessageObjG {
            msg: rd_kafka_message_t {
                err: RD_KAFKA_RESP_ERR_NO_ERROR,
                rkt: topic_acquire(rkt),
                partition,
                payload: ptr::null_mut(),
                len: 0,
                key: ptr::null_mut(),
                key_len: 0,
                offset: RD_KAFKA_OFFSET_INVALID,
                _private: ptr::null_mut(),
            },
            magic: MESSAGE_MAGIC,
            data_len: 0,
            payload: MsgBuf::Null,
            key: MsgBuf::Null,
            raw_headers: MsgBuf::Null,
            headers: ptr::null_mut(),
            timestamp: -1,
            enq_us: -1,
            produce_errstr: None,
            ext: None,
            wire_size: 0,
            tstype: RD_KAFKA_TIMESTAMP_NOT_AVAILABLE,
            broker_id: -1,
            leader_epoch: -1,
            status: RD_KAFKA_MSG_STATUS_NOT_PERSISTED,
            retries: 0,
            seq: -1,
            delivery_count: 0,
            kind,
            accounted: false,
            data: [],
        }
    }

    fn blank(kind: MsgKind, rkt: *mut rd_kafka_topic_t, partition: i32) -> Box<MessageObj> {
        MessageObj::alloc(kind, rkt, partition, [&[], &[]], None)
    }

    /// The allocation layout of a message with `n` trailing bytes (repr(C):
    /// the bytes start at the offset of `data`, the size is rounded up to
    /// the alignment), which Box frees it with.
    #[inline(always)]
    fn layout_for(n: usize) -> std::alloc::Layout {
        let off = std::mem::offset_of!(MessageHdr, data);
        std::alloc::Layout::from_size_align(off + n, std::mem::align_of::<MessageHdr>())
            .expect("message size")
            .pad_to_align()
    }

    /// A new message on the heap followed by the concatenation of `parts`,
    /// in one allocation (built in place: the fixed part is large).
    #[inline(always)]
    fn alloc(kind: MsgKind, rkt: *mut rd_kafka_topic_t, partition: i32, parts: [&[u8]; 2], cache: Option<&BlockCache>) -> Box<MessageObj> {
        let n = parts[0].len() + parts[1].len();
        let off = std::mem::offset_of!(MessageHdr, data);
        let layout = MessageObj::layout_for(n);
        // SAFETY: a non-zero-sized layout at least as large as the fixed
        // part (whose own size may include tail padding that the bytes then
        // overwrite), written first; then the bytes at the offset of `data`.
        // A cached block was allocated with this very layout.
        unsafe {
            let p = match cache.and_then(|c| c.take(layout)) {
                Some(p) => p,
                None => std::alloc::alloc(layout),
            };
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            ptr::write(p as *mut MessageHdr, MessageObj::hdr(kind, rkt, partition));
            (*(p as *mut MessageHdr)).data_len = n;
            let d = p.add(off);
            ptr::copy_nonoverlapping(parts[0].as_ptr(), d, parts[0].len());
            ptr::copy_nonoverlapping(parts[1].as_ptr(), d.add(parts[0].len()), parts[1].len());
            Box::from_raw(ptr::slice_from_raw_parts_mut(p, n) as *mut MessageObj)
        }
    }

    /// The whole object behind a pointer to its first field.
    ///
    /// # Safety
    /// `p` must point to a live MessageObj.
    unsafe fn fat(p: *const rd_kafka_message_t) -> *mut MessageObj {
        // SAFETY: caller contract; the fixed part is a prefix of the object.
        let n = unsafe { (*(p as *const MessageHdr)).data_len };
        ptr::slice_from_raw_parts_mut(p as *mut u8, n) as *mut MessageObj
    }

    /// An empty consumer-side message (no topic, no error, no data).
    pub fn empty() -> Box<MessageObj> {
        MessageObj::blank(MsgKind::Consumer, ptr::null_mut(), RD_KAFKA_PARTITION_UA)
    }

    /// A consumed record. Its status is PERSISTED, as for librdkafka.
    pub fn consumed(c: Consumed) -> Box<MessageObj> {
        let mut m = MessageObj::blank(MsgKind::Consumer, c.rkt, c.partition);
        m.msg.offset = c.offset;
        m.set_payload(c.payload);
        m.set_key(c.key);
        m.raw_headers = c.raw_headers;
        m.timestamp = c.timestamp;
        m.tstype = c.tstype;
        m.broker_id = c.broker_id;
        m.leader_epoch = c.leader_epoch;
        m.delivery_count = c.delivery_count;
        m.status = RD_KAFKA_MSG_STATUS_PERSISTED;
        m
    }

    /// A consumer error message: `err` set, the error string (if any) as the
    /// NUL-terminated payload, `offset` where it applies.
    pub fn consumer_error(
        rkt: *mut rd_kafka_topic_t,
        partition: i32,
        err: rd_kafka_resp_err_t,
        offset: i64,
        errstr: Option<&str>,
        broker_id: i32,
    ) -> Box<MessageObj> {
        let mut m = MessageObj::blank(MsgKind::Consumer, rkt, partition);
        m.msg.err = err;
        m.msg.offset = offset;
        m.broker_id = broker_id;
        m.set_payload(errstr.map_or(MsgBuf::Null, |s| MsgBuf::Text(to_cstring(s))));
        m
    }

    /// A produced message: key and payload from their sources (copies go
    /// into the message's own allocation), create-time timestamp (now if
    /// 0), enqueue time now, opaque in `_private`, status NOT_PERSISTED.
    fn produced(p: Produce, key: Src<'_>, value: Src<'_>, cache: Option<&BlockCache>) -> Box<MessageObj> {
        let now = mono_us();
        let kc = match &key {
            Src::Copy(k) => k.unwrap_or(&[]),
            Src::Buf(_) => &[],
        };
        let vc = match &value {
            Src::Copy(v) => v.unwrap_or(&[]),
            Src::Buf(_) => &[],
        };
        let mut m = MessageObj::alloc(MsgKind::Producer, p.rkt, p.partition, [kc, vc], cache);
        m.msg._private = p.opaque;
        m.headers = p.headers.map_or(ptr::null_mut(), |h| Box::into_raw(h) as *mut rd_kafka_headers_t);
        m.timestamp = if p.timestamp != 0 { p.timestamp } else { wall_ms_at(now) };
        m.tstype = RD_KAFKA_TIMESTAMP_CREATE_TIME;
        m.enq_us = now;
        let base = m.data.as_ptr();
        match key {
            Src::Buf(b) => m.set_key(b),
            // SAFETY (both): the copies are at the start of `data`, key first.
            Src::Copy(Some(k)) => m.set_key(MsgBuf::Inline { ptr: base, len: k.len() }),
            Src::Copy(None) => {}
        }
        match value {
            Src::Buf(b) => m.set_payload(b),
            Src::Copy(Some(v)) => m.set_payload(MsgBuf::Inline { ptr: unsafe { base.add(kc.len()) }, len: v.len() }),
            Src::Copy(None) => {}
        }
        m.wire_size = m.msg.len + m.msg.key_len + m.headers().map_or(0, |h| h.serialized_size());
        m
    }

    /// A message accepted by produce(): create-time timestamp (now if 0),
    /// enqueue time now, opaque in `_private`, status NOT_PERSISTED.
    pub fn produce(mut p: Produce) -> Box<MessageObj> {
        let key = std::mem::replace(&mut p.key, MsgBuf::Null);
        let payload = std::mem::replace(&mut p.payload, MsgBuf::Null);
        MessageObj::produced(p, Src::Buf(key), Src::Buf(payload), None)
    }

    /// Like [`MessageObj::produce`], copying the key and the value into the
    /// message's own allocation (`p.key` and `p.payload` are ignored).
    pub fn produce_copied(p: Produce, key: Option<&[u8]>, value: Option<&[u8]>) -> Box<MessageObj> {
        MessageObj::produced(p, Src::Copy(key), Src::Copy(value), None)
    }

    /// [`MessageObj::produce_copied`] in a block from `cache` if it has one
    /// of the right size.
    pub fn produce_copied_in(p: Produce, key: Option<&[u8]>, value: Option<&[u8]>, cache: &BlockCache) -> Box<MessageObj> {
        MessageObj::produced(p, Src::Copy(key), Src::Copy(value), Some(cache))
    }

    /// Like [`MessageObj::produce`], copying the key into the message's own
    /// allocation (`p.key` is ignored; the payload is `p.payload`).
    pub fn produce_key_copied(mut p: Produce, key: Option<&[u8]>) -> Box<MessageObj> {
        let payload = std::mem::replace(&mut p.payload, MsgBuf::Null);
        MessageObj::produced(p, Src::Copy(key), Src::Buf(payload), None)
    }

    /// [`MessageObj::produce_key_copied`] in a block from `cache` if it has
    /// one of the right size.
    pub fn produce_key_copied_in(mut p: Produce, key: Option<&[u8]>, cache: &BlockCache) -> Box<MessageObj> {
        let payload = std::mem::replace(&mut p.payload, MsgBuf::Null);
        MessageObj::produced(p, Src::Copy(key), Src::Buf(payload), Some(cache))
    }

    /// Destroys a message, keeping its memory in `blocks` (for
    /// [`BlockFree::finish`]) when it has the blocks' size.
    pub fn free_into(self: Box<Self>, blocks: &mut BlockFree) {
        let layout = std::alloc::Layout::for_value(&*self);
        let p = Box::into_raw(self);
        // SAFETY: `p` came from a Box: the object is dropped in place and its
        // memory (allocated with `layout`) is freed or kept exactly once.
        unsafe {
            ptr::drop_in_place(p);
            blocks.keep(p as *mut u8, layout);
        }
    }

    /// Records the outcome of producing, turning the message into its
    /// delivery report.
    pub fn set_delivery(&mut self, d: Delivery) {
        self.msg.err = d.err;
        self.msg.partition = d.partition;
        self.msg.offset = d.offset;
        if let Some(ts) = d.log_append_time.filter(|&t| t != -1) {
            self.timestamp = ts;
            self.tstype = RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME;
        }
        self.broker_id = d.broker_id;
        self.status = d.status;
        self.produce_errstr = d.errstr.as_deref().map(to_cstring);
    }

    /// A produced message together with its outcome, in one step.
    pub fn delivery_report(p: Produce, d: Delivery) -> Box<MessageObj> {
        let mut m = MessageObj::produce(p);
        m.set_delivery(d);
        m
    }

    pub fn kind(&self) -> MsgKind {
        self.kind
    }

    /// Replaces the payload and updates `payload`/`len`.
    pub fn set_payload(&mut self, b: MsgBuf) {
        self.payload = b;
        (self.msg.payload, self.msg.len) = self.payload.c_view();
    }

    /// Replaces the key and updates `key`/`key_len`.
    pub fn set_key(&mut self, b: MsgBuf) {
        self.key = b;
        (self.msg.key, self.msg.key_len) = self.key.c_view();
    }

    /// The payload bytes (None for null). For consumer errors: the error string.
    pub fn payload(&self) -> Option<&[u8]> {
        self.payload.as_slice()
    }

    pub fn key(&self) -> Option<&[u8]> {
        self.key.as_slice()
    }

    /// Asks the CPU to load the message's first two cache lines (the C
    /// struct and the fields the producer's loop uses) ahead of use: loops
    /// over many cold messages call this a few messages ahead.
    #[inline(always)]
    pub fn prefetch(&self) {
        prefetch_message(&self.msg);
    }

    /// Like [`MessageObj::prefetch`], for all the lines destroying the
    /// message reads (and the allocator's header before it).
    #[inline(always)]
    pub fn prefetch_all(&self) {
        let p = self as *const MessageObj as *const u8;
        for off in [-16isize, 0, 64, 128, 192, 256] {
            prefetch_line(p.wrapping_offset(off));
        }
    }

    /// Like [`MessageObj::prefetch`], also for the first bytes of the
    /// message's own data (copied key and value).
    #[inline(always)]
    pub fn prefetch_with_data(&self) {
        self.prefetch();
        let d = self.data.as_ptr();
        let end = d.wrapping_add(self.data.len().min(192));
        let mut p = d;
        while p < end {
            prefetch_line(p);
            p = p.wrapping_add(64);
        }
    }

    /// Producer: the payload as the C struct shows it (the same bytes as
    /// [`MessageObj::payload`], read from the struct's first cache line).
    pub fn payload_view(&self) -> Option<&[u8]> {
        view(self.msg.payload, self.msg.len)
    }

    /// Producer: the key as the C struct shows it (see `payload_view`).
    pub fn key_view(&self) -> Option<&[u8]> {
        view(self.msg.key, self.msg.key_len)
    }

    /// Stops the message from freeing an application payload given with
    /// RD_KAFKA_MSG_F_FREE (for a produce() call that fails: the buffer
    /// stays the application's).
    pub fn disown_payload(&mut self) {
        if let MsgBuf::App { free, .. } = &mut self.payload {
            *free = false;
        }
    }

    /// The headers set on the message or already parsed (producer: the
    /// headers to write). Does not parse raw consumer headers.
    pub fn headers(&self) -> Option<&HeadersObj> {
        // SAFETY: `headers` is NULL or a HeadersObj owned by this message.
        unsafe { HeadersObj::from_ptr(self.headers) }
    }

    /// Takes the headers away from the message (e.g. to give them back to
    /// the application when produce() fails).
    pub fn take_headers(&mut self) -> Option<Box<HeadersObj>> {
        let p = std::mem::replace(&mut self.headers, ptr::null_mut());
        // SAFETY: `headers` was NULL or a HeadersObj owned by this message.
        unsafe { HeadersObj::from_raw(p) }
    }

    /// Replaces the headers (the old ones are dropped).
    pub fn set_headers(&mut self, h: Option<Box<HeadersObj>>) {
        drop(self.take_headers());
        self.headers = h.map_or(ptr::null_mut(), |h| Box::into_raw(h) as *mut rd_kafka_headers_t);
    }

    /// The header list handle for rd_kafka_message_headers(): the current
    /// list, or for consumed messages the raw headers parsed now.
    pub(crate) fn headers_handle(&mut self) -> Result<*mut rd_kafka_headers_t, rd_kafka_resp_err_t> {
        if !self.headers.is_null() {
            return Ok(self.headers);
        }
        if self.kind == MsgKind::Producer {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        let raw = self.raw_headers.as_slice().unwrap_or(&[]);
        if raw.is_empty() {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        let parsed = HeadersObj::parse_wire(raw)?;
        self.headers = Box::new(parsed).into_raw();
        Ok(self.headers)
    }

    /// Forgets the header handle without freeing it (the application took it).
    pub(crate) fn forget_headers_handle(&mut self) {
        self.headers = ptr::null_mut();
    }

    /// Installs an application header list, destroying the previous one.
    ///
    /// # Safety
    /// `hdrs` must be NULL or a live HeadersObj handle whose ownership the
    /// caller gives up.
    pub(crate) unsafe fn set_headers_handle(&mut self, hdrs: *mut rd_kafka_headers_t) {
        if self.headers == hdrs {
            return;
        }
        drop(self.take_headers());
        self.headers = hdrs;
    }

    /// Producer: microseconds since produce(), or -1.
    pub fn latency_us(&self) -> i64 {
        if self.enq_us < 0 {
            return -1;
        }
        (mono_us() - self.enq_us).max(0)
    }

    /// Moves the message to the heap as an `rd_kafka_message_t *`
    /// (rd_kafka_message_destroy() frees it).
    pub fn into_raw(self: Box<Self>) -> *mut rd_kafka_message_t {
        Box::into_raw(self) as *mut rd_kafka_message_t
    }

    /// Takes back ownership of a message made by `into_raw`; None for NULL or
    /// a pointer that is not one of our live messages.
    ///
    /// # Safety
    /// `p` must be NULL or point to a live `rd_kafka_message_t` that nothing
    /// else will use or free afterwards.
    pub unsafe fn from_raw(p: *mut rd_kafka_message_t) -> Option<Box<MessageObj>> {
        // SAFETY: caller contract; the magic check rejects foreign structs.
        unsafe { MessageObj::from_ptr(p) }?;
        // SAFETY: verified to be one of ours.
        Some(unsafe { Box::from_raw(MessageObj::fat(p)) })
    }

    /// Borrows the message behind a pointer; None for NULL or a pointer that
    /// is not one of our live messages.
    ///
    /// # Safety
    /// `p` must be NULL or point to a live message made by `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_message_t) -> Option<&'a MessageObj> {
        // SAFETY: caller contract; the fixed part is read first.
        let h = unsafe { (p as *const MessageHdr).as_ref() }?;
        if h.magic != MESSAGE_MAGIC {
            return None;
        }
        // SAFETY: one of ours.
        Some(unsafe { &*MessageObj::fat(p) })
    }

    /// Mutable variant of [`MessageObj::from_ptr`].
    ///
    /// # Safety
    /// As for `from_ptr`, and no other reference to the message may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_message_t) -> Option<&'a mut MessageObj> {
        // SAFETY: caller contract; the fixed part is read first.
        let h = unsafe { (p as *const MessageHdr).as_ref() }?;
        if h.magic != MESSAGE_MAGIC {
            return None;
        }
        // SAFETY: one of ours, not borrowed elsewhere.
        Some(unsafe { &mut *MessageObj::fat(p) })
    }
}

impl<T: ?Sized> Drop for MessageObjG<T> {
    fn drop(&mut self) {
        self.magic = 0;
        let h = std::mem::replace(&mut self.headers, ptr::null_mut());
        // SAFETY: `headers` was NULL or a HeadersObj owned by this message.
        drop(unsafe { HeadersObj::from_raw(h) });
        if self.accounted {
            self.accounted = false;
            // SAFETY: the message still holds its reference on the topic,
            // which holds the producer.
            if let Some(q) = unsafe { topic_producer(self.msg.rkt) } {
                q.release(1, self.wire_size);
            }
        }
        // SAFETY: the reference the message took when it was made.
        unsafe { topic_release(self.msg.rkt) };
        self.msg.rkt = ptr::null_mut();
        // payload, key and raw_headers are dropped with the struct (MsgBuf
        // frees application buffers given with RD_KAFKA_MSG_F_FREE).
    }
}

/// The producer queue a produced message holds space in until it is
/// destroyed (the engine's producer implements it).
pub trait ProducerQueue {
    /// Gives back the queue space of `msgs` messages of `bytes` bytes.
    fn release(&self, msgs: usize, bytes: usize);
    /// Where the memory of destroyed messages goes, for new ones.
    fn blocks(&self) -> &BlockCache;
}

/// How a message reaches the topic object its `rkt` points to. Topic
/// objects (`rd_kafka_topic_t *`) belong to the engine, which installs its
/// functions with [`set_topic_link`] before it makes the first one; a
/// message with a non-NULL `rkt` is therefore never made before that.
pub struct TopicLink {
    /// Takes a reference on the topic (a message keeps its topic alive).
    pub acquire: unsafe fn(*mut rd_kafka_topic_t),
    /// Drops a reference taken with `acquire`.
    pub release: unsafe fn(*mut rd_kafka_topic_t),
    /// The producer whose queue the topic's produced messages count
    /// against (None before the topic was first produced to). The
    /// pointer is valid while a reference on the topic is held.
    pub producer: unsafe fn(*mut rd_kafka_topic_t) -> Option<*const dyn ProducerQueue>,
}

static TOPIC_LINK: std::sync::OnceLock<&'static TopicLink> = std::sync::OnceLock::new();

/// Installs the engine's topic functions (the first call wins; later calls
/// are no-ops).
pub fn set_topic_link(link: &'static TopicLink) {
    let _ = TOPIC_LINK.get_or_init(|| link);
}

/// Takes a reference on a topic handle for an object (a message) that points
/// to it, keeping the topic alive as long as the object. NULL is ignored.
#[inline]
pub fn topic_acquire(rkt: *mut rd_kafka_topic_t) -> *mut rd_kafka_topic_t {
    if !rkt.is_null() {
        if let Some(l) = TOPIC_LINK.get() {
            // SAFETY: rkt is a live topic handle (only the engine makes them).
            unsafe { (l.acquire)(rkt) };
        }
    }
    rkt
}

/// Drops a reference taken with [`topic_acquire`]. NULL is ignored.
///
/// # Safety
/// `rkt` is NULL or a handle the caller holds a reference on.
#[inline]
pub unsafe fn topic_release(rkt: *mut rd_kafka_topic_t) {
    if !rkt.is_null() {
        if let Some(l) = TOPIC_LINK.get() {
            // SAFETY: caller contract.
            unsafe { (l.release)(rkt) };
        }
    }
}

/// The producer queue of a topic's messages, if it has one.
///
/// # Safety
/// `rkt` is NULL or a handle the caller holds a reference on; the result
/// must not outlive that reference.
#[inline]
unsafe fn topic_producer<'a>(rkt: *mut rd_kafka_topic_t) -> Option<&'a dyn ProducerQueue> {
    if rkt.is_null() {
        return None;
    }
    // SAFETY: caller contract.
    TOPIC_LINK.get().and_then(|l| unsafe { (l.producer)(rkt) }).map(|q| unsafe { &*q })
}

/// Most blocks a [`BlockCache`] keeps, and most bytes.
const CACHE_MAX_BLOCKS: usize = 16384;
const CACHE_MAX_BYTES: usize = 8 << 20;

/// Memory of destroyed messages of one size, reused (last freed first,
/// still in the CPU's cache) for new messages of that size: a producer's
/// messages are usually alike, and this spares the allocator a round trip
/// per message. The size is the one most recently given back.
#[derive(Default)]
pub struct BlockCache {
    inner: parking_lot::Mutex<CacheInner>,
}

#[derive(Default)]
struct CacheInner {
    size: usize,
    blocks: Vec<*mut u8>,
    /// Blocks that stay unused for a second are freed: the cache holds the
    /// producer's working set, not the largest burst of delivery reports
    /// it ever saw (see crate::recycle).
    idle: crate::recycle::IdleTrim,
}

// SAFETY: the cache owns the blocks (plain memory).
unsafe impl Send for BlockCache {}
unsafe impl Sync for BlockCache {}

impl BlockCache {
    /// A block for `layout`, if one is cached.
    fn take(&self, layout: std::alloc::Layout) -> Option<*mut u8> {
        let mut g = self.inner.lock();
        if g.size != layout.size() {
            return None;
        }
        let p = g.blocks.pop();
        let left = g.blocks.len();
        g.idle.taken(left);
        p
    }

    /// Keeps the blocks of `f` (up to the limits); frees the others, and
    /// the cached blocks that stayed unused for a whole idle period.
    fn put(&self, f: &mut BlockFree) {
        self.put_at(f, crate::recycle::coarse_ms());
    }

    fn put_at(&self, f: &mut BlockFree, now_ms: i64) {
        let Some(layout) = f.layout else { return };
        let (expired, cached_size) = {
            let mut g = self.inner.lock();
            if g.size != layout.size() && g.blocks.is_empty() {
                g.size = layout.size();
            }
            if g.size == layout.size() {
                let room = CACHE_MAX_BLOCKS.min(CACHE_MAX_BYTES / layout.size().max(1)).saturating_sub(g.blocks.len());
                let n = room.min(f.blocks.len());
                // The last freed go on top (taken first).
                let start = f.blocks.len() - n;
                g.blocks.extend(f.blocks.drain(start..));
            }
            // The oldest are at the bottom.
            let idle = g.blocks.len();
            let n = g.idle.expired(idle, now_ms);
            let expired = g.blocks.drain(..n).collect::<Vec<_>>();
            if n > 0 && g.blocks.capacity() > 4 * g.blocks.len().max(256) {
                let keep = 2 * g.blocks.len();
                g.blocks.shrink_to(keep);
            }
            (expired, g.size)
        };
        for p in f.blocks.drain(..) {
            // SAFETY: allocated with `layout`, owned by `f`.
            unsafe { std::alloc::dealloc(p, layout) };
        }
        if let Ok(l) = std::alloc::Layout::from_size_align(cached_size, std::mem::align_of::<MessageHdr>()) {
            for &p in &expired {
                // SAFETY: cached blocks were allocated with this layout.
                unsafe { std::alloc::dealloc(p, l) };
            }
        }
        crate::recycle::released(expired.len() * cached_size);
    }

    /// Blocks cached now.
    #[cfg(test)]
    fn cached(&self) -> usize {
        self.inner.lock().blocks.len()
    }
}

impl Drop for BlockCache {
    fn drop(&mut self) {
        let g = self.inner.get_mut();
        if let Ok(layout) = std::alloc::Layout::from_size_align(g.size, std::mem::align_of::<MessageHdr>()) {
            for p in g.blocks.drain(..) {
                // SAFETY: cached blocks were allocated with this layout.
                unsafe { std::alloc::dealloc(p, layout) };
            }
        }
    }
}

/// Memory of messages being destroyed in one go, for a [`BlockCache`].
#[derive(Default)]
pub struct BlockFree {
    layout: Option<std::alloc::Layout>,
    blocks: Vec<*mut u8>,
}

impl BlockFree {
    /// Takes a block of `layout` (freed now if its size differs from the
    /// first block's).
    ///
    /// # Safety
    /// `p` was allocated with `layout` and is not used afterwards.
    unsafe fn keep(&mut self, p: *mut u8, layout: std::alloc::Layout) {
        match self.layout {
            None => self.layout = Some(layout),
            Some(l) if l == layout => {}
            // SAFETY: caller contract.
            Some(_) => return unsafe { std::alloc::dealloc(p, layout) },
        }
        self.blocks.push(p);
    }

    /// Gives the blocks to `cache` (or frees them).
    pub fn finish(mut self, cache: &BlockCache) {
        cache.put(&mut self);
    }
}

impl Drop for BlockFree {
    fn drop(&mut self) {
        if let Some(layout) = self.layout {
            for p in self.blocks.drain(..) {
                // SAFETY: allocated with `layout`, owned here.
                unsafe { std::alloc::dealloc(p, layout) };
            }
        }
    }
}

/// Destroys messages as rd_kafka_message_destroy() does, giving back the
/// producer queue space they hold in one step per producer.
///
/// # Safety
/// As for rd_kafka_message_destroy(), for each pointer.
pub unsafe fn destroy_all(msgs: &[*mut rd_kafka_message_t]) {
    /// The producer of the messages being destroyed, their count and bytes
    /// of queue space, and their memory. `rkt`: a reference on the topic of
    /// the group's first message, which keeps the producer alive.
    struct Group {
        rkt: *mut rd_kafka_topic_t,
        shared: *const dyn ProducerQueue,
        n: usize,
        bytes: usize,
        blocks: BlockFree,
    }
    impl Group {
        fn finish(self) {
            // SAFETY: the group's topic reference keeps the producer alive.
            let shared = unsafe { &*self.shared };
            if self.n > 0 {
                shared.release(self.n, self.bytes);
            }
            self.blocks.finish(shared.blocks());
            // SAFETY: taken when the group was made.
            unsafe { topic_release(self.rkt) };
        }
    }
    let mut group: Option<Group> = None;
    for (i, &p) in msgs.iter().enumerate() {
        // Load the lines destroying reads (after the C struct, which the
        // application just read) a few messages ahead; and the allocator's
        // chunk header just before the object.
        if let Some(&ahead) = msgs.get(i + 4) {
            let a = ahead as *const u8;
            for off in [-16isize, 128, 192, 256] {
                prefetch_line(a.wrapping_offset(off));
            }
        }
        // SAFETY: caller contract.
        let Some(mut m) = (unsafe { MessageObj::from_raw(p) }) else { continue };
        // SAFETY: the message holds its reference on the topic.
        let shared = match m.kind {
            MsgKind::Producer => unsafe { topic_producer(m.msg.rkt) }.map(|q| q as *const dyn ProducerQueue),
            MsgKind::Consumer => None,
        };
        let Some(shared) = shared else {
            drop(m);
            continue;
        };
        if !group.as_ref().is_some_and(|g| std::ptr::addr_eq(g.shared, shared)) {
            if let Some(g) = group.take() {
                g.finish();
            }
            let rkt = topic_acquire(m.msg.rkt);
            group = Some(Group { rkt, shared, n: 0, bytes: 0, blocks: BlockFree::default() });
        }
        let g = group.as_mut().expect("group");
        if m.accounted {
            m.accounted = false;
            g.n += 1;
            g.bytes += m.wire_size;
        }
        m.free_into(&mut g.blocks);
    }
    if let Some(g) = group {
        g.finish();
    }
}

/// The object behind `rd_kafka_messages_t *`: a batch of owned messages.
pub struct MessagesObj {
    pub(crate) msgs: Vec<*mut rd_kafka_message_t>,
}

// SAFETY: the batch owns its messages, which are Send.
unsafe impl Send for MessagesObj {}

impl MessagesObj {
    pub fn new(msgs: Vec<Box<MessageObj>>) -> Self {
        MessagesObj { msgs: msgs.into_iter().map(MessageObj::into_raw).collect() }
    }

    pub fn len(&self) -> usize {
        self.msgs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.msgs.is_empty()
    }

    /// Moves the batch to the heap as an `rd_kafka_messages_t *`.
    pub fn into_raw(self) -> *mut rd_kafka_messages_t {
        Box::into_raw(Box::new(self)) as *mut rd_kafka_messages_t
    }

    /// Borrows the batch behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_messages_t) -> Option<&'a MessagesObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const MessagesObj).as_ref() }
    }
}

impl Drop for MessagesObj {
    fn drop(&mut self) {
        for m in self.msgs.drain(..) {
            // SAFETY: the batch owns its messages.
            drop(unsafe { MessageObj::from_raw(m) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The producer's block cache keeps its working set: blocks left by a
    /// burst of delivery reports are freed once they stayed unused for an
    /// idle period, and the hard caps still hold.
    #[test]
    fn block_cache_frees_blocks_a_burst_left() {
        use crate::recycle::IDLE_MS;
        let layout = MessageObj::layout_for(100);
        let freed = |n: usize| {
            let mut f = BlockFree::default();
            for _ in 0..n {
                // SAFETY: a fresh block of `layout`, handed over.
                unsafe { f.keep(std::alloc::alloc(layout), layout) };
            }
            f
        };
        let cache = BlockCache::default();
        let t0 = 50_000;
        // A burst: 3000 messages destroyed at once.
        cache.put_at(&mut freed(3000), t0);
        assert_eq!(cache.cached(), 3000);
        // Steady production for a second: 50 messages made and destroyed
        // every 10 ms, on cached blocks.
        for i in 0..100 {
            let mut f = BlockFree::default();
            for _ in 0..50 {
                let p = cache.take(layout).expect("a cached block");
                // SAFETY: the block came from the cache with `layout`.
                unsafe { f.keep(p, layout) };
            }
            cache.put_at(&mut f, t0 + i * 10);
            assert_eq!(cache.cached(), 3000);
        }
        // The period is over: only the 50 in use stay.
        cache.put_at(&mut BlockFree { layout: Some(layout), blocks: Vec::new() }, t0 + IDLE_MS);
        assert_eq!(cache.cached(), 50);
        // Unused for another period: all gone.
        cache.put_at(&mut BlockFree { layout: Some(layout), blocks: Vec::new() }, t0 + 2 * IDLE_MS);
        assert_eq!(cache.cached(), 0);
        // However large a burst, the caps hold.
        cache.put_at(&mut freed(CACHE_MAX_BLOCKS + 100), t0 + 2 * IDLE_MS + 1);
        assert!(cache.cached() <= CACHE_MAX_BLOCKS);
        assert!(cache.cached() * layout.size() <= CACHE_MAX_BYTES);
    }
}
