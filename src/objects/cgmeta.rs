//! Consumer group metadata objects (for sending offsets to a transaction).
//!
//! An `rd_kafka_consumer_group_metadata_t *` points to a [`CgMetadataObj`].
//! Its serialized form (rd_kafka_consumer_group_metadata_write/_read) is
//! librdkafka's, byte for byte, so buffers move freely between the two
//! libraries (on hosts of the same byte order):
//!
//! ```text
//! "CGMDv2:"                  7 bytes, no terminator
//! generation id              i32 in host byte order
//! group id                   NUL-terminated
//! member id                  NUL-terminated
//! instance id is NULL        1 byte: 1 = no instance id, 0 = one follows
//! [group instance id]        NUL-terminated, only when the flag is 0
//! ```
//!
//! Reading accepts only printable ASCII in the strings and rejects trailing
//! bytes.
//!
//! The C functions (rd_kafka_consumer_group_metadata_*()) are in the C
//! boundary.

use crate::objects::types::*;
use crate::error::KafkaError;
use std::borrow::Cow;
use std::ffi::{CStr, CString};

/// Leading bytes of a serialized object.
pub const CGMD_MAGIC: &[u8; 7] = b"CGMDv2:";

/// The object behind `rd_kafka_consumer_group_metadata_t *`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CgMetadataObj {
    pub(crate) group_id: CString,
    pub(crate) generation_id: i32,
    pub(crate) member_id: CString,
    pub(crate) group_instance_id: Option<CString>,
}

/// A CString of `s` up to its first NUL (C can only see that much).
fn c_of(s: &str) -> CString {
    let b = s.as_bytes();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    CString::new(&b[..end]).unwrap_or_default()
}

fn bad_msg(what: &str) -> KafkaError {
    KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, what)
}

/// Splits a NUL-terminated printable string off the front of `buf`.
fn take_printable(buf: &[u8]) -> Option<(&CStr, &[u8])> {
    let nul = buf.iter().position(|&b| b == 0)?;
    if !buf[..nul].iter().all(|&b| (0x20..=0x7e).contains(&b)) {
        return None;
    }
    let s = CStr::from_bytes_with_nul(&buf[..=nul]).ok()?;
    Some((s, &buf[nul + 1..]))
}

impl CgMetadataObj {
    /// Metadata for a group member. An empty member id and generation -1
    /// describe a group without membership (what _new() makes).
    pub fn new(group_id: &str, generation_id: i32, member_id: &str, group_instance_id: Option<&str>) -> Self {
        CgMetadataObj {
            group_id: c_of(group_id),
            generation_id,
            member_id: c_of(member_id),
            group_instance_id: group_instance_id.map(c_of),
        }
    }

    pub(crate) fn from_c(group_id: &CStr, generation_id: i32, member_id: &CStr, group_instance_id: Option<&CStr>) -> Self {
        CgMetadataObj {
            group_id: group_id.to_owned(),
            generation_id,
            member_id: member_id.to_owned(),
            group_instance_id: group_instance_id.map(CStr::to_owned),
        }
    }

    pub fn group_id(&self) -> Cow<'_, str> {
        self.group_id.to_string_lossy()
    }

    pub fn generation_id(&self) -> i32 {
        self.generation_id
    }

    pub fn member_id(&self) -> Cow<'_, str> {
        self.member_id.to_string_lossy()
    }

    pub fn group_instance_id(&self) -> Option<Cow<'_, str>> {
        self.group_instance_id.as_ref().map(|s| s.to_string_lossy())
    }

    /// The serialized form (see the module documentation).
    pub fn encode(&self) -> Vec<u8> {
        let gid = self.group_id.as_bytes_with_nul();
        let mid = self.member_id.as_bytes_with_nul();
        let iid = self.group_instance_id.as_ref().map(|s| s.as_bytes_with_nul());
        let mut out = Vec::with_capacity(CGMD_MAGIC.len() + 4 + gid.len() + mid.len() + 1 + iid.map_or(0, <[u8]>::len));
        out.extend_from_slice(CGMD_MAGIC);
        out.extend_from_slice(&self.generation_id.to_ne_bytes());
        out.extend_from_slice(gid);
        out.extend_from_slice(mid);
        match iid {
            Some(i) => {
                out.push(0);
                out.extend_from_slice(i);
            }
            None => out.push(1),
        }
        out
    }

    /// Parses the serialized form; every failure is `_BAD_MSG` with
    /// librdkafka's wording.
    pub fn decode(buf: &[u8]) -> Result<Self, KafkaError> {
        // Magic, generation id, two empty strings and the flag at least.
        if buf.len() < CGMD_MAGIC.len() + 4 + 3 {
            return Err(bad_msg("Input buffer is too short"));
        }
        if &buf[..CGMD_MAGIC.len()] != CGMD_MAGIC {
            return Err(bad_msg("Input buffer is not a serialized consumer group metadata object"));
        }
        let rest = &buf[CGMD_MAGIC.len()..];
        let generation_id = i32::from_ne_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let rest = &rest[4..];
        let (group_id, rest) = take_printable(rest).ok_or_else(|| bad_msg("Input buffer group id is not safe"))?;
        let (member_id, rest) = take_printable(rest).ok_or_else(|| bad_msg("Input buffer member id is not safe"))?;
        let (&is_null, rest) = rest.split_first().ok_or_else(|| bad_msg("Input buffer bad length"))?;
        let (instance_id, rest) = if is_null != 0 {
            (None, rest)
        } else {
            let (i, r) = take_printable(rest).ok_or_else(|| bad_msg("Input buffer group instance id is not safe"))?;
            (Some(i), r)
        };
        if !rest.is_empty() {
            return Err(bad_msg("Input buffer bad length"));
        }
        Ok(CgMetadataObj::from_c(group_id, generation_id, member_id, instance_id))
    }

    /// Moves the object to the heap as a C handle.
    pub fn into_raw(self) -> *mut rd_kafka_consumer_group_metadata_t {
        Box::into_raw(Box::new(self)) as *mut rd_kafka_consumer_group_metadata_t
    }

    /// Borrows the object behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_consumer_group_metadata_t) -> Option<&'a CgMetadataObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const CgMetadataObj).as_ref() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What librdkafka writes for group "grp", generation 5, member "m-1"
    /// and instance "inst" on a little-endian host (derived from the format
    /// of its rd_kafka_consumer_group_metadata_write()).
    const KNOWN_WITH_INSTANCE: &[u8] = b"CGMDv2:\x05\x00\x00\x00grp\0m-1\0\x00inst\0";
    /// Same for rd_kafka_consumer_group_metadata_new("g"): generation -1,
    /// empty member id, no instance id.
    const KNOWN_NEW: &[u8] = b"CGMDv2:\xff\xff\xff\xffg\0\0\x01";

    #[test]
    #[cfg(target_endian = "little")]
    fn known_bytes() {
        let m = CgMetadataObj::new("grp", 5, "m-1", Some("inst"));
        assert_eq!(m.encode(), KNOWN_WITH_INSTANCE);
        assert_eq!(CgMetadataObj::decode(KNOWN_WITH_INSTANCE).unwrap(), m);
        let n = CgMetadataObj::new("g", -1, "", None);
        assert_eq!(n.encode(), KNOWN_NEW);
        assert_eq!(CgMetadataObj::decode(KNOWN_NEW).unwrap(), n);
    }

    #[test]
    fn round_trips() {
        for m in [
            CgMetadataObj::new("", 0, "", None),
            CgMetadataObj::new("group", i32::MIN, "member-abc", Some("")),
            CgMetadataObj::new("a b~", i32::MAX, "x", Some("static-1")),
        ] {
            assert_eq!(CgMetadataObj::decode(&m.encode()).unwrap(), m);
        }
    }

    #[test]
    fn decode_errors() {
        let msg = |b: &[u8]| CgMetadataObj::decode(b).unwrap_err();
        let e = msg(b"CGMDv2:\0\0\0\0\0\0");
        assert_eq!(e.code, RD_KAFKA_RESP_ERR__BAD_MSG);
        assert_eq!(e.message, "Input buffer is too short");
        assert_eq!(msg(b"CGMDv1:\0\0\0\0\0\0\x01").message, "Input buffer is not a serialized consumer group metadata object");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\x01\0\0\x01").message, "Input buffer group id is not safe");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0ggg").message, "Input buffer group id is not safe");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\0m\n\0\x01").message, "Input buffer member id is not safe");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\0m\0").message, "Input buffer bad length");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\0m\0\0i").message, "Input buffer group instance id is not safe");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\0m\0\x01x").message, "Input buffer bad length");
        assert_eq!(msg(b"CGMDv2:\0\0\0\0g\0m\0\0i\0\0").message, "Input buffer bad length");
        // Any non-zero flag byte means "no instance id".
        assert_eq!(CgMetadataObj::decode(b"CGMDv2:\0\0\0\0g\0m\0\x07").unwrap().group_instance_id(), None);
    }
}
