//! Splitting a byte stream into Kafka frames (INT32 size + payload).

use std::io::{self, Read};

use bytes::{Buf, Bytes, BytesMut};
use parking_lot::Mutex;
use std::sync::Arc;

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
    /// The large frame being received into a recycled buffer, if any.
    big: Option<BigFrame>,
    /// Buffers of large frames, back from the frames' last users.
    pool: Arc<BufPool>,
    /// The time of the current read (coarse ms), when the pool and the
    /// buffer were last checked for unused memory, and when the buffer last
    /// needed more than [`BUF_KEEP`].
    now_ms: i64,
    checked_ms: i64,
    buf_big_ms: i64,
    /// The most the buffer had to hold since it was last replaced, if more
    /// than [`BUF_KEEP`] (else 0). `BytesMut::capacity` only tells the room
    /// after the frames already split off, not the allocation's size.
    buf_peak: usize,
}

/// Frames at least this large are received into a buffer of their own,
/// taken from the reader's pool and given back when the frame's last
/// reference is dropped. Reusing them keeps their pages mapped: a fresh
/// multi-megabyte allocation for every fetch response costs a page fault
/// per 4 KiB, which was most of a fast consumer's kernel time.
const BIG_FRAME: usize = 128 * 1024;
/// Buffers kept per reader, and the most memory they may hold together
/// (64 MiB is librdkafka's default prefetch budget,
/// queued.max.messages.kbytes). Within those caps a buffer stays only while
/// it is used: one left unused for [`crate::recycle::IDLE_MS`] is freed, so
/// the buffers of an occasional huge response (after a stall) do not stay
/// allocated for the connection's lifetime.
const POOL_BUFS: usize = 4;
const POOL_MAX_BYTES: usize = 64 << 20;
const POOL_OVERSIZE: usize = 4;
/// The receive buffer's size, and how much room it keeps however long it
/// goes unused: what a steady stream of frames below [`BIG_FRAME`] needs
/// (more comes back once unused for an idle period).
const BUF_MIN: usize = 64 * 1024;
const BUF_KEEP: usize = 512 * 1024;

#[derive(Debug)]
struct BigFrame {
    data: Vec<u8>,
    size: usize,
}

#[derive(Debug, Default)]
struct BufPool {
    /// Each buffer with the time it came back (coarse milliseconds).
    bufs: Mutex<Vec<(Vec<u8>, i64)>>,
}

impl BufPool {
    /// An empty buffer of at least `size` bytes' capacity: the smallest
    /// pooled one that fits (a larger one left unused then expires), or a
    /// fresh one. Sizes are rounded up so that the slightly different sizes
    /// of later responses fit. A pooled buffer more than POOL_OVERSIZE
    /// times the rounded size is not used: after a burst, a huge buffer
    /// would otherwise serve every small frame and never expire.
    fn take(&self, size: usize) -> Vec<u8> {
        self.take_at(size, crate::recycle::coarse_ms())
    }

    fn take_at(&self, size: usize, now_ms: i64) -> Vec<u8> {
        let (found, expired) = {
            let mut bufs = self.bufs.lock();
            let expired = Self::expire(&mut bufs, now_ms);
            let most = size.next_power_of_two().saturating_mul(POOL_OVERSIZE);
            let best = (0..bufs.len())
                .filter(|&i| (size..=most).contains(&bufs[i].0.capacity()))
                .min_by_key(|&i| bufs[i].0.capacity());
            (best.map(|i| bufs.swap_remove(i).0), expired)
        };
        Self::free(expired);
        found.unwrap_or_else(|| Vec::with_capacity(size.next_power_of_two()))
    }

    fn give_back(&self, v: Vec<u8>) {
        self.give_back_at(v, crate::recycle::coarse_ms());
    }

    /// Keeps `v` for reuse if the caps allow (else it is freed).
    fn give_back_at(&self, mut v: Vec<u8>, now_ms: i64) {
        let expired = {
            let mut bufs = self.bufs.lock();
            let expired = Self::expire(&mut bufs, now_ms);
            let kept: usize = bufs.iter().map(|(b, _)| b.capacity()).sum();
            if bufs.len() < POOL_BUFS && kept + v.capacity() <= POOL_MAX_BYTES {
                v.clear();
                bufs.push((std::mem::take(&mut v), now_ms));
            }
            expired
        };
        Self::free(expired);
    }

    /// Frees expired buffers (after the lock is released).
    fn free(expired: Vec<Vec<u8>>) {
        if !expired.is_empty() {
            let bytes = expired.iter().map(Vec::capacity).sum();
            drop(expired);
            crate::recycle::released(bytes);
        }
    }

    /// Takes out the buffers unused for an idle period (freed by the caller
    /// once the lock is released).
    fn expire(bufs: &mut Vec<(Vec<u8>, i64)>, now_ms: i64) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bufs.len() {
            if now_ms - bufs[i].1 >= crate::recycle::IDLE_MS {
                out.push(bufs.swap_remove(i).0);
            } else {
                i += 1;
            }
        }
        out
    }
}

/// A received large frame; its buffer returns to the pool on drop.
struct Pooled {
    data: Vec<u8>,
    pool: Arc<BufPool>,
}

impl AsRef<[u8]> for Pooled {
    fn as_ref(&self) -> &[u8] {
        &self.data
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.data));
    }
}

/// Default `receive.message.max.bytes` of librdkafka (100 MB).
pub const DEFAULT_MAX_FRAME_SIZE: usize = 100_000_000;

impl FrameReader {
    /// A reader rejecting frames larger than `max_frame_size` bytes (the
    /// `receive.message.max.bytes` property) or smaller than 4 bytes (a
    /// response always starts with its correlation id).
    pub fn new(max_frame_size: usize) -> Self {
        FrameReader {
            buf: BytesMut::with_capacity(BUF_MIN),
            max_frame_size,
            min_frame_size: 4,
            failed: None,
            big: None,
            pool: Arc::new(BufPool::default()),
            now_ms: 0,
            checked_ms: 0,
            buf_big_ms: 0,
            buf_peak: 0,
        }
    }

    /// Frees the memory a burst left unused, called on every socket read
    /// (it looks at most once per idle period, so unused memory lives at
    /// most two of them):
    /// - pooled buffers left unused for an idle period. Taking and giving
    ///   back buffers expires them too, but that happens only when a large
    ///   frame arrives: after a burst of large responses (a stall's
    ///   backlog), a connection that then received only small frames kept
    ///   the burst's buffers for good (2.4 MB over a 200 s soak with three
    ///   stalls);
    /// - the receive buffer's room beyond [`BUF_KEEP`] once no read needed
    ///   it for an idle period. `BytesMut` never gives room back, and a
    ///   reader that reads everything available before taking frames (the
    ///   mock cluster's) grew it to a stall's whole backlog of requests
    ///   (2.9 MB kept over three mock connections). Frames already handed
    ///   out keep the old allocation until they are dropped.
    fn expire_idle(&mut self) {
        self.expire_idle_at(crate::recycle::coarse_ms());
    }

    fn expire_idle_at(&mut self, now_ms: i64) {
        self.now_ms = now_ms;
        if now_ms - self.checked_ms < crate::recycle::IDLE_MS {
            return;
        }
        self.checked_ms = now_ms;
        let expired = BufPool::expire(&mut self.pool.bufs.lock(), now_ms);
        BufPool::free(expired);
        if self.buf_peak > 0 && self.buf.len() <= BUF_MIN && now_ms - self.buf_big_ms >= crate::recycle::IDLE_MS {
            let mut fresh = BytesMut::with_capacity(BUF_MIN);
            fresh.extend_from_slice(&self.buf);
            self.buf = fresh;
            crate::recycle::released(std::mem::take(&mut self.buf_peak));
        }
    }

    /// The receive buffer is about to hold `need` bytes.
    #[inline]
    fn note_need(&mut self, need: usize) {
        if need > BUF_KEEP {
            self.buf_big_ms = self.now_ms;
            self.buf_peak = self.buf_peak.max(need);
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
    pub fn extend_from_slice(&mut self, mut data: &[u8]) {
        if let Some(big) = self.big.as_mut() {
            let n = data.len().min(big.size - big.data.len());
            big.data.extend_from_slice(&data[..n]);
            data = &data[n..];
        }
        self.note_need(self.buf.len() + data.len());
        self.buf.extend_from_slice(data);
    }

    /// Read once from `src` straight into the buffer (no intermediate
    /// copy). Returns what `read` returned: `Ok(0)` means end of stream;
    /// `WouldBlock` is passed through for non-blocking sockets.
    pub fn read_from<R: Read + ?Sized>(&mut self, src: &mut R) -> io::Result<usize> {
        self.expire_idle();
        if let Some(big) = self.big.as_mut() {
            // The rest of the large frame, and nothing after it.
            let len = big.data.len();
            big.data.resize(big.size, 0);
            let r = src.read(&mut big.data[len..]);
            big.data.truncate(len + *r.as_ref().unwrap_or(&0));
            return r;
        }
        // Read at least 64 KiB at a time, or the whole missing part of the
        // current frame when that is known and bigger.
        let want = self.bytes_needed().unwrap_or(0).max(BUF_MIN);
        let len = self.buf.len();
        self.note_need(len + want);
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
        self.expire_idle();
        if let Some(big) = self.big.as_mut() {
            // The rest of the large frame, and nothing after it.
            let missing = big.size - big.data.len();
            let spare = &mut big.data.spare_capacity_mut()[..missing];
            // SAFETY: as below; `data` has capacity for the whole frame.
            let n = unsafe { libc::read(fd, spare.as_mut_ptr() as *mut libc::c_void, missing) };
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: the kernel initialised these n bytes just above.
            unsafe { big.data.set_len(big.data.len() + n as usize) };
            return Ok(n as usize);
        }
        let want = self.bytes_needed().unwrap_or(0).max(BUF_MIN);
        self.note_need(self.buf.len() + want);
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
        self.buf.len() + self.big.as_ref().map_or(0, |b| b.data.len())
    }

    /// How many more bytes are needed to complete the frame being received
    /// (None if the size prefix itself is not complete yet).
    pub fn bytes_needed(&self) -> Option<usize> {
        if let Some(big) = &self.big {
            return Some(big.size - big.data.len());
        }
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
        if let Some(big) = &self.big {
            if big.data.len() < big.size {
                return Ok(None);
            }
            let data = self.big.take().unwrap().data;
            return Ok(Some(Bytes::from_owner(Pooled { data, pool: self.pool.clone() })));
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
            if size >= BIG_FRAME {
                // Everything buffered belongs to this frame: move it to a
                // buffer of the frame's own.
                let mut data = self.pool.take(size);
                data.extend_from_slice(&self.buf[4..]);
                self.buf.clear();
                self.big = Some(BigFrame { data, size });
                return Ok(None);
            }
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

    /// Feeds a frame of `len` bytes `fill` in two pieces (the first one
    /// incomplete) and returns it, checked.
    fn large_frame_in_two_pieces(r: &mut FrameReader, fill: u8, len: usize) -> Bytes {
        let stream = frame(&vec![fill; len]);
        r.extend_from_slice(&stream[..10]);
        assert!(r.next_frame().unwrap().is_none());
        r.extend_from_slice(&stream[10..]);
        let f = r.next_frame().unwrap().unwrap();
        assert!(f.len() == len && f.iter().all(|b| *b == fill));
        f
    }

    #[test]
    fn large_frames_reuse_their_buffers() {
        let mut r = FrameReader::new(1 << 24);
        let mut stream = frame(&[1u8; 300_000]);
        stream.extend(frame(b"\0\0\0\x09small"));
        // Part of the first frame: it is received into a buffer of its own.
        r.extend_from_slice(&stream[..1000]);
        assert!(r.next_frame().unwrap().is_none());
        assert_eq!(r.bytes_needed(), Some(300_004 - 1000));
        // The rest of it and all of the next frame in one piece.
        r.extend_from_slice(&stream[1000..]);
        let f1 = r.next_frame().unwrap().unwrap();
        assert!(f1.len() == 300_000 && f1.iter().all(|b| *b == 1));
        assert_eq!(&r.next_frame().unwrap().unwrap()[..], b"\0\0\0\x09small");
        assert_eq!(r.buffered(), 0);
        // Once the first frame is dropped, the next large one reuses its
        // buffer.
        let p1 = f1.as_ptr();
        let piece = f1.slice(10..20);
        drop(f1);
        let f2 = large_frame_in_two_pieces(&mut r, 2, 250_000);
        assert_ne!(f2.as_ptr(), p1, "reused while a slice of it was alive");
        assert!(piece.iter().all(|b| *b == 1));
        drop(piece);
        let p2 = f2.as_ptr();
        drop(f2);
        let f3 = large_frame_in_two_pieces(&mut r, 3, 200_000);
        assert!(f3.as_ptr() == p1 || f3.as_ptr() == p2, "a pooled buffer was not reused");
    }

    #[test]
    fn the_pool_keeps_a_bounded_amount_of_memory() {
        let t = 100_000;
        let pool = BufPool::default();
        for _ in 0..6 {
            pool.give_back_at(Vec::with_capacity(1 << 20), t);
        }
        assert_eq!(pool.bufs.lock().len(), POOL_BUFS);
        let pool = BufPool::default();
        pool.give_back_at(Vec::with_capacity(40 << 20), t);
        pool.give_back_at(Vec::with_capacity(40 << 20), t);
        assert_eq!(pool.bufs.lock().len(), 1, "more than POOL_MAX_BYTES kept");
        // The smallest buffer that fits is handed out; when none fits, a
        // fresh one (rounded up to a power of two) is.
        pool.give_back_at(Vec::with_capacity(1 << 20), t);
        assert_eq!(pool.take_at(300_000, t).capacity(), 1 << 20);
        pool.give_back_at(Vec::with_capacity(1 << 20), t);
        assert!(pool.take_at(30 << 20, t).capacity() >= 40 << 20);
        assert_eq!(pool.take_at(3 << 20, t).capacity(), 4 << 20);
        assert_eq!(pool.bufs.lock().len(), 1);
        // A buffer much larger than needed stays in the pool (to expire).
        pool.give_back_at(Vec::with_capacity(16 << 20), t);
        assert_eq!(pool.take_at(200_000, t).capacity(), 1 << 20);
        assert_eq!(pool.take_at(200_000, t).capacity(), 256 << 10);
        assert_eq!(pool.take_at(3 << 20, t).capacity(), 16 << 20);
    }

    /// A buffer left by a burst (one huge response) is freed after an idle
    /// period, while the buffer in steady use stays.
    #[test]
    fn unused_buffers_expire() {
        use crate::recycle::IDLE_MS;
        let t0 = 100_000;
        let pool = BufPool::default();
        pool.give_back_at(Vec::with_capacity(16 << 20), t0);
        pool.give_back_at(Vec::with_capacity(1 << 20), t0);
        // Steady traffic of ~600 KB responses for two idle periods.
        let mut t = t0;
        while t < t0 + 2 * IDLE_MS {
            let b = pool.take_at(600_000, t);
            assert_eq!(b.capacity(), 1 << 20);
            pool.give_back_at(b, t);
            t += 100;
        }
        let bufs = pool.bufs.lock();
        assert_eq!(bufs.len(), 1);
        assert_eq!(bufs[0].0.capacity(), 1 << 20);
        drop(bufs);
        // Idle: nothing stays.
        drop(pool.take_at(10, t + IDLE_MS));
        assert!(pool.bufs.lock().is_empty());
    }

    /// A large frame's buffer is freed after an idle period even when no
    /// other large frame comes (the reader checks on its reads, at most
    /// once per idle period).
    #[test]
    fn idle_buffers_expire_without_large_frames() {
        use crate::recycle::IDLE_MS;
        let mut r = FrameReader::new(1 << 24);
        drop(large_frame_in_two_pieces(&mut r, 7, 300_000));
        assert_eq!(r.pool.bufs.lock().len(), 1);
        let back = r.pool.bufs.lock()[0].1;
        // Small frames only from now on.
        r.extend_from_slice(&frame(b"small"));
        assert_eq!(&r.next_frame().unwrap().unwrap()[..], b"small");
        r.expire_idle_at(back + IDLE_MS / 2);
        assert_eq!(r.pool.bufs.lock().len(), 1, "freed before an idle period");
        r.expire_idle_at(back + IDLE_MS + IDLE_MS / 2);
        assert!(r.pool.bufs.lock().is_empty(), "an idle buffer was kept");
        // Not checked again within an idle period, then checked.
        r.pool.give_back_at(Vec::with_capacity(1 << 20), back);
        r.expire_idle_at(back + 2 * IDLE_MS);
        assert_eq!(r.pool.bufs.lock().len(), 1);
        r.expire_idle_at(back + 2 * IDLE_MS + IDLE_MS / 2);
        assert!(r.pool.bufs.lock().is_empty());
    }

    /// The receive buffer gives back the room a burst grew once no read
    /// needed it for an idle period, and keeps it while reads do.
    #[test]
    fn the_receive_buffer_gives_back_a_bursts_room() {
        use crate::recycle::IDLE_MS;
        let mut r = FrameReader::new(1 << 24);
        let t0 = 100_000;
        r.expire_idle_at(t0);
        // A burst: 2 MB of small frames buffered at once.
        let burst = |r: &mut FrameReader| {
            let mut stream = Vec::new();
            for i in 0..2000u32 {
                stream.extend(frame(&[i as u8; 1000]));
            }
            r.extend_from_slice(&stream);
            assert!(r.buf.capacity() > BUF_KEEP);
            for i in 0..2000u32 {
                let f = r.next_frame().unwrap().unwrap();
                assert!(f.len() == 1000 && f[0] == i as u8);
            }
            assert_eq!(r.buffered(), 0);
        };
        // A burst half a period after the last check.
        r.expire_idle_at(t0 + IDLE_MS / 2);
        burst(&mut r);
        let grown = r.buf.as_ptr();
        r.expire_idle_at(t0 + IDLE_MS);
        assert!(r.buf_peak > 2_000_000 && r.buf.as_ptr() == grown, "given back while in use");
        r.expire_idle_at(t0 + 2 * IDLE_MS);
        assert!(r.buf.capacity() <= BUF_MIN && r.buf_peak == 0, "a burst's room was kept");
        // A partial frame is carried over into the new buffer.
        let next = frame(b"after the burst");
        r.expire_idle_at(t0 + 2 * IDLE_MS + IDLE_MS / 2);
        burst(&mut r);
        r.extend_from_slice(&next[..7]);
        r.expire_idle_at(t0 + 4 * IDLE_MS);
        assert_eq!(r.buf_peak, 0, "a burst's room was kept");
        assert!(r.next_frame().unwrap().is_none());
        r.extend_from_slice(&next[7..]);
        assert_eq!(&r.next_frame().unwrap().unwrap()[..], b"after the burst");
        // A burst in every period: the room stays.
        let mut t = t0 + 4 * IDLE_MS;
        for _ in 0..3 {
            r.expire_idle_at(t + IDLE_MS / 2);
            burst(&mut r);
            t += IDLE_MS;
            r.expire_idle_at(t);
            assert!(r.buf_peak > 0, "given back while in use");
        }
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
