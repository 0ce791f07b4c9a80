//! Certificates and keys handed over in memory with
//! `rd_kafka_conf_set_ssl_cert()`.
//!
//! They are kept as the application encoded them; the TLS layer decodes
//! them when it builds its context. Here they are checked as far as
//! possible without a TLS library: PEM must contain the right kind of block
//! with valid base64, DER and PKCS#12 must be a well-formed ASN.1 sequence
//! (PKCS#12 with version 3).

use crate::objects::types::*;

/// Which slot a certificate goes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertType {
    /// The client's certificate (public key).
    Certificate,
    /// The client's private key.
    PrivateKey,
    /// CA certificate(s) that verify the broker.
    Ca,
}

/// How a certificate buffer is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertEncoding {
    Pkcs12,
    Der,
    Pem,
}

impl CertType {
    pub fn from_c(t: rd_kafka_cert_type_t) -> Option<Self> {
        match t {
            x if x == RD_KAFKA_CERT_PUBLIC_KEY => Some(CertType::Certificate),
            x if x == RD_KAFKA_CERT_PRIVATE_KEY => Some(CertType::PrivateKey),
            x if x == RD_KAFKA_CERT_CA => Some(CertType::Ca),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            CertType::Certificate => "public-key",
            CertType::PrivateKey => "private-key",
            CertType::Ca => "CA",
        }
    }
}

impl CertEncoding {
    pub fn from_c(e: rd_kafka_cert_enc_t) -> Option<Self> {
        match e {
            x if x == RD_KAFKA_CERT_ENC_PKCS12 => Some(CertEncoding::Pkcs12),
            x if x == RD_KAFKA_CERT_ENC_DER => Some(CertEncoding::Der),
            x if x == RD_KAFKA_CERT_ENC_PEM => Some(CertEncoding::Pem),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            CertEncoding::Pkcs12 => "PKCS#12",
            CertEncoding::Der => "DER",
            CertEncoding::Pem => "PEM",
        }
    }
}

/// A certificate or key as set by the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SslCert {
    pub cert_type: CertType,
    pub encoding: CertEncoding,
    /// The buffer exactly as given.
    pub data: Vec<u8>,
    /// `ssl.key.password` at the time the certificate was set (it decrypts
    /// PKCS#12 bundles and encrypted keys).
    pub password: Option<String>,
}

/// The three in-memory certificate slots of a configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SslCerts {
    pub certificate: Option<SslCert>,
    pub key: Option<SslCert>,
    pub ca: Option<SslCert>,
}

impl SslCerts {
    pub fn slot(&mut self, t: CertType) -> &mut Option<SslCert> {
        match t {
            CertType::Certificate => &mut self.certificate,
            CertType::PrivateKey => &mut self.key,
            CertType::Ca => &mut self.ca,
        }
    }
}

/// Checks `data` for the given type and encoding; the error explains what
/// is wrong.
pub fn validate(t: CertType, enc: CertEncoding, data: &[u8]) -> Result<(), String> {
    let fail = |why: &str| Err(format!("Failed to read {} {} certificate/key: {}", enc.label(), t.label(), why));
    if data.is_empty() {
        return fail("empty buffer");
    }
    match enc {
        CertEncoding::Der => match der_sequence_len(data) {
            Some(_) => Ok(()),
            None => fail("not a DER encoded ASN.1 sequence"),
        },
        CertEncoding::Pkcs12 => {
            // PFX ::= SEQUENCE { version INTEGER {v3(3)}, ... }
            match der_sequence_len(data) {
                Some(hdr) if data.len() >= hdr + 3 && data[hdr..hdr + 3] == [0x02, 0x01, 0x03] => Ok(()),
                _ => fail("not a PKCS#12 (version 3) structure"),
            }
        }
        CertEncoding::Pem => {
            let text = match std::str::from_utf8(data) {
                Ok(s) => s.trim_end_matches('\0'),
                Err(_) => return fail("PEM data is not text"),
            };
            let blocks = match pem_blocks(text) {
                Ok(b) => b,
                Err(e) => return fail(&e),
            };
            let wanted = |label: &str| match t {
                CertType::PrivateKey => label.ends_with("PRIVATE KEY"),
                CertType::Certificate | CertType::Ca => {
                    matches!(label, "CERTIFICATE" | "TRUSTED CERTIFICATE" | "X509 CERTIFICATE")
                }
            };
            if !blocks.iter().any(|(label, _)| wanted(label)) {
                return fail(match t {
                    CertType::PrivateKey => "no PRIVATE KEY block found",
                    _ => "no CERTIFICATE block found",
                });
            }
            Ok(())
        }
    }
}

/// If `data` starts with a DER SEQUENCE that fits in it, the size of the
/// SEQUENCE's tag and length header.
fn der_sequence_len(data: &[u8]) -> Option<usize> {
    if data.len() < 2 || data[0] != 0x30 {
        return None;
    }
    let (len, hdr) = if data[1] & 0x80 == 0 {
        (data[1] as usize, 2)
    } else {
        let n = (data[1] & 0x7f) as usize;
        if n == 0 || n > 4 || data.len() < 2 + n {
            return None;
        }
        let len = data[2..2 + n].iter().fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (len, 2 + n)
    };
    if hdr + len > data.len() {
        return None;
    }
    Some(hdr)
}

/// Splits PEM text into (label, decoded body) blocks.
fn pem_blocks(text: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        let Some(label) = line.strip_prefix("-----BEGIN ").and_then(|l| l.strip_suffix("-----")) else {
            continue;
        };
        let end = format!("-----END {label}-----");
        let mut b64 = String::new();
        let mut closed = false;
        for l in lines.by_ref() {
            if l == end {
                closed = true;
                break;
            }
            // Encapsulated headers of legacy encrypted keys (Proc-Type: ...).
            if l.contains(':') || l.is_empty() {
                continue;
            }
            b64.push_str(l);
        }
        if !closed {
            return Err(format!("unterminated PEM block \"{label}\""));
        }
        let body = base64_decode(&b64).ok_or_else(|| format!("invalid base64 in PEM block \"{label}\""))?;
        if body.is_empty() {
            return Err(format!("empty PEM block \"{label}\""));
        }
        out.push((label.to_string(), body));
    }
    if out.is_empty() {
        return Err("no PEM block found".to_string());
    }
    Ok(out)
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    fn val(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some((c - b'A') as u32),
            b'a'..=b'z' => Some((c - b'a' + 26) as u32),
            b'0'..=b'9' => Some((c - b'0' + 52) as u32),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (i, chunk) in bytes.chunks(4).enumerate() {
        let last = i == bytes.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut acc = 0u32;
        for &c in &chunk[..4 - pad] {
            acc = (acc << 6) | val(c)?;
        }
        acc <<= 6 * pad as u32;
        let b = acc.to_be_bytes();
        out.extend_from_slice(&b[1..4 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEM_CERT: &str = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";

    #[test]
    fn base64() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(base64_decode("aGVsbA==").unwrap(), b"hell");
        assert!(base64_decode("aGVsbA=").is_none());
        assert!(base64_decode("a=VsbA==").is_none());
        assert!(base64_decode("aGV*bA==").is_none());
    }

    #[test]
    fn pem_validation() {
        assert!(validate(CertType::Certificate, CertEncoding::Pem, PEM_CERT.as_bytes()).is_ok());
        assert!(validate(CertType::Ca, CertEncoding::Pem, PEM_CERT.as_bytes()).is_ok());
        let e = validate(CertType::PrivateKey, CertEncoding::Pem, PEM_CERT.as_bytes()).unwrap_err();
        assert!(e.contains("PRIVATE KEY"), "{e}");
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMAMCAQE=\n-----END RSA PRIVATE KEY-----\n";
        assert!(validate(CertType::PrivateKey, CertEncoding::Pem, key.as_bytes()).is_ok());
        assert!(validate(CertType::Certificate, CertEncoding::Pem, b"garbage").is_err());
        let open = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n";
        assert!(validate(CertType::Certificate, CertEncoding::Pem, open.as_bytes()).is_err());
        assert!(validate(CertType::Certificate, CertEncoding::Pem, b"").is_err());
    }

    #[test]
    fn der_and_pkcs12_validation() {
        assert!(validate(CertType::Certificate, CertEncoding::Der, &[0x30, 0x03, 0x02, 0x01, 0x01]).is_ok());
        assert!(validate(CertType::Certificate, CertEncoding::Der, &[0x30, 0x05, 0x02, 0x01, 0x01]).is_err());
        assert!(validate(CertType::Certificate, CertEncoding::Der, &[0x31, 0x00]).is_err());
        assert!(validate(CertType::Certificate, CertEncoding::Der, &[0x30, 0x81, 0x01, 0x05]).is_ok());
        assert!(validate(CertType::PrivateKey, CertEncoding::Pkcs12, &[0x30, 0x03, 0x02, 0x01, 0x03]).is_ok());
        assert!(validate(CertType::PrivateKey, CertEncoding::Pkcs12, &[0x30, 0x03, 0x02, 0x01, 0x01]).is_err());
    }
}
