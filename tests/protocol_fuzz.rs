//! Fuzz targets run as ordinary tests:
//! - every saved crash/regression input under `fuzz/regressions/<target>/`
//!   is replayed;
//! - a seeded, bounded randomized smoke run (random bytes and mutations of
//!   valid seed inputs) goes through every target, so the decoders are
//!   exercised even where cargo-fuzz (nightly) is not available.
//!
//! `FERROKAFKA_FUZZ_ITERS` scales the smoke run (default 5000 per target);
//! `FERROKAFKA_WRITE_SEEDS=1` writes the seed corpora to `fuzz/corpus/`.

use std::path::Path;

use ferrokafka::protocol::fuzz_support::{TARGETS, seeds};

/// xorshift64*: small, deterministic, good enough to drive mutations.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] = rng.next() as u8;
            }
            2 if !input.is_empty() => {
                let n = rng.below(input.len() + 1);
                input.truncate(n);
            }
            3 => {
                let i = rng.below(input.len() + 1);
                let b = rng.next() as u8;
                input.insert(i, b);
            }
            4 if input.len() >= 4 => {
                // Interesting integers into a length-ish position.
                let i = rng.below(input.len() - 3);
                let v: [u8; 4] = match rng.below(5) {
                    0 => [0x7f, 0xff, 0xff, 0xff],
                    1 => [0xff, 0xff, 0xff, 0xff],
                    2 => [0x80, 0, 0, 0],
                    3 => [0, 0, 0, 0],
                    _ => [0, 0, 0x10, 0],
                };
                input[i..i + 4].copy_from_slice(&v);
            }
            5 if input.len() > 2 => {
                let a = rng.below(input.len());
                let b = rng.below(input.len());
                let (lo, hi) = (a.min(b), a.max(b));
                let chunk = input[lo..hi].to_vec();
                let at = rng.below(input.len() + 1);
                input.splice(at..at, chunk);
            }
            _ => {
                let i = rng.below(input.len() + 1);
                input.insert(i, 0x80);
            }
        }
    }
}

#[test]
fn replay_saved_fuzz_regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (name, target) in TARGETS {
        let dir = root.join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            target(&data);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} regression inputs");
}

#[test]
fn seeded_smoke_run_of_every_target() {
    let iters: usize = std::env::var("FERROKAFKA_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    let write = std::env::var_os("FERROKAFKA_WRITE_SEEDS").is_some();
    for (ti, (name, target)) in TARGETS.iter().enumerate() {
        let seeds = seeds(name);
        assert!(!seeds.is_empty(), "no seeds for {name}");
        if write {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/corpus")
                .join(name);
            std::fs::create_dir_all(&dir).unwrap();
            for (i, s) in seeds.iter().enumerate() {
                std::fs::write(dir.join(format!("seed-{i:03}")), s).unwrap();
            }
        }
        // Seeds themselves must be accepted.
        for s in &seeds {
            target(s);
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (ti as u64 + 1));
        for i in 0..iters {
            let mut input = if i % 8 == 0 {
                let n = rng.below(300);
                (0..n).map(|_| rng.next() as u8).collect()
            } else {
                seeds[rng.below(seeds.len())].clone()
            };
            mutate(&mut rng, &mut input);
            let r = std::panic::catch_unwind(|| target(&input));
            if r.is_err() {
                let dir = std::env::temp_dir().join("ferrokafka-fuzz-failures");
                std::fs::create_dir_all(&dir).unwrap();
                let p = dir.join(format!("{name}-{i}"));
                std::fs::write(&p, &input).unwrap();
                panic!(
                    "target {name} panicked on iteration {i}; input saved to {}",
                    p.display()
                );
            }
        }
    }
}
