//! SASL authentication on the mock listeners: PLAIN and the server side of
//! SCRAM-SHA-256 / SCRAM-SHA-512 (RFC 5802, RFC 7677).

use std::collections::HashMap;

use openssl::hash::{MessageDigest, hash};
use openssl::pkey::PKey;
use openssl::sign::Signer;

use super::state::{base64_decode, base64_encode, random_uuid};

/// Iteration count the mock asks SCRAM clients to use (Kafka's minimum).
pub const SCRAM_ITERATIONS: u32 = 4096;

/// Where a connection stands in SASL authentication.
#[derive(Clone, Debug, Default)]
pub enum AuthState {
    /// Authenticated (or no SASL configured).
    #[default]
    Done,
    /// SaslHandshake expected.
    Start,
    /// Mechanism chosen; `raw` when the tokens come as raw frames
    /// (SaslHandshake v0) rather than SaslAuthenticate requests.
    Handshaked { mechanism: String, raw: bool },
    /// SCRAM server-first-message sent.
    Scram { raw: bool, scram: Box<ScramServer> },
}

impl AuthState {
    pub fn is_done(&self) -> bool {
        matches!(self, AuthState::Done)
    }

    pub fn expects_raw_token(&self) -> bool {
        matches!(
            self,
            AuthState::Handshaked { raw: true, .. } | AuthState::Scram { raw: true, .. }
        )
    }
}

fn digest(mech: &str) -> Option<(MessageDigest, usize)> {
    match mech {
        "SCRAM-SHA-256" => Some((MessageDigest::sha256(), 32)),
        "SCRAM-SHA-512" => Some((MessageDigest::sha512(), 64)),
        _ => None,
    }
}

pub fn hmac(md: MessageDigest, key: &[u8], data: &[u8]) -> Vec<u8> {
    let k = PKey::hmac(key).expect("hmac key");
    let mut s = Signer::new(md, &k).expect("hmac signer");
    s.update(data).expect("hmac update");
    s.sign_to_vec().expect("hmac sign")
}

pub fn salted_password(
    md: MessageDigest,
    len: usize,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
) -> Vec<u8> {
    let mut out = vec![0u8; len];
    openssl::pkcs5::pbkdf2_hmac(password, salt, iterations as usize, md, &mut out).expect("pbkdf2");
    out
}

/// Check a PLAIN token (authzid NUL user NUL password).
pub fn plain(token: &[u8], users: &HashMap<String, String>) -> Result<(), String> {
    let parts: Vec<&[u8]> = token.split(|&b| b == 0).collect();
    if parts.len() != 3 {
        return Err("Invalid SASL/PLAIN token".into());
    }
    let user = String::from_utf8_lossy(parts[1]);
    let pass = String::from_utf8_lossy(parts[2]);
    match users.get(user.as_ref()) {
        Some(p) if *p == pass => Ok(()),
        _ => Err("Authentication failed: Invalid username or password".into()),
    }
}

/// The server side of one SCRAM exchange.
#[derive(Clone, Debug)]
pub struct ScramServer {
    mechanism: String,
    gs2_header: String,
    client_first_bare: String,
    server_first: String,
    nonce: String,
    salted: Vec<u8>,
}

fn attr<'a>(msg: &'a str, key: char) -> Option<&'a str> {
    msg.split(',')
        .find_map(|kv| kv.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

impl ScramServer {
    /// Handle the client-first-message; returns the state and the
    /// server-first-message.
    pub fn start(
        mechanism: &str,
        client_first: &[u8],
        users: &HashMap<String, String>,
    ) -> Result<(ScramServer, Vec<u8>), String> {
        let (md, len) = digest(mechanism).ok_or("unsupported mechanism")?;
        let msg = std::str::from_utf8(client_first).map_err(|_| "Invalid SCRAM message")?;
        // gs2-header: cbind flag, authzid, then the bare message.
        let mut it = msg.splitn(3, ',');
        let (flag, authz, bare) = match (it.next(), it.next(), it.next()) {
            (Some(f), Some(a), Some(b)) => (f, a, b),
            _ => return Err("Invalid SCRAM client-first-message".into()),
        };
        if flag != "n" && flag != "y" {
            return Err("Channel binding is not supported".into());
        }
        let user = attr(bare, 'n').ok_or("Invalid SCRAM client-first-message: no user")?;
        let user = user.replace("=2C", ",").replace("=3D", "=");
        let cnonce = attr(bare, 'r').ok_or("Invalid SCRAM client-first-message: no nonce")?;
        let password = users.get(&user).ok_or("Authentication failed during authentication due to invalid credentials with SASL mechanism")?;
        let salt = random_uuid();
        let snonce = base64_encode(&random_uuid())
            .trim_end_matches('=')
            .replace('/', "_")
            .replace('+', "-");
        let nonce = format!("{cnonce}{snonce}");
        let server_first = format!("r={nonce},s={},i={SCRAM_ITERATIONS}", base64_encode(&salt));
        let salted = salted_password(md, len, password.as_bytes(), &salt, SCRAM_ITERATIONS);
        Ok((
            ScramServer {
                mechanism: mechanism.to_string(),
                gs2_header: format!("{flag},{authz},"),
                client_first_bare: bare.to_string(),
                server_first: server_first.clone(),
                nonce,
                salted,
            },
            server_first.into_bytes(),
        ))
    }

    /// Check the client-final-message; returns the server-final-message.
    pub fn finish(&self, client_final: &[u8]) -> Result<Vec<u8>, String> {
        let (md, _) = digest(&self.mechanism).ok_or("unsupported mechanism")?;
        let msg = std::str::from_utf8(client_final).map_err(|_| "Invalid SCRAM message")?;
        let idx = msg
            .rfind(",p=")
            .ok_or("Invalid SCRAM client-final-message: no proof")?;
        let without_proof = &msg[..idx];
        let proof = base64_decode(&msg[idx + 3..]).ok_or("Invalid SCRAM proof")?;
        if attr(without_proof, 'r') != Some(self.nonce.as_str()) {
            return Err("Invalid SCRAM nonce".into());
        }
        let cbind = attr(without_proof, 'c')
            .and_then(base64_decode)
            .unwrap_or_default();
        if cbind != self.gs2_header.as_bytes() {
            return Err("Invalid SCRAM channel binding".into());
        }
        let auth_message = format!(
            "{},{},{}",
            self.client_first_bare, self.server_first, without_proof
        );
        let client_key = hmac(md, &self.salted, b"Client Key");
        let stored_key = hash(md, &client_key).map_err(|e| e.to_string())?;
        let signature = hmac(md, &stored_key, auth_message.as_bytes());
        if proof.len() != signature.len() {
            return Err("Invalid SCRAM proof".into());
        }
        let recovered: Vec<u8> = proof.iter().zip(&signature).map(|(a, b)| a ^ b).collect();
        if hash(md, &recovered).map_err(|e| e.to_string())?.as_ref() != stored_key.as_ref() {
            return Err("Authentication failed during authentication due to invalid credentials with SASL mechanism".into());
        }
        let server_key = hmac(md, &self.salted, b"Server Key");
        let server_sig = hmac(md, &server_key, auth_message.as_bytes());
        Ok(format!("v={}", base64_encode(&server_sig)).into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The client side, as in RFC 5802, to exercise the server.
    fn client(
        mech: &str,
        user: &str,
        pass: &str,
        users: &HashMap<String, String>,
    ) -> Result<(), String> {
        let (md, len) = digest(mech).unwrap();
        let cnonce = "fyko+d2lbbFgONRv9qkxdawL";
        let first_bare = format!("n={user},r={cnonce}");
        let (srv, server_first) =
            ScramServer::start(mech, format!("n,,{first_bare}").as_bytes(), users)?;
        let sf = String::from_utf8(server_first).unwrap();
        let nonce = attr(&sf, 'r').unwrap();
        assert!(nonce.starts_with(cnonce));
        let salt = base64_decode(attr(&sf, 's').unwrap()).unwrap();
        let iters: u32 = attr(&sf, 'i').unwrap().parse().unwrap();
        let salted = salted_password(md, len, pass.as_bytes(), &salt, iters);
        let without_proof = format!("c=biws,r={nonce}");
        let auth = format!("{first_bare},{sf},{without_proof}");
        let ck = hmac(md, &salted, b"Client Key");
        let sk = hash(md, &ck).unwrap();
        let sig = hmac(md, &sk, auth.as_bytes());
        let proof: Vec<u8> = ck.iter().zip(&sig).map(|(a, b)| a ^ b).collect();
        let fin = srv.finish(format!("{without_proof},p={}", base64_encode(&proof)).as_bytes())?;
        let server_key = hmac(md, &salted, b"Server Key");
        let expect = format!(
            "v={}",
            base64_encode(&hmac(md, &server_key, auth.as_bytes()))
        );
        assert_eq!(String::from_utf8(fin).unwrap(), expect);
        Ok(())
    }

    #[test]
    fn scram_both_digests() {
        let mut users = HashMap::new();
        users.insert("alice".to_string(), "s3cret".to_string());
        for mech in ["SCRAM-SHA-256", "SCRAM-SHA-512"] {
            client(mech, "alice", "s3cret", &users).unwrap();
            assert!(client(mech, "alice", "wrong", &users).is_err());
            assert!(client(mech, "bob", "s3cret", &users).is_err());
        }
    }

    #[test]
    fn pbkdf2_known_vector() {
        // RFC 7677 example: SCRAM-SHA-256, password "pencil".
        let salt = base64_decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let salted = salted_password(MessageDigest::sha256(), 32, b"pencil", &salt, 4096);
        let first_bare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
        let server_first = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        let without_proof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        let auth = format!("{first_bare},{server_first},{without_proof}");
        let md = MessageDigest::sha256();
        let ck = hmac(md, &salted, b"Client Key");
        let sig = hmac(md, &hash(md, &ck).unwrap(), auth.as_bytes());
        let proof: Vec<u8> = ck.iter().zip(&sig).map(|(a, b)| a ^ b).collect();
        assert_eq!(
            base64_encode(&proof),
            "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        let sk = hmac(md, &salted, b"Server Key");
        assert_eq!(
            base64_encode(&hmac(md, &sk, auth.as_bytes())),
            "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
        );
    }

    #[test]
    fn plain_tokens() {
        let mut users = HashMap::new();
        users.insert("u".to_string(), "p".to_string());
        assert!(plain(b"\0u\0p", &users).is_ok());
        assert!(plain(b"\0u\0x", &users).is_err());
        assert!(plain(b"garbage", &users).is_err());
    }
}
