//! Primitive wire types: a bounds-checked reader over a byte slice and
//! writers for Kafka's fixed-width integers, (zigzag) varints, strings and
//! byte arrays, in both the classic and the "compact" (flexible version)
//! forms.
//!
//! Everything here is big-endian as the protocol requires. The reader never
//! panics: every read checks the remaining length and returns
//! [`ProtocolError::Truncated`] or [`ProtocolError::Malformed`].

use bytes::BufMut;

use super::error::{ProtocolError, Result};

/// A cursor over a byte slice. Positions are byte indexes into the slice the
/// reader was created with, so callers holding the matching `Bytes` can cut
/// zero-copy sub-slices with `Bytes::slice(range)`.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    /// Current position (index into the original slice).
    #[inline]
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Bytes left to read.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// True when nothing is left.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The unread part of the input.
    #[inline]
    pub fn rest(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }

    /// Take the next `n` bytes.
    #[inline]
    pub fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(ProtocolError::truncated(what));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// Take the next `n` bytes and return their position range.
    #[inline]
    pub fn take_range(&mut self, n: usize, what: &'static str) -> Result<std::ops::Range<usize>> {
        let start = self.pos;
        self.take(n, what)?;
        Ok(start..self.pos)
    }

    /// Skip `n` bytes.
    #[inline]
    pub fn skip(&mut self, n: usize, what: &'static str) -> Result<()> {
        self.take(n, what).map(|_| ())
    }

    #[inline]
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N]> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    /// Read an INT8.
    #[inline]
    pub fn i8(&mut self, what: &'static str) -> Result<i8> {
        Ok(self.array::<1>(what)?[0] as i8)
    }
    /// Read a big-endian INT16.
    #[inline]
    pub fn i16(&mut self, what: &'static str) -> Result<i16> {
        Ok(i16::from_be_bytes(self.array(what)?))
    }
    /// Read a big-endian INT32.
    #[inline]
    pub fn i32(&mut self, what: &'static str) -> Result<i32> {
        Ok(i32::from_be_bytes(self.array(what)?))
    }
    /// Read a big-endian UINT32.
    #[inline]
    pub fn u32(&mut self, what: &'static str) -> Result<u32> {
        Ok(u32::from_be_bytes(self.array(what)?))
    }
    /// Read a big-endian INT64.
    #[inline]
    pub fn i64(&mut self, what: &'static str) -> Result<i64> {
        Ok(i64::from_be_bytes(self.array(what)?))
    }
    /// Read a UUID (16 raw bytes).
    #[inline]
    pub fn uuid(&mut self, what: &'static str) -> Result<[u8; 16]> {
        self.array(what)
    }

    /// Read an UNSIGNED_VARINT (at most 5 bytes, value fits in 32 bits).
    #[inline]
    pub fn uvarint(&mut self, what: &'static str) -> Result<u32> {
        let mut value: u32 = 0;
        for i in 0..5 {
            let b = self.array::<1>(what)?[0];
            if i == 4 && b > 0x0f {
                return Err(ProtocolError::malformed(format!(
                    "varint too long in {what}"
                )));
            }
            value |= ((b & 0x7f) as u32) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ProtocolError::malformed(format!(
            "varint too long in {what}"
        )))
    }

    /// Read an unsigned 64-bit varint (at most 10 bytes).
    #[inline]
    pub fn uvarlong(&mut self, what: &'static str) -> Result<u64> {
        let mut value: u64 = 0;
        for i in 0..10 {
            let b = self.array::<1>(what)?[0];
            if i == 9 && b > 0x01 {
                return Err(ProtocolError::malformed(format!(
                    "varlong too long in {what}"
                )));
            }
            value |= ((b & 0x7f) as u64) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ProtocolError::malformed(format!(
            "varlong too long in {what}"
        )))
    }

    /// Read a zigzag VARINT (signed 32-bit).
    #[inline]
    pub fn varint(&mut self, what: &'static str) -> Result<i32> {
        let u = self.uvarint(what)?;
        Ok(((u >> 1) as i32) ^ -((u & 1) as i32))
    }

    /// Read a zigzag VARLONG (signed 64-bit).
    #[inline]
    pub fn varlong(&mut self, what: &'static str) -> Result<i64> {
        let u = self.uvarlong(what)?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }

    /// Read a length that must be >= -1 (-1 meaning null); returns None for
    /// null.
    #[inline]
    fn nullable_len(&mut self, len: i64, what: &'static str) -> Result<Option<usize>> {
        match len {
            -1 => Ok(None),
            l if l < 0 => Err(ProtocolError::malformed(format!(
                "negative length {l} for {what}"
            ))),
            l => Ok(Some(l as usize)),
        }
    }

    /// NULLABLE_STRING / STRING (INT16 length) as a byte range; None if null.
    pub fn string_range(&mut self, what: &'static str) -> Result<Option<std::ops::Range<usize>>> {
        let len = self.i16(what)? as i64;
        match self.nullable_len(len, what)? {
            None => Ok(None),
            Some(n) => Ok(Some(self.take_range(n, what)?)),
        }
    }

    /// COMPACT_(NULLABLE_)STRING (UNSIGNED_VARINT length+1) as a byte range.
    pub fn compact_string_range(
        &mut self,
        what: &'static str,
    ) -> Result<Option<std::ops::Range<usize>>> {
        let len = self.uvarint(what)? as i64 - 1;
        match self.nullable_len(len, what)? {
            None => Ok(None),
            Some(n) => Ok(Some(self.take_range(n, what)?)),
        }
    }

    /// A (compact if `flexible`) nullable string, as UTF-8 (lossy: a bad
    /// byte sequence from a broker must not make the whole response fail).
    pub fn string(&mut self, flexible: bool, what: &'static str) -> Result<Option<String>> {
        let r = if flexible {
            self.compact_string_range(what)?
        } else {
            self.string_range(what)?
        };
        Ok(r.map(|r| String::from_utf8_lossy(&self.data[r]).into_owned()))
    }

    /// BYTES / NULLABLE_BYTES (INT32 length) as a range.
    pub fn bytes_range(&mut self, what: &'static str) -> Result<Option<std::ops::Range<usize>>> {
        let len = self.i32(what)? as i64;
        match self.nullable_len(len, what)? {
            None => Ok(None),
            Some(n) => Ok(Some(self.take_range(n, what)?)),
        }
    }

    /// COMPACT_(NULLABLE_)BYTES as a range.
    pub fn compact_bytes_range(
        &mut self,
        what: &'static str,
    ) -> Result<Option<std::ops::Range<usize>>> {
        let len = self.uvarint(what)? as i64 - 1;
        match self.nullable_len(len, what)? {
            None => Ok(None),
            Some(n) => Ok(Some(self.take_range(n, what)?)),
        }
    }

    /// Varint-length (zigzag) nullable bytes as used inside v2 records.
    pub fn varint_bytes_range(
        &mut self,
        what: &'static str,
    ) -> Result<Option<std::ops::Range<usize>>> {
        let len = self.varint(what)? as i64;
        match self.nullable_len(len, what)? {
            None => Ok(None),
            Some(n) => Ok(Some(self.take_range(n, what)?)),
        }
    }

    /// An array length (INT32, or compact UNSIGNED_VARINT+1 if `flexible`).
    /// Null arrays read as 0 elements. The count is checked against the
    /// bytes left, assuming each element takes at least `min_elem_size`
    /// bytes, so garbage counts cannot trigger huge allocations.
    pub fn array_len(
        &mut self,
        flexible: bool,
        min_elem_size: usize,
        what: &'static str,
    ) -> Result<usize> {
        let n: i64 = if flexible {
            self.uvarint(what)? as i64 - 1
        } else {
            self.i32(what)? as i64
        };
        if n < -1 {
            return Err(ProtocolError::malformed(format!(
                "negative array length {n} for {what}"
            )));
        }
        if n <= 0 {
            return Ok(0);
        }
        let n = n as usize;
        if n.saturating_mul(min_elem_size.max(1)) > self.remaining() {
            return Err(ProtocolError::malformed(format!(
                "array length {n} for {what} exceeds the {} bytes left",
                self.remaining()
            )));
        }
        Ok(n)
    }

    /// Skip a tagged-field section, calling `f(tag, body)` for each field.
    pub fn tagged_fields(
        &mut self,
        mut f: impl FnMut(u32, std::ops::Range<usize>) -> Result<()>,
    ) -> Result<()> {
        let n = self.uvarint("tagged field count")?;
        for _ in 0..n {
            let tag = self.uvarint("tag")?;
            let size = self.uvarint("tagged field size")? as usize;
            let r = self.take_range(size, "tagged field")?;
            f(tag, r)?;
        }
        Ok(())
    }

    /// The slice this reader was made over.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }
}

/// Number of bytes an UNSIGNED_VARINT takes.
#[inline]
pub fn uvarint_len(mut v: u32) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Number of bytes an unsigned 64-bit varint takes.
#[inline]
pub fn uvarlong_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Zigzag-map a signed 32-bit integer.
#[inline]
pub fn zigzag32(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

/// Zigzag-map a signed 64-bit integer.
#[inline]
pub fn zigzag64(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// Number of bytes a zigzag VARINT takes.
#[inline]
pub fn varint_len(v: i32) -> usize {
    uvarint_len(zigzag32(v))
}

/// Number of bytes a zigzag VARLONG takes.
#[inline]
pub fn varlong_len(v: i64) -> usize {
    uvarlong_len(zigzag64(v))
}

/// Write an UNSIGNED_VARINT.
#[inline]
pub fn put_uvarint(buf: &mut impl BufMut, mut v: u32) {
    while v >= 0x80 {
        buf.put_u8((v as u8) | 0x80);
        v >>= 7;
    }
    buf.put_u8(v as u8);
}

/// Write an unsigned 64-bit varint.
#[inline]
pub fn put_uvarlong(buf: &mut impl BufMut, mut v: u64) {
    while v >= 0x80 {
        buf.put_u8((v as u8) | 0x80);
        v >>= 7;
    }
    buf.put_u8(v as u8);
}

/// Write a zigzag VARINT.
#[inline]
pub fn put_varint(buf: &mut impl BufMut, v: i32) {
    put_uvarint(buf, zigzag32(v))
}

/// Write a zigzag VARLONG.
#[inline]
pub fn put_varlong(buf: &mut impl BufMut, v: i64) {
    put_uvarlong(buf, zigzag64(v))
}

/// Write a (NULLABLE_)STRING with INT16 length, or its compact form.
pub fn put_string(buf: &mut impl BufMut, s: Option<&[u8]>, flexible: bool) -> Result<()> {
    match s {
        None => {
            if flexible {
                put_uvarint(buf, 0)
            } else {
                buf.put_i16(-1)
            }
        }
        Some(s) => {
            if flexible {
                if s.len() >= u32::MAX as usize {
                    return Err(ProtocolError::Encode("string too long".into()));
                }
                put_uvarint(buf, s.len() as u32 + 1);
            } else {
                if s.len() > i16::MAX as usize {
                    return Err(ProtocolError::Encode(format!(
                        "string of {} bytes does not fit an INT16 length",
                        s.len()
                    )));
                }
                buf.put_i16(s.len() as i16);
            }
            buf.put_slice(s);
        }
    }
    Ok(())
}

/// Encoded size of a string written by [`put_string`].
pub fn string_len(s: Option<&[u8]>, flexible: bool) -> usize {
    match (s, flexible) {
        (None, true) => 1,
        (None, false) => 2,
        (Some(s), true) => uvarint_len(s.len() as u32 + 1) + s.len(),
        (Some(s), false) => 2 + s.len(),
    }
}

/// Write the length prefix of a (NULLABLE_)BYTES field (INT32 or compact).
pub fn put_bytes_len(buf: &mut impl BufMut, len: Option<usize>, flexible: bool) -> Result<()> {
    match len {
        None => {
            if flexible {
                put_uvarint(buf, 0)
            } else {
                buf.put_i32(-1)
            }
        }
        Some(n) => {
            if n >= i32::MAX as usize {
                return Err(ProtocolError::Encode(format!(
                    "{n} bytes do not fit a BYTES field"
                )));
            }
            if flexible {
                put_uvarint(buf, n as u32 + 1)
            } else {
                buf.put_i32(n as i32)
            }
        }
    }
    Ok(())
}

/// Encoded size of a BYTES length prefix.
pub fn bytes_len_len(len: Option<usize>, flexible: bool) -> usize {
    match (len, flexible) {
        (None, true) => 1,
        (None, false) => 4,
        (Some(n), true) => uvarint_len(n as u32 + 1),
        (Some(_), false) => 4,
    }
}

/// Write an array length (INT32, or compact UNSIGNED_VARINT+1).
pub fn put_array_len(buf: &mut impl BufMut, n: usize, flexible: bool) -> Result<()> {
    if n >= i32::MAX as usize {
        return Err(ProtocolError::Encode(format!(
            "array of {n} elements is too long"
        )));
    }
    if flexible {
        put_uvarint(buf, n as u32 + 1)
    } else {
        buf.put_i32(n as i32)
    }
    Ok(())
}

/// Encoded size of an array length.
pub fn array_len_len(n: usize, flexible: bool) -> usize {
    if flexible {
        uvarint_len(n as u32 + 1)
    } else {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_known_encodings() {
        // Values and encodings from the protobuf / Kafka varint definitions.
        let cases: &[(i32, &[u8])] = &[
            (0, &[0x00]),
            (-1, &[0x01]),
            (1, &[0x02]),
            (-2, &[0x03]),
            (63, &[0x7e]),
            (-64, &[0x7f]),
            (64, &[0x80, 0x01]),
            (300, &[0xd8, 0x04]),
            (i32::MAX, &[0xfe, 0xff, 0xff, 0xff, 0x0f]),
            (i32::MIN, &[0xff, 0xff, 0xff, 0xff, 0x0f]),
        ];
        for &(v, enc) in cases {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            assert_eq!(b, enc, "encode {v}");
            assert_eq!(varint_len(v), enc.len());
            let mut r = Reader::new(enc);
            assert_eq!(r.varint("t").unwrap(), v);
            assert!(r.is_empty());
        }
        let mut b = Vec::new();
        put_varlong(&mut b, i64::MIN);
        assert_eq!(
            b,
            [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
        );
        assert_eq!(Reader::new(&b).varlong("t").unwrap(), i64::MIN);
        for v in [0i64, 1, -1, 1 << 40, -(1 << 40), i64::MAX, i64::MIN] {
            let mut b = Vec::new();
            put_varlong(&mut b, v);
            assert_eq!(b.len(), varlong_len(v));
            assert_eq!(Reader::new(&b).varlong("t").unwrap(), v);
        }
    }

    #[test]
    fn varint_rejects_overlong_and_truncated() {
        assert!(matches!(
            Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).uvarint("t"),
            Err(ProtocolError::Malformed(_))
        ));
        assert!(matches!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x1f]).uvarint("t"),
            Err(ProtocolError::Malformed(_))
        ));
        assert!(matches!(
            Reader::new(&[0x80]).uvarint("t"),
            Err(ProtocolError::Truncated { .. })
        ));
        assert!(matches!(
            Reader::new(&[0xff; 11]).uvarlong("t"),
            Err(ProtocolError::Malformed(_))
        ));
    }

    #[test]
    fn array_len_is_bounded_by_input() {
        let mut r = Reader::new(&[0x7f, 0xff, 0xff, 0xff, 0, 0]);
        assert!(r.array_len(false, 1, "a").is_err());
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff]);
        assert_eq!(r.array_len(false, 1, "a").unwrap(), 0);
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xfe]);
        assert!(r.array_len(false, 1, "a").is_err());
        let mut r = Reader::new(&[3, 1, 2]);
        assert_eq!(r.array_len(true, 1, "a").unwrap(), 2);
    }

    #[test]
    fn strings_and_bytes() {
        let mut b = Vec::new();
        put_string(&mut b, Some(b"abc"), false).unwrap();
        put_string(&mut b, None, false).unwrap();
        put_string(&mut b, Some(b"xy"), true).unwrap();
        put_string(&mut b, None, true).unwrap();
        assert_eq!(b, [0, 3, b'a', b'b', b'c', 0xff, 0xff, 3, b'x', b'y', 0]);
        let mut r = Reader::new(&b);
        assert_eq!(r.string(false, "s").unwrap().as_deref(), Some("abc"));
        assert_eq!(r.string(false, "s").unwrap(), None);
        assert_eq!(r.string(true, "s").unwrap().as_deref(), Some("xy"));
        assert_eq!(r.string(true, "s").unwrap(), None);
        assert!(r.is_empty());
        assert!(Reader::new(&[0xff, 0xfe]).string(false, "s").is_err());
        assert!(put_string(&mut b, Some(&vec![0u8; 40000]), false).is_err());
    }
}
