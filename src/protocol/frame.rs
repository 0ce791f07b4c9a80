//! Splitting a byte stream into Kafka frames (INT32 size + payload).

use std::io::{self, Read};

use bytes::{Buf, Bytes, BytesMut};

use super::error::{ProtocolError, Result};

/// Accumulates bytes received from a socket and hands out complete frames.
///
/// Each frame is a big-endian INT32 size followed by that many bytes; the
/// payload returned by [`next_frame`](Self::next_frame) excludes the size
/// field and is a zero-copy view of the receive buffer. Sizes outside
/// `min_frame_size..=max_frame_size` are rejected with
/// [`ProtocolError::FrameTooLarge`] / [`ProtocolError::InvalidFrameSize`]:
/// the connection is then unusable and should be closed (the reader keeps
/// returning the same error).
#[derive(Debug)]
pub struct FrameReader {
    buf: BytesMut,
    max_frame_size: usize,
    min_frame_size: usize,
    failed: Option<ProtocolError>,
}

/// Default `receive.message.max.bytes` of librdkafka (100 MB).
pub const DEFAULT_MAX_FRAME_SIZE: usize = 100_000_000;

impl FrameReader {
    /// A reader rejecting frames larger than `max_frame_size` bytes (the
    /// `receive.message.max.bytes` property) or smaller than 4 bytes (a
    /// response always starts with its correlation id).
    pub fn new(max_frame_size: usize) -> Self {
        FrameReader {
            buf: BytesMut::with_capacity(64 * 1024),
            max_frame_size,
            min_frame_size: 4,
            failed: None,
        }
    }

    /// Change the smallest accepted frame (0 for raw SASL token frames).
    pub fn set_min_frame_size(&mut self, min: usize) {
        self.min_frame_size = min;
    }

    /// Change the largest accepted frame.
    pub fn set_max_frame_size(&mut self, max: usize) {
        self.max_frame_size = max;
    }

    /// Append received bytes.
    pub fn extend_from_slice(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Read once from `src` straight into the buffer (no intermediate
    /// copy). Returns what `read` returned: `Ok(0)` means end of stream;
    /// `WouldBlock` is passed through for non-blocking sockets.
    pub fn read_from<R: Read + ?Sized>(&mut self, src: &mut R) -> io::Result<usize> {
        // Read at least 64 KiB at a time, or the whole missing part of the
        // current frame when that is known and bigger.
        let want = self.bytes_needed().unwrap_or(0).max(64 * 1024);
        let len = self.buf.len();
        if self.buf.capacity() - len < want {
            self.buf.reserve(want);
        }
        // Expose at most 1 MiB per call: the spare part is zeroed before it
        // is handed to `read` as &mut [u8], and zeroing a whole 100 MB
        // reservation on every short socket read would be quadratic.
        let chunk = (self.buf.capacity() - len).min(want.clamp(64 * 1024, 1 << 20));
        self.buf.resize(len + chunk, 0);
        match src.read(&mut self.buf[len..]) {
            Ok(n) => {
                self.buf.truncate(len + n);
                Ok(n)
            }
            Err(e) => {
                self.buf.truncate(len);
                Err(e)
            }
        }
    }

    /// Like [`read_from`](Self::read_from) for a socket, reading straight
    /// into the buffer's spare capacity with `read(2)`: nothing is zeroed
    /// first, which matters for multi-megabyte fetch responses.
    pub fn read_fd(&mut self, fd: std::os::fd::RawFd) -> io::Result<usize> {
        let want = self.bytes_needed().unwrap_or(0).max(64 * 1024);
        if self.buf.capacity() - self.buf.len() < want {
            self.buf.reserve(want);
        }
        let spare = self.buf.spare_capacity_mut();
        // SAFETY: read(2) writes at most spare.len() bytes into memory we
        // own (uninitialised bytes may be written to through a raw
        // pointer); exactly the n bytes it reports are then marked
        // initialised.
        let n = unsafe { libc::read(fd, spare.as_mut_ptr() as *mut libc::c_void, spare.len()) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        let n = n as usize;
        // SAFETY: the kernel initialised these n bytes just above.
        unsafe { self.buf.set_len(self.buf.len() + n) };
        Ok(n)
    }

    /// Bytes buffered but not yet returned as frames.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// How many more bytes are needed to complete the frame being received
    /// (None if the size prefix itself is not complete yet).
    pub fn bytes_needed(&self) -> Option<usize> {
        if self.buf.len() < 4 {
            return None;
        }
        let size = i32::from_be_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]);
        if size < 0 {
            return None;
        }
        Some((size as usize + 4).saturating_sub(self.buf.len()))
    }

    /// The next complete frame's payload, `Ok(None)` if more bytes are
    /// needed, or an error if the size prefix is out of bounds.
    pub fn next_frame(&mut self) -> Result<Option<Bytes>> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        if self.buf.len() < 4 {
            return Ok(None);
        }
        let size = i32::from_be_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]);
        let err = if size < 0 || (size as usize) < self.min_frame_size {
            Some(ProtocolError::InvalidFrameSize(size))
        } else if size as usize > self.max_frame_size {
            Some(ProtocolError::FrameTooLarge {
                size: size as i64,
                max: self.max_frame_size,
            })
        } else {
            None
        };
        if let Some(e) = err {
            self.failed = Some(e.clone());
            return Err(e);
        }
        let size = size as usize;
        if self.buf.len() < 4 + size {
            if self.buf.capacity() < 4 + size {
                self.buf.reserve(4 + size - self.buf.len());
            }
            return Ok(None);
        }
        self.buf.advance(4);
        Ok(Some(self.buf.split_to(size).freeze()))
    }
}

/// Prefix `payload` with its INT32 size (used by tests and the mock broker).
pub fn frame(payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(payload.len() + 4);
    v.extend_from_slice(&(payload.len() as i32).to_be_bytes());
    v.extend_from_slice(payload);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_frames_fed_byte_by_byte() {
        let mut stream = frame(b"\0\0\0\x01abc");
        stream.extend(frame(b"\0\0\0\x02"));
        stream.extend(frame(&[7u8; 70_000]));
        let mut r = FrameReader::new(1 << 20);
        let mut frames = Vec::new();
        for b in &stream {
            r.extend_from_slice(std::slice::from_ref(b));
            while let Some(f) = r.next_frame().unwrap() {
                frames.push(f);
            }
        }
        assert_eq!(frames.len(), 3);
        assert_eq!(&frames[0][..], b"\0\0\0\x01abc");
        assert_eq!(&frames[1][..], b"\0\0\0\x02");
        assert_eq!(frames[2].len(), 70_000);
        assert_eq!(r.buffered(), 0);
    }

    #[test]
    fn rejects_oversized_and_negative_frames() {
        let mut r = FrameReader::new(1000);
        r.extend_from_slice(&1001i32.to_be_bytes());
        let e = r.next_frame().unwrap_err();
        assert_eq!(
            e,
            ProtocolError::FrameTooLarge {
                size: 1001,
                max: 1000
            }
        );
        assert!(e.to_string().contains("receive.message.max.bytes"));
        // Sticky: the stream cannot be resynchronised.
        assert!(r.next_frame().is_err());

        let mut r = FrameReader::new(1000);
        r.extend_from_slice(&(-5i32).to_be_bytes());
        assert_eq!(
            r.next_frame().unwrap_err(),
            ProtocolError::InvalidFrameSize(-5)
        );

        let mut r = FrameReader::new(1000);
        r.extend_from_slice(&2i32.to_be_bytes());
        assert_eq!(
            r.next_frame().unwrap_err(),
            ProtocolError::InvalidFrameSize(2)
        );
        let mut r = FrameReader::new(1000);
        r.set_min_frame_size(0);
        r.extend_from_slice(&0i32.to_be_bytes());
        assert_eq!(r.next_frame().unwrap().unwrap().len(), 0);

        // Exactly the maximum is fine.
        let mut r = FrameReader::new(8);
        r.extend_from_slice(&frame(&[1; 8]));
        assert_eq!(r.next_frame().unwrap().unwrap().len(), 8);
    }

    #[test]
    fn reads_from_a_reader() {
        let mut stream = frame(b"0123456789");
        stream.extend(frame(&[9u8; 200_000]));
        let mut src = &stream[..];
        let mut r = FrameReader::new(1 << 20);
        assert_eq!(r.bytes_needed(), None);
        let mut got = Vec::new();
        loop {
            while let Some(f) = r.next_frame().unwrap() {
                got.push(f);
            }
            if r.read_from(&mut src).unwrap() == 0 {
                break;
            }
        }
        assert_eq!(got.len(), 2);
        assert_eq!(&got[0][..], b"0123456789");
        assert!(got[1].iter().all(|b| *b == 9) && got[1].len() == 200_000);
    }
}
