//! Message headers.
//!
//! An `rd_kafka_headers_t *` points to a [`HeadersObj`]: an ordered list of
//! (name, value) pairs in which names may repeat. Every name and value is
//! kept in its own heap block with a trailing NUL byte that is not part of
//! its size, so the pointers handed to the application stay put while the
//! list grows or shrinks, and string values can be used as C strings.
//!
//! rdkafka.h allows `_READ_ONLY` from add/remove, but librdkafka never
//! returns it: the headers of consumed messages can be modified (e.g. before
//! producing the message again), and so they can here.
//!
//! The engine builds header lists from the wire with
//! [`HeadersObj::parse_wire`] (the record-level header section of a v2
//! record) and writes them with [`HeadersObj::write_wire`].

use crate::objects::types::*;
use std::os::raw::{c_char, c_void};
use std::ptr;

/// Header lists with more entries than this on the wire are rejected as
/// corrupt (librdkafka uses the same bound).
pub(crate) const MAX_WIRE_HEADERS: i64 = 100_000;

/// One header: a name and an optional (NULL) value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// One allocation: the name, a NUL, then (unless the value is NULL) the
    /// value and another NUL.
    data: Box<[u8]>,
    /// Length of the name.
    name_len: u32,
    /// Length of the value, None for a NULL value.
    value_len: Option<u32>,
}

impl Header {
    pub fn new(name: &[u8], value: Option<&[u8]>) -> Self {
        let total = name.len() + 1 + value.map_or(0, |v| v.len() + 1);
        let mut d = Vec::with_capacity(total);
        d.extend_from_slice(name);
        d.push(0);
        if let Some(v) = value {
            d.extend_from_slice(v);
            d.push(0);
        }
        Header { data: d.into_boxed_slice(), name_len: name.len() as u32, value_len: value.map(|v| v.len() as u32) }
    }

    /// The name, without the terminating NUL.
    pub fn name(&self) -> &[u8] {
        &self.data[..self.name_len as usize]
    }

    /// The value without the terminating NUL; None for a NULL value.
    pub fn value(&self) -> Option<&[u8]> {
        let start = self.name_len as usize + 1;
        self.value_len.map(|l| &self.data[start..start + l as usize])
    }

    /// NUL-terminated name for C.
    pub(crate) fn name_ptr(&self) -> *const c_char {
        self.data.as_ptr() as *const c_char
    }

    /// NUL-terminated value for C (NULL for a NULL value) and its size.
    pub(crate) fn value_ptr_len(&self) -> (*const c_void, usize) {
        match self.value_len {
            Some(l) => (self.data[self.name_len as usize + 1..].as_ptr() as *const c_void, l as usize),
            None => (ptr::null(), 0),
        }
    }

    /// The name up to its first NUL byte (what C string comparison sees).
    fn c_name(&self) -> &[u8] {
        let n = self.name();
        match n.iter().position(|&b| b == 0) {
            Some(i) => &n[..i],
            None => n,
        }
    }

    /// Size of this header in a v2 record: both lengths as varints plus the
    /// name and value bytes.
    fn wire_size(&self) -> usize {
        let name_len = self.name().len();
        let value_len = self.value().map_or(0, |v| v.len());
        let value_len_field = if self.value_len.is_some() { value_len as i64 } else { -1 };
        varint_len(name_len as i64) + name_len + varint_len(value_len_field) + value_len
    }
}

/// The object behind `rd_kafka_headers_t *`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadersObj {
    pub(crate) list: Vec<Header>,
}

impl HeadersObj {
    pub fn new() -> Self {
        HeadersObj { list: Vec::new() }
    }

    /// An empty list with room for `n` headers (capped, the hint is advisory).
    pub fn with_capacity(n: usize) -> Self {
        HeadersObj { list: Vec::with_capacity(n.min(1024)) }
    }

    /// Builds a list from (name, value) pairs, in order.
    pub fn from_pairs<'a, I>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (&'a [u8], Option<&'a [u8]>)>,
    {
        let mut h = HeadersObj::new();
        for (n, v) in pairs {
            h.add(n, v);
        }
        h
    }

    /// Appends a header (duplicates allowed).
    pub fn add(&mut self, name: &[u8], value: Option<&[u8]>) {
        self.list.push(Header::new(name, value));
    }

    /// Removes every header with this name; false if there was none.
    pub fn remove(&mut self, name: &[u8]) -> bool {
        let before = self.list.len();
        self.list.retain(|h| h.c_name() != name);
        self.list.len() != before
    }

    /// The last header with this name: Some(value) if found (the value itself
    /// may be None for a NULL value).
    pub fn get_last(&self, name: &[u8]) -> Option<Option<&[u8]>> {
        self.find_last(name).map(Header::value)
    }

    /// The `idx`-th (from 0) header with this name.
    pub fn get(&self, idx: usize, name: &[u8]) -> Option<Option<&[u8]>> {
        self.find_nth(idx, name).map(Header::value)
    }

    pub(crate) fn find_last(&self, name: &[u8]) -> Option<&Header> {
        self.list.iter().rev().find(|h| h.name() == name)
    }

    pub(crate) fn find_nth(&self, idx: usize, name: &[u8]) -> Option<&Header> {
        self.list.iter().filter(|h| h.name() == name).nth(idx)
    }

    /// The header at position `idx`.
    pub fn get_all(&self, idx: usize) -> Option<&Header> {
        self.list.get(idx)
    }

    /// The headers in order as (name, value) pairs.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&[u8], Option<&[u8]>)> + Clone + '_ {
        self.list.iter().map(|h| (h.name(), h.value()))
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Size of the headers in a v2 record, without the leading header count.
    pub fn serialized_size(&self) -> usize {
        self.list.iter().map(Header::wire_size).sum()
    }

    /// Appends the header section of a v2 record: the header count, then for
    /// each header the name length, name, value length (-1 for NULL) and
    /// value, all lengths as zigzag varints.
    pub fn write_wire(&self, out: &mut Vec<u8>) {
        out.reserve(varint_len(self.list.len() as i64) + self.serialized_size());
        write_varint(out, self.list.len() as i64);
        for h in &self.list {
            let name = h.name();
            write_varint(out, name.len() as i64);
            out.extend_from_slice(name);
            match h.value() {
                Some(v) => {
                    write_varint(out, v.len() as i64);
                    out.extend_from_slice(v);
                }
                None => write_varint(out, -1),
            }
        }
    }

    /// Parses the header section of a v2 record (the format of
    /// [`HeadersObj::write_wire`]). Trailing bytes are ignored.
    ///
    /// Errors: `_NOENT` when the section is empty or declares no headers,
    /// `_BAD_MSG` for an absurd header count or a malformed varint,
    /// `_UNDERFLOW` when the data ends early or a length is negative.
    pub fn parse_wire(buf: &[u8]) -> Result<HeadersObj, rd_kafka_resp_err_t> {
        if buf.is_empty() {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        let mut pos = 0usize;
        let count = read_varint(buf, &mut pos)?;
        if count <= 0 {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        if count > MAX_WIRE_HEADERS {
            return Err(RD_KAFKA_RESP_ERR__BAD_MSG);
        }
        let mut h = HeadersObj::with_capacity(count as usize);
        for _ in 0..count {
            let name_len = read_varint(buf, &mut pos)?;
            let name = take(buf, &mut pos, name_len)?;
            let value_len = read_varint(buf, &mut pos)?;
            let value = if value_len == -1 { None } else { Some(take(buf, &mut pos, value_len)?) };
            h.add(name, value);
        }
        Ok(h)
    }

    /// Moves the list to the heap as an `rd_kafka_headers_t *`.
    pub fn into_raw(self: Box<Self>) -> *mut rd_kafka_headers_t {
        // Taking the Box (not the value) keeps the list at its address: a
        // list handed back to the application after a failed produce must
        // be the very one it passed in.
        Box::into_raw(self) as *mut rd_kafka_headers_t
    }

    /// Takes back ownership of a list made by `into_raw`; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw` that nothing else
    /// will use or free afterwards.
    pub unsafe fn from_raw(p: *mut rd_kafka_headers_t) -> Option<Box<HeadersObj>> {
        if p.is_null() {
            None
        } else {
            // SAFETY: caller contract.
            Some(unsafe { Box::from_raw(p as *mut HeadersObj) })
        }
    }

    /// Borrows the list behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_headers_t) -> Option<&'a HeadersObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const HeadersObj).as_ref() }
    }

    /// Mutable variant of [`HeadersObj::from_ptr`].
    ///
    /// # Safety
    /// As for `from_ptr`, and no other reference to the list may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_headers_t) -> Option<&'a mut HeadersObj> {
        // SAFETY: caller contract.
        unsafe { (p as *mut HeadersObj).as_mut() }
    }
}

// ---------------------------------------------------------------------------
// Zigzag varints (the length encoding of v2 records).
// ---------------------------------------------------------------------------

/// Number of bytes of `v` as a zigzag varint.
pub fn varint_len(v: i64) -> usize {
    let mut u = ((v << 1) ^ (v >> 63)) as u64;
    let mut n = 1;
    while u >= 0x80 {
        u >>= 7;
        n += 1;
    }
    n
}

/// Appends `v` as a zigzag varint.
pub fn write_varint(out: &mut Vec<u8>, v: i64) {
    let mut u = ((v << 1) ^ (v >> 63)) as u64;
    while u >= 0x80 {
        out.push((u as u8 & 0x7f) | 0x80);
        u >>= 7;
    }
    out.push(u as u8);
}

/// Reads a zigzag varint at `*pos`, advancing it. A varint cut short is
/// `_UNDERFLOW`, one longer than ten bytes `_BAD_MSG`.
pub fn read_varint(buf: &[u8], pos: &mut usize) -> Result<i64, rd_kafka_resp_err_t> {
    let mut u: u64 = 0;
    let mut shift = 0u32;
    loop {
        let b = *buf.get(*pos).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
        *pos += 1;
        if shift >= 64 {
            return Err(RD_KAFKA_RESP_ERR__BAD_MSG);
        }
        u |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
}

fn take<'a>(buf: &'a [u8], pos: &mut usize, len: i64) -> Result<&'a [u8], rd_kafka_resp_err_t> {
    if len < 0 {
        return Err(RD_KAFKA_RESP_ERR__UNDERFLOW);
    }
    let end = pos.checked_add(len as usize).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
    let s = buf.get(*pos..end).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
    *pos = end;
    Ok(s)
}
