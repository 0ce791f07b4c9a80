//! The built-in partitioners and their hash functions.
//!
//! They must choose exactly the partitions librdkafka chooses (and, for
//! murmur2, the partitions the Java client's default partitioner chooses),
//! so that keyed data lands in the same place whichever client produced it.

/// Seed of the Java client's murmur2 (`Utils.murmur2`).
const MURMUR2_SEED: u32 = 0x9747_b28c;

/// Kafka's murmur2 (the 32-bit MurmurHash2 variant of the Java client:
/// little-endian 4-byte blocks, tail mixed in byte order).
pub fn murmur2(data: &[u8]) -> u32 {
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;
    let mut h: u32 = MURMUR2_SEED ^ data.len() as u32;
    let mut blocks = data.chunks_exact(4);
    for b in &mut blocks {
        let mut k = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }
    let tail = blocks.remainder();
    if tail.len() >= 3 {
        h ^= (tail[2] as u32) << 16;
    }
    if tail.len() >= 2 {
        h ^= (tail[1] as u32) << 8;
    }
    if !tail.is_empty() {
        h ^= tail[0] as u32;
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h
}

/// 32-bit FNV-1a, folded to a non-negative value the way Sarama's hash
/// partitioner (and librdkafka) do.
pub fn fnv1a(data: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in data {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    (h as i32).wrapping_abs() as u32
}

/// The reflected CRC-32 of zlib / ISO-HDLC (what librdkafka's "consistent"
/// partitioner hashes keys with).
pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: once_cell::sync::Lazy<[u32; 256]> = once_cell::sync::Lazy::new(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *slot = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A uniformly random partition in `0..cnt`.
pub fn random_partition(cnt: i32) -> i32 {
    if cnt <= 1 {
        return 0;
    }
    (fastrand_u32() % cnt as u32) as i32
}

/// A small thread-local xorshift generator (partition choice needs no more).
fn fastrand_u32() -> u32 {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new({
            let mut seed = 0u64;
            // SAFETY: getrandom writes at most 8 bytes into `seed`.
            unsafe { libc::getrandom(&mut seed as *mut u64 as *mut libc::c_void, 8, 0) };
            seed | 1
        });
    }
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        (x >> 32) as u32
    })
}

/// The partition of `key` under "consistent" (CRC-32).
pub fn consistent(key: &[u8], cnt: i32) -> i32 {
    (crc32(key) % cnt as u32) as i32
}

/// The partition of `key` under "murmur2" (Java client compatible).
pub fn murmur2_partition(key: &[u8], cnt: i32) -> i32 {
    ((murmur2(key) & 0x7fff_ffff) % cnt as u32) as i32
}

/// The partition of `key` under "fnv1a" (Sarama compatible).
pub fn fnv1a_partition(key: &[u8], cnt: i32) -> i32 {
    (fnv1a(key) % cnt as u32) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHORT: &str = "1234";
    const UNALIGNED: &str = "PreAmbleWillBeRemoved,ThePrePartThatIs";

    fn keys() -> Vec<&'static str> {
        vec![
            "kafka",
            "giberish123456789",
            SHORT,
            &SHORT[1..],
            &SHORT[2..],
            &SHORT[3..],
            UNALIGNED,
            &UNALIGNED[1..],
            &UNALIGNED[2..],
            &UNALIGNED[3..],
            "",
        ]
    }

    /// Hashes computed by the Java client's Utils.murmur2 for the keys above.
    #[test]
    fn murmur2_matches_java() {
        let java: [u32; 11] = [
            0xd067cf64, 0x8f552b0c, 0x9fc97b14, 0xe7c009ca, 0x873930da, 0x5a4b5ca1, 0x78424f1c, 0x4a62b377,
            0xe0e4e09e, 0x62b8b43f, 0x106e08d9,
        ];
        for (k, want) in keys().into_iter().zip(java) {
            assert_eq!(murmur2(k.as_bytes()), want, "key {k:?}");
        }
    }

    /// Hashes of Go's hash/fnv (New32a), made non-negative as Sarama does.
    #[test]
    fn fnv1a_matches_sarama() {
        let go: [u32; 11] = [
            0x0d33c4e1, 0x77a58295, 0x023bdd03, 0x2dea3cd2, 0x740fa83e, 0x310ca263, 0x65cbd69c, 0x6e49c79a,
            0x69eed356, 0x6abcc023, 0x7ee3623b,
        ];
        for (k, want) in keys().into_iter().zip(go) {
            assert_eq!(fnv1a(k.as_bytes()), want, "key {k:?}");
        }
    }

    #[test]
    fn crc32_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xcbf43926);
        assert_eq!(crc32(b""), 0);
    }

    /// The partition is the positive part of the hash modulo the count.
    #[test]
    fn murmur2_partitions() {
        assert_eq!(murmur2_partition(b"kafka", 100), ((0xd067cf64u32 & 0x7fffffff) % 100) as i32);
        for cnt in 1..50 {
            for k in keys() {
                let p = murmur2_partition(k.as_bytes(), cnt);
                assert!((0..cnt).contains(&p));
            }
        }
    }

    #[test]
    fn random_stays_in_range() {
        for _ in 0..1000 {
            let p = random_partition(7);
            assert!((0..7).contains(&p));
        }
        assert_eq!(random_partition(1), 0);
    }
}
