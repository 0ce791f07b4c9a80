//! Name resolution off the event loop.
//!
//! getaddrinfo() blocks, so one resolver thread per client instance does the
//! lookups and hands the results back through a channel, waking the loop.

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Address family restriction (`broker.address.family`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Any,
    V4,
    V6,
}

pub struct Lookup {
    /// Identifies the broker that asked (its slot).
    pub slot: usize,
    pub host: String,
    pub port: u16,
    pub family: Family,
}

pub struct Resolved {
    pub slot: usize,
    pub host: String,
    pub port: u16,
    pub result: Result<Vec<SocketAddr>, String>,
}

/// The resolver thread and its channels.
pub struct Resolver {
    tx: Option<Sender<Lookup>>,
    pub results: Receiver<Resolved>,
    thread: Option<JoinHandle<()>>,
}

impl Resolver {
    /// Starts the thread; `wake` is called after each result is queued.
    pub fn start(name: &str, wake: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<Resolver> {
        let (tx, rx) = unbounded::<Lookup>();
        let (rtx, rrx) = unbounded::<Resolved>();
        let thread = std::thread::Builder::new().name(format!("rdk:resolve/{name}")).spawn(move || {
            super::THREADS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            for l in rx.iter() {
                let result = resolve(&l.host, l.port, l.family);
                if rtx.send(Resolved { slot: l.slot, host: l.host, port: l.port, result }).is_err() {
                    break;
                }
                wake();
            }
            super::THREADS.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        })?;
        Ok(Resolver { tx: Some(tx), results: rrx, thread: Some(thread) })
    }

    pub fn lookup(&self, l: Lookup) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(l);
        }
    }

    /// Stops the thread (after the lookup in progress, if any).
    pub fn stop(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Resolver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Resolves `host:port`, keeping only the requested family, in the order the
/// system returned them.
pub fn resolve(host: &str, port: u16, family: Family) -> Result<Vec<SocketAddr>, String> {
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            let s = e.to_string();
            // std prefixes getaddrinfo's message; keep the system's words.
            s.strip_prefix("failed to lookup address information: ").unwrap_or(&s).to_string()
        })?
        .filter(|a| match family {
            Family::Any => true,
            Family::V4 => a.is_ipv4(),
            Family::V6 => a.is_ipv6(),
        })
        .collect();
    if addrs.is_empty() {
        return Err("No address of the requested family".to_string());
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_loopback_and_filters_family() {
        let v4 = resolve("127.0.0.1", 9092, Family::V4).unwrap();
        assert_eq!(v4, vec!["127.0.0.1:9092".parse().unwrap()]);
        assert!(resolve("127.0.0.1", 9092, Family::V6).is_err());
    }

    #[test]
    fn unknown_host_fails() {
        assert!(resolve("no-such-host.invalid", 9092, Family::Any).is_err());
    }
}
